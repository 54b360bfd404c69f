/**
 * Agenda and MC script queries: explicit columns, `db` passed in, no rules (those are in
 * app/services/agenda.server.ts and app/domain/agenda).
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import {
  agendaItems,
  ceremonyRoles,
  dignitaries,
  documentParties,
  eventDocuments,
  events,
  invitations,
  mcScripts,
  people,
  users,
} from "#db/schema/index";
import type { AgendaKind } from "~/domain/agenda/agenda";
import { agendaItemColumns, dignitaryColumns, eventColumns, invitationColumns, mcScriptColumns, pickColumns, userColumns } from "./columns";

/** One agenda item as stored. `keyPoints` is the stored text, one point per line (null = none). */
export interface AgendaItemRow {
  id: string;
  eventId: string;
  position: number;
  startsAt: Date;
  durationMinutes: number;
  title: string;
  /** The English title (English MC script, calendar agenda); null = the Vietnamese, marked. */
  titleEn: string | null;
  kind: AgendaKind;
  responsibleUserId: string | null;
  speakerInvitationId: string | null;
  place: string | null;
  notes: string | null;
  keyPoints: string | null;
  /** Proceedings without a named speaker: who acts ("Hai bên"); null = none. */
  subject: string | null;
  subjectEn: string | null;
  /** A signing item: the document signed. */
  documentId: string | null;
  updatedAt: Date;
}

/**
 * The agenda of an event in its order (position, then id). For the invitee's page and the calendar file:
 * `agendaAsText(await listAgenda(db, eventId), event.timeZone, locale)` (app/domain/agenda/agenda-text.ts).
 */
export function listAgenda(db: Db, eventId: string): Promise<AgendaItemRow[]> {
  return db
    .select(agendaItemColumns)
    .from(agendaItems)
    .where(eq(agendaItems.eventId, eventId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id));
}

export async function getAgendaItem(db: Db, eventId: string, id: string): Promise<AgendaItemRow | null> {
  const [row] = await db
    .select(agendaItemColumns)
    .from(agendaItems)
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaItems.id, id)));
  return row ?? null;
}

export interface AgendaEvent {
  id: string;
  title: string;
  status: "draft" | "scheduled" | "completed" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  startPrecision: "time" | "date";
  timeZone: string;
}

const agendaEventColumns = pickColumns(eventColumns, ["id", "title", "status", "startsAt", "endsAt", "startPrecision", "timeZone"]);

export async function getAgendaEvent(db: Db, eventId: string): Promise<AgendaEvent | null> {
  const [row] = await db.select(agendaEventColumns).from(events).where(eq(events.id, eventId));
  return row ?? null;
}

/**
 * Locks the event's row for the rest of the transaction, so agenda changes of one event run one after the
 * other (each sees the previous one's result). NO KEY UPDATE still lets rows referencing the event be added.
 */
export async function lockAgendaEvent(tx: Db, eventId: string): Promise<AgendaEvent | null> {
  const [row] = await tx.select(agendaEventColumns).from(events).where(eq(events.id, eventId)).for("no key update");
  return row ?? null;
}

export interface AgendaItemValues {
  position: number;
  startsAt: Date;
  durationMinutes: number;
  title: string;
  kind: AgendaKind;
  responsibleUserId: string | null;
  speakerInvitationId: string | null;
  place: string | null;
  notes: string | null;
  keyPoints: string | null;
  subject?: string | null;
  subjectEn?: string | null;
  documentId?: string | null;
  updatedAt: Date;
}

export async function insertAgendaItems(tx: Db, eventId: string, rows: AgendaItemValues[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await tx
    .insert(agendaItems)
    .values(rows.map((r) => ({ ...r, eventId })))
    .returning(pickColumns(agendaItemColumns, ["id"]));
  return inserted.map((r) => r.id);
}

export async function updateAgendaItem(tx: Db, eventId: string, id: string, values: Partial<AgendaItemValues>): Promise<void> {
  await tx
    .update(agendaItems)
    .set(values)
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaItems.id, id)));
}

export async function deleteAgendaItem(tx: Db, eventId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(agendaItems)
    .where(and(eq(agendaItems.eventId, eventId), eq(agendaItems.id, id)))
    .returning(pickColumns(agendaItemColumns, ["id"]));
  return rows.length > 0;
}

export async function deleteAgenda(tx: Db, eventId: string): Promise<number> {
  const rows = await tx.delete(agendaItems).where(eq(agendaItems.eventId, eventId)).returning(pickColumns(agendaItemColumns, ["id"]));
  return rows.length;
}

// ---------------------------------------------------------------------------------------------------
// Who can be chosen: speakers (invitees of the event) and responsible staff

export interface SpeakerOption {
  invitationId: string;
  role: string;
  status: string;
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  /** Set when the invitee is a dignitary of the event: their snapshot for this event. */
  dignitaryId: string | null;
}

const speakerColumns = {
  invitationId: invitationColumns.id,
  ...pickColumns(invitationColumns, ["role", "status"]),
  honorific: sql<string | null>`coalesce(${dignitaries.honorific}, ${people.honorific})`,
  name: sql<string>`coalesce(${dignitaries.name}, ${people.fullName})`,
  positions: sql<string[]>`case when ${dignitaries.id} is null then ${people.positions} else ${dignitaries.positions} end`,
  organization: sql<string | null>`coalesce(${dignitaries.organization}, ${people.organization})`,
  dignitaryId: dignitaryColumns.id,
};

/**
 * The invitees who can be picked as a speaker: not withdrawn; dignitaries, speakers and signatories first,
 * then everyone else by name; at most `limit` (an event may have thousands of guests), plus `include`.
 */
export async function listSpeakerOptions(db: Db, eventId: string, limit: number, include: string[] = []): Promise<SpeakerOption[]> {
  const base = () =>
    db
      .select(speakerColumns)
      .from(invitations)
      .innerJoin(people, eq(people.id, invitations.personId))
      .leftJoin(dignitaries, eq(dignitaries.invitationId, invitations.id));
  const rows = await base()
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)))
    .orderBy(
      sql`case ${invitations.role} when 'dignitary' then 0 when 'speaker' then 1 when 'signatory' then 2 else 3 end`,
      sql`case when ${dignitaries.id} is null then 1 else 0 end`,
      asc(people.nameSearch),
      asc(invitations.id),
    )
    .limit(limit);
  const missing = include.filter((id) => !rows.some((r) => r.invitationId === id));
  if (missing.length === 0) return rows;
  const extra = await base().where(and(eq(invitations.eventId, eventId), inArray(invitations.id, missing)));
  return [...rows, ...extra];
}

/** Speakers by invitation id (for showing an agenda and writing the MC script), withdrawn ones included. */
export async function getSpeakers(db: Db, eventId: string, invitationIds: string[]): Promise<Map<string, SpeakerOption & {
  fullAddressOverride: string | null;
  englishAddressOverride: string | null;
}>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await db
    .select({
      ...speakerColumns,
      ...pickColumns(dignitaryColumns, ["fullAddressOverride", "englishAddressOverride"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(dignitaries, eq(dignitaries.invitationId, invitations.id))
    .where(and(eq(invitations.eventId, eventId), inArray(invitations.id, [...new Set(invitationIds)])));
  return new Map(rows.map((r) => [r.invitationId, r]));
}

/** The invitation `id` of this event that is not withdrawn, or null. */
export async function findActiveInvitation(db: Db, eventId: string, id: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select(pickColumns(invitationColumns, ["id"]))
    .from(invitations)
    .where(and(eq(invitations.id, id), eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
  return row ?? null;
}

export interface StaffOption {
  id: string;
  name: string;
  active: boolean;
}

/** Active staff accounts by name, plus the given ids even when deactivated (they may be responsible already). */
export async function listStaffOptions(db: Db, include: string[] = []): Promise<StaffOption[]> {
  const rows = await db
    .select(pickColumns(userColumns, ["id", "name", "active"]))
    .from(users)
    .orderBy(asc(users.name), asc(users.id));
  const keep = new Set(include);
  return rows.filter((r) => r.active || keep.has(r.id));
}

export async function findActiveUserId(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select(pickColumns(userColumns, ["id"]))
    .from(users)
    .where(and(eq(users.id, id), eq(users.active, true)));
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Dignitaries and signatories, for the MC script

export interface SignatoryForMc {
  id: string;
  honorific: string | null;
  name: string;
  positions: string[];
  fullAddressOverride: string | null;
  englishAddressOverride: string | null;
}

/** The dignitaries who sign, in signing order: by document, then party, then their order within the party. */
export function listSignatoriesForMc(db: Db, eventId: string): Promise<SignatoryForMc[]> {
  return db
    .select(pickColumns(dignitaryColumns, ["id", "honorific", "name", "positions", "fullAddressOverride", "englishAddressOverride"]))
    .from(ceremonyRoles)
    .innerJoin(documentParties, eq(documentParties.id, ceremonyRoles.documentPartyId))
    .innerJoin(eventDocuments, eq(eventDocuments.id, documentParties.documentId))
    .innerJoin(dignitaries, eq(dignitaries.id, ceremonyRoles.dignitaryId))
    .where(and(eq(eventDocuments.eventId, eventId), eq(ceremonyRoles.role, "signatory")))
    .orderBy(asc(eventDocuments.position), asc(documentParties.position), asc(ceremonyRoles.position), asc(ceremonyRoles.id));
}

// ---------------------------------------------------------------------------------------------------
// The edited MC script

export async function getMcScriptRow(db: Db, eventId: string) {
  const [row] = await db
    .select(mcScriptColumns)
    .from(mcScripts)
    .where(eq(mcScripts.eventId, eventId));
  return row ?? null;
}

/** Locks the event's script row (if any) for the rest of the transaction. */
export async function lockMcScriptRow(tx: Db, eventId: string) {
  const [row] = await tx
    .select(pickColumns(mcScriptColumns, ["body", "updatedAt"]))
    .from(mcScripts)
    .where(eq(mcScripts.eventId, eventId))
    .for("update");
  return row ?? null;
}

export async function saveMcScriptRow(tx: Db, eventId: string, body: string, updatedBy: string | null, at: Date) {
  await tx
    .insert(mcScripts)
    .values({ eventId, body, updatedBy, updatedAt: at })
    .onConflictDoUpdate({ target: mcScripts.eventId, set: { body, updatedBy, updatedAt: at } });
}

export async function deleteMcScriptRow(tx: Db, eventId: string) {
  await tx.delete(mcScripts).where(eq(mcScripts.eventId, eventId));
}

/** When the agenda or the dignitaries last changed (to tell whether an edited script may be out of date). */
export async function lastAgendaChange(db: Db, eventId: string): Promise<Date | null> {
  const [row] = await db
    .select({
      at: sql<Date | string | null>`greatest(
        (select max(${agendaItems.updatedAt}) from ${agendaItems} where ${agendaItems.eventId} = ${eventId}),
        (select max(${dignitaries.updatedAt}) from ${dignitaries} where ${dignitaries.eventId} = ${eventId}))`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  if (!row?.at) return null;
  return row.at instanceof Date ? row.at : new Date(row.at);
}
