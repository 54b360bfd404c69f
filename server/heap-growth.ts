/**
 * How far V8 lets the old generation grow past the live heap before its next full collection.
 *
 * Under load every request allocates about 1.5–2 MB (about half of it Remix matching the URL against all 128 routes,
 * several times per request), and 32 requests in flight keep that garbage alive across young-generation
 * collections, so it is promoted to the old generation. V8's own heuristic then sets the next full collection at
 * up to 4× the live heap; the pages stay committed after that collection and are given back only by the memory
 * reducer, 8 s or more after the load stops. On the invitee-page bench (bench/invitee-page.ts) this took the
 * server from 483 MB idle to 829 MB five seconds after the load (PostgreSQL), with only ≈ 130–160 MB of the heap
 * live; the memory outside V8's heap (zlib, malloc, PGlite's WebAssembly memory, buffers) did not grow.
 *
 * A growing factor of 1.5 (1 + 50/100) keeps the old generation within half again the live heap. Measured on that
 * bench (3 rounds, both databases, a busy 2-core machine): settled memory 1.07× idle on PGlite and 1.11× on
 * PostgreSQL, against 1.30–1.63× and 1.59–1.72× with V8's default; CPU time per request unchanged within noise
 * (full collections: 23–29 instead of 6–7 in the run, ≈ 0.5 s more of main-thread pauses, the marking itself is
 * concurrent). A factor of 2 left too little margin when the idle reading is taken before the heap has warmed up
 * (1.51× once). V8 reads this flag each time it sets the next limit, so setting it here, before the app is
 * loaded, works for every way the server is started (`npm start`, `node --import tsx server/index.ts` in the
 * Dockerfile, the benches and fault tests). A --heap-growing-percent given to node on the command line wins.
 */
import v8 from "node:v8";

export const HEAP_GROWING_PERCENT = 50;

/** The V8 flag to set, or null when node was already given one (`execArgv` is process.execArgv). */
export function heapGrowthFlag(execArgv: readonly string[]): string | null {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return null;
  return `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
}

const flag = heapGrowthFlag(process.execArgv);
if (flag) v8.setFlagsFromString(flag);
