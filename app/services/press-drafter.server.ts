/**
 * How the press service gets a draft: the event's facts (app/services/press-facts.server.ts) through the pure
 * drafter (app/domain/press/draft.ts). A parameter of the service so tests can pass small drafts of their own.
 */
import type { Db } from "#db/client.server";
import { draftPressSummary } from "~/domain/press/draft";
import type { PressDraft, PressLanguage } from "~/domain/press/types";
import { loadPressFacts } from "./press-facts.server";

export type PressDrafter = (
  db: Db,
  eventId: string,
  language: PressLanguage,
  options: { publishedOn: Date; byline: string | null; attendedOnly?: boolean },
) => Promise<PressDraft>;

export const defaultPressDrafter: PressDrafter = async (db, eventId, language, options) =>
  draftPressSummary(await loadPressFacts(db, eventId, options), language);
