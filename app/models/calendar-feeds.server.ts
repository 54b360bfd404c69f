import { and, asc, desc, eq, exists, isNull, or } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { calendarFeeds, eventMembers, events, users } from "#db/schema/index";
import { calendarFeedColumns, eventColumns, eventMemberColumns, pickColumns, userColumns } from "./columns";

/** The columns every calendar file of an event needs (app/domain/calendar/event-data.ts). */
export const calendarEventColumns = pickColumns(eventColumns, [
  "id",
  "calendarUid",
  "calendarSequence",
  "title",
  "description",
  "status",
  "startsAt",
  "startPrecision",
  "endsAt",
  "venueName",
  "venueAddress",
  "venueRoom",
]);

export async function getCalendarEvent(db: Db, eventId: string) {
  const [row] = await db.select(calendarEventColumns).from(events).where(eq(events.id, eventId));
  return row ?? null;
}

/** Events a user created or is a member of; every event when `all` (administrators). Newest first, capped. */
export function listCalendarEventsForUser(db: Db, options: { userId: string; all: boolean; limit: number }) {
  const member = db
    .select({ one: eventMemberColumns.eventId })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, events.id), eq(eventMembers.userId, options.userId)));
  return db
    .select(calendarEventColumns)
    .from(events)
    .where(options.all ? undefined : or(eq(events.createdBy, options.userId), exists(member)))
    .orderBy(desc(events.startsAt), asc(events.id))
    .limit(options.limit);
}

/** The user's active feed (at most one: creating a feed revokes the others). */
export async function getActiveCalendarFeed(db: Db, userId: string) {
  const [row] = await db
    .select(calendarFeedColumns)
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

export async function revokeCalendarFeeds(db: Db, userId: string, at: Date): Promise<number> {
  const revoked = await db
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning(pickColumns(calendarFeedColumns, ["id"]));
  return revoked.length;
}

export async function insertCalendarFeed(db: Db, values: { userId: string; tokenHash: string }) {
  const [row] = await db
    .insert(calendarFeeds)
    .values(values)
    .returning(calendarFeedColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

/** The owner of an active feed, by the SHA-256 of its token; null when unknown or revoked. */
export async function findCalendarFeedOwner(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ userId: userColumns.id, ...pickColumns(userColumns, ["name", "role", "locale", "active"]) })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return row ?? null;
}
