import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEventDetail, findEventIdByCalendarUid } from "~/models/events.server";
import { login } from "~/services/accounts.server";
import type { Database, Db } from "./client.server";
import { documentParties, eventMembers, eventSides, events, organizations, users } from "./schema/index";
import { SEED_EVENT_UID, seedAccounts, seedDemo, type SeededAccount } from "./seed";
import { testDatabase } from "./testing";

let database: Database;
let db: Db;
let accounts: SeededAccount[];

async function counts(db: Db) {
  const [[u], [e], [o], [p], [a], [m]] = await Promise.all([
    db.select({ n: count() }).from(users),
    db.select({ n: count() }).from(events),
    db.select({ n: count() }).from(organizations),
    db.select({ n: count() }).from(eventSides),
    db.select({ n: count() }).from(documentParties),
    db.select({ n: count() }).from(eventMembers),
  ]);
  return { users: u?.n, events: e?.n, organizations: o?.n, sides: p?.n, parties: a?.n, members: m?.n };
}

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  accounts = await seedDemo(db);
});
afterAll(() => database.close());

describe("seedDemo", () => {
  it("creates the three demo accounts with distinct generated passwords that log in", async () => {
    expect(accounts.map((a) => [a.email, a.role])).toEqual([
      ["admin@signet.local", "admin"],
      ["tochuc@signet.local", "organizer"],
      ["danganh@signet.local", "communications"],
    ]);
    expect(accounts.map((a) => a.email)).toEqual(seedAccounts.map((a) => a.email));
    expect(new Set(accounts.map((a) => a.password)).size).toBe(3);
    for (const [i, account] of accounts.entries()) {
      expect(account.password.length).toBeGreaterThanOrEqual(20);
      const result = await login(db, { email: account.email, password: account.password, ip: `203.0.113.${i + 1}` });
      expect(result.ok && [result.user.email, result.user.role]).toEqual([account.email, account.role]);
    }
    // Each password belongs to its own account only.
    const crossed = await login(db, { email: accounts[0]!.email, password: accounts[1]!.password, ip: "203.0.113.9" });
    expect(crossed).toEqual({ ok: false, reason: "invalid" });
  });

  it("creates the 2017 signing ceremony of Ban Tuyên giáo Tỉnh ủy and Sở Giáo dục và Đào tạo", async () => {
    const id = await findEventIdByCalendarUid(db, SEED_EVENT_UID);
    expect(id).not.toBeNull();
    const event = await getEventDetail(db, id!);
    expect(event).toMatchObject({
      kind: "signing_ceremony",
      status: "completed",
      timeZone: "Asia/Ho_Chi_Minh",
      calendarUid: SEED_EVENT_UID,
    });
    // 14:00 in Hồ Chí Minh City (UTC+7) on 19 October 2017.
    expect(event!.startsAt.toISOString()).toBe("2017-10-19T07:00:00.000Z");
    expect(event!.endsAt.getTime()).toBeGreaterThan(event!.startsAt.getTime());
    expect(event!.host?.nameVi).toBe("Ban Tuyên giáo Tỉnh ủy");
    expect(event!.partners.map((p) => p.nameVi)).toEqual(["Sở Giáo dục và Đào tạo"]);
    expect(event!.documents).toHaveLength(1);
    expect(event!.documents[0]).toMatchObject({ kind: "programme", periodStart: 2017, periodEnd: 2020 });
    expect(event!.documents[0]!.partySideIds.map((id) => event!.sides.find((s) => s.id === id)?.organization?.nameVi)).toEqual([
      "Ban Tuyên giáo Tỉnh ủy",
      "Sở Giáo dục và Đào tạo",
    ]);
    expect(event!.documents[0]!.aims).toContain("nâng cao chất lượng giáo dục toàn diện");
  });

  it("is idempotent: a second run creates nothing and returns no accounts", async () => {
    const before = await counts(db);
    // Two ceremonies: the article's (2 sides, 1 document of 2 parties) and the tripartite one (3 sides and the
    // leaders, 1 document of 3 parties); 3 more organizations.
    expect(before).toEqual({ users: 3, events: 2, organizations: 7, sides: 6, parties: 5, members: 2 });
    expect(await seedDemo(db)).toEqual([]);
    expect(await counts(db)).toEqual(before);
  });
});
