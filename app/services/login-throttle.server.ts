import { and, desc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { loginChallenges, loginFailures, passwordResetRequests } from "#db/schema/index";

/**
 * Sign-in rate limits (docs/decisions/016-hardening-throttles-and-browser-policy.md).
 *
 * Every password, two-step code or "current password" check first *reserves* an attempt: under a transaction
 * lock per account and per address (or per trusted device), it counts the failures of the last 15 minutes and,
 * below the limit, inserts a row — before the password is verified. A right answer removes its row again; a
 * wrong one leaves it as the failure. So 30 parallel guesses get five checks, not thirty.
 *
 * Budgets, after OWASP's "Slow Down Online Guessing Attacks with Device Cookies": a browser that signed in to
 * the account before carries a signed device cookie (app/utils/device-cookie.server.ts); its attempts count
 * against its own budget only, so strangers' failures never lock it out. Everyone else (untrusted clients)
 * shares one budget per account and one per address.
 */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
/** Rows older than the window removed per recorded attempt: bounded, so a sign-in never waits on a big delete. */
export const PRUNE_BATCH = 200;

export interface AttemptKeys {
  /** The account's email (normalized by the caller). */
  email: string;
  ip: string;
  /** The trusted device's key (SHA-256 of its cookie nonce) when the browser holds one for this account. */
  device: string | null;
}

export type Reservation = { ok: true; id: string } | { ok: false; retryAfterSeconds: number };

/** Seconds until fewer than LOGIN_MAX_FAILURES rows matching `where` remain in the window, or 0. */
async function retryAfter(db: Db, where: SQL | undefined, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const rows = await db
    .select({ at: loginFailures.at })
    .from(loginFailures)
    .where(and(where, gt(loginFailures.at, since)))
    .orderBy(desc(loginFailures.at))
    .limit(LOGIN_MAX_FAILURES);
  if (rows.length < LOGIN_MAX_FAILURES) return 0;
  const oldestCounted = rows[LOGIN_MAX_FAILURES - 1]!.at;
  return Math.max(1, Math.ceil((oldestCounted.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
}

/** A transaction-scoped advisory lock: held until commit, so the count and the insert are one step per key. */
async function lock(db: Db, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Seconds to wait for these keys (0: an attempt may be made), without reserving one. */
export async function attemptRetryAfter(db: Db, keys: AttemptKeys, now: Date): Promise<number> {
  if (keys.device) return retryAfter(db, eq(loginFailures.device, keys.device), now);
  const [byAccount, byAddress] = [
    await retryAfter(db, and(eq(loginFailures.email, keys.email), isNull(loginFailures.device)), now),
    await retryAfter(db, and(eq(loginFailures.ip, keys.ip), isNull(loginFailures.device)), now),
  ];
  return Math.max(byAccount, byAddress);
}

/**
 * Reserves one attempt, atomically: the locks (the device's, or the account's then the address's — always in
 * that order, so two reservations never wait on each other in a circle) are held while counting and inserting.
 */
export async function reserveAttempt(db: Db, keys: AttemptKeys, now: Date): Promise<Reservation> {
  const reservation = await db.transaction(async (tx): Promise<Reservation> => {
    if (keys.device) await lock(tx, `login:device:${keys.device}`);
    else {
      await lock(tx, `login:email:${keys.email}`);
      await lock(tx, `login:ip:${keys.ip}`);
    }
    const wait = await attemptRetryAfter(tx, keys, now);
    if (wait > 0) return { ok: false, retryAfterSeconds: wait };
    const [row] = await tx
      .insert(loginFailures)
      .values({ email: keys.email, ip: keys.ip, device: keys.device, at: now })
      .returning({ id: loginFailures.id });
    return { ok: true, id: row!.id };
  });
  if (reservation.ok) await pruneLoginFailures(db, now);
  return reservation;
}

/** The attempt was right: it is not a failure. */
export async function forgiveAttempt(db: Db, reservationId: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.id, reservationId));
}

/** A trusted device signed in: its own failures are forgiven (the account's untrusted budget stays as it is). */
export async function clearDeviceFailures(db: Db, device: string | null): Promise<void> {
  if (device) await db.delete(loginFailures).where(eq(loginFailures.device, device));
}

/** The account proved control of its email (a password reset link): every failure of the account goes. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.email, email.trim().toLowerCase()));
}

/**
 * Removes what no limit reads any more: attempts and "forgot password" requests older than the window, expired
 * half-done sign-ins. At most `limit` rows per table per call (oldest first, by index), called on every
 * reserved attempt, so the tables stay about as big as 15 minutes of traffic.
 */
export async function pruneLoginFailures(db: Db, now = new Date(), limit = PRUNE_BATCH): Promise<void> {
  const windowStart = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const oldAttempts = db.select({ id: loginFailures.id }).from(loginFailures).where(lt(loginFailures.at, windowStart)).limit(limit);
  await db.delete(loginFailures).where(inArray(loginFailures.id, oldAttempts));
  const oldRequests = db
    .select({ id: passwordResetRequests.id })
    .from(passwordResetRequests)
    .where(lt(passwordResetRequests.at, windowStart))
    .limit(limit);
  await db.delete(passwordResetRequests).where(inArray(passwordResetRequests.id, oldRequests));
  const expired = db
    .select({ idHash: loginChallenges.idHash })
    .from(loginChallenges)
    .where(lt(loginChallenges.expiresAt, now))
    .limit(limit);
  await db.delete(loginChallenges).where(inArray(loginChallenges.idHash, expired));
}
