import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createUser as createTestUser } from "#db/factories";
import { mailMessages, passwordResetTokens, recoveryCodes, users } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { totpCodeAt } from "~/domain/accounts/two-factor";
import { setUserLocale } from "~/models/users.server";
import { sha256 } from "~/utils/crypto.server";
import { secretBox } from "~/utils/secret-box.server";
import { changePassword, createApiToken, getSessionUser, getTokenUser, login } from "./accounts.server";
import {
  adminResetPassword,
  findPasswordResetAccount,
  requestPasswordReset,
  resetPasswordWithToken,
} from "./password-reset.server";
import {
  adminRemoveTwoFactor,
  completeSecondFactor,
  confirmTotpEnrolment,
  disableOwnTwoFactor,
  getTwoFactorState,
  startTotpEnrolment,
} from "./two-factor.server";

const MINUTE = 60 * 1000;
const T0 = new Date("2030-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const APP_URL = "https://signet.example";
const box = secretBox("test server secret, long enough");

let database: Database;
let db: Db;
let ipCounter = 0;
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

async function signedIn(user: { email: string; password: string }, now = T0) {
  const result = await login(db, { email: user.email, password: user.password, ip: nextIp() }, now);
  if (!result.ok) throw new Error(`login failed: ${result.reason}`);
  return result.sessionId;
}

async function mailsTo(email: string) {
  return db.select().from(mailMessages).where(eq(mailMessages.to, email));
}

function tokenIn(text: string): string {
  const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error("no reset link in the mail");
  return match[1];
}

describe("changePassword", () => {
  it("changes the password, ends the other sessions and keeps this one", async () => {
    const user = await createTestUser(db);
    const here = await signedIn(user);
    const elsewhere = await signedIn(user);
    const result = await changePassword(db, user, here, { currentPassword: user.password, newPassword: "một mật khẩu mới dài", ip: nextIp() }, T0);
    expect(result).toEqual({ ok: true });
    expect((await getSessionUser(db, here, T0))?.id).toBe(user.id);
    expect(await getSessionUser(db, elsewhere, T0)).toBeNull();
    expect((await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0)).ok).toBe(false);
    expect((await login(db, { email: user.email, password: "một mật khẩu mới dài", ip: nextIp() }, T0)).ok).toBe(true);
  });

  it("refuses a wrong current password, counts it like a failed sign-in, and refuses the same password again", async () => {
    const user = await createTestUser(db);
    const here = await signedIn(user);
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      const wrong = await changePassword(db, user, here, { currentPassword: `sai-${i}`, newPassword: "x".repeat(12), ip }, at(i * MINUTE));
      expect(wrong).toEqual({ ok: false, reason: "wrong_current" });
    }
    const limited = await changePassword(db, user, here, { currentPassword: user.password, newPassword: "x".repeat(12), ip }, at(5 * MINUTE));
    expect(limited).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 600 });

    const other = await createTestUser(db);
    const same = await changePassword(db, other, null, { currentPassword: other.password, newPassword: other.password, ip: nextIp() }, T0);
    expect(same).toEqual({ ok: false, reason: "same_as_old" });
  });
});

describe("forgot password", () => {
  it("answers the same for a known and an unknown email; only the known one gets a mail, in their language", async () => {
    const user = await createTestUser(db, { email: "quen@signet.test" });
    await setUserLocale(db, user.id, "en");
    const known = await requestPasswordReset(db, { email: " QUEN@signet.test ", ip: nextIp(), appUrl: APP_URL }, T0);
    const unknown = await requestPasswordReset(db, { email: "khongco@signet.test", ip: nextIp(), appUrl: APP_URL }, T0);
    expect(known).toEqual({ ok: true });
    expect(unknown).toStrictEqual(known);
    expect(await mailsTo("khongco@signet.test")).toHaveLength(0);
    const [mail] = await mailsTo("quen@signet.test");
    expect(mail).toMatchObject({ kind: "other", status: "queued", subject: "Reset your Signet password" });
    const token = tokenIn(mail!.text);
    expect(mail!.text).toContain(`${APP_URL}/reset-password/${token}`);
    // Only the hash is stored.
    const rows = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows[0]!.expiresAt.getTime() - T0.getTime()).toBe(60 * MINUTE);
  });

  it("rate-limits by email and by address alike for known and unknown emails", async () => {
    const user = await createTestUser(db);
    for (const email of [user.email, "nobody-limit@signet.test"]) {
      for (let i = 0; i < 5; i++)
        expect(await requestPasswordReset(db, { email, ip: nextIp(), appUrl: APP_URL }, at(i * MINUTE))).toEqual({ ok: true });
      expect(await requestPasswordReset(db, { email, ip: nextIp(), appUrl: APP_URL }, at(5 * MINUTE))).toEqual({
        ok: false,
        reason: "rate_limited",
        retryAfterSeconds: 600,
      });
    }
    const ip = nextIp();
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, { email: `probe-${i}@signet.test`, ip, appUrl: APP_URL }, T0);
    expect((await requestPasswordReset(db, { email: user.email, ip, appUrl: APP_URL }, T0)).ok).toBe(false);
    expect(await mailsTo(user.email)).toHaveLength(5);
  });

  it("a link sets a new password once, ends every session, and expires after an hour", async () => {
    const user = await createTestUser(db);
    const session = await signedIn(user);
    await requestPasswordReset(db, { email: user.email, ip: nextIp(), appUrl: APP_URL }, T0);
    await requestPasswordReset(db, { email: user.email, ip: nextIp(), appUrl: APP_URL }, T0);
    const [first, second] = (await mailsTo(user.email)).map((m) => tokenIn(m.text));
    expect(await findPasswordResetAccount(db, first!, at(59 * MINUTE))).toMatchObject({ userId: user.id, email: user.email });
    expect(await findPasswordResetAccount(db, first!, at(60 * MINUTE))).toBeNull();
    expect(await resetPasswordWithToken(db, first!, "mật khẩu đặt lại 1", at(61 * MINUTE))).toEqual({ ok: false });

    expect(await resetPasswordWithToken(db, second!, "mật khẩu đặt lại 2", at(10 * MINUTE))).toEqual({ ok: true, email: user.email });
    expect(await getSessionUser(db, session, at(10 * MINUTE))).toBeNull();
    expect(await resetPasswordWithToken(db, second!, "lần thứ hai nữa", at(11 * MINUTE))).toEqual({ ok: false });
    expect((await login(db, { email: user.email, password: "mật khẩu đặt lại 2", ip: nextIp() }, at(12 * MINUTE))).ok).toBe(true);
    expect(await findPasswordResetAccount(db, "not-a-token-at-all", T0)).toBeNull();
  });

  it("sends nothing to a deactivated account", async () => {
    const user = await createTestUser(db);
    await db.update(users).set({ active: false }).where(eq(users.id, user.id));
    expect(await requestPasswordReset(db, { email: user.email, ip: nextIp(), appUrl: APP_URL }, T0)).toEqual({ ok: true });
    expect(await mailsTo(user.email)).toHaveLength(0);
  });
});

describe("adminResetPassword", () => {
  it("stops the old password, sessions and API tokens at once and mails a 24-hour link", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    const user = await createTestUser(db);
    const session = await signedIn(user);
    const token = await createApiToken(db, user.id);
    const result = await adminResetPassword(db, admin, user.id, { appUrl: APP_URL }, T0);
    expect(result.email).toBe(user.email);
    expect(await getSessionUser(db, session, T0)).toBeNull();
    expect(await getTokenUser(db, token, T0)).toBeNull();
    expect((await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0)).ok).toBe(false);
    const [mail] = await mailsTo(user.email);
    expect(mail!.subject).toBe("Đặt lại mật khẩu Signet");
    expect(mail!.text).toContain("Quản trị viên đã đặt lại mật khẩu");
    const link = tokenIn(mail!.text);
    expect(await findPasswordResetAccount(db, link, at(23 * 60 * MINUTE))).not.toBeNull();
    expect(await findPasswordResetAccount(db, link, at(24 * 60 * MINUTE))).toBeNull();
    expect((await resetPasswordWithToken(db, link, "mật khẩu của tôi", at(MINUTE))).ok).toBe(true);
  });

  it("refuses an administrator resetting their own password (they use their account page)", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    await expect(adminResetPassword(db, admin, admin.id, { appUrl: APP_URL }, T0)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("two-step verification", () => {
  async function enrolled(now = T0) {
    const user = await createTestUser(db);
    const secret = await startTotpEnrolment(db, box, user.id);
    const codes = await confirmTotpEnrolment(db, box, user, totpCodeAt(secret, now), now);
    return { user, secret, codes };
  }

  async function challenge(user: { email: string; password: string }, now: Date, redirectTo: string | null = null) {
    const result = await login(db, { email: user.email, password: user.password, ip: nextIp(), redirectTo }, now);
    if (result.ok || result.reason !== "two_factor_required") throw new Error(`expected a challenge, got ${JSON.stringify(result)}`);
    return result.challengeId;
  }

  it("enrols only with a right code and never stores the secret in clear", async () => {
    const user = await createTestUser(db);
    const secret = await startTotpEnrolment(db, box, user.id);
    expect((await getTwoFactorState(db, box, user.id)).pendingSecret).toBe(secret);
    // Not yet on: the password alone still signs in.
    expect((await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0)).ok).toBe(true);
    await expect(confirmTotpEnrolment(db, box, user, "000000", T0)).rejects.toMatchObject({ code: "invalid", fields: { code: "account.twoFactor.wrongCode" } });
    const codes = await confirmTotpEnrolment(db, box, user, totpCodeAt(secret, T0), T0);
    expect(codes).toHaveLength(10);
    const [row] = await db.select({ secret: users.totpSecret }).from(users).where(eq(users.id, user.id));
    expect(row!.secret).not.toContain(secret);
    const stored = await db.select({ hash: recoveryCodes.codeHash }).from(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
    expect(stored.map((s) => s.hash).sort()).toEqual(codes.map(sha256).sort());
    expect(await getTwoFactorState(db, box, user.id)).toEqual({ enabledAt: T0, pendingSecret: null, recoveryCodesLeft: 10 });
  });

  it("asks for the code after the password; a right code gives a session and keeps where the user was going", async () => {
    const { user, secret } = await enrolled();
    const later = at(5 * MINUTE);
    const challengeId = await challenge(user, later, "/events?tab=past");
    const ip = nextIp();
    const wrong = await completeSecondFactor(db, box, { challengeId, code: "123456", method: "totp", ip }, later);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    const right = await completeSecondFactor(db, box, { challengeId, code: totpCodeAt(secret, later), method: "totp", ip }, later);
    if (!right.ok) throw new Error(right.reason);
    expect(right.redirectTo).toBe("/events?tab=past");
    expect((await getSessionUser(db, right.sessionId, later))?.id).toBe(user.id);
    // The challenge is spent, and the same code does not work a second time (replay).
    expect(await completeSecondFactor(db, box, { challengeId, code: totpCodeAt(secret, later), method: "totp", ip }, later)).toEqual({
      ok: false,
      reason: "expired",
    });
    const again = await challenge(user, later);
    expect(await completeSecondFactor(db, box, { challengeId: again, code: totpCodeAt(secret, later), method: "totp", ip }, later)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("rate-limits wrong codes like wrong passwords, and a challenge expires after ten minutes", async () => {
    const { user, secret } = await enrolled();
    const ip = nextIp();
    const challengeId = await challenge(user, at(MINUTE));
    for (let i = 0; i < 5; i++)
      expect((await completeSecondFactor(db, box, { challengeId, code: "000000", method: "totp", ip }, at(MINUTE + i * 1000))).ok).toBe(false);
    const limited = await completeSecondFactor(db, box, { challengeId, code: totpCodeAt(secret, at(2 * MINUTE)), method: "totp", ip }, at(2 * MINUTE));
    expect(limited).toMatchObject({ ok: false, reason: "rate_limited" });
    // The password step is locked for that account too.
    expect(await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(2 * MINUTE))).toMatchObject({ reason: "rate_limited" });

    const other = await enrolled();
    const old = await challenge(other.user, T0);
    const late = at(10 * MINUTE);
    expect(await completeSecondFactor(db, box, { challengeId: old, code: totpCodeAt(other.secret, late), method: "totp", ip: nextIp() }, late)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("a recovery code works once in place of the TOTP code", async () => {
    const { user, codes } = await enrolled();
    const first = await challenge(user, at(MINUTE));
    const typed = codes[3]!.toUpperCase().replace("-", " ");
    const ok = await completeSecondFactor(db, box, { challengeId: first, code: typed, method: "recovery", ip: nextIp() }, at(MINUTE));
    expect(ok.ok).toBe(true);
    const second = await challenge(user, at(2 * MINUTE));
    expect(await completeSecondFactor(db, box, { challengeId: second, code: codes[3]!, method: "recovery", ip: nextIp() }, at(2 * MINUTE))).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect((await getTwoFactorState(db, box, user.id)).recoveryCodesLeft).toBe(9);
  });

  it("turned off by the user with their password, or by an administrator: the password alone signs in again", async () => {
    const mine = await enrolled();
    const wrong = await disableOwnTwoFactor(db, mine.user, { password: "không đúng", ip: nextIp() }, T0);
    expect(wrong).toEqual({ ok: false, reason: "wrong_password" });
    expect(await disableOwnTwoFactor(db, mine.user, { password: mine.user.password, ip: nextIp() }, T0)).toEqual({ ok: true });
    expect((await login(db, { email: mine.user.email, password: mine.user.password, ip: nextIp() }, T0)).ok).toBe(true);

    const admin = await createTestUser(db, { role: "admin" });
    const theirs = await enrolled();
    expect(await adminRemoveTwoFactor(db, admin, theirs.user.id)).toEqual({ name: theirs.user.name });
    expect((await login(db, { email: theirs.user.email, password: theirs.user.password, ip: nextIp() }, T0)).ok).toBe(true);
    expect(await getTwoFactorState(db, box, theirs.user.id)).toEqual({ enabledAt: null, pendingSecret: null, recoveryCodesLeft: 0 });
    await expect(adminRemoveTwoFactor(db, admin, theirs.user.id)).rejects.toMatchObject({ code: "conflict" });
  });
});
