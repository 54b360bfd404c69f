/**
 * iCalendar (RFC 5545 / RFC 5546 iTIP) files for invitations, staff downloads and subscribed feeds.
 *
 * Built on the `ics` package, which writes the properties, escapes TEXT values and formats dates. What it
 * gets wrong is corrected here:
 *  - it folds at 75 characters, not 75 octets: Vietnamese lines reach ~99 octets → unfolded and re-folded
 *    by octets, never inside a UTF-8 sequence (nor between a letter and its combining mark, nor inside a
 *    backslash escape);
 *  - it does not escape a lone CR and passes names, UIDs and e-mails through raw → control characters are
 *    removed before (text.ts), so a title cannot inject a property;
 *  - it escapes a `"` in a parameter value as `\"`, which RFC 5545 does not allow → `"` becomes `'`;
 *  - it quotes enumerated parameters (PARTSTAT="ACCEPTED") → unquoted;
 *  - it escapes nothing in an alarm's DESCRIPTION or in X-WR-CALNAME → escaped before;
 *  - a zero-minute alarm comes out as "TRIGGER:-PT" → "TRIGGER:PT0S".
 * Times are always UTC ("Z"); the `ics` package has no VTIMEZONE support.
 */
import { createEvents, type Alarm, type EventAttributes, type HeaderAttributes } from "ics";
import { descriptionWithLink, singleLine } from "./text";

export { calendarLinks } from "./links";

export type Partstat = "NEEDS-ACTION" | "ACCEPTED" | "DECLINED" | "TENTATIVE";

export interface CalendarEventData {
  /** Stable per event (events.calendarUid). */
  uid: string;
  /** events.calendarSequence: raised on every change attendees must see, and on cancellation. */
  sequence: number;
  title: string;
  description: string;
  location: string | null;
  startsAt: Date;
  endsAt: Date;
  /**
   * A date-only event (the time of day not stated): an all-day entry from `start` to `endExclusive` (local calendar
   * dates in the event's zone), instead of the instants, so no calendar shows an invented time of day.
   */
  allDay?: { start: [number, number, number]; endExclusive: [number, number, number] } | null;
  /** A link written into the description (and URL): the guest's personal page, or the event page for staff. */
  url?: string | null;
  /** STATUS; default CONFIRMED. METHOD:CANCEL always writes CANCELLED. */
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
}

export interface CalendarPerson {
  name: string;
  email: string;
}

export const PRODUCT_ID = "-//Signet//Signet//VI";
export const DEFAULT_ALARM_MINUTES = 60;
const FOLD_OCTETS = 75;

/**
 * One event for one person (REQUEST, CANCEL) or for anyone (PUBLISH).
 * REQUEST and CANCEL need the attendee (RFC 5546); alarmMinutesBefore defaults to 60, null for none,
 * and is never written into a CANCEL.
 */
export function buildInvitationIcs(input: {
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  event: CalendarEventData;
  organizer: CalendarPerson;
  attendee?: CalendarPerson & { partstat: Partstat };
  alarmMinutesBefore?: number | null;
  now?: Date;
}): string {
  const { method, event, organizer, attendee } = input;
  if ((method === "REQUEST" || method === "CANCEL") && !attendee) {
    throw new TypeError(`METHOD:${method} needs an attendee`);
  }
  const alarmMinutes = input.alarmMinutesBefore === undefined ? DEFAULT_ALARM_MINUTES : input.alarmMinutesBefore;
  const attributes: VEventAttributes = {
    ...eventAttributes(event, input.now ?? new Date()),
    organizer: { name: paramText(organizer.name) || email(organizer.email), email: email(organizer.email) },
  };
  if (method === "CANCEL") attributes.status = "CANCELLED";
  if (attendee) {
    attributes.attendees = [
      {
        name: paramText(attendee.name) || email(attendee.email),
        email: email(attendee.email),
        rsvp: method !== "CANCEL",
        partstat: attendee.partstat,
        role: "REQ-PARTICIPANT",
      },
    ];
  }
  if (alarmMinutes !== null && method !== "CANCEL") attributes.alarms = [reminder(alarmMinutes, event.title)];
  return generate([attributes], { productId: PRODUCT_ID, method });
}

/** A subscribed calendar: METHOD:PUBLISH, one VEVENT per event, no alarms (the subscriber sets their own). */
export function buildFeedIcs(input: { name: string; events: CalendarEventData[]; now?: Date }): string {
  const now = input.now ?? new Date();
  return generate(
    input.events.map((event) => eventAttributes(event, now)),
    { productId: PRODUCT_ID, method: "PUBLISH", calName: escapeText(singleLine(input.name)) },
  );
}

export function partstatFor(status: "not_sent" | "sent" | "accepted" | "declined" | "tentative"): Partstat {
  switch (status) {
    case "accepted":
      return "ACCEPTED";
    case "declined":
      return "DECLINED";
    case "tentative":
      return "TENTATIVE";
    case "not_sent":
    case "sent":
      return "NEEDS-ACTION";
  }
}

// `timestamp` (DTSTAMP) is read by the `ics` package but missing from its types.
type VEventAttributes = EventAttributes & { timestamp: number };

function eventAttributes(event: CalendarEventData, now: Date): VEventAttributes {
  const start = instant(event.startsAt, "startsAt");
  const end = instant(event.endsAt, "endsAt");
  if (end <= start) throw new RangeError("endsAt must be after startsAt");
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError("sequence must be an integer ≥ 0");
  const uid = singleLine(event.uid).trim();
  if (!uid) throw new TypeError("uid is required");
  const description = descriptionWithLink(event.description, event.url);
  const location = event.location ? singleLine(event.location) : "";
  const url = event.url ? singleLine(event.url).trim() : "";
  return {
    uid,
    sequence: event.sequence,
    timestamp: instant(now, "now"),
    title: singleLine(event.title),
    ...(event.allDay
      ? { start: event.allDay.start, end: event.allDay.endExclusive }
      : { start, startInputType: "utc", startOutputType: "utc", end, endInputType: "utc", endOutputType: "utc" }),
    status: event.status ?? "CONFIRMED",
    ...(description ? { description } : {}),
    ...(location ? { location } : {}),
    ...(url ? { url } : {}),
  };
}

function instant(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not a valid date`);
  return ms;
}

function reminder(minutes: number, title: string): Alarm {
  if (!Number.isInteger(minutes) || minutes < 0) throw new RangeError("alarmMinutesBefore must be an integer ≥ 0");
  // The alarm's DESCRIPTION is not escaped by `ics`.
  return { action: "display", description: escapeText(singleLine(title)), trigger: { before: true, minutes } };
}

/** A parameter value (CN) is quoted by `ics`; a DQUOTE inside cannot be escaped in RFC 5545. */
function paramText(value: string): string {
  return singleLine(value).replace(/"/g, "'").trim();
}

function email(value: string): string {
  return singleLine(value).replace(/\s+/g, "");
}

/** RFC 5545 TEXT escaping, for the two places `ics` leaves raw. */
function escapeText(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/;/g, "\\;").replace(/,/g, "\\,");
}

function generate(events: VEventAttributes[], header: HeaderAttributes): string {
  const { error, value } = createEvents(events, header);
  if (error || value === null) {
    // `ics` returns yup's validation error copied into a plain object: its messages are in `errors`.
    const details: unknown = error && "errors" in error ? error.errors : error?.message;
    const message = Array.isArray(details) ? details.join("; ") : String(details);
    throw new Error(`calendar file not generated: ${message}`);
  }
  return postProcess(value);
}

function postProcess(ics: string): string {
  const lines = ics
    .replace(/\r\n[ \t]/g, "") // unfold: the values hold no CR/LF of their own (text.ts)
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      if (line.startsWith("ATTENDEE;")) return line.replace(/;(PARTSTAT|ROLE|CUTYPE)="([A-Z-]+)"/g, ";$1=$2");
      if (line === "TRIGGER:-PT" || line === "TRIGGER:PT") return "TRIGGER:PT0S";
      return line;
    });
  return lines.map(foldLine).join("\r\n") + "\r\n";
}

const encoder = new TextEncoder();
// A backslash escape, or a character with its combining marks: never split.
const UNIT = /\\.|\P{M}\p{M}*|\p{M}+/gsu;

/** Folds one content line so that no line exceeds 75 octets (RFC 5545 §3.1), splitting between characters. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= FOLD_OCTETS) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  let limit = FOLD_OCTETS;
  const push = (piece: string, bytes: number) => {
    if (size + bytes > limit && current !== "") {
      out.push(current);
      current = "";
      size = 0;
      limit = FOLD_OCTETS - 1; // the leading space of a continuation line counts
    }
    current += piece;
    size += bytes;
  };
  for (const [unit] of line.matchAll(UNIT)) {
    const bytes = encoder.encode(unit).length;
    if (bytes <= FOLD_OCTETS - 1) push(unit, bytes);
    else for (const ch of unit) push(ch, encoder.encode(ch).length); // a pathological run of combining marks
  }
  out.push(current);
  return out.join("\r\n ");
}
