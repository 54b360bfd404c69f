import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createUser as createTestUser } from "#db/factories";
import { users } from "#db/schema";
import { testDatabase } from "#db/testing";
import {
  createApiToken,
  createUser,
  destroySession,
  getSessionUser,
  getTokenUser,
  hasAccounts,
  login,
  setUserActive,
} from "./accounts.server";
import { ServiceError } from "~/utils/errors";

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
const T0 = new Date("2030-03-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let database: Database;
let db: Db;
let ipCounter = 0;
/** A fresh address per call, so one test's failures never rate-limit another's. */
const nextIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

describe("login", () => {
  it("creates a session that getSessionUser finds", async () => {
    const user = await createTestUser(db, { email: "lan@signet.test", name: "Nguyễn Thị Lan" });
    const result = await login(db, { email: "lan@signet.test", password: user.password, ip: nextIp() }, T0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.user).toMatchObject({ id: user.id, email: "lan@signet.test", name: "Nguyễn Thị Lan", active: true });
    expect(result.user).not.toHaveProperty("passwordHash");
    expect(result.sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const found = await getSessionUser(db, result.sessionId, at(MINUTE));
    expect(found?.id).toBe(user.id);
    expect(await getSessionUser(db, `${result.sessionId}x`, at(MINUTE))).toBeNull();
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    const user = await createTestUser(db, { email: "hoa@signet.test" });
    const result = await login(db, { email: "  HOA@Signet.Test ", password: user.password, ip: nextIp() }, T0);
    expect(result.ok && result.user.id).toBe(user.id);
  });

  it("answers a wrong password and an unknown email identically", async () => {
    const user = await createTestUser(db, { email: "minh@signet.test" });
    const wrongPassword = await login(db, { email: user.email, password: `${user.password}!`, ip: nextIp() }, T0);
    const unknownEmail = await login(db, { email: "nobody@signet.test", password: user.password, ip: nextIp() }, T0);
    expect(wrongPassword).toStrictEqual({ ok: false, reason: "invalid" });
    expect(unknownEmail).toStrictEqual(wrongPassword);
  });

  it("rate-limits an email after 5 failures in 15 minutes, even with the right password", async () => {
    const user = await createTestUser(db, { email: "rate-email@signet.test" });
    for (let i = 0; i < 5; i++) {
      const failed = await login(db, { email: user.email, password: "wrong", ip: nextIp() }, at(i * MINUTE));
      expect(failed).toStrictEqual({ ok: false, reason: "invalid" });
    }
    // The oldest of the five (at T0) leaves the 15-minute window at T0+15min: 10 minutes after T0+5min.
    const sixth = await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(5 * MINUTE));
    expect(sixth).toStrictEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 600 });

    const later = await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(14 * MINUTE));
    expect(later).toStrictEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 60 });

    // Once the first failure is 15 minutes old only four count, and the right password works again.
    const afterWindow = await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(15 * MINUTE));
    expect(afterWindow.ok).toBe(true);
  });

  it("rate-limits an address after 5 failures across different emails", async () => {
    const user = await createTestUser(db, { email: "rate-ip@signet.test" });
    const ip = nextIp();
    for (let i = 0; i < 5; i++) {
      const failed = await login(db, { email: `guess-${i}@signet.test`, password: "guess", ip }, at(i * MINUTE));
      expect(failed).toStrictEqual({ ok: false, reason: "invalid" });
    }
    const fromSameIp = await login(db, { email: user.email, password: user.password, ip }, at(5 * MINUTE));
    expect(fromSameIp.ok).toBe(false);
    if (fromSameIp.ok || fromSameIp.reason !== "rate_limited") throw new Error("expected rate_limited");
    expect(fromSameIp.retryAfterSeconds).toBe(600);
    expect(fromSameIp.retryAfterSeconds).toBeLessThanOrEqual(900);

    // The account itself is not locked: the same person from another address gets in.
    const fromOtherIp = await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(5 * MINUTE));
    expect(fromOtherIp.ok).toBe(true);
  });

  it("does not count failures older than 15 minutes", async () => {
    const user = await createTestUser(db, { email: "old-failures@signet.test" });
    const ip = nextIp();
    for (let i = 0; i < 5; i++)
      await login(db, { email: user.email, password: "wrong", ip }, at(-20 * MINUTE + i * MINUTE));
    // Newest failure was at T0-16min: outside the window.
    const result = await login(db, { email: user.email, password: user.password, ip }, T0);
    expect(result.ok).toBe(true);
  });

  it("refuses a deactivated account with the same answer as a wrong password", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    const user = await createTestUser(db);
    await setUserActive(db, admin, user.id, false);
    const result = await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0);
    expect(result).toStrictEqual({ ok: false, reason: "invalid" });
  });
});

describe("sessions", () => {
  async function sessionAt(start: Date) {
    const user = await createTestUser(db);
    const result = await login(db, { email: user.email, password: user.password, ip: nextIp() }, start);
    if (!result.ok) throw new Error("login failed");
    return { user, sessionId: result.sessionId };
  }

  it("expires after 7 days without use", async () => {
    const { user, sessionId } = await sessionAt(T0);
    expect((await getSessionUser(db, sessionId, at(7 * DAY - MINUTE)))?.id).toBe(user.id);
    // Used one minute before the idle limit: the 7 days start again from there.
    expect((await getSessionUser(db, sessionId, at(14 * DAY - 2 * MINUTE)))?.id).toBe(user.id);
    expect(await getSessionUser(db, sessionId, at(21 * DAY - 2 * MINUTE))).toBeNull();
    // An expired session is gone for good, even if asked about at an earlier time.
    expect(await getSessionUser(db, sessionId, at(DAY))).toBeNull();
  });

  it("expires exactly at the idle limit", async () => {
    const { sessionId } = await sessionAt(T0);
    expect(await getSessionUser(db, sessionId, at(7 * DAY))).toBeNull();
  });

  it("expires 30 days after login however often it is used", async () => {
    const { user, sessionId } = await sessionAt(T0);
    for (const day of [6, 12, 18, 24, 29]) expect((await getSessionUser(db, sessionId, at(day * DAY)))?.id).toBe(user.id);
    expect((await getSessionUser(db, sessionId, at(30 * DAY - MINUTE)))?.id).toBe(user.id);
    expect(await getSessionUser(db, sessionId, at(30 * DAY))).toBeNull();
  });

  it("destroySession ends the session", async () => {
    const { user, sessionId } = await sessionAt(T0);
    expect((await getSessionUser(db, sessionId, T0))?.id).toBe(user.id);
    await destroySession(db, sessionId);
    expect(await getSessionUser(db, sessionId, T0)).toBeNull();
  });

  it("deactivating a user ends their sessions and API tokens at once", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    const other = await sessionAt(T0);
    const { user, sessionId } = await sessionAt(T0);
    const token = await createApiToken(db, user.id);
    expect((await getSessionUser(db, sessionId, T0))?.id).toBe(user.id);
    expect((await getTokenUser(db, token, T0))?.id).toBe(user.id);

    await setUserActive(db, admin, user.id, false);
    expect(await getSessionUser(db, sessionId, T0)).toBeNull();
    expect(await getTokenUser(db, token, T0)).toBeNull();
    // Someone else's session is untouched.
    expect((await getSessionUser(db, other.sessionId, T0))?.id).toBe(other.user.id);

  });

  it("deactivation ends sessions and tokens for good: reactivating does not bring them back", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    const { user, sessionId } = await sessionAt(T0);
    const token = await createApiToken(db, user.id);
    await setUserActive(db, admin, user.id, false);
    await setUserActive(db, admin, user.id, true);
    expect(await getSessionUser(db, sessionId, T0)).toBeNull();
    expect(await getTokenUser(db, token, T0)).toBeNull();
    // The reactivated account itself works again.
    const again = await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0);
    expect(again.ok).toBe(true);
  });

  it("a user cannot deactivate themselves", async () => {
    const admin = await createTestUser(db, { role: "admin" });
    await expect(setUserActive(db, admin, admin.id, false)).rejects.toMatchObject({
      name: "ServiceError",
      code: "forbidden",
    });
  });
});

describe("API tokens", () => {
  it("createApiToken makes a token that getTokenUser resolves", async () => {
    const user = await createTestUser(db);
    const token = await createApiToken(db, user.id, "laptop");
    expect(token).toMatch(/^sgt_[A-Za-z0-9_-]{43}$/);
    const found = await getTokenUser(db, token);
    expect(found).toMatchObject({ id: user.id, email: user.email, active: true });
    expect(await getTokenUser(db, `${token}x`)).toBeNull();
    expect(await getTokenUser(db, token.slice(4))).toBeNull();
    expect(await getTokenUser(db, "sgt_not-a-token")).toBeNull();
  });

  it("gives each token its own secret", async () => {
    const user = await createTestUser(db);
    const [a, b] = await Promise.all([createApiToken(db, user.id), createApiToken(db, user.id)]);
    expect(a).not.toBe(b);
    expect((await getTokenUser(db, a!))?.id).toBe(user.id);
    expect((await getTokenUser(db, b!))?.id).toBe(user.id);
  });
});

describe("createUser", () => {
  it("refuses a duplicate email regardless of case with a conflict", async () => {
    await createUser(db, null, { email: "Thu.Ha@Signet.test", name: "Thu Hà", role: "organizer", password: "một mật khẩu dài" });
    const attempt = createUser(db, null, { email: "thu.ha@SIGNET.TEST", name: "Khác", role: "viewer", password: "x".repeat(12) });
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", fields: { email: "users.duplicateEmail" } });
  });

  it("lets exactly one of two simultaneous creations of the same email win; the other gets the conflict", async () => {
    const input = (email: string) => ({ email, name: "Hai lần bấm", role: "viewer" as const, password: "p".repeat(16) });
    const results = await Promise.allSettled([
      createUser(db, null, input("double@signet.test")),
      createUser(db, null, input("Double@Signet.test")),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected?.reason).toBeInstanceOf(ServiceError);
    expect(rejected?.reason).toMatchObject({ code: "conflict", fields: { email: "users.duplicateEmail" } });
  });

  it("stores the email lower-cased and the name trimmed", async () => {
    const { user, generated } = await createUser(db, null, {
      email: " Quang.Vinh@Signet.TEST ",
      name: "  Trần Quang Vinh ",
      role: "communications",
      password: "mật-khẩu-có-dấu",
    });
    expect(generated).toBe(false);
    expect(user).toMatchObject({ email: "quang.vinh@signet.test", name: "Trần Quang Vinh", role: "communications" });
    const result = await login(db, { email: "quang.vinh@signet.test", password: "mật-khẩu-có-dấu", ip: nextIp() });
    expect(result.ok).toBe(true);
  });

  it("generates a password when none is given, and it logs in", async () => {
    const { user, password, generated } = await createUser(db, null, {
      email: "generated@signet.test",
      name: "Cán bộ mới",
      role: "viewer",
      password: null,
    });
    expect(generated).toBe(true);
    const group = "[abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789]{5}";
    expect(password).toMatch(new RegExp(`^${group}(-${group}){3}$`));
    const result = await login(db, { email: "generated@signet.test", password, ip: nextIp() });
    expect(result.ok && result.user.id).toBe(user.id);
  });
});

describe("hasAccounts", () => {
  it("is false on an empty database until the first account, then stays true for that database without counting again", async () => {
    const empty = await testDatabase();
    const other = await testDatabase();
    try {
      expect(await hasAccounts(empty.db)).toBe(false);
      // A false answer is not remembered: the next call counts again.
      await createUser(empty.db, null, { email: "first-admin@signet.test", name: "Quản trị", role: "admin" });
      expect(await hasAccounts(empty.db)).toBe(true);
      // Once seen, it is not asked again (accounts are never deleted; this one is removed behind its back to show it).
      await empty.db.delete(users);
      expect(await hasAccounts(empty.db)).toBe(true);
      // Keyed by the database: another (fresh) database is asked for itself.
      expect(await hasAccounts(other.db)).toBe(false);
    } finally {
      await empty.close();
      await other.close();
    }
  });
});
