/** API tokens ("sgt_…"): stored only as their SHA-256; a token belongs to one account. */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { apiTokens, eventMembers, events, users } from "#db/schema/index";
import { apiTokenColumns, eventColumns, eventMemberColumns, pickColumns, userColumns } from "./columns";
import { preparedRead } from "./prepared.server";

export async function insertApiToken(
  db: Db,
  values: { userId: string; name: string; tokenHash: string; scopes: string[]; eventId: string | null; expiresAt: Date | null },
): Promise<void> {
  await db.insert(apiTokens).values(values);
}

/** The token that is not revoked, with its account (active or not: the caller decides); null when none. */
export async function findUnrevokedApiToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select({ user: userColumns, token: apiTokenColumns })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return row ?? null;
}

const tokenOnEvent = preparedRead("api_token_on_event", ["tokenHash", "eventId"], (db, p) =>
  db
    .select({
      user: userColumns,
      token: apiTokenColumns,
      event: pickColumns(eventColumns, ["id", "createdBy", "title", "status"]),
      memberRole: eventMemberColumns.role,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(events, eq(events.id, p.eventId))
    .leftJoin(eventMembers, and(eq(eventMembers.eventId, events.id), eq(eventMembers.userId, apiTokens.userId)))
    .where(and(eq(apiTokens.tokenHash, p.tokenHash), isNull(apiTokens.revokedAt))),
);

/**
 * findUnrevokedApiToken with, in the same statement, the event (null when there is none with this id) and the
 * account's role on its team (null when not a member): what a request on /api/v1/events/<eventId>/… is decided from.
 * `eventId` must be a UUID.
 */
export async function findUnrevokedApiTokenOnEvent(db: Db, tokenHash: string, eventId: string) {
  const [row] = await tokenOnEvent(db, { tokenHash, eventId });
  return row ?? null;
}

export async function touchApiToken(db: Db, id: string, at: Date): Promise<void> {
  await db.update(apiTokens).set({ lastUsedAt: at }).where(eq(apiTokens.id, id));
}

/** The account's tokens, the active ones first, newest first. */
export function listUserApiTokens(db: Db, userId: string) {
  return db
    .select(apiTokenColumns)
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(sql`${apiTokens.revokedAt} is not null`, sql`${apiTokens.createdAt} desc`);
}

/** Revokes one of the account's tokens; its name, or null when it is not theirs or already revoked. */
export async function revokeUserApiToken(db: Db, userId: string, tokenId: string, at: Date): Promise<{ name: string } | null> {
  const [row] = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ name: apiTokenColumns.name });
  return row ?? null;
}

/** Revokes every token of the account that is not revoked yet. */
export async function revokeAllUserApiTokens(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
}
