/**
 * Calendar replies and bounces through the one inbound handler (receiveInboundMail), with whole emails shaped as
 * Outlook, outlook.com, Gmail and Apple Mail send them. The SMTP listener and the IMAP poller are tested end to end
 * in inbound-channels.server.test.ts.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { auditLog, events, inboundMessages, invitationReplies, invitations, mailMessages, people } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { sampleBounce, type SampleClient, type SampleReply } from "../../server/testing/reply-samples";
import { replyAddress } from "~/domain/inbound/reply-address";
import type { Actor } from "~/domain/access/permissions";
import { receiveInboundMail } from "./inbound-mail.server";
import { rawMail, sampleReplyMail } from "../../server/testing/inbound-test-support.server";
import { remindUnanswered, sendInvitations } from "./invitation-mail.server";
import { createInvitee, invitationStatus, recordingTransport, testMailSettings } from "../../server/testing/mail-test-support.server";
import { BOUNCED_ADDRESS_ERROR, drainOutbox } from "./outbox-worker.server";
import { respondToInvitation } from "./rsvp.server";
import { latestDeputyProposal } from "./delegation.server";

const domain = "rsvp.signet.test";
const settings = { ...testMailSettings, inboundDomain: domain };
const now = new Date("2031-03-01T03:00:00Z");

describe("calendar replies and bounces", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  let eventId: string;
  let uid: string;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
    const event = await createEvent(db, actor, {
      title: "Lễ ký kết chương trình phối hợp",
      startsAt: new Date("2031-04-10T02:00:00Z"),
      endsAt: new Date("2031-04-10T04:00:00Z"),
    });
    eventId = event.id;
    uid = event.calendarUid;
  });
  afterAll(() => database.close());

  async function invitee(name: string) {
    const person = await createInvitee(db, eventId, { fullName: name, status: "sent" });
    const [row] = await db.select({ token: invitations.replyToken }).from(invitations).where(eq(invitations.id, person.invitationId));
    return { ...person, email: person.email!, token: row!.token, address: replyAddress(row!.token, domain) };
  }

  function reply(person: { email: string; fullName: string; address: string }, overrides: Partial<SampleReply> = {}): SampleReply {
    return {
      uid,
      sequence: 0,
      dtstamp: new Date("2031-03-01T05:00:00Z"),
      attendee: { email: person.email, name: person.fullName },
      organizer: person.address,
      partstat: "ACCEPTED",
      ...overrides,
    };
  }

  async function deliver(client: SampleClient, r: SampleReply, to: string, options: { messageId?: string; receivedAt?: Date } = {}) {
    const raw = await rawMail(sampleReplyMail(client, r, { to, messageId: options.messageId }));
    return receiveInboundMail(db, raw, { channel: "imap", domain, receivedAt: options.receivedAt ?? new Date("2031-03-01T05:01:00Z") });
  }

  const ledgerOf = (invitationId: string) => db.select().from(invitationReplies).where(eq(invitationReplies.invitationId, invitationId));

  it("the invitation's calendar file names the reply address as ORGANIZER, the mail has it as Reply-To; not the link token", async () => {
    const person = await invitee("Nguyễn Văn Tổ Chức");
    await db.update(invitations).set({ status: "not_sent" }).where(eq(invitations.id, person.invitationId));
    await sendInvitations(db, actor, eventId, { to: "selected", invitationIds: [person.invitationId] }, { settings, now });
    const [message] = await db.select().from(mailMessages).where(eq(mailMessages.invitationId, person.invitationId));
    expect(message!.icsContent!.replace(/\r\n /g, "")).toContain(`ORGANIZER;CN="Ban Tổ chức Signet":MAILTO:${person.address}`);
    expect(message!.meta?.replyTo).toBe(person.address);
    const linkToken = /\/i\/([A-Za-z0-9_-]{43})/.exec(message!.text)?.[1];
    expect(linkToken).toBeTruthy();
    expect(person.address).not.toContain(linkToken!);
    // Without INBOUND_DOMAIN, as before: MAIL_FROM is the ORGANIZER and there is no Reply-To.
    const other = await invitee("Trần Văn Cũ");
    await db.update(invitations).set({ status: "not_sent" }).where(eq(invitations.id, other.invitationId));
    await sendInvitations(db, actor, eventId, { to: "selected", invitationIds: [other.invitationId] }, { settings: testMailSettings, now });
    const [plain] = await db.select().from(mailMessages).where(eq(mailMessages.invitationId, other.invitationId));
    expect(plain!.icsContent!.replace(/\r\n /g, "")).toContain("MAILTO:no-reply@signet.test");
    expect(plain!.meta?.replyTo).toBeUndefined();
  });

  const shapes: { client: SampleClient; partstat: SampleReply["partstat"]; status: string }[] = [
    { client: "outlook", partstat: "ACCEPTED", status: "accepted" },
    { client: "outlook.com", partstat: "DECLINED", status: "declined" },
    { client: "google", partstat: "TENTATIVE", status: "tentative" },
    { client: "apple", partstat: "DECLINED", status: "declined" },
  ];
  for (const { client, partstat, status } of shapes) {
    it(`${client}: ${partstat} answers the invitation, with the source in the ledger`, async () => {
      const person = await invitee(`Khách ${client}`);
      const result = await deliver(client, reply(person, { partstat, comment: client === "apple" ? null : "Xin cảm ơn, sẽ đến đúng giờ", guests: 1 }), person.address);
      expect(result).toMatchObject({ kind: "reply", outcome: "applied", invitationId: person.invitationId });
      expect(await invitationStatus(db, person.invitationId)).toBe(status);
      const [entry] = await ledgerOf(person.invitationId);
      expect(entry).toMatchObject({
        source: "email",
        channel: "imap",
        partstat,
        client: client === "outlook.com" ? "outlook" : client,
        applied: true,
        answeredAt: new Date("2031-03-01T05:00:00Z"),
        comment: client === "apple" ? null : "Xin cảm ơn, sẽ đến đúng giờ",
        guests: client === "google" ? 1 : null,
      });
      const [invitation] = await db.select({ comment: invitations.comment, respondedAt: invitations.respondedAt }).from(invitations).where(eq(invitations.id, person.invitationId));
      expect(invitation!.comment).toBe(entry!.comment);
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.entityId, person.invitationId));
      expect(audit).toMatchObject({ action: "rsvp.respond", actorId: null, details: { status, via: "email" } });
    });
  }

  it("the same message twice (a second fetch, or through both channels) is taken once", async () => {
    const person = await invitee("Lê Văn Hai Lần");
    const raw = await rawMail(sampleReplyMail("google", reply(person), { to: person.address, messageId: "<twice-1@mail.gmail.com>" }));
    expect((await receiveInboundMail(db, raw, { channel: "imap", domain })).outcome).toBe("applied");
    expect(await receiveInboundMail(db, raw, { channel: "smtp", domain, envelopeTo: [person.address] })).toMatchObject({ outcome: "duplicate" });
    expect(await ledgerOf(person.invitationId)).toHaveLength(1);
  });

  it("ignores a REPLY whose SEQUENCE is below the event's; at equal SEQUENCE the newest DTSTAMP wins", async () => {
    const person = await invitee("Phạm Thị Thứ Tự");
    await db.update(events).set({ calendarSequence: 2 }).where(eq(events.id, eventId));
    try {
      expect((await deliver("outlook", reply(person, { sequence: 1, partstat: "DECLINED" }), person.address)).outcome).toBe("stale_sequence");
      expect(await invitationStatus(db, person.invitationId)).toBe("sent");
      const newer = reply(person, { sequence: 2, partstat: "ACCEPTED", dtstamp: new Date("2031-03-01T06:00:00Z") });
      const older = reply(person, { sequence: 2, partstat: "DECLINED", dtstamp: new Date("2031-03-01T05:30:00Z") });
      expect((await deliver("outlook", newer, person.address, { receivedAt: new Date("2031-03-01T06:01:00Z") })).outcome).toBe("applied");
      expect((await deliver("outlook", older, person.address, { receivedAt: new Date("2031-03-01T06:02:00Z") })).outcome).toBe("older_dtstamp");
      expect(await invitationStatus(db, person.invitationId)).toBe("accepted");
      expect((await ledgerOf(person.invitationId)).map((e) => e.outcome).sort()).toEqual(["applied", "older_dtstamp", "stale_sequence"]);
    } finally {
      await db.update(events).set({ calendarSequence: 0 }).where(eq(events.id, eventId));
    }
  });

  it("the web answer and the mailed one reconcile by time", async () => {
    const person = await invitee("Hoàng Văn Hai Nơi");
    await respondToInvitation(db, { invitationId: person.invitationId, intent: "accept", comment: null }, new Date("2031-03-01T05:10:00Z"));
    // Written in the calendar at 05:00, before the click on the page at 05:10: the page's answer stands.
    expect((await deliver("google", reply(person, { partstat: "DECLINED" }), person.address, { receivedAt: new Date("2031-03-01T05:20:00Z") })).outcome).toBe(
      "superseded",
    );
    expect(await invitationStatus(db, person.invitationId)).toBe("accepted");
    // A later one from the calendar counts.
    const later = reply(person, { partstat: "DECLINED", dtstamp: new Date("2031-03-01T05:30:00Z") });
    expect((await deliver("google", later, person.address, { receivedAt: new Date("2031-03-01T05:31:00Z") })).outcome).toBe("applied");
    expect(await invitationStatus(db, person.invitationId)).toBe("declined");
    const ledger = await ledgerOf(person.invitationId);
    expect(ledger.map((e) => `${e.source}:${e.partstat}:${e.outcome}`).sort()).toEqual([
      "email:DECLINED:applied",
      "email:DECLINED:superseded",
      "web:ACCEPTED:applied",
    ]);
  });

  it("a reply changes only its own invitation: another attendee, another UID or an unknown token changes nothing", async () => {
    const a = await invitee("Người A");
    const b = await invitee("Người B");
    expect((await deliver("google", reply(b), a.address)).outcome).toBe("attendee_mismatch");
    expect((await deliver("google", reply(a, { uid: "someone-else@calendar.google.com" }), a.address)).outcome).toBe("uid_mismatch");
    expect((await deliver("google", reply(a), `rsvp+${"f".repeat(32)}@${domain}`)).outcome).toBe("no_invitation");
    expect((await deliver("google", reply(a), "no-reply@signet.test")).outcome).toBe("no_token");
    expect(await invitationStatus(db, a.invitationId)).toBe("sent");
    expect(await invitationStatus(db, b.invitationId)).toBe("sent");
  });

  it("a withdrawn invitation takes no reply; a plain email without a calendar is recorded and left alone", async () => {
    const person = await invitee("Người Đã Rút");
    await db.update(invitations).set({ withdrawnAt: now }).where(eq(invitations.id, person.invitationId));
    expect((await deliver("apple", reply(person), person.address)).outcome).toBe("withdrawn");
    const plain = await rawMail({ from: person.email, to: person.address, subject: "Cảm ơn", text: "Tôi sẽ đến." });
    expect(await receiveInboundMail(db, plain, { channel: "imap", domain })).toMatchObject({ kind: "other", outcome: "no_calendar" });
  });

  it("PARTSTAT=DELEGATED is recorded with DELEGATED-TO and becomes a deputy proposal for the organizer; the status stays", async () => {
    const person = await invitee("Người Ủy Quyền");
    const mailed = reply(person, { partstat: "DELEGATED", delegatedTo: "pho.phong@example.org", delegatedName: "Trần Văn Phó" });
    const result = await deliver("outlook", mailed, person.address);
    expect(result).toMatchObject({ outcome: "delegated", delegatedTo: "pho.phong@example.org", invitationId: person.invitationId, deputyProposal: "proposed" });
    expect(await invitationStatus(db, person.invitationId)).toBe("sent");
    expect((await ledgerOf(person.invitationId))[0]).toMatchObject({ partstat: "DELEGATED", delegatedTo: "pho.phong@example.org", applied: false });
    const proposal = await latestDeputyProposal(db, person.invitationId);
    expect(proposal).toMatchObject({ status: "pending", source: "mail", fullName: "Trần Văn Phó", email: "pho.phong@example.org" });
  });

  it("a mailed delegation to the invitee's own address is kept in the ledger only, with the reason", async () => {
    const person = await invitee("Người Tự Ủy Quyền");
    const result = await deliver("google", reply(person, { partstat: "DELEGATED", delegatedTo: person.email }), person.address);
    expect(result).toMatchObject({ outcome: "delegated", deputyProposal: "delegation.errors.self" });
    expect(await latestDeputyProposal(db, person.invitationId)).toBeNull();
    expect(await ledgerOf(person.invitationId)).toHaveLength(1);
  });

  it("a bounce marks the invitation, the outbox sends nothing more to that address until it is edited", async () => {
    const person = await invitee("Người Sai Địa Chỉ");
    const dsn = sampleBounce({ to: person.address, failedRecipient: person.email.toUpperCase(), originalMessageId: "<unknown@signet.test>" });
    expect(await receiveInboundMail(db, dsn, { channel: "smtp", domain, envelopeTo: [person.address] })).toMatchObject({
      kind: "bounce",
      outcome: "bounced",
      invitationId: person.invitationId,
    });
    const [row] = await db.select().from(invitations).where(eq(invitations.id, person.invitationId));
    expect(row!.bouncedAt).not.toBeNull();
    expect(row!.bounceReason).toMatch(/^5\.1\.1 — 550 5\.1\.1 .*User unknown/);

    await db.delete(mailMessages);
    await remindUnanswered(db, actor, eventId, { settings, now });
    const transport = recordingTransport();
    await drainOutbox(db, transport, now);
    expect(transport.sent.map((m) => m.to)).not.toContain(person.email);
    const [held] = await db.select().from(mailMessages).where(eq(mailMessages.invitationId, person.invitationId));
    expect(held).toMatchObject({ status: "failed", lastError: BOUNCED_ADDRESS_ERROR });
    expect(transport.sent.length).toBeGreaterThan(0); // the others went

    // The address is corrected: mail goes again.
    await db.update(people).set({ email: "dung.dia.chi@example.org" }).where(eq(people.id, person.personId));
    await db.delete(mailMessages);
    await remindUnanswered(db, actor, eventId, { settings, now: new Date("2031-03-02T03:00:00Z") });
    const again = recordingTransport();
    await drainOutbox(db, again, new Date("2031-03-02T03:00:00Z"));
    expect(again.sent.map((m) => m.to)).toContain("dung.dia.chi@example.org");
  });

  it("a bounce sent to MAIL_FROM is matched by the Message-ID of the message it returns; a delay is not a bounce", async () => {
    const person = await invitee("Người Hộp Thư Đầy");
    await db.update(invitations).set({ status: "not_sent" }).where(eq(invitations.id, person.invitationId));
    await db.delete(mailMessages);
    await sendInvitations(db, actor, eventId, { to: "selected", invitationIds: [person.invitationId] }, { settings, now });
    await drainOutbox(db, recordingTransport(), now);
    const [sent] = await db.select().from(mailMessages).where(eq(mailMessages.invitationId, person.invitationId));
    expect(sent!.messageId).toBeTruthy();
    const delayed = sampleBounce({ to: "no-reply@signet.test", failedRecipient: person.email, originalMessageId: sent!.messageId!, action: "delayed", status: "4.2.2" });
    expect((await receiveInboundMail(db, delayed.replace("DSN1", "DSN-delay"), { channel: "imap", domain })).outcome).toBe("bounce_not_failed");
    const dsn = sampleBounce({ to: "no-reply@signet.test", failedRecipient: person.email, originalMessageId: sent!.messageId!, status: "5.2.2" });
    expect((await receiveInboundMail(db, dsn.replace("DSN1", "DSN-full"), { channel: "imap", domain })).outcome).toBe("bounced");
    const records = await db.select().from(inboundMessages).where(eq(inboundMessages.invitationId, person.invitationId));
    expect(records.map((r) => r.outcome).sort()).toEqual(["bounced"]);
  });
});
