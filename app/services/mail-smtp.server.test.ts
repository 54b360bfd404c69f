/**
 * The outbox against a REAL SMTP server: smtp-server in this process (no TLS, no auth), nodemailer as the app
 * uses it, mailparser to read what arrived. Also: while the server is down nothing is lost, and once it is back
 * each message arrives exactly once.
 */
import type { AddressInfo } from "node:net";
import ICAL from "ical.js";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { mailMessages } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { getEventDetail } from "~/models/events.server";
import { cancelEvent, eventToInput, updateEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";
import { queueWithdrawalCancel, remindUnanswered, sendInvitations } from "./invitation-mail.server";
import { createInvitee, messagesOf, testMailSettings as settings } from "../../server/testing/mail-test-support.server";
import { createSmtpTransport, type MailTransport } from "./mail-transport.server";
import { drainOutbox } from "./outbox-worker.server";

interface Received {
  envelopeTo: string[];
  raw: string;
  parsed: ParsedMail;
}

/** A local SMTP sink. `start(port)` reuses a port so "the server comes back" on the address the app knows. */
class SmtpSink {
  received: Received[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      disableReverseLookup: true,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const envelopeTo = session.envelope.rcptTo.map((r) => r.address);
          simpleParser(raw)
            .then((parsed) => {
              this.received.push({ envelopeTo, raw, parsed });
              callback();
            })
            .catch(callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once("error", reject);
      server.listen(port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.server.address() as AddressInfo).port;
    return this.port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function smtpTransport(port: number): MailTransport {
  return createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: settings.from, extra: { ignoreTLS: true } });
}

/** The text/calendar alternative part: its Content-Type line and its content. */
function calendarPart(mail: Received) {
  const headers = [...mail.raw.matchAll(/^Content-Type: text\/calendar[^\r\n]*(?:\r\n[ \t][^\r\n]*)*/gim)].map((m) =>
    m[0].replace(/\r\n[ \t]+/g, " "),
  );
  const attachment = mail.parsed.attachments.find((a) => a.contentType === "text/calendar");
  if (!attachment) throw new Error("no text/calendar part");
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return {
    headers,
    method: calendar.getFirstPropertyValue("method"),
    uid: vevent.getFirstPropertyValue("uid"),
    sequence: vevent.getFirstPropertyValue("sequence"),
    status: vevent.getFirstPropertyValue("status"),
  };
}

describe("mail through a real SMTP server", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  const sink = new SmtpSink();

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
  });
  afterAll(async () => {
    await sink.stop();
    await database.close();
  });
  beforeEach(async () => {
    await db.delete(mailMessages);
    sink.received = [];
  });

  it("delivers invitation, update, reminder, withdrawal and cancellation with the right calendar part", async () => {
    const port = await sink.start();
    const transport = smtpTransport(port);
    const now = new Date("2031-03-01T03:00:00Z");
    const event = await createEvent(db, actor, {
      title: "Lễ ký kết chương trình phối hợp “Đồng hành” 🤝",
      startsAt: new Date("2031-04-10T01:30:00Z"),
      endsAt: new Date("2031-04-10T03:00:00Z"),
      venueName: "Hội trường A",
    });
    const an = await createInvitee(db, event.id, { fullName: "Nguyễn Văn An", honorific: "Ông", language: "vi" });
    const jane = await createInvitee(db, event.id, { fullName: "Jane Doe", language: "en" });
    const bao = await createInvitee(db, event.id, { fullName: "Trần Thị Bảo", language: "vi" });

    // Invitation.
    await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now });
    expect(await drainOutbox(db, transport, now)).toMatchObject({ sent: 3, retried: 0, failed: 0 });
    expect(sink.received).toHaveLength(3);
    const toAn = sink.received.find((r) => r.envelopeTo.includes(an.email!))!;
    const toJane = sink.received.find((r) => r.envelopeTo.includes(jane.email!))!;
    expect(toAn.parsed.subject).toBe("Thư mời: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(toAn.parsed.headers.get("content-language")).toBe("vi");
    expect(toAn.parsed.text).toContain("Kính gửi Ông Nguyễn Văn An,");
    expect(toAn.parsed.html).toContain("Trả lời thư mời");
    expect(toAn.parsed.from?.value[0]).toEqual({ name: "Ban Tổ chức Signet", address: "no-reply@signet.test" });
    const toValue = toAn.parsed.to && !Array.isArray(toAn.parsed.to) ? toAn.parsed.to.value[0] : undefined;
    expect(toValue).toEqual({ name: "Ông Nguyễn Văn An", address: an.email });
    // No English title given: the Vietnamese one, marked for the organiser to translate (issue 14).
    expect(toJane.parsed.subject).toBe("Invitation: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(toJane.parsed.headers.get("content-language")).toBe("en");
    expect(toJane.parsed.text).toContain("Dear Jane Doe,");
    expect(toJane.parsed.text).toMatch(/Reply to the invitation at: https:\/\/signet\.example\/i\/[A-Za-z0-9_-]{43}/);

    const invitationCal = calendarPart(toAn);
    expect(invitationCal.headers).toHaveLength(1);
    expect(invitationCal.headers[0]).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST$/i);
    expect(invitationCal).toMatchObject({ method: "REQUEST", uid: event.calendarUid, sequence: 0 });
    // One text/calendar alternative part and the same file once as the invite.ics attachment — never twice.
    expect(toAn.raw.match(/^Content-Type: text\/calendar/gim)).toHaveLength(1);
    expect(toAn.raw.match(/^Content-Type: application\/ics; name=invite\.ics/gim)).toHaveLength(1);
    expect(toAn.parsed.attachments.filter((a) => a.filename === "invite.ics")).toHaveLength(1);

    // Update: the time moves.
    sink.received = [];
    const detail = (await getEventDetail(db, event.id))!;
    await updateEvent(db, actor, event.id, {
      ...eventToInput(detail),
      startsAt: new Date("2031-04-10T07:00:00Z"),
      endsAt: new Date("2031-04-10T09:00:00Z"),
    });
    expect((await drainOutbox(db, transport, now)).sent).toBe(3);
    const updateToJane = sink.received.find((r) => r.envelopeTo.includes(jane.email!))!;
    expect(updateToJane.parsed.subject).toBe("Updated: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(updateToJane.parsed.text).toContain("(changed)");
    expect(calendarPart(updateToJane)).toMatchObject({ method: "REQUEST", uid: event.calendarUid, sequence: 1 });
    expect(calendarPart(updateToJane).headers[0]).toMatch(/method=REQUEST/);

    // Reminder to whoever has not answered (all three: nobody replied).
    sink.received = [];
    await remindUnanswered(db, actor, event.id, { settings, now });
    expect((await drainOutbox(db, transport, now)).sent).toBe(3);
    const reminderToAn = sink.received.find((r) => r.envelopeTo.includes(an.email!))!;
    expect(reminderToAn.parsed.subject).toBe("Nhắc xác nhận tham dự: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(calendarPart(reminderToAn)).toMatchObject({ method: "REQUEST", sequence: 1 });

    // One invitation withdrawn: a CANCEL to Bảo only, SEQUENCE one above the event's.
    sink.received = [];
    expect(await queueWithdrawalCancel(db, bao.invitationId, settings.appUrl, { settings, now })).toBe("queued");
    expect((await drainOutbox(db, transport, now)).sent).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.envelopeTo).toEqual([bao.email]);
    expect(sink.received[0]!.parsed.subject).toBe("Thu hồi thư mời: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    const withdrawalCal = calendarPart(sink.received[0]!);
    expect(withdrawalCal.headers[0]).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL$/i);
    expect(withdrawalCal).toMatchObject({ method: "CANCEL", uid: event.calendarUid, sequence: 2, status: "CANCELLED" });

    // The event is cancelled: CANCEL with a higher SEQUENCE to everyone invited.
    sink.received = [];
    await cancelEvent(db, actor, event.id);
    expect((await drainOutbox(db, transport, now)).sent).toBeGreaterThanOrEqual(2);
    const cancelToJane = sink.received.find((r) => r.envelopeTo.includes(jane.email!))!;
    expect(cancelToJane.parsed.subject).toBe("Cancelled: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(calendarPart(cancelToJane)).toMatchObject({ method: "CANCEL", uid: event.calendarUid, sequence: 2, status: "CANCELLED" });
    expect(calendarPart(cancelToJane).headers[0]).toMatch(/method=CANCEL/);

    transport.close();
    await sink.stop();
  });

  it("loses nothing while the SMTP server is down and delivers exactly once when it is back", async () => {
    // Find a free port, then close it: the app's SMTP_URL points at a server that is down.
    const port = await sink.start();
    await sink.stop();
    const transport = smtpTransport(port);
    const t0 = new Date("2031-03-02T00:00:00Z");
    const event = await createEvent(db, actor, { startsAt: new Date("2031-04-10T01:30:00Z"), endsAt: new Date("2031-04-10T03:00:00Z") });
    const guest = await createInvitee(db, event.id, { language: "en" });
    await createInvitee(db, event.id);
    await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now: t0 });

    expect(await drainOutbox(db, transport, t0)).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
    let messages = await messagesOf(db, event.id);
    expect(messages).toHaveLength(2);
    expect(messages.every((m) => m.status === "queued")).toBe(true);
    const tried = messages.find((m) => m.attempts === 1)!;
    expect(tried.lastError).toMatch(/ECONNREFUSED/);
    expect(tried.nextAttemptAt.toISOString()).toBe("2031-03-02T00:01:00.000Z");
    expect(messages.find((m) => m.attempts === 0)).toBeDefined();

    // Still down a minute later: the second try fails too and waits 5 minutes.
    const t1 = new Date("2031-03-02T00:01:00Z");
    expect((await drainOutbox(db, transport, t1)).retried).toBe(1);

    // The server comes back on the same address.
    await sink.start(port);
    const t2 = new Date("2031-03-02T01:00:00Z");
    expect(await drainOutbox(db, transport, t2)).toEqual({ sent: 2, retried: 0, failed: 0, lost: 0 });
    expect(await drainOutbox(db, transport, new Date("2031-03-03T00:00:00Z"))).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
    expect(sink.received).toHaveLength(2);
    expect(sink.received.filter((r) => r.envelopeTo.includes(guest.email!))).toHaveLength(1);
    const ids = sink.received.map((r) => r.parsed.messageId);
    expect(new Set(ids).size).toBe(2);
    messages = await messagesOf(db, event.id);
    expect(messages.every((m) => m.status === "sent" && m.deliveredVia === "smtp")).toBe(true);
    expect(messages.map((m) => m.messageId).sort()).toEqual([...ids].sort());
    transport.close();
  });
});
