/**
 * How the press service gets a draft: the event's facts (app/services/press-facts.server.ts) through the pure
 * drafter (app/domain/press/draft.ts). A parameter of the service so tests can pass small drafts of their own.
 */
import type { Db } from "#db/client.server";
import { draftPressSummary } from "~/domain/press/draft";
import type { PressDraft, PressLanguage } from "~/domain/press/types";
import { defaultGlossary } from "~/domain/glossary/translate";
import { loadGlossary } from "./glossary.server";
import { loadPressFacts } from "./press-facts.server";

export type PressDrafter = (
  db: Db,
  eventId: string,
  language: PressLanguage,
  options: { publishedOn: Date; byline: string | null; attendedOnly?: boolean },
) => Promise<PressDraft>;

/**
 * English drafts use the instance's glossary; a dignitary's generated English address (one not overridden by
 * protocol staff) is composed again with it, so a term added in the press editor shows in the redraft.
 */
export const defaultPressDrafter: PressDrafter = async (db, eventId, language, options) => {
  const facts = await loadPressFacts(db, eventId, options);
  if (language === "vi") return draftPressSummary(facts, language);
  const glossary = await loadGlossary(db);
  const dignitaries = facts.dignitaries.map((d) =>
    d.englishAddress === defaultGlossary.addressEn(d).en ? { ...d, englishAddress: glossary.addressEn(d).en } : d,
  );
  return draftPressSummary({ ...facts, dignitaries }, language, { glossary });
};
