/**
 * The invitation letter (Giấy mời): loads the event, its host and the host's parent, the agenda and the invitee,
 * and makes the letter's parts (app/domain/letter/invitation-letter.ts) with the instance's glossary.
 */
import type { Db } from "#db/client.server";
import { invitationLetter, type LetterParts } from "~/domain/letter/invitation-letter";
import { letterOptionsFrom, type LetterOptions } from "~/domain/letter/letter-options.schema";
import { emptyLetterSettings, withSavedSettings, type LetterSettings } from "~/domain/letter/letter-settings.schema";
import { localInputToInstant } from "~/domain/dates/phrasing";
import { listAgenda } from "~/models/agenda.server";
import { recordAudit } from "~/models/audit.server";
import { getLetterEvent, getLetterSettings, listLetterInvitees, upsertLetterSettings, type LetterEventRow, type LetterInviteeRow } from "~/models/letters.server";
import { loadGlossary } from "./glossary.server";

export interface LettersPage {
  event: LetterEventRow;
  invitees: LetterInviteeRow[];
  /** What the organiser saved for the event's letters (empty where nothing was typed). */
  settings: LetterSettings;
}

export async function loadLettersPage(db: Db, eventId: string): Promise<LettersPage | null> {
  const event = await getLetterEvent(db, eventId);
  if (!event) return null;
  const [invitees, settings] = await Promise.all([listLetterInvitees(db, eventId), getLetterSettings(db, eventId)]);
  return { event, invitees, settings: settings ?? emptyLetterSettings };
}

/** Saves the event's letter settings (audited). */
export async function saveLetterSettings(db: Db, actor: { id: string; name: string }, eventId: string, settings: LetterSettings): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertLetterSettings(tx, eventId, actor.id, settings);
    await recordAudit(tx, { actor, action: "letter.settings.save", entityType: "event", entityId: eventId, eventId, details: { ...settings } });
  });
}

/**
 * The letter for a URL's query: `to` and, where given, `lang` and the signer's fields; what the query leaves out
 * comes from the saved settings, and the language from the invitee's own.
 */
export async function loadLetterFor(db: Db, eventId: string, search: URLSearchParams): Promise<(LoadedLetter & { options: LetterOptions }) | null> {
  const page = await loadLettersPage(db, eventId);
  if (!page) return null;
  const query = letterOptionsFrom(search);
  const invitee = query.to === "all" ? null : page.invitees.find((i) => i.id === query.to);
  if (invitee === undefined) return null;
  const options = withSavedSettings(query, search, page.settings, invitee?.language ?? null);
  const loaded = await loadLetter(db, eventId, options, page);
  return loaded ? { ...loaded, options } : null;
}

export interface LoadedLetter {
  event: LetterEventRow;
  /** The invitee's name when the letter is to one; null for one letter to many. */
  inviteeName: string | null;
  letter: LetterParts;
}

/** The letter in `options.lang`; null when the event or the invitee is not there. */
export async function loadLetter(db: Db, eventId: string, options: LetterOptions, loadedPage?: LettersPage): Promise<LoadedLetter | null> {
  const page = loadedPage ?? (await loadLettersPage(db, eventId));
  if (!page) return null;
  const { event, invitees } = page;
  const invitee = options.to === "all" ? null : invitees.find((i) => i.id === options.to);
  if (invitee === undefined) return null;
  const [agenda, glossary] = await Promise.all([listAgenda(db, eventId), loadGlossary(db)]);
  // An event without a host organisation is headed by its own title's body left blank for the clerk.
  const host = event.host ?? { nameVi: "…", nameEn: null, shortName: null };
  const issuedOn = options.date ? localInputToInstant(`${options.date}T12:00`, event.timeZone) : null;
  const letter = invitationLetter(
    {
      host,
      parent: event.parent,
      event,
      agenda: agenda.map((a) => ({ startsAt: a.startsAt, title: a.title, titleEn: a.titleEn })),
      attached: invitee ? undefined : invitees.map((i) => ({ honorific: i.honorific, name: i.name, positions: i.positions, organization: i.organization })),
      addressee: invitee ? { honorific: invitee.honorific, name: invitee.name, positions: invitee.positions, organization: invitee.organization } : null,
      signer: { authority: options.authority, onBehalfOf: options.onBehalfOf, position: options.position, name: options.signer },
      symbol: options.symbol,
      place: options.place,
      issuedOn,
    },
    options.lang,
    glossary,
  );
  return { event, inviteeName: invitee?.name ?? null, letter };
}
