import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { loginChallenges, loginFailures, passwordResetRequests } from "#db/schema/index";
import { createUser as createTestUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { sha256 } from "~/utils/crypto.server";
import { changePassword, login, type LoginResult } from "./accounts.server";
import { LOGIN_MAX_FAILURES, PRUNE_BATCH, pruneLoginFailures, reserveAttempt } from "./login-throttle.server";

const MINUTE = 60 * 1000;
const T0 = new Date("2031-05-01T08:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

let database: Database;
let db: Db;
let ipCounter = 0;
const nextIp = () => `203.0.113.${++ipCounter}`;
let deviceCounter = 0;
const nextDevice = () => sha256(`device-${++deviceCounter}`);

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

const failuresOf = (email: string) => db.select({ id: loginFailures.id }).from(loginFailures).where(eq(loginFailures.email, email));

describe("parallel attempts", () => {
  it("30 parallel wrong passwords and one right one from one address: at most five are checked", async () => {
    const user = await createTestUser(db, { email: "parallel@signet.test" });
    const ip = nextIp();
    const attempts = [
      ...Array.from({ length: 30 }, (_, i) => login(db, { email: user.email, password: `sai-${i}`, ip }, T0)),
      login(db, { email: user.email, password: user.password, ip }, T0),
    ];
    const results: LoginResult[] = await Promise.all(attempts);
    const checked = results.filter((r) => r.ok || r.reason !== "rate_limited");
    // Without the reservation every one of the 31 was checked and the right one got in after 30 failures.
    expect(checked.length).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(31 - checked.length);
    const wrong = checked.filter((r) => !r.ok).length;
    expect(await failuresOf(user.email)).toHaveLength(wrong);
    // Whoever got in did so within the budget; the account is locked now if five were wrong.
    if (wrong === LOGIN_MAX_FAILURES)
      expect(await login(db, { email: user.email, password: user.password, ip: nextIp() }, T0)).toMatchObject({ reason: "rate_limited" });
  });

  it("reservations from many addresses at once never exceed the account's budget", async () => {
    const email = "many-ips@signet.test";
    const results = await Promise.all(
      Array.from({ length: 20 }, () => reserveAttempt(db, { email, ip: nextIp(), device: null }, T0)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(LOGIN_MAX_FAILURES);
    expect(await failuresOf(email)).toHaveLength(LOGIN_MAX_FAILURES);
  });
});

describe("device cookies", () => {
  it("strangers' failures lock untrusted clients out, not a browser that signed in before", async () => {
    const user = await createTestUser(db, { email: "owner@signet.test", role: "admin" });
    const device = nextDevice();
    const devices = [{ userId: user.id, key: device }];
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await login(db, { email: user.email, password: "guess", ip: nextIp() }, at(i * 1000))).toEqual({ ok: false, reason: "invalid" });
    expect(await login(db, { email: user.email, password: user.password, ip: nextIp() }, at(MINUTE))).toMatchObject({ reason: "rate_limited" });
    // The owner's browser, even from an address an attacker also used.
    const owner = await login(db, { email: user.email, password: user.password, ip: `203.0.113.${ipCounter}`, devices }, at(MINUTE));
    expect(owner.ok).toBe(true);
  });

  it("a trusted browser has a budget of its own: its failures lock only itself", async () => {
    const user = await createTestUser(db, { email: "own-budget@signet.test" });
    const device = nextDevice();
    const devices = [{ userId: user.id, key: device }];
    const ip = nextIp();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      expect(await login(db, { email: user.email, password: "typo", ip, devices }, at(i * 1000))).toEqual({ ok: false, reason: "invalid" });
    expect(await login(db, { email: user.email, password: user.password, ip, devices }, at(MINUTE))).toMatchObject({ reason: "rate_limited" });
    // Neither the account's shared budget nor the address was spent by it.
    expect((await login(db, { email: user.email, password: user.password, ip }, at(MINUTE))).ok).toBe(true);
    // Another browser trusted for the same account is not locked either.
    expect((await login(db, { email: user.email, password: user.password, ip, devices: [{ userId: user.id, key: nextDevice() }] }, at(MINUTE))).ok).toBe(true);
  });

  it("a device cookie naming another account gives no trust", async () => {
    const victim = await createTestUser(db, { email: "victim@signet.test" });
    const attacker = await createTestUser(db, { email: "attacker@signet.test" });
    const devices = [{ userId: attacker.id, key: nextDevice() }];
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await login(db, { email: victim.email, password: "guess", ip: nextIp(), devices }, at(i * 1000));
    expect(await login(db, { email: victim.email, password: victim.password, ip: nextIp(), devices }, at(MINUTE))).toMatchObject({
      reason: "rate_limited",
    });
  });

  it("a trusted browser's wrong current password counts against that browser only", async () => {
    const user = await createTestUser(db, { email: "change-own@signet.test" });
    const device = nextDevice();
    const ip = nextIp();
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++)
      await changePassword(db, user, null, { currentPassword: "no", newPassword: "x".repeat(12), ip, device }, at(i * 1000));
    expect(
      await changePassword(db, user, null, { currentPassword: user.password, newPassword: "x".repeat(12), ip, device }, at(MINUTE)),
    ).toMatchObject({ reason: "rate_limited" });
    expect((await login(db, { email: user.email, password: user.password, ip }, at(MINUTE))).ok).toBe(true);
  });
});

describe("pruning", () => {
  it("each recorded attempt removes a bounded batch of attempts older than the window", async () => {
    const old = Array.from({ length: PRUNE_BATCH + 7 }, (_, i) => ({ email: `old-${i}@signet.test`, ip: "192.0.2.1", at: at(-60 * MINUTE - i) }));
    await db.insert(loginFailures).values(old);
    await db.insert(loginFailures).values({ email: "recent@signet.test", ip: "192.0.2.2", at: at(-5 * MINUTE) });
    const countOld = async () => (await db.select({ at: loginFailures.at }).from(loginFailures)).filter((r) => r.at < at(-15 * MINUTE)).length;
    expect(await countOld()).toBe(PRUNE_BATCH + 7);

    await login(db, { email: "someone@signet.test", password: "guess", ip: nextIp() }, T0);
    expect(await countOld()).toBe(7);
    await login(db, { email: "someone@signet.test", password: "guess", ip: nextIp() }, T0);
    expect(await countOld()).toBe(0);
    // What a limit still reads stays.
    expect(await failuresOf("recent@signet.test")).toHaveLength(1);
  });

  it("also removes old 'forgot password' requests and expired half-done sign-ins", async () => {
    const user = await createTestUser(db);
    await db.insert(passwordResetRequests).values([
      { email: "old-reset@signet.test", ip: "192.0.2.3", at: at(-16 * MINUTE) },
      { email: "new-reset@signet.test", ip: "192.0.2.3", at: at(-1 * MINUTE) },
    ]);
    await db.insert(loginChallenges).values([
      { idHash: sha256("expired"), userId: user.id, createdAt: at(-20 * MINUTE), expiresAt: at(-10 * MINUTE) },
      { idHash: sha256("open"), userId: user.id, createdAt: T0, expiresAt: at(10 * MINUTE) },
    ]);
    await pruneLoginFailures(db, T0);
    const requests = await db.select({ email: passwordResetRequests.email }).from(passwordResetRequests);
    expect(requests.map((r) => r.email)).toEqual(["new-reset@signet.test"]);
    const challenges = await db.select({ idHash: loginChallenges.idHash }).from(loginChallenges).where(eq(loginChallenges.userId, user.id));
    expect(challenges.map((c) => c.idHash)).toEqual([sha256("open")]);
  });
});
