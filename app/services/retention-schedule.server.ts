/**
 * The daily retention run inside the server (docs/decisions/017-personal-data.md): shortly after start, then
 * every 24 hours, at most a few batches per run; a failure is logged and retried the next day. Several servers on
 * one database: only the holder of the scheduler lease runs it (`isScheduler`); and should two ever overlap,
 * runs are serialised by an advisory lock and the second finds nothing left.
 */
import type { Db } from "#db/client.server";
import { runRetention, RETENTION_BATCH } from "./privacy.server";

const DAY_MS = 24 * 60 * 60 * 1000;
/** At most this many batches of events per run (each RETENTION_BATCH events). */
const MAX_BATCHES = 20;

export interface RetentionSchedule {
  stop(): void;
  /** One run now (what the timer does); resolves with the number of events handled. */
  runOnce(): Promise<number>;
}

export function startRetentionSchedule(
  db: Db,
  options: {
    days: number;
    firstRunMs?: number;
    intervalMs?: number;
    log?: (line: string) => void;
    /** Whether this instance runs it now (the scheduler lease); default: yes. */
    isScheduler?: () => Promise<boolean>;
  },
): RetentionSchedule {
  const log = options.log ?? ((line: string) => console.log(line));
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let running: Promise<number> | null = null;

  async function runOnce(): Promise<number> {
    if (running) return running;
    running = (async () => {
      let events = 0;
      if (options.isScheduler && !(await options.isScheduler())) return 0;
      for (let batch = 0; batch < MAX_BATCHES && !stopped; batch++) {
        const result = await runRetention(db, null, { days: options.days, limit: RETENTION_BATCH });
        events += result.events;
        if (!result.more) break;
      }
      if (events > 0) log(`Retention: personal data erased for ${events} event(s) that ended more than ${options.days} days ago.`);
      return events;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function schedule(ms: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      runOnce()
        .catch((error: unknown) => log(`Retention run failed (retried tomorrow): ${error instanceof Error ? error.message : String(error)}`))
        .finally(() => schedule(options.intervalMs ?? DAY_MS));
    }, ms);
    timer.unref();
  }
  schedule(options.firstRunMs ?? 60_000);

  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    runOnce,
  };
}
