/**
 * The flags node is started with, wherever the server runs: `npm start` (package.json), the Docker image's CMD
 * (Dockerfile), and the benches, fault tests and browser tests that start server/index.ts themselves — so what is
 * measured and tested is what runs. server/node-flags.test.ts holds package.json and the Dockerfile to this list.
 *
 * --max-semi-space-size=64 (MB; V8's default is 16 on 64-bit): each request allocates a few hundred KB that die
 * young, and with 32 requests in flight a 16 MB semi-space fills many times a second, so V8 scavenges often and
 * copies (and promotes) what the requests still in flight hold; a 64 MB one collects a quarter as often.
 * Measured on PGlite, `BENCH_ONLY=invitee npm run bench`, three rounds each, 2026-12-03: the 404 page 492 → 562
 * requests a second, the invitee page 299 → 330; server CPU per request (bench/cpu-probe.ts) about 10 % less. The
 * cost is memory: the young generation may hold up to three semi-spaces, so the server's resident size after the
 * warm-up went from ≈ 740 to ≈ 895 MB (after the load it settles at 0.82× of that). 32 MB gave half the gain.
 * V8 sizes the heap when it starts, so this cannot be set from inside the process (as server/heap-growth.ts's
 * flag is); hence a flag, here once and spelled out where a command line cannot import it.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"] as const;
