/**
 * "Forgot password" and an administrator's reset. A link carries a random 256-bit token; the table keeps only
 * its SHA-256; it works once and expires (1 hour when asked for, 24 hours after an administrator's reset). The
 * email goes through the outbox (in the account's language), so without SMTP_URL it is in the Mailbox.
 *
 * A request answers the same whether or not the email has an account, and is rate-limited by email and by
 * address whether or not the email has an account (else the limit itself would tell).
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { passwordResetRequests, passwordResetTokens, sessions, users } from "#db/schema/index";
import { renderResetMail } from "~/domain/accounts/reset-mail";
import { recordAudit } from "~/models/audit.server";
import { insertMailMessage } from "~/models/mail.server";
import { findUserByEmail } from "~/models/users.server";
import { hashPassword, randomToken, sha256 } from "~/utils/crypto.server";
import { normalizeEmail, revokeAllAccess, revokeSignInSecrets } from "./accounts.server";
import { clearLoginFailures } from "./login-throttle.server";
import { ServiceError } from "~/utils/errors";

export const RESET_TTL_MS = 60 * 60 * 1000;
export const ADMIN_RESET_TTL_MS = 24 * 60 * 60 * 1000;
export const RESET_WINDOW_MS = 15 * 60 * 1000;
export const RESET_MAX_REQUESTS = 5;

async function requestRetryAfter(db: Db, column: "email" | "ip", value: string, now: Date): Promise<number> {
  const rows = await db
    .select({ at: passwordResetRequests.at })
    .from(passwordResetRequests)
    .where(and(eq(passwordResetRequests[column], value), gt(passwordResetRequests.at, new Date(now.getTime() - RESET_WINDOW_MS))))
    .orderBy(desc(passwordResetRequests.at))
    .limit(RESET_MAX_REQUESTS);
  if (rows.length < RESET_MAX_REQUESTS) return 0;
  const oldest = rows[RESET_MAX_REQUESTS - 1]!.at;
  return Math.max(1, Math.ceil((oldest.getTime() + RESET_WINDOW_MS - now.getTime()) / 1000));
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: "vi" | "en";
}

/** Makes a token and queues its email; returns the token (tests read it; callers never show it). */
async function issueResetLink(
  db: Db,
  user: Recipient,
  options: { reason: "forgot" | "admin"; ttlMs: number; appUrl: string; now: Date },
): Promise<string> {
  const token = randomToken(32);
  const [row] = await db
    .insert(passwordResetTokens)
    .values({ userId: user.id, tokenHash: sha256(token), createdAt: options.now, expiresAt: new Date(options.now.getTime() + options.ttlMs) })
    .returning({ id: passwordResetTokens.id });
  if (!row) throw new Error("insert returned no row");
  const mail = renderResetMail({
    locale: user.locale,
    name: user.name,
    email: user.email,
    link: `${options.appUrl}/reset-password/${token}`,
    validHours: Math.round(options.ttlMs / 3_600_000),
    reason: options.reason,
  });
  await insertMailMessage(db, {
    idempotencyKey: `password-reset:${row.id}`,
    kind: "other",
    eventId: null,
    invitationId: null,
    to: user.email,
    ...mail,
    icsMethod: null,
    icsContent: null,
    meta: { toName: user.name, language: user.locale, template: `password-reset-${options.reason}`, userId: user.id },
    nextAttemptAt: options.now,
  });
  return token;
}

export type ResetRequestResult = { ok: true } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function requestPasswordReset(
  db: Db,
  input: { email: string; ip: string; appUrl: string },
  now = new Date(),
): Promise<ResetRequestResult> {
  const email = normalizeEmail(input.email);
  const wait = Math.max(await requestRetryAfter(db, "email", email, now), await requestRetryAfter(db, "ip", input.ip, now));
  if (wait > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds: wait };
  await db.transaction(async (tx) => {
    await tx.insert(passwordResetRequests).values({ email, ip: input.ip, at: now });
    const user = await findUserByEmail(tx, email);
    if (user?.active) await issueResetLink(tx, user, { reason: "forgot", ttlMs: RESET_TTL_MS, appUrl: input.appUrl, now });
  });
  return { ok: true };
}

/** The account a reset link is for, while it still works (unused, not expired, account active); else null. */
export async function findPasswordResetAccount(db: Db, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(token)) return null;
  const [row] = await db
    .select({ userId: users.id, email: users.email, name: users.name })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(
      and(
        eq(passwordResetTokens.tokenHash, sha256(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        eq(users.active, true),
      ),
    );
  return row ?? null;
}

/**
 * Sets the new password through a link: the token is spent in the same statement that checks it (two tabs, one
 * wins), every session of the account ends, its other links stop working, and its failed sign-ins are forgotten.
 */
export async function resetPasswordWithToken(
  db: Db,
  token: string,
  newPassword: string,
  now = new Date(),
): Promise<{ ok: true; email: string } | { ok: false }> {
  if (!(await findPasswordResetAccount(db, token, now))) return { ok: false };
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(
        and(eq(passwordResetTokens.tokenHash, sha256(token)), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!spent) return { ok: false as const };
    const [user] = await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: now })
      .where(and(eq(users.id, spent.userId), eq(users.active, true)))
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) return { ok: false as const };
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    await revokeSignInSecrets(tx, user.id, now);
    await clearLoginFailures(tx, user.email);
    await recordAudit(tx, { actor: user, action: "user.password.resetByLink", entityType: "user", entityId: user.id });
    return { ok: true as const, email: user.email };
  });
}

/**
 * An administrator resets someone's password: the old one stops working at once (replaced by an unusable
 * random one), every session and API token of the account ends, and the person gets a link (24 hours) to set
 * a new password. Decided over a temporary password shown to the administrator: nobody but the account holder
 * ever knows the new password (docs/decisions/014-accounts-security.md).
 */
export async function adminResetPassword(
  db: Db,
  actor: { id: string; name: string },
  userId: string,
  options: { appUrl: string },
  now = new Date(),
): Promise<{ email: string; name: string; token: string }> {
  if (actor.id === userId) throw new ServiceError("forbidden", "users.cannotSelf");
  const unusable = await hashPassword(randomToken(32));
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ passwordHash: unusable, passwordChangedAt: now })
      .where(eq(users.id, userId))
      .returning({ id: users.id, email: users.email, name: users.name, locale: users.locale, active: users.active });
    if (!user) throw new ServiceError("not_found", "errors.notFound.title");
    if (!user.active) throw new ServiceError("conflict", "errors.invalid");
    await revokeAllAccess(tx, user.id, now);
    const token = await issueResetLink(tx, user, { reason: "admin", ttlMs: ADMIN_RESET_TTL_MS, appUrl: options.appUrl, now });
    await recordAudit(tx, { actor, action: "user.password.reset", entityType: "user", entityId: user.id, details: { email: user.email } });
    return { email: user.email, name: user.name, token };
  });
}
