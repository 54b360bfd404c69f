/**
 * Calendar files: an event's .ics for staff, and each staff member's secret, subscribable feed.
 * Load (models) → build (app/domain/calendar) → return text; feeds are created and revoked here.
 */
import type { Db } from "#db/client.server";
import type { Actor } from "~/domain/access/permissions";
import { calendarEventFromEvent } from "~/domain/calendar/event-data";
import { attachmentHeader } from "~/utils/attachment";
import { buildFeedIcs } from "~/domain/calendar/ics";
import { translate, type Locale } from "~/i18n/i18n";
import { recordAudit } from "~/models/audit.server";
import {
  findCalendarFeedOwner,
  getCalendarEvent,
  insertCalendarFeed,
  listCalendarEventsForUser,
  revokeCalendarFeeds,
} from "~/models/calendar-feeds.server";
import { randomToken, sha256 } from "~/utils/crypto.server";

/** A feed holds at most this many events, the latest first (a calendar app re-reads it every few hours). */
export const FEED_EVENT_LIMIT = 1000;

function eventPageUrl(appUrl: string, eventId: string) {
  return `${appUrl}/events/${eventId}`;
}

/**
 * One event as METHOD:PUBLISH, for staff to import into their own calendar. The description carries the
 * event page's address. Null when there is no such event (the caller has checked event:read).
 */
export async function eventCalendarFile(
  db: Db,
  eventId: string,
  options: { appUrl: string; locale: Locale; now?: Date },
): Promise<{ contentDisposition: string; content: string } | null> {
  const event = await getCalendarEvent(db, eventId);
  if (!event) return null;
  const data = calendarEventFromEvent(event, { locale: options.locale, url: eventPageUrl(options.appUrl, event.id) });
  return {
    contentDisposition: attachmentHeader({ stem: event.title, extension: "ics", asciiFallback: "signet-event" }),
    content: buildFeedIcs({ name: event.title, events: [data], now: options.now }),
  };
}

/**
 * A new secret feed address for the user; every earlier one stops working. The token (256 bits) is returned
 * once and stored only as its SHA-256.
 */
export async function createCalendarFeed(db: Db, actor: Actor, now = new Date()): Promise<{ token: string; createdAt: Date }> {
  const token = randomToken(32);
  const feed = await db.transaction(async (tx) => {
    const revoked = await revokeCalendarFeeds(tx, actor.id, now);
    const row = await insertCalendarFeed(tx, { userId: actor.id, tokenHash: sha256(token) });
    await recordAudit(tx, {
      actor,
      action: "calendarFeed.create",
      entityType: "calendar_feed",
      entityId: row.id,
      details: { revokedEarlier: revoked },
    });
    return row;
  });
  return { token, createdAt: feed.createdAt };
}

/** Revokes the user's feed address(es); returns how many were active. */
export async function revokeCalendarFeed(db: Db, actor: Actor, now = new Date()): Promise<number> {
  return db.transaction(async (tx) => {
    const revoked = await revokeCalendarFeeds(tx, actor.id, now);
    if (revoked > 0) {
      await recordAudit(tx, { actor, action: "calendarFeed.revoke", entityType: "calendar_feed", details: { revoked } });
    }
    return revoked;
  });
}

/**
 * The feed behind a token: the events its owner created or is a member of (every event for an administrator),
 * cancelled ones included as STATUS:CANCELLED, drafts as TENTATIVE. Null for an unknown or revoked token or a
 * deactivated account.
 */
export async function calendarFeedForToken(
  db: Db,
  token: string,
  options: { appUrl: string; now?: Date },
): Promise<string | null> {
  const owner = await findCalendarFeedOwner(db, sha256(token));
  if (!owner || !owner.active) return null;
  const rows = await listCalendarEventsForUser(db, {
    userId: owner.userId,
    all: owner.role === "admin",
    limit: FEED_EVENT_LIMIT,
  });
  const events = rows
    .reverse() // oldest first in the file; the query takes the latest
    .map((row) => calendarEventFromEvent(row, { locale: owner.locale, url: eventPageUrl(options.appUrl, row.id) }));
  return buildFeedIcs({
    name: translate(owner.locale, "calendar.feed.calendarName", { name: owner.name }),
    events,
    now: options.now,
  });
}
