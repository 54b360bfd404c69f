/**
 * The attendee list at 100,000 invitations on one event, as ratios against the same queries on a
 * 1,000-invitation event measured in the same run (absolute times depend on the machine; ratios much less).
 *
 *   npx tsx bench/attendees.ts            # PGlite in memory
 *   BENCH_DATABASE_URL=postgres://… npx tsx bench/attendees.ts   # a scratch PostgreSQL database (it is filled!)
 *   BENCH_BIG=20000 BENCH_RUNS=5 npx tsx bench/attendees.ts      # smaller/faster
 *
 * Three phases: (A) the schema as migrated, statistics as PGlite leaves them (it has no autovacuum);
 * (B) after ANALYZE; (C) after `create index if not exists people_given_name_idx` (made by migration 0003 since, so
 * C measures B's schema again).
 * Prints a table per phase and writes bench/results/attendees-<time>.json. No assertion: read the ratios.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { newPGlite, openDatabase, type Db } from "#db/client.server";
import { createEvent, createManyInvitations, createUser } from "#db/factories";
import {
  countEventInvitations,
  listEventGroups,
  listEventInvitations,
  type InvitationListOptions,
  type ListCursor,
} from "~/models/invitations.server";
import { medianTime } from "./timing";

const BIG = Number(process.env.BENCH_BIG ?? 100_000);
const SMALL = Number(process.env.BENCH_SMALL ?? 1_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE = 50;

const here = path.dirname(fileURLToPath(import.meta.url));

const time = (f: () => Promise<unknown>) => medianTime(f, RUNS);

interface Case {
  name: string;
  run: (db: Db, eventId: string, size: number) => Promise<unknown>;
}

const deepCursors = new Map<string, ListCursor>();

const list = (options: (size: number) => InvitationListOptions) => (db: Db, eventId: string, size: number) =>
  listEventInvitations(db, eventId, options(size));

const cases: Case[] = [
  { name: "first page (by name) + total", run: list(() => ({ limit: PAGE })) },
  {
    name: "deep page (≈ 96 % in, keyset cursor)",
    run: async (db, eventId, size) => {
      // The cursor the pager's "next" link would carry there, found by offset on the first (warm-up) call.
      const key = `${eventId}`;
      let cursor = deepCursors.get(key);
      if (!cursor) {
        const before = await listEventInvitations(db, eventId, { limit: 1, offset: Math.max(0, Math.floor((size * 0.96) / PAGE) * PAGE - PAGE - 1) });
        cursor = { direction: "next", key: before.lastKey ?? [] };
        deepCursors.set(key, cursor);
      }
      return listEventInvitations(db, eventId, { limit: PAGE, cursor });
    },
  },
  { name: "first page by organization", run: list(() => ({ limit: PAGE, sort: "organization" })) },
  { name: "first page by answer time", run: list(() => ({ limit: PAGE, sort: "answered" })) },
  { name: "filter status+role+group", run: list(() => ({ limit: PAGE, status: "accepted", role: "guest", group: "Bàn 5" })) },
  { name: "search name (no diacritics)", run: list(() => ({ limit: PAGE, q: "nguyen van chuyen" })) },
  { name: "search organization", run: list(() => ({ limit: PAGE, q: "so giao duc" })) },
  { name: "search email (1 match)", run: list(() => ({ limit: PAGE, q: "khach777." })) },
  {
    name: "filtered + searched page",
    run: list(() => ({ limit: PAGE, status: "accepted", group: "Bàn 5", q: "nguyen van chuyen" })),
  },
  { name: "counts by status", run: (db, eventId) => countEventInvitations(db, eventId) },
  { name: "groups for the filter", run: (db, eventId) => listEventGroups(db, eventId) },
  {
    name: "whole list loader (page+counts+groups)",
    run: (db, eventId) =>
      Promise.all([listEventInvitations(db, eventId, { limit: PAGE }), countEventInvitations(db, eventId), listEventGroups(db, eventId)]),
  },
];

/** The index bench/README.md once proposed; migration 0003_people_given_name makes it, so this is a no-op now. */
const proposedIndexes = [
  sql`create index if not exists people_given_name_idx on people ((split_part(name_search, ' ', -1)), name_search)`,
];

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const database = url ? openDatabase({ url, max: 2 }) : openDatabase({ pglite: newPGlite() });
  const db = database.db;
  console.log(`Database: ${url ? "PostgreSQL (BENCH_DATABASE_URL)" : "PGlite, in memory"}; ${RUNS} runs per query, median.`);
  await database.migrate();
  const user = await createUser(db, { name: "Bench" });
  const actor = { id: user.id, name: user.name };
  const small = await createEvent(db, actor, { title: "Bench baseline" });
  const big = await createEvent(db, actor, { title: "Bench 100k" });

  let start = performance.now();
  await createManyInvitations(db, small.id, SMALL, { tag: "small", withdrawnEvery: 40 });
  // Seed in slices so a single statement never holds all rows at once.
  const slice = 25_000;
  for (let from = 1; from <= BIG; from += slice)
    await createManyInvitations(db, big.id, Math.min(slice, BIG - from + 1), { from, tag: "big", withdrawnEvery: 40 });
  console.log(`Seeded ${SMALL.toLocaleString("en")} + ${BIG.toLocaleString("en")} invitations in ${((performance.now() - start) / 1000).toFixed(1)} s.`);

  const phases: { phase: string; prepare: () => Promise<void> }[] = [
    { phase: "A: as migrated, no statistics", prepare: async () => {} },
    {
      phase: "B: after ANALYZE",
      prepare: async () => {
        await db.execute(sql`analyze people`);
        await db.execute(sql`analyze invitations`);
      },
    },
    {
      phase: "C: + proposed index people_given_name_idx",
      prepare: async () => {
        for (const statement of proposedIndexes) await db.execute(statement);
        await db.execute(sql`analyze people`);
        await db.execute(sql`analyze invitations`);
      },
    },
  ];

  const results: { phase: string; query: string; baselineMs: number; bigMs: number; ratio: number }[] = [];
  for (const { phase, prepare } of phases) {
    start = performance.now();
    await prepare();
    console.log(`\n${phase}${phase.startsWith("A") ? "" : ` (prepared in ${Math.round(performance.now() - start)} ms)`}`);
    const rows: string[][] = [];
    for (const c of cases) {
      const baselineMs = await time(() => c.run(db, small.id, SMALL));
      const bigMs = await time(() => c.run(db, big.id, BIG));
      const ratio = bigMs / baselineMs;
      results.push({ phase, query: c.name, baselineMs, bigMs, ratio });
      rows.push([c.name, baselineMs.toFixed(1), bigMs.toFixed(1), `${ratio.toFixed(1)}×`]);
    }
    printTable([`query`, `${SMALL.toLocaleString("en")} (ms)`, `${BIG.toLocaleString("en")} (ms)`, "ratio"], rows);
  }
  console.log(`\nData grew ${(BIG / SMALL).toFixed(0)}×: a ratio near that is a full scan of the event's rows; near 1 is index-bounded.`);

  const dir = path.join(here, "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `attendees-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
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
