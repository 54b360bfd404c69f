/**
 * Sign-in state: sessions, half-done sign-ins waiting for the second factor (login challenges) and the
 * revocation of unused "forgot password" links. Ids and tokens are stored only as their SHA-256 (`idHash`).
 */
import { and, eq, isNull, ne } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { loginChallenges, passwordResetTokens, sessions, users } from "#db/schema/index";
import { sessionColumns, userColumns } from "./columns";

export async function insertSession(
  db: Db,
  values: { idHash: string; userId: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db.insert(sessions).values(values);
}

/** The session and its account (active or not: the caller decides), or null for an unknown id. */
export async function findSessionWithUser(db: Db, idHash: string) {
  const [row] = await db
    .select({ user: userColumns, session: sessionColumns })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.idHash, idHash));
  return row ?? null;
}

export async function touchSession(db: Db, idHash: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
}

/** Ends every session of the account, except the one with `exceptIdHash` when given. */
export async function deleteUserSessions(db: Db, userId: string, exceptIdHash?: string | null): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptIdHash ? and(eq(sessions.userId, userId), ne(sessions.idHash, exceptIdHash)) : eq(sessions.userId, userId));
}

export async function insertLoginChallenge(
  db: Db,
  values: { idHash: string; userId: string; redirectTo: string | null; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(loginChallenges).values(values);
}

export async function deleteUserLoginChallenges(db: Db, userId: string): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}

/** The account's unused "forgot password" links count as used from `at`. */
export async function useUpPasswordResetTokens(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(passwordResetTokens)
    .set({ usedAt: at })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
}
