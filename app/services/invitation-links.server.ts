/**
 * Personal invitation links: /i/<token>. The token is 256 random bits in base64url; only its SHA-256 is
 * stored (invitation_tokens), so a database dump cannot be turned into working links.
 *
 * Every token issued for an invitation (one per email sent) stays valid until the invitation is withdrawn
 * or until 30 days after the event has ended — an old email keeps working after an update, and a link
 * stops working on its own once the event is well over. A cancelled event's links keep working (within
 * the same limit) so the invitee can read that it was cancelled.
 */
import type { Db } from "#db/client.server";
import { recordAudit } from "~/models/audit.server";
import { getInvitation } from "~/models/invitations.server";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { deleteInvitationTokens, findDeputyOfToken, findTokenTarget, insertInvitationToken, invitationExists } from "~/models/invitation-tokens.server";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { ServiceError } from "~/utils/errors";

export const TOKEN_BYTES = 32;
/** How long after the event's end a link keeps working. */
export const LINK_VALID_AFTER_END_MS = 30 * 24 * 60 * 60 * 1000;
/** base64url of 16–64 random bytes; anything else is not one of ours and is refused without a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22,86}$/;

/** Issues a new link token for the invitation and returns it (the caller puts it in one email). */
export async function issueInvitationToken(db: Db, invitationId: string): Promise<string> {
  if (!(await invitationExists(db, invitationId))) throw new ServiceError("not_found", "errors.notFound.body");
  const token = randomToken(TOKEN_BYTES);
  await insertInvitationToken(db, invitationId, sha256(token));
  return token;
}

/** The invitation a token opens, or null for an unknown, withdrawn or expired one (the caller cannot tell which). */
export async function resolveInvitationToken(
  db: Db,
  token: string,
  now: Date = new Date(),
): Promise<{ invitationId: string; eventId: string } | null> {
  const hash = tokenHashOf(token);
  const target = hash ? await findTokenTarget(db, hash) : null;
  if (!target || !linkOpens(target, now)) return null;
  return { invitationId: target.invitationId, eventId: target.eventId };
}

/** The stored hash of a token, or null for a string that cannot be one of ours (refused without a query). */
export function tokenHashOf(token: string): string | null {
  return typeof token === "string" && TOKEN_SHAPE.test(token) ? sha256(token) : null;
}

/** Whether a token's invitation opens now: not withdrawn, and within 30 days after the event's end. */
export function linkOpens(target: { withdrawnAt: Date | null; eventEndsAt: Date }, now: Date): boolean {
  return !target.withdrawnAt && now.getTime() <= target.eventEndsAt.getTime() + LINK_VALID_AFTER_END_MS;
}

/**
 * The deputy an old link's invitation was handed to (docs/decisions/028): the principal's link, withdrawn when the
 * organizer accepted the deputy, says so — "… đã được chuyển cho bà Phạm Thị Phó" — instead of "not valid". Within
 * the links' usual lifetime; null for any other token.
 */
export async function resolveDelegatedToken(db: Db, token: string, now: Date = new Date()): Promise<{ deputy: string } | null> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return null;
  const row = await findDeputyOfToken(db, sha256(token));
  if (!row || now.getTime() > row.eventEndsAt.getTime() + LINK_VALID_AFTER_END_MS) return null;
  return { deputy: principalInPhrase(row) };
}

/** The personal link for an email: `${appUrl}/i/${token}` (appUrl without a trailing slash, as in the context). */
export function invitationUrl(appUrl: string, token: string): string {
  return `${appUrl.replace(/\/+$/, "")}/i/${token}`;
}

/**
 * A new personal link for the invitation, replacing all earlier ones: the links in emails already sent stop
 * working (for a link that was forwarded or leaked). Refused for a withdrawn invitation, whose links never
 * work. `options.eventId` makes an invitation of another event "not found".
 */
export async function regenerateInvitationLink(
  db: Db,
  actor: { id: string; name: string },
  invitationId: string,
  options: { eventId?: string } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const invitation = await getInvitation(tx, invitationId);
    if (!invitation || (options.eventId !== undefined && invitation.eventId !== options.eventId))
      throw new ServiceError("not_found", "attendees.errors.notFound");
    if (invitation.withdrawnAt) throw new ServiceError("conflict", "attendees.errors.withdrawnNoLink");
    const revoked = await deleteInvitationTokens(tx, invitationId);
    const token = await issueInvitationToken(tx, invitationId);
    await recordAudit(tx, {
      actor,
      action: "invitation.link",
      entityType: "invitation",
      entityId: invitationId,
      eventId: invitation.eventId,
      details: { fullName: invitation.person.fullName, revoked },
    });
    return token;
  });
}
