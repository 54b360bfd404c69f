import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { mailMessages } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { MAX_ATTEMPTS } from "~/domain/mail/backoff";
import { claimDueMail, requeueFailedMail } from "~/models/mail.server";
import type { Actor } from "~/domain/access/permissions";
import { sendInvitations } from "./invitation-mail.server";
import { createInvitee, messagesOf, recordingTransport, smtpError, testMailSettings as settings } from "../../server/testing/mail-test-support.server";
import { createMailboxTransport } from "./mail-transport.server";
import { drainOutbox } from "./outbox-worker.server";

const MIN = 60_000;

describe("outbox worker", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
  });
  afterAll(() => database.close());
  // Every test starts with an empty outbox: a drain takes whatever is due, whichever test queued it.
  beforeEach(async () => {
    await db.delete(mailMessages);
  });

  /** An event with `n` invitees, all invited (queued at `at`). */
  async function queued(n: number, at: Date) {
    const event = await createEvent(db, actor, { startsAt: new Date("2031-04-10T01:30:00Z"), endsAt: new Date("2031-04-10T03:00:00Z") });
    for (let i = 0; i < n; i++) await createInvitee(db, event.id);
    await sendInvitations(db, actor, event.id, { to: "not_sent" }, { settings, now: at });
    return event;
  }

  async function row(id: string) {
    const [r] = await db.select().from(mailMessages).where(eq(mailMessages.id, id));
    if (!r) throw new Error("no row");
    return r;
  }

  it("without SMTP, files each message in the Mailbox: sent, via mailbox, links kept", async () => {
    const at = new Date("2031-03-01T00:00:00Z");
    const event = await queued(2, at);
    const result = await drainOutbox(db, createMailboxTransport(settings.from), at);
    expect(result.sent).toBeGreaterThanOrEqual(2);
    const messages = await messagesOf(db, event.id);
    for (const m of messages) {
      expect(m).toMatchObject({ status: "sent", deliveredVia: "mailbox", attempts: 1, lastError: null, lockedUntil: null });
      expect(m.sentAt?.toISOString()).toBe(at.toISOString());
      expect(m.messageId).toMatch(/^<[0-9a-f]{32}@signet\.test>$/);
      expect(m.text).toMatch(/https:\/\/signet\.example\/i\/[A-Za-z0-9_-]{43}/);
    }
    // Nothing left to do.
    expect(await drainOutbox(db, createMailboxTransport(settings.from), at)).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
  });

  it("through SMTP, keeps no working personal link in the stored copy", async () => {
    const at = new Date("2031-03-02T00:00:00Z");
    const event = await queued(1, at);
    const transport = recordingTransport();
    await drainOutbox(db, transport, at);
    const [m] = await messagesOf(db, event.id);
    const sent = transport.sent.find((s) => s.to === m!.to)!;
    expect(sent.text).toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    expect(m).toMatchObject({ status: "sent", deliveredVia: "smtp" });
    expect(m!.text).toContain("/i/…");
    expect(m!.text).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    expect(m!.html).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    expect(m!.icsContent!.replace(/\r\n /g, "")).not.toMatch(/\/i\/[A-Za-z0-9_-]{43}/);
    expect(m!.icsContent).toMatch(/^BEGIN:VCALENDAR\r\n/);
  });

  it("backs off 1, 5, 15, 60 minutes … and gives up after MAX_ATTEMPTS, visibly", async () => {
    const t0 = new Date("2031-03-03T00:00:00Z");
    const event = await queued(1, t0);
    const [message] = await messagesOf(db, event.id);
    const down = recordingTransport({ fail: () => smtpError("connect ECONNREFUSED 127.0.0.1:2525") });

    let now = t0;
    const expectedDelays = [1, 5, 15, 60, 180, 360, 720];
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const result = await drainOutbox(db, down, now);
      expect(result).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
      const r = await row(message!.id);
      expect(r.status).toBe("queued");
      expect(r.attempts).toBe(attempt);
      expect(r.lastError).toContain("ECONNREFUSED");
      const delay = expectedDelays[attempt - 1]! * MIN;
      expect(r.nextAttemptAt.getTime() - now.getTime()).toBe(delay);
      // Not before it is due.
      expect(await drainOutbox(db, down, new Date(now.getTime() + delay - 1000))).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
      now = r.nextAttemptAt;
    }
    expect(await drainOutbox(db, down, now)).toEqual({ sent: 0, retried: 0, failed: 1, lost: 0 });
    const failed = await row(message!.id);
    expect(failed).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, sentAt: null });
    expect(failed.lastError).toContain("ECONNREFUSED");
    expect(down.tries).toBe(MAX_ATTEMPTS);
    // Failed stays failed…
    expect(await drainOutbox(db, down, new Date(now.getTime() + 1000 * MIN))).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });
    // …until someone retries it by hand.
    expect(await requeueFailedMail(db, message!.id, now)).toBe(true);
    const up = recordingTransport();
    expect((await drainOutbox(db, up, now)).sent).toBe(1);
    expect(await row(message!.id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a 55x answer fails at once; the next message is still tried", async () => {
    const at = new Date("2031-03-04T00:00:00Z");
    const event = await queued(2, at);
    const [first] = await messagesOf(db, event.id);
    const transport = recordingTransport({ fail: (m) => (m.to === first!.to ? smtpError("550 No such user", 550) : null) });
    expect(await drainOutbox(db, transport, at)).toEqual({ sent: 1, retried: 0, failed: 1, lost: 0 });
    expect(await row(first!.id)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("550 No such user") });
  });

  it("stops a round at the first connection failure: the others stay queued, untouched", async () => {
    const at = new Date("2031-03-05T00:00:00Z");
    const event = await queued(3, at);
    const down = recordingTransport({ fail: () => smtpError("Greeting never received") });
    expect(await drainOutbox(db, down, at)).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.attempts).sort()).toEqual([0, 0, 1]);
    expect(messages.every((m) => m.status === "queued")).toBe(true);
  });

  it("sends a batch several at a time over the pool, each message once, in batches of the claim size", async () => {
    const at = new Date("2031-03-09T00:00:00Z");
    const event = await queued(12, at);
    const inner = recordingTransport({ delayMs: 5 });
    const pooled = { ...inner, concurrency: 4, send: (mail: Parameters<typeof inner.send>[0]) => inner.send(mail) };
    expect(await drainOutbox(db, pooled, at, { batchSize: 5 })).toEqual({ sent: 12, retried: 0, failed: 0, lost: 0 });
    const keys = inner.sent.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(12);
    const messages = await messagesOf(db, event.id);
    expect(messages.every((m) => m.status === "sent" && m.attempts === 1 && m.lockedUntil === null)).toBe(true);
  });

  it("with a pool, a server that is down costs one try: the rest of the claimed batch goes back untouched", async () => {
    const at = new Date("2031-03-10T00:00:00Z");
    const event = await queued(6, at);
    const inner = recordingTransport({ fail: () => smtpError("Connection refused") });
    const pooled = { ...inner, concurrency: 4, send: (mail: Parameters<typeof inner.send>[0]) => inner.send(mail) };
    expect(await drainOutbox(db, pooled, at)).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
    expect(inner.tries).toBe(1);
    const messages = await messagesOf(db, event.id);
    expect(messages.map((m) => m.attempts).sort()).toEqual([0, 0, 0, 0, 0, 1]);
    expect(messages.every((m) => m.status === "queued" && m.lockedUntil === null)).toBe(true);
    // Untouched: still due now, so the next round tries them.
    expect(messages.filter((m) => m.attempts === 0).every((m) => m.nextAttemptAt.getTime() === at.getTime())).toBe(true);
  });

  it("takes a message back from a worker that died while sending, once its lock ran out", async () => {
    const at = new Date("2031-03-06T00:00:00Z");
    const event = await queued(1, at);
    const [claimed] = await claimDueMail(db, at, { limit: 1, lockUntil: new Date(at.getTime() + 5 * MIN) });
    expect(claimed).toBeDefined();
    const [m] = await messagesOf(db, event.id);
    expect(m).toMatchObject({ status: "sending", attempts: 1 });
    // The "crashed" worker never finishes. Another one waits for the lock to run out.
    const transport = recordingTransport();
    expect((await drainOutbox(db, transport, new Date(at.getTime() + 4 * MIN))).sent).toBe(0);
    expect((await drainOutbox(db, transport, new Date(at.getTime() + 5 * MIN))).sent).toBe(1);
    expect(await row(m!.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(transport.sent).toHaveLength(1);
  });

  it("two drains at the same time never send a message twice", async () => {
    const at = new Date("2031-03-07T00:00:00Z");
    const event = await queued(12, at);
    const transport = recordingTransport({ delayMs: 5 });
    const [a, b] = await Promise.all([drainOutbox(db, transport, at), drainOutbox(db, transport, at)]);
    expect(a.sent + b.sent).toBe(12);
    expect(a.lost + b.lost).toBe(0);
    const keys = transport.sent.map((m) => m.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(12);
    const messages = await messagesOf(db, event.id);
    expect(messages.every((m) => m.status === "sent" && m.attempts === 1)).toBe(true);
  });

  it("a worker whose claim was taken over does not overwrite the other's result", async () => {
    const at = new Date("2031-03-08T00:00:00Z");
    const event = await queued(1, at);
    // Worker A claims with a short lock and is slow; worker B takes over after the lock ran out and sends.
    const [m] = await messagesOf(db, event.id);
    const slow = recordingTransport({ delayMs: 200 });
    const fast = recordingTransport();
    const first = drainOutbox(db, slow, at, { lockMs: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const second = await drainOutbox(db, fast, new Date(at.getTime() + 1000));
    const firstResult = await first;
    expect(second.sent).toBe(1);
    expect(firstResult).toEqual({ sent: 0, retried: 0, failed: 0, lost: 1 });
    expect(await row(m!.id)).toMatchObject({ status: "sent", attempts: 2, messageId: "<1@test>" });
  });
});
