/**
 * How far V8 lets the old generation grow past the live heap before its next full collection.
 *
 * Under load every request allocates about 1.5 MB (most of it Remix matching the URL against all 128 routes,
 * several times per request), and 32 requests in flight keep that garbage alive across young-generation
 * collections, so it is promoted to the old generation. V8's own heuristic then sets the next full collection at
 * up to 4× the live heap; the pages stay committed after that collection and are given back only by the memory
 * reducer, 8 s or more after the load stops. On the invitee-page bench (bench/invitee-page.ts) this took the
 * server from 483 MB idle to 829 MB five seconds after the load, with only ≈ 130 MB of it live.
 *
 * A growing factor of 2 (1 + 100/100) keeps the old generation within twice the live heap: 483 → 498 MB on the
 * same bench, and the same throughput (full collections are mostly concurrent marking). V8 reads this flag each
 * time it sets the next limit, so setting it here, before the app is loaded, works for every way the server is
 * started (`npm start`, `node --import tsx server/index.ts` in the Dockerfile, the benches and fault tests). A
 * --heap-growing-percent given to node on the command line wins.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 100;

/** The V8 flag to set, or null when node was already given one (`execArgv` is process.execArgv). */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return null;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

const flag = heapGrowthFlag(process.execArgv);
if (flag) v8.setFlagsFromString(flag);
