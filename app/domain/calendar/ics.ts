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
import { descriptionWithLink, multiLine, singleLine } from "./text";

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
type InvitationIcsInput = {
  method: "REQUEST" | "CANCEL" | "PUBLISH";
  event: CalendarEventData;
  organizer: CalendarPerson;
  attendee?: CalendarPerson & { partstat: Partstat };
  alarmMinutesBefore?: number | null;
  now?: Date;
};

export function buildInvitationIcs(input: InvitationIcsInput): string {
  return buildInvitationLines(input).map(foldLine).join("\r\n") + "\r\n";
}

function buildInvitationLines(input: InvitationIcsInput): string[] {
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
  return generateLines([attributes], { productId: PRODUCT_ID, method });
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
  return unfoldedLines(ics).map(foldLine).join("\r\n") + "\r\n";
}

/** The generator's output unfolded into content lines, with its quirks corrected (before folding by octets). */
function unfoldedLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, "") // unfold: the values hold no CR/LF of their own (text.ts)
    .split("\r\n")
    .filter((line) => line !== "")
    .map((line) => {
      if (line.startsWith("ATTENDEE;")) return line.replace(/;(PARTSTAT|ROLE|CUTYPE)="([A-Z-]+)"/g, ";$1=$2");
      if (line === "TRIGGER:-PT" || line === "TRIGGER:PT") return "TRIGGER:PT0S";
      return line;
    });
}

function generateLines(events: VEventAttributes[], header: HeaderAttributes): string[] {
  const { error, value } = createEvents(events, header);
  if (error || value === null) return [generate(events, header)]; // throws with the validation message
  return unfoldedLines(value);
}

// Stand-ins for what differs from one invitee to the next: plain ASCII, so no escaping or validation changes them.
const NAME_MARK = "SignetAttendeeName0x5f3a";
const EMAIL_MARK = "signet-attendee-0x5f3a@example.invalid";
const URL_MARK = "https://signet.invalid/attendee-link-0x5f3a";
const ORGANIZER_MARK = "signet-organizer-0x5f3a@example.invalid";

/**
 * The calendar file of one mass send, built once and filled per invitee: `buildInvitationIcs` validates and
 * generates the whole file (the `ics` package's yup schema) for every call, which was most of the cost of
 * queueing 2,000 invitations. The file is generated once per method, SEQUENCE and PARTSTAT with stand-ins for the
 * attendee's name and address and the personal link, and each invitee's values are put in with exactly the
 * escaping the generator applies there (a CN parameter, a mailto: address, TEXT in DESCRIPTION, the URL
 * property), then the lines are folded by octets. The result is the same string `buildInvitationIcs` returns
 * for that invitee (ics.test.ts checks it); anything unusual — an invitee value that holds a stand-in, a
 * description that already holds the link, an empty name and address — is built the slow way.
 */
export function invitationIcsFactory(input: {
  method: "REQUEST" | "CANCEL";
  event: Omit<CalendarEventData, "url">;
  organizer: CalendarPerson;
  alarmMinutesBefore?: number | null;
  now?: Date;
}): (attendee: CalendarPerson & { partstat: Partstat }, url: string | null, organizerEmail?: string | null) => string {
  const now = input.now ?? new Date();
  const templates = new Map<string, string[]>();
  const marks = [NAME_MARK, EMAIL_MARK, URL_MARK, ORGANIZER_MARK];
  const description = multiLine(input.event.description);
  return (attendee, url, organizerEmail) => {
    // The ORGANIZER's address may differ per invitee (the calendar-reply address rsvp+<token>@…, decision 027).
    const organizer = { ...input.organizer, email: organizerEmail ?? input.organizer.email };
    const full = () => buildInvitationIcs({ ...input, organizer, now, event: { ...input.event, url }, attendee });
    const link = url ? singleLine(url).trim() : "";
    const name = paramText(attendee.name) || email(attendee.email);
    const address = email(attendee.email);
    if (!name || [attendee.name, attendee.email, url ?? "", organizer.email].some((v) => marks.some((m) => v.includes(m)))) return full();
    if (link && description.includes(link)) return full();
    const key = `${attendee.partstat}|${link ? "link" : "none"}`;
    let lines = templates.get(key);
    if (!lines) {
      lines = buildInvitationLines({
        ...input,
        organizer: { ...input.organizer, email: ORGANIZER_MARK },
        now,
        event: { ...input.event, url: link ? URL_MARK : null },
        attendee: { name: NAME_MARK, email: EMAIL_MARK, partstat: attendee.partstat },
      });
      templates.set(key, lines);
    }
    const descriptionLink = escapeText(link);
    const organizerAddress = email(organizer.email);
    return (
      lines
        .map((line) => {
          if (line.startsWith("ORGANIZER")) return foldLine(line.replaceAll(ORGANIZER_MARK, () => organizerAddress));
          if (line.startsWith("ATTENDEE;")) return foldLine(line.replace(`"${NAME_MARK}"`, () => `"${name}"`).replace(`mailto:${EMAIL_MARK}`, () => `mailto:${address}`));
          if (link && line.startsWith("DESCRIPTION:")) return foldLine(line.replace(URL_MARK, () => descriptionLink));
          if (link && line.startsWith("URL:")) return foldLine(line.replace(URL_MARK, () => link));
          return foldLine(line);
        })
        .join("\r\n") + "\r\n"
    );
  };
}

// A backslash escape, or a character with its combining marks: never split.
const UNIT = /\\.|\P{M}\p{M}*|\p{M}+/gsu;

/** UTF-8 length of a string, counted from its UTF-16 code units (a surrogate pair is 4 octets, 2 + 2 here). */
function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
  }
  return bytes;
}

/** Folds one content line so that no line exceeds 75 octets (RFC 5545 §3.1), splitting between characters. */
export function foldLine(line: string): string {
  // Each UTF-16 code unit is at most 3 octets: a line this short cannot be too long.
  if (line.length * 3 <= FOLD_OCTETS || utf8Length(line) <= FOLD_OCTETS) return line;
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
    const bytes = utf8Length(unit);
    if (bytes <= FOLD_OCTETS - 1) push(unit, bytes);
    else for (const ch of unit) push(ch, utf8Length(ch)); // a pathological run of combining marks
  }
  out.push(current);
  return out.join("\r\n ");
}
