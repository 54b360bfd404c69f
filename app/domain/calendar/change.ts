/**
 * What an edit of an event means for the calendar entry every invitee holds. Pure.
 *
 * An invitee's calendar file (METHOD:REQUEST, built by calendarEventFromEvent + ics.ts) is made of these fields
 * of the event and nothing else of it: SUMMARY (title; titleEn in English files), DTSTART/DTEND (the instants,
 * or all-day dates from startPrecision and timeZone), LOCATION and the DESCRIPTION's venue line (room, venue
 * name — venueNameEn in English files — address), DESCRIPTION (the event's description; the agenda's times
 * are written in timeZone) and STATUS (a draft TENTATIVE, a cancelled event CANCELLED). When any of them
 * but the description changes, every entry out there is out of date: the event's SEQUENCE goes up and the
 * invitees are sent the update (or, for a cancellation, the CANCEL). change.test.ts checks this list against
 * what the file builder actually writes, field by field.
 *
 * The description alone is a quiet change (`quietCalendarFields`): RFC 5546 §2.1.4 names the times and the
 * status, not the description, as what makes an organizer re-send, and mailing every invitee for a reworded
 * paragraph is noise; the new text rides the next update, and the subscribed feed shows it at once. Signet never
 * sent an update for it (decision 031).
 */
import { calendarStatusOf, type CalendarSourceEvent } from "./event-data";

export const calendarFields = [
  "title",
  "titleEn",
  "startsAt",
  "endsAt",
  "startPrecision",
  "timeZone",
  "venueName",
  "venueNameEn",
  "venueAddress",
  "venueRoom",
  "description",
  "status",
] as const satisfies readonly (keyof CalendarSourceEvent)[];

export type CalendarField = (typeof calendarFields)[number];

/** Fields the file carries whose change alone sends no update (see above). */
export const quietCalendarFields = ["description"] as const satisfies readonly CalendarField[];

const quiet: ReadonlySet<CalendarField> = new Set(quietCalendarFields);

/** The event as its calendar file shows it: exactly the fields the file is built from (beside UID and SEQUENCE). */
export type CalendarFacts = { [K in CalendarField]-?: Exclude<CalendarSourceEvent[K], undefined> };

export type CalendarChange =
  /** Nothing an invitee's calendar entry shows changed: no new SEQUENCE, no email. */
  | { kind: "unchanged" }
  /** The entry is out of date: a METHOD:REQUEST with the next SEQUENCE; `fields` says which facts moved (a
   *  quiet field that moved with them is listed too: the update carries it). */
  | { kind: "updated"; fields: CalendarField[] }
  /** The event was cancelled: a METHOD:CANCEL (STATUS:CANCELLED) with the next SEQUENCE. */
  | { kind: "cancelled" };

function same(field: CalendarField, before: CalendarFacts, after: CalendarFacts): boolean {
  switch (field) {
    case "startsAt":
      return before.startsAt.getTime() === after.startsAt.getTime();
    case "endsAt":
      return before.endsAt.getTime() === after.endsAt.getTime();
    case "status":
      // What the file writes: a scheduled event becoming completed is CONFIRMED before and after.
      return calendarStatusOf(before.status) === calendarStatusOf(after.status);
    default:
      return before[field] === after[field];
  }
}

export function calendarChange(before: CalendarFacts, after: CalendarFacts): CalendarChange {
  if (after.status === "cancelled" && before.status !== "cancelled") return { kind: "cancelled" };
  const fields = calendarFields.filter((field) => !same(field, before, after));
  return fields.some((field) => !quiet.has(field)) ? { kind: "updated", fields } : { kind: "unchanged" };
}

/** True when the change raises the event's SEQUENCE (and so reaches the invitees). */
export function raisesSequence(change: CalendarChange): boolean {
  return change.kind !== "unchanged";
}
