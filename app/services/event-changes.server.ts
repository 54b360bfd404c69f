/**
 * What happened to an event, told to those who react to it — instead of each event service calling them itself.
 * The events service (events.server.ts) saves the change and describes it as an EventChange; its calendar part
 * is decided by the pure calendarChange (app/domain/calendar/change.ts). Then:
 *  - mail: a calendar update (METHOD:REQUEST, the new SEQUENCE) or a cancellation (METHOD:CANCEL) to every invitee
 *    already invited — queued in the outbox in the transaction that saved the change (both or neither);
 *  - webhooks: event.updated / event.cancelled, in the same transaction;
 *  - photos: a deleted event's files go, after the commit (a failed delete leaves orphan files behind, never rows
 *    pointing at missing files).
 * See docs/decisions/031-event-changes-as-outcomes.md.
 */
import type { Db } from "#db/client.server";
import type { CalendarChange } from "~/domain/calendar/change";
import type { EventDetail } from "~/models/events.server";
import { mailFactsOf, queueEventCancellation, queueEventUpdate } from "./invitation-mail.server";
import { deleteEventPhotoFiles } from "./photos.server";
import type { ObjectStorage } from "./storage.server";
import { emitWebhook } from "./webhooks.server";

export type EventChange =
  | {
      kind: "updated";
      eventId: string;
      /** The event as it was, so the update email can show what changed. */
      before: EventDetail;
      /** Every field of the form that changed (the webhook's list), the calendar's or not. */
      changed: readonly string[];
      /** The event's version after the change. */
      version: number;
      calendar: CalendarChange;
    }
  /** A cancellation is always one of the calendar entries too (METHOD:CANCEL). */
  | { kind: "cancelled"; eventId: string; at: Date }
  | { kind: "deleted"; eventId: string };

/** In the transaction that saved the change (`tx`): the mail and webhooks it causes, queued with it or not at all. */
export async function announceEventChange(tx: Db, change: EventChange): Promise<void> {
  if (change.kind === "deleted") return; // a draft's rows are gone with it; nobody was told about a draft
  // Mail follows what the invitees' calendar entries show.
  const calendar: CalendarChange = change.kind === "cancelled" ? { kind: "cancelled" } : change.calendar;
  if (calendar.kind === "updated") await queueEventUpdate(tx, change.eventId, change.kind === "updated" ? mailFactsOf(change.before) : null);
  if (calendar.kind === "cancelled") await queueEventCancellation(tx, change.eventId);
  if (change.kind === "updated" && change.changed.length)
    await emitWebhook(tx, { type: "event.updated", eventId: change.eventId, data: { changed: change.changed, version: change.version } });
  if (change.kind === "cancelled")
    await emitWebhook(tx, { type: "event.cancelled", eventId: change.eventId, data: { cancelledAt: change.at.toISOString() }, occurredAt: change.at });
}

/** After the change was committed: what cannot be rolled back (the photos' files of a deleted event). */
export async function settleEventChange(storage: ObjectStorage, change: EventChange): Promise<void> {
  if (change.kind === "deleted") await deleteEventPhotoFiles(storage, change.eventId);
}
