/**
 * Reading a calendar REPLY (RFC 5546 §3.2.3) as Outlook, Google Calendar and Apple Calendar send it. Pure: the text
 * of a text/calendar part or an .ics attachment in, the facts Signet needs out. What the clients do differently:
 *  - Outlook / Exchange: PARTSTAT on the ATTENDEE, the note in a VEVENT COMMENT (with LANGUAGE=…), the address
 *    sometimes upper-case ("MAILTO:Ba.Lan@…"); outlook.com leaves the ORGANIZER out;
 *  - Google Calendar: the note and the number of guests as ATTENDEE parameters X-RESPONSE-COMMENT and
 *    X-NUM-GUESTS;
 *  - Apple Calendar (iCloud): the ATTENDEE's value may be a urn:uuid:… with the address in an EMAIL parameter.
 * A content line is parsed by RFC 5545 §3.1 (folding, quoted parameter values that hold ':' and ';', TEXT escapes).
 */
export type ReplyPartstat = "ACCEPTED" | "DECLINED" | "TENTATIVE" | "DELEGATED";
export const replyPartstats: readonly ReplyPartstat[] = ["ACCEPTED", "DECLINED", "TENTATIVE", "DELEGATED"];

export type CalendarClient = "outlook" | "google" | "apple" | "other";

export interface ReplyAttendee {
  /** Lower-case address, from the mailto: value or the EMAIL parameter; null when there is none. */
  email: string | null;
  name: string | null;
  partstat: string;
  /** X-RESPONSE-COMMENT (Google). */
  comment: string | null;
  /** X-NUM-GUESTS (Google). */
  guests: number | null;
  /** DELEGATED-TO, lower-case address. */
  delegatedTo: string | null;
}

export interface ReplyEvent {
  uid: string;
  /** SEQUENCE; 0 when absent (RFC 5545 §3.8.7.4). */
  sequence: number;
  dtstamp: Date | null;
  organizer: string | null;
  /** COMMENT of the VEVENT (Outlook), unescaped. */
  comment: string | null;
  recurrenceId: string | null;
  attendees: ReplyAttendee[];
}

export interface CalendarMessage {
  /** METHOD, upper-case; null when the file has none. */
  method: string | null;
  prodId: string | null;
  client: CalendarClient;
  events: ReplyEvent[];
}

export interface ContentLine {
  name: string;
  params: Record<string, string[]>;
  value: string;
}

/** Unfolds (CRLF or LF followed by a space or tab) and splits into content lines. */
export function contentLines(text: string): string[] {
  return text
    .replace(/\r?\n[ \t]/g, "")
    .split(/\r?\n/)
    .map((l) => l.replace(/\r$/, ""))
    .filter((l) => l.trim() !== "");
}

/** One content line: NAME;PARAM=a,"b:c";P2=x:VALUE. Names upper-case; null for a line without a colon. */
export function parseContentLine(line: string): ContentLine | null {
  let i = 0;
  const nameMatch = /^[A-Za-z0-9-]+/.exec(line);
  if (!nameMatch) return null;
  const name = nameMatch[0].toUpperCase();
  i = nameMatch[0].length;
  const params: Record<string, string[]> = {};
  while (line[i] === ";") {
    i += 1;
    const eq = line.indexOf("=", i);
    if (eq < 0) return null;
    const pname = line.slice(i, eq).trim().toUpperCase();
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (line[i] === '"') {
        const end = line.indexOf('"', i + 1);
        if (end < 0) return null;
        values.push(line.slice(i + 1, end));
        i = end + 1;
      } else {
        let j = i;
        while (j < line.length && line[j] !== "," && line[j] !== ";" && line[j] !== ":") j += 1;
        values.push(line.slice(i, j));
        i = j;
      }
      if (line[i] === ",") {
        i += 1;
        continue;
      }
      break;
    }
    params[pname] = values;
  }
  if (line[i] !== ":") return null;
  return { name, params, value: line.slice(i + 1) };
}

/** RFC 5545 TEXT: \n, \N, \, \; and \\ unescaped. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

/** A DATE-TIME in UTC ("…Z") or floating (read as UTC); null when it does not parse. */
export function parseDateTime(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "mailto:Ba.Lan@Example.org" → "ba.lan@example.org"; anything that is not an address → null. */
export function calAddress(value: string | undefined | null): string | null {
  if (!value) return null;
  const bare = value.trim().replace(/^mailto:/i, "").trim().toLowerCase();
  return /^[^\s@<>]+@[^\s@<>]+$/.test(bare) ? bare : null;
}

export function clientOf(prodId: string | null): CalendarClient {
  if (!prodId) return "other";
  if (/microsoft|outlook|exchange/i.test(prodId)) return "outlook";
  if (/google/i.test(prodId)) return "google";
  if (/apple|icloud|mac os|ios/i.test(prodId)) return "apple";
  return "other";
}

function attendeeOf(line: ContentLine): ReplyAttendee {
  const param = (n: string) => line.params[n]?.[0] ?? null;
  const guests = param("X-NUM-GUESTS");
  const guestCount = guests !== null && /^\d{1,3}$/.test(guests.trim()) ? Number(guests.trim()) : null;
  const comment = param("X-RESPONSE-COMMENT");
  return {
    email: calAddress(line.value) ?? calAddress(param("EMAIL")),
    name: param("CN"),
    partstat: (param("PARTSTAT") ?? "NEEDS-ACTION").toUpperCase(),
    comment: comment ? unescapeText(comment).trim() || null : null,
    guests: guestCount,
    delegatedTo: calAddress(line.params["DELEGATED-TO"]?.[0]),
  };
}

/** Every VEVENT of the file with what a REPLY carries; VTIMEZONE and VALARM contents are skipped. */
export function parseCalendarMessage(text: string): CalendarMessage {
  let method: string | null = null;
  let prodId: string | null = null;
  const events: ReplyEvent[] = [];
  const stack: string[] = [];
  let current: (ReplyEvent & { uidSeen: boolean }) | null = null;
  for (const raw of contentLines(text)) {
    const line = parseContentLine(raw);
    if (!line) continue;
    if (line.name === "BEGIN") {
      const component = line.value.trim().toUpperCase();
      stack.push(component);
      if (component === "VEVENT" && stack.length === 2) {
        current = { uid: "", uidSeen: false, sequence: 0, dtstamp: null, organizer: null, comment: null, recurrenceId: null, attendees: [] };
      }
      continue;
    }
    if (line.name === "END") {
      const component = stack.pop();
      if (component === "VEVENT" && current && stack.length === 1) {
        if (current.uidSeen) {
          const { uidSeen: _seen, ...event } = current;
          events.push(event);
        }
        current = null;
      }
      continue;
    }
    const top = stack.at(-1);
    if (top === "VCALENDAR" && stack.length === 1) {
      if (line.name === "METHOD") method = line.value.trim().toUpperCase();
      if (line.name === "PRODID") prodId = line.value.trim();
      continue;
    }
    if (!current || top !== "VEVENT") continue;
    switch (line.name) {
      case "UID":
        current.uid = line.value.trim();
        current.uidSeen = current.uid !== "";
        break;
      case "SEQUENCE": {
        const n = Number.parseInt(line.value.trim(), 10);
        current.sequence = Number.isFinite(n) && n >= 0 ? n : 0;
        break;
      }
      case "DTSTAMP":
        current.dtstamp = parseDateTime(line.value);
        break;
      case "ORGANIZER":
        current.organizer = calAddress(line.value) ?? calAddress(line.params.EMAIL?.[0]);
        break;
      case "COMMENT":
        current.comment = unescapeText(line.value).trim() || null;
        break;
      case "RECURRENCE-ID":
        current.recurrenceId = line.value.trim();
        break;
      case "ATTENDEE":
        current.attendees.push(attendeeOf(line));
        break;
    }
  }
  return { method, prodId, client: clientOf(prodId), events };
}

export interface ReplyFacts {
  partstat: ReplyPartstat;
  sequence: number;
  dtstamp: Date | null;
  comment: string | null;
  guests: number | null;
  delegatedTo: string | null;
  /** The CN of the delegate's own ATTENDEE line (DELEGATED-FROM), when the client sends one (Outlook does). */
  delegatedName: string | null;
  attendee: string;
  client: CalendarClient;
}

export type ReplyMatch =
  | { ok: true; reply: ReplyFacts }
  | { ok: false; reason: "not_reply" | "uid_mismatch" | "attendee_mismatch" | "unknown_partstat" };

/**
 * The answer of `attendeeEmail` to the event `uid` in this calendar message: METHOD must be REPLY, the UID the
 * event's, the ATTENDEE the invitee (addresses compared case-insensitively). An ORGANIZER is not required
 * (outlook.com sends none). The note is X-RESPONSE-COMMENT, else the VEVENT's COMMENT.
 */
export function matchReply(message: CalendarMessage, expected: { uid: string; attendeeEmail: string }): ReplyMatch {
  if (message.method !== "REPLY") return { ok: false, reason: "not_reply" };
  const event = message.events.find((e) => e.uid === expected.uid && e.recurrenceId === null) ?? message.events.find((e) => e.uid === expected.uid);
  if (!event) return { ok: false, reason: "uid_mismatch" };
  const want = expected.attendeeEmail.trim().toLowerCase();
  const attendee = event.attendees.find((a) => a.email === want);
  if (!attendee) return { ok: false, reason: "attendee_mismatch" };
  if (!(replyPartstats as readonly string[]).includes(attendee.partstat)) return { ok: false, reason: "unknown_partstat" };
  return {
    ok: true,
    reply: {
      partstat: attendee.partstat as ReplyPartstat,
      sequence: event.sequence,
      dtstamp: event.dtstamp,
      comment: attendee.comment ?? event.comment,
      guests: attendee.guests,
      delegatedTo: attendee.partstat === "DELEGATED" ? attendee.delegatedTo : null,
      delegatedName:
        attendee.partstat === "DELEGATED" && attendee.delegatedTo
          ? (event.attendees.find((a) => a.email === attendee.delegatedTo)?.name?.trim() || null)
          : null,
      attendee: want,
      client: message.client,
    },
  };
}
