import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { auditLog, checkIns, events, invitations, people, seatingTables, seats, webhookDeliveries, webhookMessages } from "#db/schema/index";
import { escapeLike } from "~/domain/text/search";
import type { AuditValues } from "./audit.server";
import { checkInColumns, eventColumns, invitationColumns, personColumns, pickColumns, seatColumns, seatingTableColumns } from "./columns";
import { preparedRead } from "./prepared.server";
import { subscribedEndpoints, type WebhookMessageValues } from "./webhooks.server";

export interface CheckInRow {
  invitationId: string;
  at: Date;
  byUserId: string | null;
  byName: string | null;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

/**
 * Inserts the check-in unless the invitation already has one, and what a check-in records, in one statement: when —
 * and only when — the row goes in, the audit row, and the webhook message with one delivery per endpoint subscribed
 * to its type and event (no message when none listens: emitWebhook's rule). The primary key on invitation_id decides
 * between simultaneous callers: exactly one gets the row back, the others get null and nothing is written for them.
 */
export async function insertCheckInRecorded(
  db: Db,
  row: CheckInRow,
  audit: AuditValues,
  message: WebhookMessageValues,
): Promise<CheckInRow | null> {
  const json = (value: Record<string, unknown> | null) => (value === null ? null : JSON.stringify(value));
  const result = await db.execute(sql`
    with ins as (
      insert into ${checkIns} (invitation_id, at, by_user_id, by_name)
      values (${row.invitationId}::uuid, ${row.at.toISOString()}::timestamptz, ${row.byUserId}::uuid, ${row.byName}::text)
      on conflict (invitation_id) do nothing
      returning invitation_id
    ), audit as (
      insert into ${auditLog} (actor_id, actor_name, action, entity_type, entity_id, event_id, details)
      select ${audit.actorId}::uuid, ${audit.actorName}::text, ${audit.action}::text, ${audit.entityType}::text,
        ${audit.entityId}::text, ${audit.eventId}::uuid, ${json(audit.details)}::jsonb
      from ins
    ), endpoints as ${subscribedEndpoints(db, message.type, message.eventId)},
    message as (
      insert into ${webhookMessages} (type, event_id, data, personal_data, occurred_at)
      select ${message.type}::text, ${message.eventId}::uuid, ${json(message.data)}::jsonb, ${json(message.personalData)}::jsonb,
        ${message.occurredAt.toISOString()}::timestamptz
      from ins
      where exists (select from endpoints)
      returning id
    ), deliveries as (
      insert into ${webhookDeliveries} (endpoint_id, message_id)
      select endpoints.id, message.id from endpoints cross join message
      on conflict do nothing
    )
    select invitation_id from ins`);
  // What went in is what was given (a timestamptz keeps a Date's milliseconds exactly).
  return rowsOf(result).length > 0 ? { ...row } : null;
}

const checkInOf = preparedRead("check_in_of", ["invitationId"], (db, p) =>
  db.select(checkInColumns).from(checkIns).where(eq(checkIns.invitationId, p.invitationId)).limit(1),
);

export async function getCheckIn(db: Db, invitationId: string): Promise<CheckInRow | null> {
  const [row] = await checkInOf(db, { invitationId });
  return row ?? null;
}

/**
 * Deletes the invitation's check-in and returns it; with `onlyBy`, only if that account made it (checked in
 * the same statement, so a check-in made by someone else in between is never removed).
 */
export async function deleteCheckIn(db: Db, invitationId: string, onlyBy?: string): Promise<CheckInRow | null> {
  const [row] = await db
    .delete(checkIns)
    .where(
      onlyBy === undefined
        ? eq(checkIns.invitationId, invitationId)
        : and(eq(checkIns.invitationId, invitationId), eq(checkIns.byUserId, onlyBy)),
    )
    .returning(checkInColumns);
  return row ?? null;
}

const guestColumns = {
  invitationId: invitationColumns.id,
  ...pickColumns(invitationColumns, ["eventId", "role", "groupLabel", "plusOnes", "status", "withdrawnAt"]),
  ...pickColumns(personColumns, ["honorific", "fullName", "positions", "organization"]),
  checkInAt: checkInColumns.at,
  checkInByUserId: checkInColumns.byUserId,
  checkInByName: checkInColumns.byName,
};

export type GuestRow = {
  invitationId: string;
  eventId: string;
  role: "guest" | "dignitary" | "speaker" | "signatory" | "press" | "staff";
  groupLabel: string | null;
  plusOnes: number;
  status: "not_sent" | "sent" | "accepted" | "declined" | "tentative";
  withdrawnAt: Date | null;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  checkInAt: Date | null;
  checkInByUserId: string | null;
  checkInByName: string | null;
};

export async function getGuest(db: Db, invitationId: string): Promise<GuestRow | null> {
  const [row] = await db
    .select(guestColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(checkIns, eq(checkIns.invitationId, invitations.id))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

/** Where the seating plan puts an invitee (their own seat, not a companion's): the first by table, then seat. */
export interface SeatRow {
  tableName: string;
  seatIndex: number;
}

const guestWithSeat = preparedRead("door_guest_with_seat", ["eventId", "invitationId"], (db, p) => {
  const seat = db
    .select({ tableName: sql<string>`${seatingTableColumns.name}`.as("seat_table_name"), seatIndex: sql<number>`${seatColumns.seatIndex}`.as("seat_index") })
    .from(seats)
    .innerJoin(seatingTables, eq(seatingTables.id, seats.tableId))
    .where(and(eq(seats.invitationId, invitations.id), eq(seats.companionIndex, 0)))
    .orderBy(asc(seatingTables.position), asc(seats.seatIndex))
    .limit(1)
    .as("seat");
  return db
    .select({
      event: pickColumns(eventColumns, ["id", "status"]),
      guest: guestColumns,
      seat: { tableName: seat.tableName, seatIndex: seat.seatIndex },
    })
    .from(events)
    .leftJoin(invitations, eq(invitations.id, p.invitationId))
    .leftJoin(people, eq(people.id, invitations.personId))
    .leftJoin(checkIns, eq(checkIns.invitationId, invitations.id))
    .leftJoinLateral(seat, sql`true`)
    .where(eq(events.id, p.eventId));
});

/**
 * In one statement: the event (null when there is none), the invitation's guest as getGuest reads it (null when there
 * is no such invitation, whatever its event) and their seat (null when the plan gives them none).
 */
export async function getGuestWithSeat(
  db: Db,
  eventId: string,
  invitationId: string,
): Promise<{ event: { id: string; status: "draft" | "scheduled" | "completed" | "cancelled" } | null; guest: GuestRow | null; seat: SeatRow | null }> {
  const [row] = await guestWithSeat(db, { eventId, invitationId });
  if (!row) return { event: null, guest: null, seat: null };
  const guest = row.guest?.invitationId ? (row.guest as GuestRow) : null;
  return { event: row.event, guest, seat: guest && row.seat?.tableName != null ? (row.seat as SeatRow) : null };
}

/** The event's invitees whose folded name contains the folded query, withdrawn ones included (shown as such). */
export async function searchGuests(db: Db, eventId: string, folded: string, limit: number): Promise<GuestRow[]> {
  return db
    .select(guestColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(checkIns, eq(checkIns.invitationId, invitations.id))
    .where(and(eq(invitations.eventId, eventId), sql`${people.nameSearch} like ${`%${escapeLike(folded)}%`}`))
    .orderBy(asc(people.nameSearch), asc(invitations.id))
    .limit(limit);
}

/** The latest check-ins of the event, newest first. */
export async function listRecentCheckIns(db: Db, eventId: string, limit: number): Promise<GuestRow[]> {
  return db
    .select(guestColumns)
    .from(checkIns)
    .innerJoin(invitations, eq(invitations.id, checkIns.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.eventId, eventId))
    .orderBy(desc(checkIns.at), desc(checkIns.invitationId))
    .limit(limit) as Promise<GuestRow[]>;
}

/** The event's live counts: invitations still standing, how many answered, accepted, and arrived (checked in). */
export interface AttendanceCounts {
  invited: number;
  answered: number;
  accepted: number;
  arrived: number;
  /** Companions named by the invitees who accepted (each capped at what the organizer allows). */
  companions: number;
  /** People expected: accepted invitees and their companions. */
  expected: number;
}

/**
 * One statement over the event's standing invitations (the `invitations_event_status_idx` index), with the check-ins
 * joined on their primary key. Answered = accepted, declined or "maybe"; withdrawn invitations count nowhere.
 */
export async function countAttendance(db: Db, eventId: string): Promise<AttendanceCounts> {
  const [row] = await db
    .select({
      invited: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${invitations.status} in ('accepted', 'declined', 'tentative')))::int`,
      accepted: sql<number>`(count(*) filter (where ${invitations.status} = 'accepted'))::int`,
      arrived: sql<number>`count(${checkIns.invitationId})::int`,
      // The companions each accepted invitee named, never more than the organizer allows now (docs/decisions/028).
      companions: sql<number>`coalesce(sum(least(coalesce(cardinality(${invitations.companionNames}), 0), ${invitations.plusOnes})) filter (where ${invitations.status} = 'accepted'), 0)::int`,
    })
    .from(invitations)
    .leftJoin(checkIns, eq(checkIns.invitationId, invitations.id))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
  const accepted = row?.accepted ?? 0;
  const companions = row?.companions ?? 0;
  return { invited: row?.invited ?? 0, answered: row?.answered ?? 0, accepted, arrived: row?.arrived ?? 0, companions, expected: accepted + companions };
}

/** What the door shows of the event itself (the door page has no event layout around it). */
export async function getDoorEvent(db: Db, eventId: string): Promise<{ id: string; title: string; timeZone: string } | null> {
  const [row] = await db.select(pickColumns(eventColumns, ["id", "title", "timeZone"])).from(events).where(eq(events.id, eventId)).limit(1);
  return row ?? null;
}
