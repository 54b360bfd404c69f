/**
 * One instance at a time, when several app instances share one PostgreSQL (docs/decisions/029-scaling.md).
 *
 * A lease is a row (name, holder, expires_at). `tryLease` takes it when it is free or expired, or renews it when
 * this holder has it — one atomic INSERT … ON CONFLICT DO UPDATE … WHERE, so two instances asking at the same
 * moment cannot both win. Times come from the database's clock, never the instances' (which may disagree).
 * The holder renews on every tick (well inside the lease's length); a holder that dies is replaced once its
 * lease has run out; one that stops (SIGTERM) gives it back at once.
 *
 * Why a lease and not a session advisory lock: postgres.js pools its connections, and a session lock belongs to
 * one connection — it would be held by whichever query happened to take it, and lost when that connection is
 * recycled. A lease row works the same on PGlite and PostgreSQL, survives a reconnect, and says who holds it.
 */
import { sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { rowsOf } from "~/models/people.server";

export const SCHEDULER_LEASE = "scheduler";

/** Takes or renews the lease for `ttlMs`; true when `holder` has it now. */
export async function tryLease(db: Db, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const result = await db.execute(sql`
    insert into leases (name, holder, expires_at)
    values (${name}, ${holder}, clock_timestamp() + ${ttlMs} * interval '1 millisecond')
    on conflict (name) do update
      set holder = excluded.holder, expires_at = excluded.expires_at
      where leases.holder = excluded.holder or leases.expires_at <= clock_timestamp()
    returning holder`);
  return rowsOf<{ holder: string }>(result).length === 1;
}

/** Gives the lease back (only if `holder` has it): another instance can take it on its next tick. */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await db.execute(sql`delete from leases where name = ${name} and holder = ${holder}`);
}

export async function leaseHolder(db: Db, name: string): Promise<string | null> {
  const rows = rowsOf<{ holder: string }>(await db.execute(sql`select holder from leases where name = ${name} and expires_at > clock_timestamp()`));
  return rows.length ? String(rows[0]!.holder) : null;
}

export interface Lease {
  /** Renews (or takes) the lease now; false when another instance holds it. A database error counts as false. */
  acquire(): Promise<boolean>;
  /** What the last acquire() found. */
  readonly held: boolean;
  /** Gives it back (SIGTERM). */
  release(): Promise<void>;
}

export function lease(db: Db, name: string, holder: string, ttlMs = 30_000): Lease {
  let held = false;
  return {
    get held() {
      return held;
    },
    async acquire() {
      try {
        held = await tryLease(db, name, holder, ttlMs);
      } catch {
        held = false;
      }
      return held;
    },
    async release() {
      if (!held) return;
      held = false;
      await releaseLease(db, name, holder).catch(() => {});
    },
  };
}
