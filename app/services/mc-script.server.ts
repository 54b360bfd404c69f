/**
 * The MC script: generated from the agenda and the dignitaries in precedence order (app/domain/protocol),
 * editable (the edited text is kept per language in mc_scripts) and regenerated on request.
 */
import type { Db } from "#db/client.server";
import { inSentenceEn } from "~/domain/glossary/in-language";
import {
  decodeSavedScripts,
  encodeSavedScripts,
  mcScriptText,
  type McTiming,
  type SavedMcScript,
} from "~/domain/agenda/mc-script-text";
import type { Locale } from "~/domain/dates/phrasing";
import { MC_SCRIPT_MAX } from "~/domain/agenda/mc-script.schema";
import type { AddressInput } from "~/domain/protocol/address";
import { markedProseEn, termOrMarkedEn } from "~/domain/glossary/in-language";
import { defaultGlossary } from "~/domain/glossary/translate";
import { UNTRANSLATED_EN } from "~/domain/glossary/types";
import { introducedByName, mcScript, type McDignitary, type McDocument, type McItem } from "~/domain/protocol/mc-script";
import type { PrecedenceReason } from "~/domain/protocol/precedence";
import { foldForSearch } from "~/domain/text/search";
import { recordAudit } from "~/models/audit.server";
import {
  getMcScriptRow,
  getSpeakers,
  lastAgendaChange,
  listAgenda,
  listSignatoriesForMc,
  lockAgendaEvent,
  lockMcScriptRow,
  saveMcScriptRow,
  deleteMcScriptRow,
} from "~/models/agenda.server";
import { listAttendanceLines, listRoles } from "~/models/ceremony.server";
import { listArrivedInvitationIds } from "~/models/door.server";
import { getEventDetail, type EventDetail } from "~/models/events.server";
import { loadPrecedence } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";

/**
 * Only the leadership is introduced by name (introducedByName of the rank their positions earn); someone
 * placed by hand above a person introduced by name is introduced by name too.
 */
export function introducedInOrder(dignitaries: { rankReason: PrecedenceReason; moved: boolean }[]): boolean[] {
  const byRank = dignitaries.map((d) => introducedByName(d.rankReason));
  const lastNamed = byRank.lastIndexOf(true);
  return dignitaries.map((d, i) => byRank[i]! || (d.moved && i < lastNamed));
}

/** An override written as a sentence start ("Đồng chí …") reads mid-sentence as "đồng chí …". */
function inlineOverride(text: string): string {
  const trimmed = text.trim();
  const firstTwo = foldForSearch(trimmed.split(/\s+/).slice(0, 2).join(" "));
  const firstOne = foldForSearch(trimmed.split(/\s+/)[0] ?? "");
  if (firstTwo === "dong chi" || firstOne === "ong" || firstOne === "ba")
    return trimmed.charAt(0).toLocaleLowerCase("vi") + trimmed.slice(1);
  return trimmed;
}

function addressFor(
  p: { honorific: string | null; name: string; positions: string[]; fullAddressOverride?: string | null; englishAddressOverride?: string | null },
  locale: Locale,
): AddressInput {
  const override = locale === "vi" ? p.fullAddressOverride : p.englishAddressOverride;
  if (override?.trim()) return { honorific: null, name: inlineOverride(override), positions: [] };
  return { honorific: p.honorific, name: p.name, positions: p.positions };
}

/** "Chương trình phối hợp …" → "chương trình phối hợp …" (it runs inside a sentence); acronyms keep their case. */
export function programmeInSentence(title: string): string {
  const t = title.trim();
  if (t.length > 1 && t.charAt(1) === t.charAt(1).toLocaleLowerCase("vi") && t.charAt(1) !== t.charAt(1).toLocaleUpperCase("vi"))
    return t.charAt(0).toLocaleLowerCase("vi") + t.slice(1);
  return t;
}

/** An English document title inside a sentence (app/domain/glossary/in-language.ts, `inSentenceEn`). */
export const documentInSentenceEn = inSentenceEn;

/** An organisation in the script's language: its English name, else the glossary's, else the Vietnamese, marked. */
function orgName(org: { nameVi: string; nameEn: string | null }, locale: Locale) {
  if (locale === "vi") return org.nameVi;
  if (org.nameEn) return /^the\s/iu.test(org.nameEn) ? org.nameEn : `the ${org.nameEn}`;
  const en = defaultGlossary.organizationEn(org.nameVi).en;
  return en.includes(UNTRANSLATED_EN) ? en : `the ${en}`;
}

export interface McScriptView {
  locale: Locale;
  event: EventDetail;
  generated: string;
  saved: SavedMcScript | null;
  /** What to show and print: the saved text, else the generated one. */
  text: string;
  /** The agenda or the dignitaries changed after the text was edited. */
  outOfDate: boolean;
  /** Send it back when saving or regenerating ("" = nothing saved yet). */
  version: string;
  itemCount: number;
  dignitaryCount: number;
}

/**
 * The generated script: the agenda in order, the dignitaries in precedence order with their ceremony roles (the
 * chairs, witnesses and signatories are introduced by name whatever their rank), each signing item announcing its
 * document (or, without one, every document) with the signatories party by party, the witnesses invited before the
 * first signing, the unnamed attendance lines after the named people, and proceedings given to their subject.
 */
export async function generateMcScript(db: Db, event: EventDetail, locale: Locale, options: { presentOnly?: boolean } = {}) {
  const [items, precedence, signatories, roles, lines, arrived] = await Promise.all([
    listAgenda(db, event.id),
    loadPrecedence(db, event.id),
    listSignatoriesForMc(db, event.id),
    listRoles(db, event.id),
    listAttendanceLines(db, [event.id]),
    options.presentOnly ? listArrivedInvitationIds(db, event.id) : Promise.resolve(null),
  ]);
  // Present only: the introductions (and the signing and witness announcements) leave out who was not checked in.
  const present = arrived ? new Set(arrived) : null;
  const dignitaries = present ? precedence.dignitaries.filter((d) => present.has(d.invitationId)) : precedence.dignitaries;
  const named = introducedInOrder(dignitaries);
  const speakers = await getSpeakers(
    db,
    event.id,
    items.map((i) => i.speakerInvitationId).filter((x): x is string => !!x),
  );
  const mcItems: McItem[] = items.map((item) => {
    const speaker = item.speakerInvitationId ? speakers.get(item.speakerInvitationId) : undefined;
    const subject = locale === "en" ? (item.subjectEn ?? item.subject) : item.subject;
    return {
      id: item.id,
      kind: item.kind,
      title: locale === "en" ? (item.titleEn?.trim() || termOrMarkedEn(item.title)) : item.title,
      speaker: speaker ? addressFor(speaker, locale) : null,
      documentId: item.documentId,
      subject,
    };
  });
  const roleKinds = new Map<string, string[]>();
  for (const r of roles) roleKinds.set(r.dignitaryId, [...(roleKinds.get(r.dignitaryId) ?? []), r.role.kind]);
  const mcDignitaries: McDignitary[] = dignitaries.map((d, i) => ({
    id: d.id,
    introduceByName: named[i]!,
    roles: roleKinds.get(d.id) ?? [],
    ...addressFor(d, locale),
  }));
  const byId = new Map(dignitaries.map((d) => [d.id, d]));
  const documents: McDocument[] = event.documents.map((d) => ({
    id: d.id,
    phrase: locale === "vi" ? programmeInSentence(d.title) : d.titleEn?.trim() ? documentInSentenceEn(d.titleEn) : (markedProseEn(d.title) ?? d.title),
    signatories: d.parties.flatMap((p) => p.signatoryIds.map((id) => byId.get(id)).filter((x) => !!x).map((x) => addressFor(x!, locale))),
  }));
  const witnesses = dignitaries.filter((d) => (roleKinds.get(d.id) ?? []).includes("witness")).map((d) => addressFor(d, locale));
  const sections = mcScript({
    locale,
    hostName: event.host ? orgName(event.host, locale) : null,
    partnerNames: event.partners.map((p) => orgName(p, locale)),
    sides: event.sides.map((s) => ({ kind: s.kind, organizationName: s.organization ? orgName(s.organization, locale) : null })),
    programme: event.documents[0]
      ? locale === "vi"
        ? programmeInSentence(event.documents[0].title)
        : event.documents[0].titleEn?.trim()
          ? documentInSentenceEn(event.documents[0].titleEn)
          : (markedProseEn(event.documents[0].title) ?? event.documents[0].title)
      : null,
    dignitaries: mcDignitaries,
    signatories: signatories.map((s) => addressFor(s, locale)),
    documents: documents.some((d) => d.signatories.length) || documents.length > 1 ? documents : undefined,
    witnesses,
    groupLines: lines.map((l) => (locale === "en" ? (l.textEn ?? l.textVi) : l.textVi)),
    items: mcItems,
  });
  const timings = new Map<string, McTiming>(items.map((i) => [i.id, { startsAt: i.startsAt, durationMinutes: i.durationMinutes }]));
  return { text: mcScriptText(sections, timings, event.timeZone), itemCount: items.length, dignitaryCount: dignitaries.length };
}

export async function getMcScript(db: Db, eventId: string, locale: Locale): Promise<McScriptView> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  const [generated, row, lastChange] = await Promise.all([
    generateMcScript(db, event, locale),
    getMcScriptRow(db, eventId),
    lastAgendaChange(db, eventId),
  ]);
  const saved = decodeSavedScripts(row?.body, row?.updatedAt)[locale] ?? null;
  const savedAt = saved ? new Date(saved.updatedAt) : null;
  return {
    locale,
    event,
    generated: generated.text,
    saved,
    text: saved?.text ?? generated.text,
    outOfDate: !!(savedAt && lastChange && lastChange.getTime() > savedAt.getTime()),
    version: saved?.updatedAt ?? "",
    itemCount: generated.itemCount,
    dignitaryCount: generated.dignitaryCount,
  };
}

async function changeSaved(
  db: Db,
  actor: Actor,
  action: "agenda.mc.save" | "agenda.mc.regenerate",
  eventId: string,
  locale: Locale,
  expectedVersion: string | undefined,
  change: (current: SavedMcScript | null) => SavedMcScript | null,
) {
  await db.transaction(async (tx) => {
    const event = await lockAgendaEvent(tx, eventId);
    if (!event) throw new ServiceError("not_found", "errors.notFound.title");
    if (event.status === "cancelled") throw new ServiceError("conflict", "agenda.errors.cancelled");
    const row = await lockMcScriptRow(tx, eventId);
    const all = decodeSavedScripts(row?.body, row?.updatedAt);
    const current = all[locale] ?? null;
    if (expectedVersion !== undefined && expectedVersion !== (current?.updatedAt ?? ""))
      throw new ServiceError("conflict", "agenda.mc.errors.stale");
    const next = change(current);
    if (next) all[locale] = next;
    else delete all[locale];
    const body = encodeSavedScripts(all);
    if (body) await saveMcScriptRow(tx, eventId, body, actor.id, new Date());
    else await deleteMcScriptRow(tx, eventId);
    await recordAudit(tx, { actor, action, entityType: "mc_script", entityId: eventId, eventId, details: { locale } });
  });
}

/** Saves the edited text of one language. `expectedVersion`: the `version` of the script that was edited. */
export async function saveMcScript(
  db: Db,
  actor: Actor,
  eventId: string,
  locale: Locale,
  text: string,
  expectedVersion?: string,
): Promise<void> {
  const normalized = text.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (!normalized) throw new ServiceError("invalid", "errors.required", { text: "errors.required" });
  if (normalized.length > MC_SCRIPT_MAX)
    throw new ServiceError("invalid", `errors.tooLong?max=${MC_SCRIPT_MAX}`, { text: `errors.tooLong?max=${MC_SCRIPT_MAX}` });
  await changeSaved(db, actor, "agenda.mc.save", eventId, locale, expectedVersion, (current) => {
    const at = new Date();
    // Two saves in one millisecond still get distinct versions.
    const previous = current ? new Date(current.updatedAt).getTime() : 0;
    const updatedAt = new Date(Math.max(at.getTime(), previous + 1)).toISOString();
    return { text: normalized, updatedAt, updatedBy: actor.name };
  });
}

/** Who of the dignitaries has been checked in at the door: the MC page marks them (docs/decisions/022-offline-door.md). */
export async function mcPresence(db: Db, eventId: string) {
  const [precedence, arrived] = await Promise.all([loadPrecedence(db, eventId), listArrivedInvitationIds(db, eventId)]);
  const present = new Set(arrived);
  const dignitaries = precedence.dignitaries.map((d) => ({ id: d.id, address: d.address.short, present: present.has(d.invitationId) }));
  return { arrivals: arrived.length, dignitaries, absent: dignitaries.filter((d) => !d.present).length };
}

/**
 * Saves, as the edited script of one language, the generated script without the introductions of those not checked
 * in. Regenerating brings everyone back.
 */
export async function dropAbsentFromMcScript(db: Db, actor: Actor, eventId: string, locale: Locale, expectedVersion?: string): Promise<void> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  const { text } = await generateMcScript(db, event, locale, { presentOnly: true });
  await saveMcScript(db, actor, eventId, locale, text, expectedVersion);
}

/** Drops the edited text of one language: the generated script is shown again. */
export async function regenerateMcScript(
  db: Db,
  actor: Actor,
  eventId: string,
  locale: Locale,
  expectedVersion?: string,
): Promise<void> {
  await changeSaved(db, actor, "agenda.mc.regenerate", eventId, locale, expectedVersion, () => null);
}
