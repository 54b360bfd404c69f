import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { checkIns, events, invitations, people } from "#db/schema/index";
import { escapeLike } from "~/domain/text/search";
import { checkInColumns, eventColumns, invitationColumns, personColumns, pickColumns } from "./columns";

export interface CheckInRow {
  invitationId: string;
  at: Date;
  byUserId: string | null;
  byName: string | null;
}

/**
 * Inserts the check-in unless the invitation already has one. The primary key on invitation_id decides
 * between simultaneous callers: exactly one gets the row back, the others get null.
 */
export async function insertCheckInIfAbsent(db: Db, row: CheckInRow): Promise<CheckInRow | null> {
  const [inserted] = await db
    .insert(checkIns)
    .values(row)
    .onConflictDoNothing({ target: checkIns.invitationId })
    .returning(checkInColumns);
  return inserted ?? null;
}

export async function getCheckIn(db: Db, invitationId: string): Promise<CheckInRow | null> {
  const [row] = await db.select(checkInColumns).from(checkIns).where(eq(checkIns.invitationId, invitationId)).limit(1);
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
