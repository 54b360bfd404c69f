/**
 * Two-step verification (TOTP) for staff accounts: enrolment from the account page, the second step of
 * signing in, recovery codes, and turning it off (by the user with their password, or by an administrator).
 * The TOTP secret is kept sealed (app/utils/secret-box.server.ts) with the account's id as context; recovery
 * codes only as SHA-256. Wrong codes at sign-in count towards the same limit as wrong passwords.
 */
import { and, count, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { loginChallenges, recoveryCodes, users } from "#db/schema/index";
import { checkTotp, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode } from "~/domain/accounts/two-factor";
import { recordAudit } from "~/models/audit.server";
import { type User } from "~/models/users.server";
import { sha256, verifyPassword } from "~/utils/crypto.server";
import type { SecretBox } from "~/utils/secret-box.server";
import { createSession, normalizeEmail, type TrustedDevice } from "./accounts.server";
import { clearDeviceFailures, forgiveAttempt, reserveAttempt } from "./login-throttle.server";
import { ServiceError } from "~/utils/errors";
import { userColumns } from "~/models/columns";

export interface TwoFactorState {
  enabledAt: Date | null;
  /** While enrolling (not yet confirmed): the secret to show as QR code and text. */
  pendingSecret: string | null;
  recoveryCodesLeft: number;
}

export async function getTwoFactorState(db: Db, box: SecretBox, userId: string): Promise<TwoFactorState> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId));
  if (!row) throw new ServiceError("not_found", "errors.notFound.title");
  const [left] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return {
    enabledAt: row.enabledAt,
    pendingSecret: !row.enabledAt && row.secret ? box.open(row.secret, userId) : null,
    recoveryCodesLeft: row.enabledAt ? (left?.n ?? 0) : 0,
  };
}

/** Starts (or restarts) enrolment with a fresh secret; nothing changes at sign-in until a code confirms it. */
export async function startTotpEnrolment(db: Db, box: SecretBox, userId: string): Promise<string> {
  const secret = newTotpSecret();
  const updated = await db
    .update(users)
    .set({ totpSecret: box.seal(secret, userId), totpLastStep: null })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  if (updated.length === 0) throw new ServiceError("conflict", "account.twoFactor.noSetup");
  return secret;
}

export async function cancelTotpEnrolment(db: Db, userId: string): Promise<void> {
  await db.update(users).set({ totpSecret: null }).where(and(eq(users.id, userId), isNull(users.totpEnabledAt)));
}

async function replaceRecoveryCodes(db: Db, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: sha256(code), createdAt: now })));
  return codes;
}

/** The first right code turns two-step verification on; returns the recovery codes, to be shown once. */
export async function confirmTotpEnrolment(
  db: Db,
  box: SecretBox,
  user: { id: string; name: string },
  code: string,
  now = new Date(),
): Promise<string[]> {
  const [row] = await db.select({ secret: users.totpSecret, enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  const secret = row && !row.enabledAt && row.secret ? box.open(row.secret, user.id) : null;
  if (!secret) throw new ServiceError("conflict", "account.twoFactor.noSetup");
  const check = checkTotp(secret, code, now, null);
  if (!check.valid) throw new ServiceError("invalid", "account.twoFactor.wrongCode", { code: "account.twoFactor.wrongCode" });
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ totpEnabledAt: now, totpLastStep: check.timeStep })
      .where(and(eq(users.id, user.id), isNull(users.totpEnabledAt)))
      .returning({ id: users.id });
    if (updated.length === 0) throw new ServiceError("conflict", "account.twoFactor.noSetup");
    const codes = await replaceRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, { actor: user, action: "user.twoFactor.enable", entityType: "user", entityId: user.id });
    return codes;
  });
}

async function clearTwoFactor(db: Db, userId: string): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(and(eq(users.id, userId), isNotNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
  return updated.length > 0;
}

export type PasswordCheckedResult = { ok: true } | { ok: false; reason: "wrong_password" } | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

async function checkOwnPassword(
  db: Db,
  user: { id: string; email: string },
  password: string,
  ip: string,
  device: string | null,
  now: Date,
): Promise<PasswordCheckedResult> {
  const reservation = await reserveAttempt(db, { email: normalizeEmail(user.email), ip, device }, now);
  if (!reservation.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };
  const [row] = await db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(password, row.hash))) return { ok: false, reason: "wrong_password" };
  await forgiveAttempt(db, reservation.id);
  return { ok: true };
}

/** The user turns it off themselves, with their password. */
export async function disableOwnTwoFactor(
  db: Db,
  user: { id: string; name: string; email: string },
  input: { password: string; ip: string; device?: string | null },
  now = new Date(),
): Promise<PasswordCheckedResult> {
  const checked = await checkOwnPassword(db, user, input.password, input.ip, input.device ?? null, now);
  if (!checked.ok) return checked;
  await db.transaction(async (tx) => {
    if (!(await clearTwoFactor(tx, user.id))) throw new ServiceError("conflict", "users.noTwoFactor");
    await recordAudit(tx, { actor: user, action: "user.twoFactor.disable", entityType: "user", entityId: user.id });
  });
  return { ok: true };
}

/** New recovery codes (the old ones stop working), with the user's password. */
export async function regenerateRecoveryCodes(
  db: Db,
  user: { id: string; name: string; email: string },
  input: { password: string; ip: string; device?: string | null },
  now = new Date(),
): Promise<{ ok: true; codes: string[] } | Exclude<PasswordCheckedResult, { ok: true }>> {
  const checked = await checkOwnPassword(db, user, input.password, input.ip, input.device ?? null, now);
  if (!checked.ok) return checked;
  const [row] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  if (!row?.enabledAt) throw new ServiceError("conflict", "users.noTwoFactor");
  const codes = await db.transaction(async (tx) => {
    const made = await replaceRecoveryCodes(tx, user.id, now);
    await recordAudit(tx, { actor: user, action: "user.twoFactor.recoveryCodes", entityType: "user", entityId: user.id });
    return made;
  });
  return { ok: true, codes };
}

/** An administrator removes someone's two-step verification (a lost phone and lost recovery codes). */
export async function adminRemoveTwoFactor(db: Db, actor: { id: string; name: string }, userId: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
    if (!user) throw new ServiceError("not_found", "errors.notFound.title");
    if (!(await clearTwoFactor(tx, userId))) throw new ServiceError("conflict", "users.noTwoFactor");
    await recordAudit(tx, { actor, action: "user.twoFactor.remove", entityType: "user", entityId: userId });
    return user;
  });
}

export type SecondFactorResult =
  | { ok: true; sessionId: string; user: User; redirectTo: string | null }
  | { ok: false; reason: "expired" | "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/** Whether a sign-in challenge is still open (the code page shows the form, else sends back to the password). */
export async function challengeIsOpen(db: Db, challengeId: string, now = new Date()): Promise<boolean> {
  const [row] = await db
    .select({ expiresAt: loginChallenges.expiresAt })
    .from(loginChallenges)
    .where(eq(loginChallenges.idHash, sha256(challengeId)));
  return !!row && row.expiresAt > now;
}

/**
 * The second step of signing in: a TOTP code (never the same time step twice) or a recovery code (once). A
 * right one turns the challenge into a session; a wrong one counts like a wrong password.
 */
export async function completeSecondFactor(
  db: Db,
  box: SecretBox,
  input: {
    challengeId: string;
    code: string;
    method: "totp" | "recovery";
    ip: string;
    userAgent?: string | null;
    /** The browser's device cookie entries (app/utils/device-cookie.server.ts). */
    devices?: TrustedDevice[];
  },
  now = new Date(),
): Promise<SecondFactorResult> {
  const idHash = sha256(input.challengeId);
  const [row] = await db
    .select({
      user: userColumns,
      expiresAt: loginChallenges.expiresAt,
      redirectTo: loginChallenges.redirectTo,
      secret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      lastStep: users.totpLastStep,
    })
    .from(loginChallenges)
    .innerJoin(users, eq(users.id, loginChallenges.userId))
    .where(eq(loginChallenges.idHash, idHash));
  if (!row || row.expiresAt <= now || !row.user.active || !row.enabledAt || !row.secret) {
    await db.delete(loginChallenges).where(or(eq(loginChallenges.idHash, idHash), lt(loginChallenges.expiresAt, now)));
    return { ok: false, reason: "expired" };
  }
  const { user } = row;
  const device = input.devices?.find((d) => d.userId === user.id)?.key ?? null;
  const reservation = await reserveAttempt(db, { email: normalizeEmail(user.email), ip: input.ip, device }, now);
  if (!reservation.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };

  let accepted = false;
  if (input.method === "totp") {
    const secret = box.open(row.secret, user.id);
    const check = secret ? checkTotp(secret, input.code, now, row.lastStep) : { valid: false as const };
    if (check.valid) {
      // Two requests with the same code at once: only one moves the last step forward.
      const moved = await db
        .update(users)
        .set({ totpLastStep: check.timeStep })
        .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, check.timeStep))))
        .returning({ id: users.id });
      accepted = moved.length > 0;
    }
  } else {
    const code = normalizeRecoveryCode(input.code);
    if (code) {
      const used = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, sha256(code)), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      accepted = used.length > 0;
    }
  }
  if (!accepted) return { ok: false, reason: "invalid" };
  await forgiveAttempt(db, reservation.id);
  const taken = await db.delete(loginChallenges).where(eq(loginChallenges.idHash, idHash)).returning({ id: loginChallenges.idHash });
  if (taken.length === 0) return { ok: false, reason: "expired" };
  await clearDeviceFailures(db, device);
  const sessionId = await createSession(db, user.id, { ip: input.ip, userAgent: input.userAgent ?? null }, now);
  await recordAudit(db, { actor: user, action: "login", entityType: "user", entityId: user.id, details: { secondFactor: input.method } });
  return { ok: true, sessionId, user, redirectTo: row.redirectTo };
}
