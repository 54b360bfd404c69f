/**
 * Per-instance capacity for docs/deploy.md: ONE production server (server/index.ts) on PostgreSQL, measured
 * alone — the invitee's page and the check-in API under autocannon, and the outbox's send rate to a local SMTP
 * sink. Absolute figures (not ratios: bench/run.ts does those), so read them with the machine's load average,
 * which this prints before and after.
 *
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/capacity/run.ts
 *   CAPACITY_SECONDS=10 CAPACITY_CONNECTIONS=16 CAPACITY_MESSAGES=2000 CAPACITY_PORT=3216
 *
 * Uses a scratch database signet_bench_capacity_<pid> (dropped afterwards); everything on 127.0.0.1.
 */
import os from "node:os";
import autocannon from "autocannon";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { mailMessages } from "#db/schema/index";
import { createApiToken } from "~/services/accounts.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { startSmtpSink } from "../smtp-sink";
import { scratchDatabase, sleep, startServer } from "../support";

const seconds = Number(process.env.CAPACITY_SECONDS ?? 10);
const connections = Number(process.env.CAPACITY_CONNECTIONS ?? 16);
const messages = Number(process.env.CAPACITY_MESSAGES ?? 2000);
const port = Number(process.env.CAPACITY_PORT ?? 3216);
const GUESTS = 400;

const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" / ");
console.log(`cores: ${os.cpus().length}; load average (1/5/15 min) before: ${load()}`);

const scratch = await scratchDatabase("postgres", "capacity");
const db = scratch.database.db;
const user = await createUser(db, { role: "admin" });
const event = await createEvent(db, user, { title: "Lễ ký kết chương trình phối hợp công tác" });
const guests: string[] = [];
for (let i = 0; i < GUESTS; i++) guests.push((await createInvitation(db, { eventId: event.id, status: "accepted" })).invitation.id);
const inviteeToken = await issueInvitationToken(db, guests[0]!);
const apiToken = await createApiToken(db, user.id, "capacity", { scopes: ["read", "write"] });
await scratch.close();

const sink = await startSmtpSink();
const results: Record<string, unknown> = {};
let server: Awaited<ReturnType<typeof startServer>> | null = null;
try {
  server = await startServer(scratch, port, { SMTP_URL: `smtp://127.0.0.1:${sink.port}/?ignoreTLS=true`, LOG_FORMAT: "text" });
  // The invitee's personal page: open the link once for the invitation cookie, then load the page.
  const open = await fetch(`${server.url}/i/${inviteeToken}`, { redirect: "manual" });
  const cookie = open.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  await autocannon({ url: `${server.url}/invitation`, connections: 4, duration: 2, headers: { cookie } }); // warm-up
  const page = await autocannon({ url: `${server.url}/invitation`, connections, duration: seconds, headers: { cookie } });
  results.inviteePage = { rps: page.requests.total / seconds, p50: page.latency.p50, p99: page.latency.p99, non2xx: page.non2xx, errors: page.errors };

  // Check-ins through the API: each request a guest (the first round 201, later rounds 409 "already": both are a
  // door's real work — a scan and its answer).
  let next = 0;
  const checkIn = await autocannon({
    url: `${server.url}/api/v1/events/${event.id}/check-ins`,
    connections,
    duration: seconds,
    method: "POST",
    headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
    requests: [{ setupRequest: (req) => ({ ...req, body: JSON.stringify({ invitationId: guests[next++ % guests.length] }) }) }],
  });
  const statusCounts = checkIn.statusCodeStats as unknown as Record<string, { count: number }>;
  results.checkIn = {
    rps: checkIn.requests.total / seconds,
    p50: checkIn.latency.p50,
    p99: checkIn.latency.p99,
    created: statusCounts["201"]?.count ?? 0,
    already: statusCounts["409"]?.count ?? 0,
    errors: checkIn.errors,
  };

  // The outbox: `messages` queued at once, sent by this one instance's worker through its SMTP pool.
  const fresh = scratch.reopen();
  const before = sink.received();
  const queuedAt = Date.now();
  for (let i = 0; i < messages; i += 500)
    await fresh.db.insert(mailMessages).values(
      Array.from({ length: Math.min(500, messages - i) }, (_, j) => ({
        idempotencyKey: `capacity-${i + j}`,
        kind: "other" as const,
        to: `guest-${i + j}@example.org`,
        subject: "Thư mời dự lễ ký kết",
        text: "Kính gửi quý khách",
        html: "<p>Kính gửi quý khách</p>",
        meta: { toName: null, language: "vi" },
        status: "queued" as const,
        nextAttemptAt: new Date(Date.now() - 1_000),
      })),
    );
  const deadline = Date.now() + 600_000;
  while (sink.received() - before < messages && Date.now() < deadline) await sleep(100);
  const took = (Date.now() - queuedAt) / 1000;
  results.outbox = { messages: sink.received() - before, seconds: took, perSecond: (sink.received() - before) / took };
  await fresh.close();
} finally {
  await server?.stop();
  await sink.close();
  await scratch.drop();
}
console.log(JSON.stringify(results, null, 2));
console.log(`load average after: ${load()}`);
