/**
 * Fault: PostgreSQL restarts while invitees answer (RSVP over HTTP, several at once). Every answer the app
 * acknowledged (200) is in the database; while the database is down /healthz answers 503; once it is back the
 * same server process answers again (postgres.js reconnects its pool), without a restart.
 * The cluster is the test's own (initdb in a temporary directory, its own port): the shared server on 5432 is
 * never touched. Skipped, with a message, only when the PostgreSQL 15 binaries are missing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { invitations } from "#db/schema/index";
import { createInvitee } from "../server/testing/mail-test-support.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { createPgCluster, killChildren, postgresBinariesMissing, startAppServer, waitFor, type AppServer, type PgCluster } from "./support";

const INVITEES = 24;
const WORKERS = 4;
const ROUNDS = 6;
const intents = ["accept", "decline", "maybe"] as const;
const statusOf = { accept: "accepted", decline: "declined", maybe: "tentative" } as const;

const missing = postgresBinariesMissing();
if (missing) console.warn(`PostgreSQL restart fault test skipped: ${missing}`);

interface Attempt {
  invitationId: string;
  n: number;
  intent: (typeof intents)[number];
  acknowledged: boolean;
}

describe.skipIf(!!missing)("PostgreSQL restarts during RSVP load", () => {
  let cluster: PgCluster;
  let server: AppServer;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "signet-faults-pgapp-"));
  const guests: { invitationId: string; cookie: string }[] = [];

  beforeAll(async () => {
    cluster = await createPgCluster();
    const database = openDatabase({ url: cluster.url, max: 2 });
    const tokens: { invitationId: string; token: string }[] = [];
    try {
      await database.migrate();
      const user = await createUser(database.db);
      const event = await createEvent(database.db, { id: user.id, name: user.name }, {
        startsAt: new Date(Date.now() + 30 * 86_400_000),
        endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000),
      });
      for (let i = 0; i < INVITEES; i++) {
        const { invitationId } = await createInvitee(database.db, event.id, { status: "sent" });
        tokens.push({ invitationId, token: await issueInvitationToken(database.db, invitationId) });
      }
    } finally {
      await database.close();
    }
    server = await startAppServer({ DATABASE_URL: cluster.url, DATA_DIR: dataDir });
    // Each invitee opens their personal link once: the invitation cookie.
    for (const { invitationId, token } of tokens) {
      const res = await fetch(`${server.url}/i/${token}`, { redirect: "manual" });
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      guests.push({ invitationId, cookie });
    }
  });
  afterAll(async () => {
    if (server?.process.exitCode === null) await server.stop();
    killChildren();
    await cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps every acknowledged answer, answers 503 on /healthz while down, and recovers by itself", async () => {
    const attempts: Attempt[] = [];
    let counter = 0;
    const answer = async (guest: (typeof guests)[number], n: number) => {
      const intent = intents[n % intents.length]!;
      let acknowledged = false;
      try {
        const res = await fetch(`${server.url}/invitation`, {
          method: "POST",
          headers: { Cookie: guest.cookie, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ intent, comment: `attempt-${n}` }),
          signal: AbortSignal.timeout(20_000),
        });
        await res.arrayBuffer();
        acknowledged = res.status === 200;
      } catch {
        acknowledged = false;
      }
      attempts.push({ invitationId: guest.invitationId, n, intent, acknowledged });
    };

    // The load: WORKERS invitees answering at a time, each invitee several times (bounded: ROUNDS rounds).
    const load = Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        const mine = guests.filter((_, i) => i % WORKERS === w);
        for (let round = 0; round < ROUNDS; round++) {
          for (const guest of mine) await answer(guest, ++counter);
        }
      }),
    );

    // Mid-load: the database goes away, and comes back.
    await waitFor("a third of the load", () => (attempts.length >= (INVITEES * ROUNDS) / 3 ? true : undefined), { timeoutMs: 60_000 });
    expect(attempts.every((a) => a.acknowledged)).toBe(true);
    await cluster.stop();
    await waitFor("/healthz to answer 503", async () => ((await server.health()) === 503 ? true : undefined));
    const failedBefore = attempts.filter((a) => !a.acknowledged).length;
    await waitFor("answers to fail while the database is down", () =>
      attempts.filter((a) => !a.acknowledged).length >= failedBefore + WORKERS ? true : undefined,
    );
    await cluster.start();
    await waitFor("/healthz to answer 200 again", async () => ((await server.health()) === 200 ? true : undefined), { timeoutMs: 60_000 });
    await load;

    // After the restart every invitee answers once more, all acknowledged: the same process recovered.
    const after = attempts.length;
    for (const guest of guests) await answer(guest, ++counter);
    expect(attempts.slice(after).every((a) => a.acknowledged)).toBe(true);
    expect(server.process.exitCode).toBeNull();
    expect(attempts.filter((a) => !a.acknowledged).length).toBeGreaterThan(0);

    // In the database: per invitee, the last acknowledged answer — or a later one whose reply was lost.
    const check = openDatabase({ url: cluster.url, max: 1 });
    try {
      const rows = await check.db
        .select({ id: invitations.id, status: invitations.status, comment: invitations.comment })
        .from(invitations);
      const stored = new Map(rows.map((r) => [r.id, r]));
      for (const guest of guests) {
        const mine = attempts.filter((a) => a.invitationId === guest.invitationId);
        const lastAcknowledged = Math.max(...mine.filter((a) => a.acknowledged).map((a) => a.n));
        const row = stored.get(guest.invitationId);
        const n = Number(/^attempt-(\d+)$/.exec(row?.comment ?? "")?.[1]);
        expect(n, `invitation ${guest.invitationId}`).toBeGreaterThanOrEqual(lastAcknowledged);
        const attempt = mine.find((a) => a.n === n);
        expect(row?.status).toBe(statusOf[attempt!.intent]);
      }
    } finally {
      await check.close();
    }
  });
});
