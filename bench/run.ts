/**
 * `npm run bench`: every row of the speed table (issue 12) on PGlite and, when TEST_DATABASE_URL is set, on
 * PostgreSQL; each ratio is measured against its baseline in the same run. Prints one table and writes
 * bench/results/bench-<time>.json. No assertion: read the ratios.
 *
 *   npm run bench                       # full sizes
 *   BENCH_QUICK=1 npm run bench         # small sizes, a minute or two
 *   BENCH_ONLY=invitee,outbox npm run bench
 *   BENCH_KINDS=pglite npm run bench
 *   BENCH_ROUNDS=1 BENCH_PORT=3105 npm run bench   # one round instead of a median of three; the invitee server's port
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { attendeeListBench } from "./attendee-list";
import { checkInBench } from "./check-in";
import { importBench } from "./import";
import { inviteeBench } from "./invitee-page";
import { mailBench } from "./mail";
import { fmt, root, scratchDatabase, type Kind, type Row } from "./support";

const QUICK = process.env.BENCH_QUICK === "1";
const PORT = Number(process.env.BENCH_PORT ?? 3105);
/** Rounds (median of) for the invitee page and the mail rows; 3 in full mode. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (QUICK ? 1 : 3));
const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const kinds: Kind[] = (process.env.BENCH_KINDS?.split(",") as Kind[] | undefined) ??
  (process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"]);

const sections: { name: string; run: (kind: Kind) => Promise<Row[]> }[] = [
  {
    name: "invitee",
    run: async (kind) => {
      const scratch = await scratchDatabase(kind, "invitee");
      try {
        return await inviteeBench(scratch, {
          port: PORT,
          connections: 32,
          seconds: QUICK ? 6 : 10,
          rounds: ROUNDS,
        });
      } finally {
        await scratch.close().catch(() => {});
        await scratch.drop();
      }
    },
  },
  {
    name: "outbox",
    run: async (kind) => {
      const scratch = await scratchDatabase(kind, "outbox");
      try {
        return await mailBench(scratch, { messages: QUICK ? 200 : 2000, rounds: ROUNDS });
      } finally {
        await scratch.close().catch(() => {});
        await scratch.drop();
      }
    },
  },
  {
    name: "attendees",
    run: async (kind) => {
      const scratch = await scratchDatabase(kind, "attendees");
      try {
        return await attendeeListBench(scratch, { big: QUICK ? 10_000 : 100_000, small: 1_000, runs: QUICK ? 5 : 15 });
      } finally {
        await scratch.close().catch(() => {});
        await scratch.drop();
      }
    },
  },
  {
    name: "import",
    run: async (kind) => {
      const scratch = await scratchDatabase(kind, "import");
      try {
        return await importBench(scratch, { rows: QUICK ? 2_000 : 20_000, directory: QUICK ? 10_000 : 100_000, rounds: ROUNDS });
      } finally {
        await scratch.close().catch(() => {});
        await scratch.drop();
      }
    },
  },
  {
    name: "checkin",
    run: async (kind) => {
      const scratch = await scratchDatabase(kind, "checkin");
      try {
        return await checkInBench(scratch, {
          port: PORT,
          scanners: 20,
          checkIns: QUICK ? 1_000 : 10_000,
          duplicates: QUICK ? 100 : 1_000,
          seconds: QUICK ? 4 : 8,
          rounds: ROUNDS,
        });
      } finally {
        await scratch.close().catch(() => {});
        await scratch.drop();
      }
    },
  },
];

async function main() {
  const rows: Row[] = [];
  const started = new Date();
  console.log(`Signet bench (${QUICK ? "quick" : "full"} mode) on ${kinds.join(", ")}; loopback only.`);
  for (const kind of kinds) {
    for (const section of sections) {
      if (only && !only.includes(section.name)) continue;
      const t0 = performance.now();
      console.log(`\n[${kind}] ${section.name}…`);
      try {
        const got = await section.run(kind);
        rows.push(...got);
        for (const r of got) console.log(`  ${r.scenario}: ${r.measured} → ${r.ratio === null ? "—" : fmt(r.ratio)} (goal ${r.goal})`);
      } catch (error) {
        console.error(`  ${section.name} failed:`, error);
        rows.push({ kind, scenario: section.name, baseline: "", measured: `failed: ${String(error)}`, ratio: null, goal: "", met: false });
      }
      console.log(`  (${fmt((performance.now() - t0) / 1000, 0)} s)`);
    }
  }
  console.log("\n| database | scenario | baseline | measured | ratio | goal | met |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(
      `| ${r.kind} | ${r.scenario} | ${r.baseline} | ${r.measured} | ${r.ratio === null ? "—" : fmt(r.ratio)} | ${r.goal} | ${r.met === null ? "—" : r.met ? "yes" : "**no**"} |`,
    );
  }
  const dir = path.join(root, "bench", "results");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${started.toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, JSON.stringify({ started, quick: QUICK, kinds, rows }, null, 2));
  console.log(`\nWritten: ${path.relative(root, file)}`);
}

await main();
process.exit(0);
