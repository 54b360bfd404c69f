/**
 * The door under load: SCANNERS scanners (each one HTTP client, one request at a time, as a phone at the door)
 * check CHECKINS guests in through POST /api/v1/events/:id/check-ins, then fire DUPLICATES pairs of the same
 * guest at the same moment (two scanners reading one code). Counted: check-ins recorded twice (must be 0), pairs
 * that did not answer exactly one 201 and one 409, and the p99 of the check-in requests against the p99 of the
 * invitee page at the same concurrency on the same server, measured in the same run (autocannon).
 */
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { createEvent, createInvitation, createManyInvitations, createUser } from "#db/factories";
import { createApiToken } from "~/services/accounts.server";
import { insertSigningTemplate } from "~/services/agenda.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { fmt, median, startServer, type Row, type Scratch } from "./support";

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}

export async function checkInBench(
  scratch: Scratch,
  o: { port: number; scanners: number; checkIns: number; duplicates: number; seconds: number; rounds: number },
): Promise<Row[]> {
  const db = scratch.database.db;
  const user = await createUser(db, { role: "organizer", name: "Bench door" });
  const event = await createEvent(db, user, { title: "Lễ ký kết — cửa vào" });
  await insertSigningTemplate(db, user, event.id, "vi");
  const total = o.checkIns + o.duplicates;
  for (let from = 1; from <= total; from += 25_000)
    await createManyInvitations(db, event.id, Math.min(25_000, total - from + 1), { from, tag: `door${process.pid}` });
  await db.execute(sql`update invitations set status = 'accepted', withdrawn_at = null where event_id = ${event.id}`);
  await db.execute(sql`analyze`);
  const ids = rowsOf(await db.execute(sql`select id from invitations where event_id = ${event.id} order by id`)).map((r) => String(r.id));
  if (ids.length !== total) throw new Error(`seeded ${ids.length} of ${total}`);
  const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted" });
  const inviteeToken = await issueInvitationToken(db, invitation.id);
  const apiToken = await createApiToken(db, user.id, "bench door");
  await scratch.close();

  const server = await startServer(scratch, o.port);
  try {
    const url = `${server.url}/api/v1/events/${event.id}/check-ins`;
    const headers = { authorization: `Bearer ${apiToken}`, "content-type": "application/json", accept: "application/json" };
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const checkIn = async (invitationId: string): Promise<number> => {
      const t0 = performance.now();
      // A connection the saturated server dropped is counted (status 0), not fatal: the row then says so.
      const status = await fetch(url, { method: "POST", headers, body: JSON.stringify({ invitationId }) })
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0);
      latencies.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      return status;
    };
    // Warm-up on the invitee page and one refused check-in (unknown id), so the JIT and plan caches are not measured.
    const link = await fetch(`${server.url}/i/${inviteeToken}`, { redirect: "manual" });
    const cookie = link.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    await autocannon({ url: `${server.url}/invitation`, connections: o.scanners, duration: 2, headers: { cookie } });
    const refused = await fetch(url, { method: "POST", headers, body: JSON.stringify({ invitationId: randomUUID() }) });
    await refused.arrayBuffer();
    if (refused.status !== 404) throw new Error(`a check-in of an unknown guest answered ${refused.status}`);

    // 1. Every guest once: each scanner takes every SCANNERS-th guest, one request at a time (bounded by the list).
    const single = ids.slice(0, o.checkIns);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: o.scanners }, async (_, s) => {
        for (let i = s; i < single.length; i += o.scanners) await checkIn(single[i]!);
      }),
    );
    const singleMs = performance.now() - t0;
    const singleLatencies = [...latencies];

    // 2. Duplicate pairs: two scanners read the same code at the same moment; SCANNERS / 2 pairs at a time.
    const pairs = ids.slice(o.checkIns);
    let badPairs = 0;
    const lanes = Math.max(1, Math.floor(o.scanners / 2));
    await Promise.all(
      Array.from({ length: lanes }, async (_, s) => {
        for (let i = s; i < pairs.length; i += lanes) {
          const answers = (await Promise.all([checkIn(pairs[i]!), checkIn(pairs[i]!)])).sort();
          if (answers[0] !== 201 || answers[1] !== 409) badPairs += 1;
        }
      }),
    );

    // The baseline: the invitee page at the same concurrency, same server, same run.
    const pageP99: number[] = [];
    for (let r = 0; r < o.rounds; r++) {
      const result = await autocannon({ url: `${server.url}/invitation`, connections: o.scanners, duration: o.seconds, headers: { cookie } });
      pageP99.push(result.latency.p99);
    }

    scratch.reopen();
    const [counted] = rowsOf(
      await scratch.database.db.execute(sql`
        select count(*)::int as rows, count(distinct invitation_id)::int as guests
        from check_ins where invitation_id in (select id from invitations where event_id = ${event.id})`),
    );
    await scratch.close();
    const rowsRecorded = Number(counted?.rows ?? 0);
    const doubles = rowsRecorded - Number(counted?.guests ?? 0);
    const created = statuses.get(201) ?? 0;
    const p99 = percentile(latencies, 99);
    const ratio = p99 / median(pageP99);
    const ok = doubles === 0 && badPairs === 0 && rowsRecorded === total && created === total;
    return [
      {
        kind: scratch.kind,
        scenario: `${o.scanners} scanners, ${o.checkIns} check-ins + ${o.duplicates} simultaneous duplicate pairs`,
        baseline: `invitee page p99, ${o.scanners} connections`,
        measured: `${doubles} doubles, ${badPairs} pairs not 201+409, ${rowsRecorded}/${total} recorded, ${statuses.get(0) ?? 0} dropped; p99 ${fmt(p99, 0)} vs ${fmt(median(pageP99), 0)} ms; ${fmt(o.checkIns / (singleMs / 1000), 0)} check-ins/s`,
        ratio,
        goal: "0 doubles; p99 ≤ 0.3",
        met: ok && ratio <= 0.3,
        details: {
          statuses: Object.fromEntries(statuses),
          doubles,
          badPairs,
          rowsRecorded,
          p50: percentile(latencies, 50),
          p99,
          singleP99: percentile(singleLatencies, 99),
          pageP99,
          singleMs,
        },
      },
    ];
  } finally {
    await server.stop();
    scratch.reopen();
  }
}
