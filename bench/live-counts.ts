/**
 * What one poll of the live counts costs (GET /events/:id/counts, docs/decisions/012-live-counts.md), at
 * 100,000 invitations on one event, as ratios against a 1,000-invitation event measured in the same run, and
 * against what a full revalidation of the check-in page would run instead.
 *
 *   npx tsx bench/live-counts.ts                                   # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/live-counts.ts   # a scratch PostgreSQL database (it is filled!)
 *   BENCH_BIG=20000 BENCH_RUNS=5 npx tsx bench/live-counts.ts      # smaller/faster
 *
 * Cases: the counts query alone; the attendee list's status counts (the query it could have reused); a poll as
 * the first tab of an event in a two-second window pays it (session cookie → session and permission lookups →
 * counts → JSON); the endpoint's loader as every other tab in that window pays it (the reading is shared); and
 * the loaders a `useRevalidator()` poll of the check-in page would re-run instead (event layout + check-in page).
 * Prints a table and writes bench/results/live-counts-<time>.json. No assertion: read the ratios.
 */
import { secretBox } from "~/utils/secret-box.server";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AppLoadContext } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { newPGlite, openDatabase, type Db } from "#db/client.server";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import { countAttendance } from "~/models/check-in.server";
import { getEventDetail } from "~/models/events.server";
import { countEventInvitations } from "~/models/invitations.server";
import { loader as countsLoader } from "~/routes/events.$eventId.counts/route";
import { checkInLoader } from "~/components/check-in/check-in-page.server";
import { createSession } from "~/services/accounts.server";
import { attendanceCounts } from "~/services/check-in.server";
import { fileSystemStorage } from "~/services/storage.server";
import { requireEventPermission } from "~/services/auth.server";
import { sessionCookie } from "~/utils/session.server";
import { medianTime } from "./timing";

const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const SMALL = Number(process.env.BENCH_SMALL ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);

const here = path.dirname(fileURLToPath(import.meta.url));

const time = (f: () => Promise<unknown>) => medianTime(f, RUNS);

/** Every 3rd standing invitation of the event is checked in (set-based, like the seed of invitations). */
async function checkInEveryThird(db: Db, eventId: string) {
  await db.execute(sql`
    insert into check_ins (invitation_id, at, by_name)
    select id, now(), 'Bench'
    from (select id, row_number() over (order by id) n from invitations where event_id = ${eventId}::uuid and withdrawn_at is null) i
    where n % 3 = 0
  `);
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? openDatabase({ url, max: 2 }) : openDatabase({ pglite: newPGlite() });
  const db = database.db;
  console.log(`Database: ${url ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite, in memory"}; ${RUNS} runs per case, median.`);
  await database.migrate();
  const user = await createUser(db, { name: "Bench", role: "admin" });
  const actor = { id: user.id, name: user.name };
  const small = await createEvent(db, actor, { title: "Bench baseline" });
  const big = await createEvent(db, actor, { title: "Bench 100k" });

  const start = performance.now();
  await createManyInvitations(db, small.id, SMALL, { tag: "small", withdrawnEvery: 40 });
  const slice = 25_000;
  for (let from = 1; from <= BIG; from += slice)
    await createManyInvitations(db, big.id, Math.min(slice, BIG - from + 1), { from, tag: "big", withdrawnEvery: 40 });
  await checkInEveryThird(db, small.id);
  await checkInEveryThird(db, big.id);
  // The server's state after an import on PostgreSQL (autovacuum) and what PGlite runs with after ANALYZE.
  await db.execute(sql`analyze`);
  console.log(`Seeded ${SMALL.toLocaleString("en")} + ${BIG.toLocaleString("en")} invitations, a third checked in, in ${((performance.now() - start) / 1000).toFixed(1)} s.`);

  // The loaders run as the server runs them: a signed session cookie, a real session row.
  const context = {
    db,
    dbKind: database.kind,
    pingDb: async () => {},
    clientIp: "127.0.0.1",
    cookieSecrets: ["bench-secret-0123456789abcdef"],
    secureCookies: false,
    appUrl: "http://localhost",
    storage: fileSystemStorage(mkdtempSync(path.join(tmpdir(), "signet-bench-"))),
    secretBox: secretBox("bench-secret-box"),
  } satisfies AppLoadContext;
  const sessionId = await createSession(db, user.id, { ip: "127.0.0.1", userAgent: "bench" });
  const cookie = await sessionCookie(context).serialize(sessionId);
  const request = (eventId: string, suffix: string) =>
    new Request(`http://localhost/events/${eventId}${suffix}`, { headers: { Cookie: cookie } });

  const cases: { name: string; run: (eventId: string) => Promise<unknown> }[] = [
    { name: "counts query (countAttendance)", run: (eventId) => countAttendance(db, eventId) },
    { name: "attendee list's status counts", run: (eventId) => countEventInvitations(db, eventId) },
    {
      name: "poll, first tab in the 2 s window (permission + counts)",
      run: async (eventId) => {
        const access = await requireEventPermission(request(eventId, "/counts"), context, eventId, "event:read");
        return Response.json(await attendanceCounts(db, access.event.id)).json();
      },
    },
    {
      name: "poll, other tabs in the window (the loader, reading shared)",
      run: async (eventId) => {
        const response = await countsLoader({ request: request(eventId, "/counts"), context, params: { eventId } });
        return response.json();
      },
    },
    {
      name: "revalidate instead: layout + check-in loaders",
      run: (eventId) =>
        Promise.all([
          getEventDetail(db, eventId),
          checkInLoader({ request: request(eventId, "/check-in"), context, params: { eventId } }),
        ]),
    },
  ];

  const results: { query: string; baselineMs: number; bigMs: number; ratio: number }[] = [];
  const rows: string[][] = [];
  for (const c of cases) {
    const baselineMs = await time(() => c.run(small.id));
    const bigMs = await time(() => c.run(big.id));
    const ratio = bigMs / baselineMs;
    results.push({ query: c.name, baselineMs, bigMs, ratio });
    rows.push([c.name, baselineMs.toFixed(2), bigMs.toFixed(2), `${ratio.toFixed(1)}×`]);
  }
  printTable(["case", `${SMALL.toLocaleString("en")} (ms)`, `${BIG.toLocaleString("en")} (ms)`, "ratio"], rows);
  const poll = results[2]!;
  const revalidate = results[4]!;
  console.log(`\nData grew ${(BIG / SMALL).toFixed(0)}×. A poll costs ${(revalidate.bigMs / poll.bigMs).toFixed(1)}× less than a revalidation at ${BIG.toLocaleString("en")}.`);
  console.log(
    `Unshared, one poll per open tab every 4 s would keep one connection busy with ≈ ${Math.floor(4000 / poll.bigMs)} open tabs at ${BIG.toLocaleString("en")} invitations (${Math.floor(4000 / poll.baselineMs)} at ${SMALL.toLocaleString("en")}); shared, an event costs one reading per 2 s however many tabs watch it.`,
  );

  const dir = path.join(here, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `live-counts-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ big: BIG, small: SMALL, runs: RUNS, driver: url ? "postgres" : "pglite", results }, null, 2));
  console.log(`Results: ${path.relative(process.cwd(), file)}`);
  await database.close();
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

await main();
