import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import { events, invitations, invitationTokens, people } from "#db/schema/index";
import { eventColumns, invitationColumns, personColumns, pickColumns } from "./columns";

export async function insertInvitationToken(db: Db, invitationId: string, tokenHash: string): Promise<void> {
  await db.insert(invitationTokens).values({ tokenHash, invitationId });
}

/** Many tokens in multi-row statements (a mass send: one per email that carries a link). */
export async function insertInvitationTokens(db: Db, rows: { invitationId: string; tokenHash: string }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    if (chunk.length > 0) await db.insert(invitationTokens).values(chunk);
  }
}

export async function invitationExists(db: Db, invitationId: string): Promise<boolean> {
  const [row] = await db.select(pickColumns(invitationColumns, ["id"])).from(invitations).where(eq(invitations.id, invitationId)).limit(1);
  return !!row;
}

/** What a token hash points at, with what decides whether it still works. */
export async function findTokenTarget(db: Db, tokenHash: string) {
  const [row] = await db
    .select({
      invitationId: invitationColumns.id,
      ...pickColumns(invitationColumns, ["eventId", "withdrawnAt"]),
      eventEndsAt: eventColumns.endsAt,
    })
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(invitationTokens.tokenHash, tokenHash))
    .limit(1);
  return row ?? null;
}

/**
 * The deputy who now holds the invitation a token opened: the token's invitation was withdrawn when the organizer
 * accepted them (their invitation names it in deputy_for_invitation_id). Null for any other token.
 */
export async function findDeputyOfToken(db: Db, tokenHash: string) {
  const deputy = alias(invitations, "deputy");
  const [row] = await db
    .select({ ...pickColumns(personColumns, ["honorific", "fullName"]), eventEndsAt: eventColumns.endsAt })
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .innerJoin(deputy, eq(deputy.deputyForInvitationId, invitations.id))
    .innerJoin(people, eq(people.id, deputy.personId))
    .where(and(eq(invitationTokens.tokenHash, tokenHash), isNotNull(invitations.withdrawnAt), isNull(deputy.withdrawnAt)))
    .limit(1);
  return row ?? null;
}

/** Removes every link token of the invitation; returns how many there were. */
export async function deleteInvitationTokens(db: Db, invitationId: string): Promise<number> {
  const rows = await db
    .delete(invitationTokens)
    .where(eq(invitationTokens.invitationId, invitationId))
    .returning({ tokenHash: invitationTokens.tokenHash });
  return rows.length;
}
