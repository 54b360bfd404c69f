/**
 * Both inbound channels end to end: nodemailer sends Outlook-, Gmail- and Apple-shaped REPLY emails to the SMTP
 * listener on a loopback port, and the invitation's status changes; the IMAP poller (imapflow) reads the same
 * kind of messages from a real IMAP server in this process (hoodiecrow-imap), marks them read and does not take
 * them twice.
 */
import { createRequire } from "node:module";
import type { AddressInfo, Server } from "node:net";
import { eq } from "drizzle-orm";
import { ImapFlow } from "imapflow";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { invitationReplies, invitations } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { replyAddress } from "~/domain/inbound/reply-address";
import type { SampleClient, SampleReply } from "../../server/testing/reply-samples";
import { parseImapUrl, pollImapOnce } from "./inbound-imap.server";
import type { InboundResult } from "./inbound-mail.server";
import { startInboundSmtp, type InboundSmtpServer } from "./inbound-smtp.server";
import { rawMail, sampleReplyMail } from "../../server/testing/inbound-test-support.server";
import { createInvitee, invitationStatus } from "../../server/testing/mail-test-support.server";

const domain = "rsvp.signet.test";

// hoodiecrow-imap is CommonJS without types: a real, scriptable IMAP4rev1 server for tests.
const require = createRequire(import.meta.url);
interface ImapTestServer {
  listen(port: number, host: string, callback: () => void): void;
  close(callback?: () => void): void;
  server: Server;
}
const hoodiecrow = require("hoodiecrow-imap") as (options: Record<string, unknown>) => ImapTestServer;

describe("inbound channels", () => {
  let database: Database;
  let db: Db;
  let eventId: string;
  let uid: string;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    const event = await createEvent(db, { id: user.id, name: user.name }, {
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
    return { ...person, email: person.email!, address: replyAddress(row!.token, domain) };
  }
  const reply = (person: { email: string; fullName: string; address: string }, partstat: SampleReply["partstat"], comment?: string): SampleReply => ({
    uid,
    sequence: 0,
    dtstamp: new Date(),
    attendee: { email: person.email, name: person.fullName },
    organizer: person.address,
    partstat,
    comment: comment ?? null,
    guests: 0,
  });

  describe("SMTP listener", () => {
    let server: InboundSmtpServer;
    const results: InboundResult[] = [];
    const maxBytes = 200_000;

    beforeAll(async () => {
      server = await startInboundSmtp(db, { domain, port: 0, host: "127.0.0.1", maxBytes, onResult: (r) => results.push(r) });
    });
    afterAll(() => server.close());

    const transport = () => nodemailer.createTransport({ host: "127.0.0.1", port: server.port, secure: false, ignoreTLS: true });

    const cases: { client: SampleClient; partstat: SampleReply["partstat"]; status: string }[] = [
      { client: "outlook", partstat: "ACCEPTED", status: "accepted" },
      { client: "google", partstat: "TENTATIVE", status: "tentative" },
      { client: "apple", partstat: "DECLINED", status: "declined" },
    ];
    for (const { client, partstat, status } of cases) {
      it(`a ${client}-shaped ${partstat} sent by nodemailer over SMTP changes the invitation`, async () => {
        const person = await invitee(`Khách SMTP ${client}`);
        const info = await transport().sendMail(sampleReplyMail(client, reply(person, partstat, "Gửi qua SMTP"), { to: person.address }));
        expect(info.accepted).toEqual([person.address]);
        expect(await invitationStatus(db, person.invitationId)).toBe(status);
        const [entry] = await db.select().from(invitationReplies).where(eq(invitationReplies.invitationId, person.invitationId));
        expect(entry).toMatchObject({ channel: "smtp", source: "email", partstat, applied: true });
        expect(results.at(-1)).toMatchObject({ outcome: "applied", invitationId: person.invitationId });
      });
    }

    it("refuses recipients that are not reply addresses (no open relay)", async () => {
      const person = await invitee("Khách Sai Địa Chỉ");
      await expect(transport().sendMail(sampleReplyMail("google", reply(person, "ACCEPTED"), { to: "someone@example.org" }))).rejects.toMatchObject({
        responseCode: 550,
      });
      await expect(transport().sendMail(sampleReplyMail("google", reply(person, "ACCEPTED"), { to: `info@${domain}` }))).rejects.toMatchObject({
        responseCode: 550,
      });
      expect(await invitationStatus(db, person.invitationId)).toBe("sent");
    });

    it("refuses a message larger than the limit", async () => {
      const person = await invitee("Khách Thư Lớn");
      const big = sampleReplyMail("apple", reply(person, "ACCEPTED"), { to: person.address });
      big.text = "x".repeat(maxBytes + 10_000);
      await expect(transport().sendMail(big)).rejects.toMatchObject({ responseCode: 552 });
      expect(await invitationStatus(db, person.invitationId)).toBe("sent");
    });
  });

  describe("IMAP polling", () => {
    let server: ImapTestServer;
    let url: string;

    beforeAll(async () => {
      server = hoodiecrow({
        plugins: ["ID", "UNSELECT", "ENABLE", "SPECIAL-USE", "UIDPLUS", "LITERALPLUS"],
        storage: { INBOX: { messages: [] }, "": { separator: "/", folders: { Replies: { messages: [] } } } },
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
      url = `imap://testuser:testpass@127.0.0.1:${(server.server.address() as AddressInfo).port}/Replies`;
    });
    // Connections left open by a failed test must not hold the suite: close, and do not wait past a second.
    afterAll(() => new Promise<void>((resolve) => {
      server.close(() => resolve());
      setTimeout(resolve, 1000).unref();
    }));

    async function append(raw: Buffer) {
      const target = parseImapUrl(url);
      const client = new ImapFlow({ host: target.host, port: target.port, secure: false, auth: { user: target.user, pass: target.pass }, logger: false });
      await client.connect();
      await client.append(target.folder, raw);
      await client.logout();
    }

    it("reads the folder's unread replies, answers their invitations, marks them read and takes none twice", async () => {
      const outlook = await invitee("Khách IMAP Outlook");
      const gmail = await invitee("Khách IMAP Gmail");
      const apple = await invitee("Khách IMAP Apple");
      // Received through a mailbox: the reply address is in To (and Delivered-To), there is no SMTP envelope.
      await append(await rawMail({ ...sampleReplyMail("outlook.com", reply(outlook, "DECLINED", "Bận họp"), { to: outlook.address }), headers: { "Delivered-To": outlook.address } }));
      await append(await rawMail(sampleReplyMail("google", reply(gmail, "ACCEPTED"), { to: gmail.address })));
      await append(await rawMail(sampleReplyMail("apple", reply(apple, "TENTATIVE"), { to: apple.address })));
      await append(await rawMail({ from: "someone@example.org", to: `rsvp@${domain}`, subject: "Hỏi đường", text: "Hội trường ở đâu?" }));

      const target = parseImapUrl(url);
      expect(target.folder).toBe("Replies");
      const first = await pollImapOnce(db, target, { domain });
      expect(first.fetched).toBe(4);
      expect(first.failed).toBe(0);
      expect(first.results.map((r) => r.outcome)).toEqual(["applied", "applied", "applied", "no_calendar"]);
      expect(await invitationStatus(db, outlook.invitationId)).toBe("declined");
      expect(await invitationStatus(db, gmail.invitationId)).toBe("accepted");
      expect(await invitationStatus(db, apple.invitationId)).toBe("tentative");
      const [entry] = await db.select().from(invitationReplies).where(eq(invitationReplies.invitationId, outlook.invitationId));
      expect(entry).toMatchObject({ channel: "imap", client: "outlook", comment: "Bận họp" });

      // Marked read: the next poll finds nothing.
      expect((await pollImapOnce(db, target, { domain })).fetched).toBe(0);
    });
  });
});
