/** Timing for the benches: the median of `runs` samples after two warm-up calls (plan caches, buffers). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export async function medianTime(f: () => Promise<unknown>, runs: number): Promise<number> {
  await f();
  await f();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await f();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Two operations timed against each other: two warm-up calls of each, then `runs` samples of each taken in turn
 * (a, b, a, b, …), so a burst of noise on the machine falls on both sides instead of on one side's whole series.
 * The medians of each side.
 */
export async function medianTimes(a: () => Promise<unknown>, b: () => Promise<unknown>, runs: number): Promise<[number, number]> {
  for (const f of [a, b, a, b]) await f();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < runs; i++) {
    for (const [f, into] of [[a, as], [b, bs]] as const) {
      const start = performance.now();
      await f();
      into.push(performance.now() - start);
    }
  }
  return [median(as), median(bs)];
}
