/**
 * Fault: the SMTP server refuses, then vanishes in the middle of a 1,000-message send. Once it is back, every
 * message has been delivered, and none twice (by Message-ID, which is derived from the idempotency key).
 * The real outbox (drainOutbox, claim → nodemailer → mark sent) against a real SMTP server (smtp-server), with
 * the clock moved on between rounds so the retries' back-off is due. The transport keeps one pooled connection
 * (SMTP_URL=smtp://…?pool=true does the same in production): a new connection per message costs ~120 ms here,
 * which would make this one test take two minutes.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { mailMessages } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { testMailSettings as settings } from "../server/testing/mail-test-support.server";
import { createSmtpTransport, messageIdFor, type MailTransport } from "~/services/mail-transport.server";
import { drainOutbox, type DrainResult } from "~/services/outbox-worker.server";
import { FaultySmtpSink } from "./support";

const MESSAGES = 1_000;
const HOUR = 3_600_000;

describe("the SMTP server refuses and vanishes during a 1,000-message send", () => {
  let database: Database;
  let db: Db;
  const sink = new FaultySmtpSink();
  let transport: MailTransport;
  let clock = new Date("2031-05-01T00:00:00Z").getTime();
  const keys = Array.from({ length: MESSAGES }, (_, i) => `fault-smtp-${String(i).padStart(4, "0")}`);

  /** One round of the worker, an hour after the last (every back-off up to the 4th try is then due). */
  const round = (): Promise<DrainResult> => {
    clock += HOUR;
    return drainOutbox(db, transport, new Date(clock), { maxMessages: 100 });
  };

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const port = await sink.start();
    transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}`, from: settings.from, extra: { ignoreTLS: true, pool: true, maxConnections: 1 } });
    await db.insert(mailMessages).values(
      keys.map((key, i) => ({
        idempotencyKey: key,
        kind: "invitation" as const,
        eventId: null,
        invitationId: null,
        to: `guest-${i}@example.org`,
        subject: `Thư mời số ${i}`,
        text: `Kính gửi khách mời số ${i}`,
        html: `<p>Kính gửi khách mời số ${i}</p>`,
        icsMethod: null,
        icsContent: null,
        meta: { toName: null, language: "vi" },
        status: "queued" as const,
        nextAttemptAt: new Date(clock),
      })),
    );
  });
  afterAll(async () => {
    transport?.close();
    await sink.stop();
    await database.close();
  });

  it("delivers all 1,000 exactly once after the server is back", async () => {
    // The send starts well.
    expect(await round()).toMatchObject({ sent: 100, retried: 0, failed: 0 });

    // The server refuses at the greeting: 421 (busy), then 554 (no service for anyone). Neither is about a
    // message: one try is counted, nothing is given up, and the round stops instead of trying 99 more.
    sink.behaviour = { kind: "refuse-connection", code: 421 };
    sink.dropConnections();
    expect(await round()).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
    sink.behaviour = { kind: "refuse-connection", code: 554 };
    sink.dropConnections();
    expect(await round()).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });

    // 451 to every recipient: each message of the round is put back for later.
    sink.behaviour = { kind: "refuse-recipient", code: 451 };
    expect(await round()).toEqual({ sent: 0, retried: 100, failed: 0, lost: 0 });

    // Accepting again, then gone in the middle of a message's DATA: that one has no reply and is tried again.
    sink.behaviour = { kind: "vanish-after", messages: 250 };
    const before = sink.delivered.length;
    const rounds: DrainResult[] = [];
    for (let i = 0; i < 4 && sink.delivered.length - before < 250; i++) rounds.push(await round());
    await sink.vanished;
    expect(sink.delivered.length - before).toBe(250);
    // The messages in flight when it vanished (one per sending lane at most) have no reply: tried again later.
    const last = rounds.at(-1)!;
    expect(last.failed).toBe(0);
    expect(last.retried).toBeGreaterThanOrEqual(1);
    expect(last.retried).toBeLessThanOrEqual(transport.concurrency ?? 1);

    // Still gone: connection refused.
    expect(await round()).toEqual({ sent: 0, retried: 1, failed: 0, lost: 0 });
    const [counts] = await db
      .select({
        queued: sqlCount("queued"),
        sending: sqlCount("sending"),
      })
      .from(mailMessages);
    expect(counts?.queued).toBe(MESSAGES - 350);
    expect(counts?.sending).toBe(0);

    // Back on the same address: the rest goes out (bounded: at most 20 rounds).
    sink.behaviour = { kind: "accept" };
    await sink.start(sink.port);
    for (let i = 0; i < 20 && sink.delivered.length < MESSAGES; i++) await round();
    expect(await round()).toEqual({ sent: 0, retried: 0, failed: 0, lost: 0 });

    // Every message exactly once, by Message-ID (= the idempotency key's hash).
    expect(sink.delivered).toHaveLength(MESSAGES);
    expect(new Set(sink.delivered).size).toBe(MESSAGES);
    expect([...sink.delivered].sort()).toEqual(keys.map((key) => messageIdFor(key, settings.from)).sort());
    const rows = await db.select({ status: mailMessages.status, messageId: mailMessages.messageId }).from(mailMessages);
    expect(rows.filter((r) => r.status === "sent")).toHaveLength(MESSAGES);
    expect(new Set(rows.map((r) => r.messageId))).toEqual(new Set(sink.delivered));
  });
});

function sqlCount(status: "queued" | "sending") {
  return sql<number>`count(*) filter (where ${mailMessages.status} = ${status})`.mapWith(Number);
}
