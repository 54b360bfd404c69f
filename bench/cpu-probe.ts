/**
 * Server CPU per request, by path (a probe for issue 12's work, not a row of the table): the production server on a
 * scratch database; for the 404 page, the invitee page and a check-in, N requests at C at a time, and the server
 * process's CPU time (/proc/<pid>/stat, user + system) read before and after. Loopback only, bounded.
 *   BENCH_KINDS=pglite|postgres PROBE_N=3000 PROBE_C=20 PROBE_ONLY=404|invitee|checkin npx tsx bench/cpu-probe.ts
 *   PROBE_ONLY: one path only; PROBE_UA: a User-Agent for the page requests. The server is the Remix build: run
 *   `npx remix build` after changes under app/.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { Pool } from "undici";
import { createEvent, createInvitation, createManyInvitations, createUser } from "#db/factories";
import { createApiToken } from "~/services/accounts.server";
import { insertSigningTemplate } from "~/services/agenda.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { scratchDatabase, startServer, type Kind } from "./support";

const cpuMs = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
};
const rows = (r: unknown) => (Array.isArray(r) ? r : ((r as { rows: unknown[] }).rows ?? [])) as Record<string, unknown>[];

const kind = (process.env.BENCH_KINDS ?? "pglite") as Kind;
const n = Number(process.env.PROBE_N ?? 3000);
const port = Number(process.env.BENCH_PORT ?? 3521);
const scratch = await scratchDatabase(kind, "probe");
const db = scratch.database.db;
const user = await createUser(db, { role: "organizer", name: "Probe" });
const event = await createEvent(db, user, { title: "Lễ ký kết" });
await insertSigningTemplate(db, user, event.id, "vi");
await createManyInvitations(db, event.id, n * 2, { from: 1, tag: `probe${process.pid}` });
await db.execute(sql`update invitations set status = 'accepted' where event_id = ${event.id}`);
await db.execute(sql`analyze`);
const ids = rows(await db.execute(sql`select id from invitations where event_id = ${event.id} order by id`)).map((r) => String(r.id));
const { invitation } = await createInvitation(db, { eventId: event.id, status: "accepted" });
const inviteeToken = await issueInvitationToken(db, invitation.id);
const apiToken = await createApiToken(db, user.id, "probe");
await scratch.close();
const server = await startServer(scratch, port);
const pid = server.child.pid!;
try {
  const link = await fetch(`${server.url}/i/${inviteeToken}`, { redirect: "manual" });
  const cookie = link.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const measureGet = async (label: string, path: string, pageHeaders: Record<string, string> = {}) => {
    // PROBE_UA: a User-Agent for every request (a crawler's gets the whole document at once: entry.server's isbot).
    const headers = process.env.PROBE_UA ? { ...pageHeaders, "user-agent": process.env.PROBE_UA } : pageHeaders;
    await autocannon({ url: server.url + path, connections: 20, amount: 500, headers });
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    const r = await autocannon({ url: server.url + path, connections: Number(process.env.PROBE_C ?? 20), amount: n, headers });
    const wall = performance.now() - t0;
    console.log(`${label}: ${((cpuMs(pid) - c0) / n).toFixed(2)} ms CPU/request, ${(n / (wall / 1000)).toFixed(0)} rps, p50 ${r.latency.p50} p90 ${r.latency.p90} p99 ${r.latency.p99} max ${r.latency.max} ms, non2xx ${r.non2xx}`);
  };
  const only = process.env.PROBE_ONLY;
  if (!only || only === "404") await measureGet("404 page", "/no-such-page");
  // PROBE_REPEAT: measure the invitee page that many times on the same server (does it slow down as it runs?).
  for (let r = 0; r < Number(process.env.PROBE_REPEAT ?? 1); r++)
    if (!only || only === "invitee") await measureGet("invitee page", "/invitation", { cookie });
  if (!only || only === "checkin") {
    const pool = new Pool(server.url, { connections: 20 });
    const headers = { authorization: `Bearer ${apiToken}`, "content-type": "application/json", accept: "application/json" };
    const path = `/api/v1/events/${event.id}/check-ins`;
    const post = async (id: string) => {
      const res = await pool.request({ method: "POST", path, headers, body: JSON.stringify({ invitationId: id }) });
      await res.body.arrayBuffer();
      return res.statusCode;
    };
    for (const id of ids.slice(n, n + 300)) await post(id);
    const lat: number[] = [];
    const c0 = cpuMs(pid);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async (_, s) => {
        for (let i = s; i < n; i += 20) {
          const t = performance.now();
          const st = await post(ids[i]!);
          if (st !== 201) throw new Error(`check-in ${st}`);
          lat.push(performance.now() - t);
        }
      }),
    );
    const wall = performance.now() - t0;
    lat.sort((a, b) => a - b);
    console.log(`check-in: ${((cpuMs(pid) - c0) / n).toFixed(2)} ms CPU/request, ${(n / (wall / 1000)).toFixed(0)} rps, p99 ${lat[Math.ceil(0.99 * lat.length) - 1]!.toFixed(0)} ms`);
    await pool.close();
  }
} finally {
  await server.stop();
  scratch.reopen();
  await scratch.close();
  await scratch.drop();
}
