/**
 * Test support for calendar replies: whole REPLY emails shaped as Outlook, outlook.com, Gmail and Apple Mail send
 * them (the calendar files come from server/testing/reply-samples.ts), as nodemailer message options — to send
 * through a real SMTP connection — or as raw bytes (for IMAP APPEND and direct calls). Not used by the app.
 */
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";
import { sampleReplyIcs, type SampleClient, type SampleReply } from "./reply-samples";

const verbs = {
  vi: { ACCEPTED: "Đã chấp nhận", DECLINED: "Đã từ chối", TENTATIVE: "Dự định", DELEGATED: "Đã ủy quyền" },
} as const;

/**
 * The email a client sends when the invitee presses Accept / Decline / Maybe:
 *  - Outlook / outlook.com: multipart/alternative of text, HTML and `text/calendar; method=REPLY` (base64), no file;
 *  - Gmail: multipart/mixed — the alternative with `text/calendar; method=REPLY` and the same file attached as
 *    invite.ics (application/ics), which is what nodemailer's icalEvent writes;
 *  - Apple Mail: text and an attached `iCal-<date>.ics` of type `text/calendar; method=REPLY`.
 */
export function sampleReplyMail(client: SampleClient, reply: SampleReply, options: { to: string; messageId?: string; date?: Date }): Mail.Options {
  const ics = sampleReplyIcs(client, reply);
  const subject = `${verbs.vi[reply.partstat]}: ${reply.summary ?? "Lễ ký kết chương trình phối hợp"}`;
  const from = { name: reply.attendee.name, address: reply.attendee.email };
  const common: Mail.Options = {
    from,
    to: options.to,
    subject,
    date: options.date ?? reply.dtstamp,
    ...(options.messageId ? { messageId: options.messageId } : {}),
  };
  switch (client) {
    case "outlook":
    case "outlook.com":
      return {
        ...common,
        text: reply.comment ?? "",
        html: `<html><body><p>${reply.comment ?? ""}</p></body></html>`,
        alternatives: [{ contentType: 'text/calendar; charset="utf-8"; method=REPLY', content: ics, contentTransferEncoding: "base64" }],
        headers: { "Thread-Topic": subject, "X-MS-Has-Attach": "", "X-MS-TNEF-Correlator": "" },
      };
    case "google":
      return {
        ...common,
        text: `${reply.attendee.name} đã trả lời lời mời.`,
        html: `<p>${reply.attendee.name} đã trả lời lời mời.</p>`,
        icalEvent: { method: "REPLY", filename: "invite.ics", content: ics },
      };
    case "apple":
      return {
        ...common,
        text: `${reply.attendee.name} đã trả lời.`,
        attachments: [{ filename: "iCal-20310301-050000.ics", contentType: "text/calendar; charset=utf-8; method=REPLY", content: ics }],
        headers: { "X-Mailer": "Apple Mail (2.3774.500.171.1.1)" },
      };
  }
}

/** The message as the bytes a mail server would store. */
export async function rawMail(options: Mail.Options): Promise<Buffer> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(options);
  return info.message as Buffer;
}
