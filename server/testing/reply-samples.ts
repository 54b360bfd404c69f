/**
 * Calendar REPLY files shaped as Outlook (Exchange / outlook.com), Google Calendar and Apple Calendar write them,
 * from RFC 5546 §4.2.3 and the clients' documented behaviour — for the tests (domain, service, SMTP and IMAP
 * channels, e2e). Not used by the app. Pure.
 *  - Outlook: PRODID "Microsoft Exchange Server 2010", a VTIMEZONE, local DTSTART with TZID, the address as
 *    "MAILTO:" in the case the user typed, the note as COMMENT;LANGUAGE=…, X-MICROSOFT-CDO-* lines; outlook.com
 *    sends no ORGANIZER.
 *  - Google: PRODID "-//Google Inc//Google Calendar 70.9054//EN", UTC times, X-NUM-GUESTS and X-RESPONSE-COMMENT on
 *    the ATTENDEE (a long line folded), CALSCALE.
 *  - Apple: PRODID "-//Apple Inc.//macOS 14.4//EN", quoted CN with diacritics, the address in EMAIL= and a urn:uuid
 *    value (iCloud), no comment.
 */
import { foldLine } from "~/domain/calendar/ics";

export type SampleClient = "outlook" | "outlook.com" | "google" | "apple";

export interface SampleReply {
  uid: string;
  sequence: number;
  dtstamp: Date;
  attendee: { email: string; name: string };
  organizer: string;
  partstat: "ACCEPTED" | "DECLINED" | "TENTATIVE" | "DELEGATED";
  comment?: string | null;
  guests?: number | null;
  delegatedTo?: string | null;
  /** The delegate's name: Outlook adds their own ATTENDEE line (DELEGATED-FROM, CN), as in RFC 5546 §4.2.5. */
  delegatedName?: string | null;
  summary?: string;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
const escape = (v: string) => v.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/;/g, "\\;").replace(/,/g, "\\,");
const file = (lines: string[]) => lines.map(foldLine).join("\r\n") + "\r\n";

export function sampleReplyIcs(client: SampleClient, r: SampleReply): string {
  const summary = r.summary ?? "Lễ ký kết chương trình phối hợp";
  const delegated = r.partstat === "DELEGATED" && r.delegatedTo ? `;DELEGATED-TO="mailto:${r.delegatedTo}"` : "";
  switch (client) {
    case "outlook":
    case "outlook.com": {
      // Outlook writes the address as the user typed it in the invitation, often capitalised.
      const shown = r.attendee.email.replace(/^[a-z]/, (c) => c.toUpperCase());
      const verb = { ACCEPTED: "Đã chấp nhận", DECLINED: "Đã từ chối", TENTATIVE: "Dự định", DELEGATED: "Đã ủy quyền" }[r.partstat];
      return file([
        "BEGIN:VCALENDAR",
        "METHOD:REPLY",
        "PRODID:Microsoft Exchange Server 2010",
        "VERSION:2.0",
        "BEGIN:VTIMEZONE",
        "TZID:SE Asia Standard Time",
        "BEGIN:STANDARD",
        "DTSTART:16010101T000000",
        "TZOFFSETFROM:+0700",
        "TZOFFSETTO:+0700",
        "END:STANDARD",
        "END:VTIMEZONE",
        "BEGIN:VEVENT",
        `ATTENDEE;PARTSTAT=${r.partstat}${delegated};CN=${r.attendee.name}:MAILTO:${shown}`,
        ...(delegated && r.delegatedName
          ? [`ATTENDEE;PARTSTAT=NEEDS-ACTION;DELEGATED-FROM="mailto:${r.attendee.email}";CN=${r.delegatedName}:MAILTO:${r.delegatedTo}`]
          : []),
        ...(r.comment ? [`COMMENT;LANGUAGE=vi-VN:${escape(r.comment)}\\n`] : []),
        `SUMMARY;LANGUAGE=vi-VN:${verb}: ${escape(summary)}`,
        "DTSTART;TZID=SE Asia Standard Time:20310410T090000",
        "DTEND;TZID=SE Asia Standard Time:20310410T110000",
        ...(client === "outlook" ? [`ORGANIZER;CN=Ban Tổ chức:MAILTO:${r.organizer}`] : []),
        `UID:${r.uid}`,
        "CLASS:PUBLIC",
        "PRIORITY:5",
        `DTSTAMP:${stamp(r.dtstamp)}`,
        "TRANSP:OPAQUE",
        "STATUS:CONFIRMED",
        `SEQUENCE:${r.sequence}`,
        "LOCATION;LANGUAGE=vi-VN:Hội trường tầng 3",
        `X-MICROSOFT-CDO-APPT-SEQUENCE:${r.sequence}`,
        "X-MICROSOFT-CDO-OWNERAPPTID:-1",
        "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
        "X-MICROSOFT-CDO-INTENDEDSTATUS:BUSY",
        "X-MICROSOFT-CDO-ALLDAYEVENT:FALSE",
        "X-MICROSOFT-CDO-IMPORTANCE:1",
        "X-MICROSOFT-CDO-INSTTYPE:0",
        "X-MICROSOFT-DISALLOW-COUNTER:FALSE",
        "END:VEVENT",
        "END:VCALENDAR",
      ]);
    }
    case "google": {
      const guests = r.guests !== undefined && r.guests !== null ? `;X-NUM-GUESTS=${r.guests}` : ";X-NUM-GUESTS=0";
      const comment = r.comment ? `;X-RESPONSE-COMMENT="${r.comment.replace(/"/g, "'").replace(/\n/g, " ")}"` : "";
      return file([
        "BEGIN:VCALENDAR",
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:REPLY",
        "BEGIN:VEVENT",
        "DTSTART:20310410T020000Z",
        "DTEND:20310410T040000Z",
        `DTSTAMP:${stamp(r.dtstamp)}`,
        `ORGANIZER;CN=Ban Tổ chức:mailto:${r.organizer}`,
        `UID:${r.uid}`,
        `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${r.partstat}${delegated};CN=${r.attendee.name}${guests}${comment}:mailto:${r.attendee.email}`,
        "CREATED:20310301T030000Z",
        `DESCRIPTION:${escape(summary)}`,
        "LAST-MODIFIED:20310301T050000Z",
        "LOCATION:Hội trường tầng 3",
        `SEQUENCE:${r.sequence}`,
        "STATUS:CONFIRMED",
        `SUMMARY:${escape(summary)}`,
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
      ]);
    }
    case "apple":
      return file([
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Apple Inc.//macOS 14.4//EN",
        "METHOD:REPLY",
        "CALSCALE:GREGORIAN",
        "BEGIN:VEVENT",
        `ATTENDEE;CN="${r.attendee.name}";CUTYPE=INDIVIDUAL;EMAIL="${r.attendee.email}";PARTSTAT=${r.partstat}${delegated}:urn:uuid:9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d`,
        "DTEND:20310410T040000Z",
        `DTSTAMP:${stamp(r.dtstamp)}`,
        `ORGANIZER;CN="Ban Tổ chức";EMAIL="${r.organizer}":mailto:${r.organizer}`,
        "DTSTART:20310410T020000Z",
        `SEQUENCE:${r.sequence}`,
        `SUMMARY:${escape(summary)}`,
        `UID:${r.uid}`,
        "END:VEVENT",
        "END:VCALENDAR",
      ]);
  }
}

/** A delivery status notification (RFC 3464 §6), as Postfix writes one, for the message `originalMessageId`. */
export function sampleBounce(input: { to: string; failedRecipient: string; originalMessageId: string; action?: string; status?: string }): string {
  const action = input.action ?? "failed";
  const status = input.status ?? "5.1.1";
  return [
    "From: Mail Delivery System <MAILER-DAEMON@mx.example.org>",
    `To: ${input.to}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Message-ID: <20310301050000.DSN1@mx.example.org>",
    "Date: Sat, 01 Mar 2031 05:00:00 +0000",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B-dsn-1"',
    "",
    "This is a MIME-encapsulated message.",
    "",
    "--B-dsn-1",
    "Content-Description: Notification",
    "Content-Type: text/plain; charset=us-ascii",
    "",
    "This is the mail system at host mx.example.org.",
    "",
    "I'm sorry to have to inform you that your message could not",
    "be delivered to one or more recipients.",
    "",
    "--B-dsn-1",
    "Content-Description: Delivery report",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.example.org",
    "X-Postfix-Queue-ID: 4Q1X2Y3Z",
    "Arrival-Date: Sat,  1 Mar 2031 04:59:58 +0000 (UTC)",
    "",
    `Final-Recipient: rfc822; ${input.failedRecipient}`,
    `Original-Recipient: rfc822;${input.failedRecipient}`,
    `Action: ${action}`,
    `Status: ${status}`,
    "Remote-MTA: dns; mail.example.org",
    `Diagnostic-Code: smtp; 550 ${status} <${input.failedRecipient}>: Recipient address`,
    "    rejected: User unknown in virtual mailbox table",
    "",
    "--B-dsn-1",
    "Content-Description: Undelivered Message Headers",
    "Content-Type: text/rfc822-headers",
    "",
    "From: Ban Tổ chức <no-reply@signet.test>",
    `To: ${input.failedRecipient}`,
    "Subject: Thư mời",
    `Message-ID: ${input.originalMessageId}`,
    "",
    "--B-dsn-1--",
    "",
  ].join("\r\n");
}
