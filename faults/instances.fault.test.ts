/**
 * Several app instances on one PostgreSQL (docs/decisions/029-scaling.md, docs/deploy.md): three production
 * servers (server/index.ts) on a cluster of the test's own, photos in one S3-compatible bucket (s3rver), mail to
 * one SMTP sink, driven round-robin — directly, and through a small round-robin proxy that, like a load balancer
 * with an active health check, sends nothing to an instance whose /readyz fails (checked every 100 ms), and, like
 * nginx's `proxy_next_upstream error`, tries the next instance only when one refuses the connection. The
 * instances run with SHUTDOWN_DELAY_MS, so a stopping one leaves the rotation before its listener closes.
 *  - a session made on one instance works on the others; the login throttle counts across them;
 *  - a photo uploaded through one is served by the others (the bucket, not a disk);
 *  - 1,000 queued messages are sent exactly once in all (by Message-ID at the sink), and metrics add up;
 *  - a scheduled reminder fires once: one holder of the scheduler lease, one reminder per invitee;
 *  - two instances checking the same guest in at the same moment make one row (201 and 409);
 *  - a rolling restart (SIGTERM one at a time, a new one started before the next) under RSVP load and while
 *    mail is being sent: every request answered, every message sent exactly once, every instance exits 0.
 * Skipped, with a message, only when the PostgreSQL 15 binaries are missing.
 */
import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { auditLog, checkIns, invitations, leases, mailMessages, scheduledReminders } from "#db/schema/index";
import { createApiToken } from "~/services/accounts.server";
import { cameraJpeg } from "../server/testing/photos-fixtures.server";
import { createInvitee } from "../server/testing/mail-test-support.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { startTestBucket, type TestBucket } from "../server/testing/s3-test-support.server";
import {
  createPgCluster,
  FaultySmtpSink,
  freePort,
  killChildren,
  postgresBinariesMissing,
  startAppServer,
  waitFor,
  type AppServer,
  type PgCluster,
} from "./support";

const INSTANCES = 3;
const MESSAGES = 1_000;
const METRICS_TOKEN = "metrics-token-for-the-instances-test";
// Generous bounds: on an idle two-core machine the file takes about two minutes, but an instance's start (tsx,
// migrations) slows to a minute when the machine is shared; every wait inside is bounded on its own too.
const START_TIMEOUT_MS = 300_000;

const missing = postgresBinariesMissing();
if (missing) console.warn(`Several-instances fault test skipped: ${missing}`);

function cookiesOf(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/**
 * A round-robin proxy over the instances' ports. Every 100 ms it asks each one's /readyz and routes only to those
 * that answered 200 (all of them if none did); a refused connection goes to the next one (nginx's `error`).
 */
class RoundRobinProxy {
  upstreams: number[] = [];
  /** Requests answered by the proxy itself with 502 (no instance took it, or one cut it mid-way): must stay 0. */
  failures: string[] = [];
  private next = 0;
  private server: Server | null = null;
  private notReady = new Set<number>();
  private checking = true;
  private checker: Promise<void> = Promise.resolve();
  url = "";

  async start(): Promise<void> {
    const port = await freePort();
    this.server = createServer((req, res) => void this.forward(req, res));
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${port}`;
    this.checker = this.checkReadiness();
  }

  private async checkReadiness(): Promise<void> {
    while (this.checking) {
      await Promise.all(
        this.upstreams.map(async (port) => {
          const ready = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(1_000) }).then(
            async (r) => (await r.arrayBuffer(), r.status === 200),
            () => false,
          );
          if (ready) this.notReady.delete(port);
          else this.notReady.add(port);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const ready = this.upstreams.filter((p) => !this.notReady.has(p));
    const pool = ready.length > 0 ? ready : this.upstreams;
    for (let tries = 0; tries < pool.length * 2; tries++) {
      const port = pool[this.next++ % pool.length]!;
      const outcome = await new Promise<"done" | "refused" | string>((resolve) => {
        // One connection per request, as nginx without upstream keep-alive: a stopping instance never receives a
        // request on a connection it is closing.
        const upstream = httpRequest(
          { host: "127.0.0.1", port, method: req.method, path: req.url, headers: { ...req.headers, connection: "close" }, agent: false },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.once("end", () => resolve("done"));
            answer.once("error", (e) => resolve(`cut mid-answer: ${e.message}`));
          },
        );
        upstream.once("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED" ? "refused" : `${e.code ?? e.message}`));
        upstream.end(body);
      });
      if (outcome === "done") return;
      if (outcome !== "refused") {
        this.failures.push(`${req.method} ${req.url} on :${port}: ${outcome}`);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
        return;
      }
    }
    this.failures.push(`${req.method} ${req.url}: every instance refused`);
    res.writeHead(502).end();
  }

  async stop(): Promise<void> {
    this.checking = false;
    await this.checker;
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

async function sumMetric(servers: AppServer[], line: RegExp): Promise<number> {
  let total = 0;
  for (const server of servers) {
    const text = await (await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    for (const l of text.split("\n")) {
      const m = line.exec(l);
      if (m) total += Number(l.split(" ").pop());
    }
  }
  return total;
}

describe.skipIf(!!missing)("three app instances on one PostgreSQL", () => {
  let cluster: PgCluster;
  let database: Database;
  let bucket: TestBucket;
  const sink = new FaultySmtpSink();
  const proxy = new RoundRobinProxy();
  let servers: AppServer[] = [];
  const dataDirs: string[] = [];
  let env: Record<string, string>;
  let admin: Awaited<ReturnType<typeof createUser>>;
  let eventId: string;

  const startInstance = () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "signet-faults-inst-"));
    dataDirs.push(dataDir);
    return startAppServer({ ...env, DATA_DIR: dataDir });
  };

  const queueMessages = (prefix: string, count: number) =>
    database.db.insert(mailMessages).values(
      Array.from({ length: count }, (_, i) => ({
        idempotencyKey: `${prefix}-${i}`,
        kind: "other" as const,
        eventId: null,
        invitationId: null,
        to: `guest-${i}@example.org`,
        subject: `Thư ${prefix} ${i}`,
        text: "Kính gửi",
        html: "<p>Kính gửi</p>",
        icsMethod: null,
        icsContent: null,
        meta: { toName: null, language: "vi" },
        status: "queued" as const,
        nextAttemptAt: new Date(Date.now() - 60_000),
      })),
    );

  beforeAll(async () => {
    cluster = await createPgCluster({ maxConnections: 100 });
    database = openDatabase({ url: cluster.url, max: 4 });
    await database.migrate();
    admin = await createUser(database.db, { role: "admin" });
    const event = await createEvent(database.db, { id: admin.id, name: admin.name }, {
      startsAt: new Date(Date.now() + 30 * 86_400_000),
      endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000),
    });
    eventId = event.id;
    bucket = await startTestBucket({ prefix: "instances" });
    const smtpPort = await sink.start();
    env = {
      DATABASE_URL: cluster.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}/?ignoreTLS=true`,
      SMTP_POOL_SIZE: "3",
      STORAGE_URL: bucket.url,
      AWS_ACCESS_KEY_ID: "S3RVER",
      AWS_SECRET_ACCESS_KEY: "S3RVER",
      METRICS_TOKEN,
      LOG_FORMAT: "json",
      // Longer than the proxy's readiness check (every 100 ms, each at most 1 s) on a busy machine.
      SHUTDOWN_DELAY_MS: "2000",
    };
    // Started together, as an orchestrator does: migrations and the first settings must not race.
    servers = await Promise.all(Array.from({ length: INSTANCES }, startInstance));
    proxy.upstreams = servers.map((s) => Number(new URL(s.url).port));
    await proxy.start();
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    for (const server of servers) if (server.process.exitCode === null) await server.stop();
    killChildren();
    await proxy.stop();
    await sink.stop();
    await database?.close();
    await bucket?.destroy();
    await cluster?.destroy();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  }, START_TIMEOUT_MS);

  it("shares sessions, login throttles and photos between the instances", async () => {
    const [a, b, c] = servers as [AppServer, AppServer, AppServer];
    const login = await fetch(`${a.url}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email: admin.email, password: admin.password }) });
    expect(login.status).toBe(302);
    const cookie = cookiesOf(login);
    for (const server of [b, c]) {
      const page = await fetch(`${server.url}/events`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(page.status, `the session made on ${a.url} on ${server.url}`).toBe(200);
      expect(await page.text()).not.toContain('name="password"');
    }

    // Five wrong passwords, round-robin over the three: the sixth try is refused on whichever instance gets it.
    const victim = await createUser(database.db, { role: "viewer" });
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${servers[i % INSTANCES]!.url}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email: victim.email, password: `wrong-${i}-password` }) });
      expect(res.status).toBe(401);
    }
    for (const server of servers) {
      const res = await fetch(`${server.url}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email: victim.email, password: victim.password }) });
      expect(res.status, `the shared throttle on ${server.url}`).toBe(429);
    }

    // A photo uploaded through one instance is served by the others, from the bucket.
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(await cameraJpeg({ width: 800, height: 600, label: "Ba máy" }))], { type: "image/jpeg" }), "ba-may.jpg");
    const upload = await fetch(`${c.url}/events/${eventId}/photos/upload`, { method: "POST", headers: { Cookie: cookie }, body: form });
    expect(upload.status, c.output().slice(-2000)).toBe(201);
    const { photo } = (await upload.json()) as { photo: { thumbnailUrl: string } };
    for (const server of [a, b]) {
      const res = await fetch(`${server.url}${photo.thumbnailUrl}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("image/jpeg");
    }
  });

  it("sends each of 1,000 messages exactly once across the instances", async () => {
    sink.delivered = [];
    await queueMessages("bulk", MESSAGES);
    await waitFor("the outbox to be empty", async () => {
      const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(mailMessages).where(sql`${mailMessages.status} <> 'sent'`);
      return row?.n === 0 ? true : undefined;
    }, { timeoutMs: 90_000, intervalMs: 250 });
    expect(sink.delivered).toHaveLength(MESSAGES);
    expect(new Set(sink.delivered).size).toBe(MESSAGES);
    expect(await sumMetric(servers, /^signet_mail_send_total\{.*result="sent"/)).toBe(MESSAGES);
    expect(await sumMetric(servers, /^signet_outbox_queued\{/)).toBe(0);
  });

  it("fires a scheduled reminder once: one lease holder, one reminder per invitee", async () => {
    sink.delivered = [];
    const invitees = await Promise.all(Array.from({ length: 12 }, () => createInvitee(database.db, eventId, { status: "sent" })));
    const [reminder] = await database.db
      .insert(scheduledReminders)
      .values({ eventId, sendAt: new Date(Date.now() - 1_000), createdBy: admin.id })
      .returning({ id: scheduledReminders.id });
    await waitFor("the reminder's mail to be sent", async () => {
      const rows = await database.db.select({ status: mailMessages.status }).from(mailMessages).where(eq(mailMessages.kind, "reminder"));
      return rows.length >= invitees.length && rows.every((r) => r.status === "sent") ? true : undefined;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    const reminders = await database.db.select({ invitationId: mailMessages.invitationId }).from(mailMessages).where(eq(mailMessages.kind, "reminder"));
    expect(reminders.map((r) => r.invitationId).sort()).toEqual(invitees.map((i) => i.invitationId).sort());
    expect(sink.delivered).toHaveLength(invitees.length);
    const runs = await database.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.entityId, reminder!.id));
    expect(runs).toHaveLength(1);
    // One instance holds the scheduler lease; the metric says which, and only one says so.
    const holders = await database.db.select({ holder: leases.holder }).from(leases).where(eq(leases.name, "scheduler"));
    expect(holders).toHaveLength(1);
    expect(await sumMetric(servers, /^signet_scheduler_lease_held\{/)).toBe(1);
  });

  it("makes one check-in row when two instances check the same guest in at the same moment", async () => {
    const token = await createApiToken(database.db, admin.id, "door", { scopes: ["read", "write"] });
    const guests = await Promise.all(Array.from({ length: 10 }, () => createInvitee(database.db, eventId, { status: "accepted" })));
    for (const guest of guests) {
      const answers = await Promise.all(
        servers.slice(0, 2).map((server) =>
          fetch(`${server.url}/api/v1/events/${eventId}/check-ins`, {
            method: "POST",
            headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
            body: JSON.stringify({ invitationId: guest.invitationId }),
          }).then((r) => r.status),
        ),
      );
      expect(answers.sort()).toEqual([201, 409]);
    }
    const rows = await database.db
      .select({ invitationId: checkIns.invitationId })
      .from(checkIns)
      .innerJoin(invitations, eq(invitations.id, checkIns.invitationId))
      .where(eq(invitations.eventId, eventId));
    expect(rows).toHaveLength(guests.length);
    expect(await sumMetric(servers, /^signet_check_ins_total\{.*outcome="checkedIn"/)).toBe(guests.length);
  });

  it("loses no request and no mail in a rolling restart (SIGTERM one instance at a time)", async () => {
    sink.delivered = [];
    // Invitees answering through the proxy, four at a time, for the whole restart.
    const guests = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const { invitationId } = await createInvitee(database.db, eventId, { status: "sent" });
        const res = await fetch(`${proxy.url}/i/${await issueInvitationToken(database.db, invitationId)}`, { redirect: "manual" });
        return { invitationId, cookie: cookiesOf(res) };
      }),
    );
    let stop = false;
    const answers: { status: number; n: number }[] = [];
    let n = 0;
    const load = Promise.all(
      [0, 1, 2, 3].map(async (w) => {
        while (!stop) {
          const guest = guests[(n + w) % guests.length]!;
          const mine = ++n;
          const res = await fetch(`${proxy.url}/invitation`, {
            method: "POST",
            headers: { Cookie: guest.cookie, "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ intent: mine % 2 ? "accept" : "decline", comment: `rolling-${mine}` }),
          }).catch(() => null);
          answers.push({ status: res?.status ?? 0, n: mine });
          await res?.arrayBuffer();
        }
      }),
    );

    for (let i = 0; i < INSTANCES; i++) {
      // Mail on its way while the instance stops: queued now, some of it claimed by the one about to go.
      await queueMessages(`rolling-${i}`, 200);
      const old = servers[i]!;
      const replacement = await startInstance();
      servers[i] = replacement;
      proxy.upstreams = [...proxy.upstreams, Number(new URL(replacement.url).port)];
      expect(await old.stop(), old.output().slice(-2000)).toBe(0);
      proxy.upstreams = proxy.upstreams.filter((p) => p !== Number(new URL(old.url).port));
    }
    await waitFor("the rolling messages to be sent", async () => {
      const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(mailMessages).where(sql`${mailMessages.status} <> 'sent'`);
      return row?.n === 0 ? true : undefined;
    }, { timeoutMs: 60_000, intervalMs: 250 });
    stop = true;
    await load;

    expect(proxy.failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(20);
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    expect(sink.delivered).toHaveLength(600);
    expect(new Set(sink.delivered).size).toBe(600);
  }, START_TIMEOUT_MS + 120_000);
});
