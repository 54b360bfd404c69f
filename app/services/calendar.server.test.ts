import ICAL from "ical.js";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { calendarFeeds } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { listAudit } from "~/models/audit.server";
import { addEventMember } from "~/models/events.server";
import { setUserActive } from "./accounts.server";
import { calendarFeedForToken, createCalendarFeed, eventCalendarFile, revokeCalendarFeed } from "./calendar.server";
import { cancelEvent } from "./events.server";

const APP_URL = "https://signet.example.vn";

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent").map((ev) => ({
    uid: String(ev.getFirstPropertyValue("uid")),
    summary: String(ev.getFirstPropertyValue("summary")),
    status: String(ev.getFirstPropertyValue("status")),
    sequence: Number(ev.getFirstPropertyValue("sequence")),
    description: String(ev.getFirstPropertyValue("description") ?? ""),
  }));
}

describe("calendar feeds and files", () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it("a feed holds the events the user created or is a member of; an administrator's holds all", async () => {
    const owner = await createUser(db, { role: "organizer", name: "Cán bộ tổ chức" });
    const member = await createUser(db, { role: "communications" });
    const stranger = await createUser(db, { role: "viewer" });
    const admin = await createUser(db, { role: "admin" });
    const own = await createEvent(db, owner, {
      title: "Hội nghị tổng kết, năm 2030",
      venueName: "Hội trường A",
      description: "Mô tả",
    });
    const other = await createEvent(db, stranger, { title: "Sự kiện của người khác" });
    await addEventMember(db, own.id, member.id, "communications");

    const summaries = async (userId: { id: string; name: string }) => {
      const { token } = await createCalendarFeed(db, userId);
      const ics = await calendarFeedForToken(db, token, { appUrl: APP_URL });
      if (ics === null) throw new Error("feed not found");
      return vevents(ics).map((e) => e.summary);
    };
    expect(await summaries(owner)).toEqual([own.title]);
    expect(await summaries(member)).toEqual([own.title]);
    expect(await summaries(stranger)).toEqual([other.title]);
    const all = await summaries(admin);
    expect(all).toEqual(expect.arrayContaining([own.title, other.title]));

    const { token } = await createCalendarFeed(db, owner);
    const [event] = vevents((await calendarFeedForToken(db, token, { appUrl: APP_URL })) ?? "");
    expect(event?.uid).toBe(own.calendarUid);
    expect(event?.description).toBe(`Mô tả\n\nĐịa điểm: Hội trường A\n\n${APP_URL}/events/${own.id}`);
  });

  it("cancelled events stay in the feed as STATUS:CANCELLED with the raised SEQUENCE", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const event = await createEvent(db, owner, { title: "Sẽ bị hủy" });
    await cancelEvent(db, owner, event.id);
    const { token } = await createCalendarFeed(db, owner);
    const [ev] = vevents((await calendarFeedForToken(db, token, { appUrl: APP_URL })) ?? "");
    expect(ev).toMatchObject({ uid: event.calendarUid, status: "CANCELLED", sequence: event.calendarSequence + 1 });
  });

  it("re-creating revokes the old address; revoking and deactivation end it; only the hash is stored", async () => {
    const user = await createUser(db, { role: "viewer", name: "Người xem" });
    const first = await createCalendarFeed(db, user);
    expect(first.token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const second = await createCalendarFeed(db, user);
    expect(await calendarFeedForToken(db, first.token, { appUrl: APP_URL })).toBeNull();
    expect(await calendarFeedForToken(db, second.token, { appUrl: APP_URL })).toContain("X-WR-CALNAME:Signet — Người xem");

    const rows = await db.select().from(calendarFeeds).where(eq(calendarFeeds.userId, user.id));
    expect(rows).toHaveLength(2);
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    for (const row of rows) {
      expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect([first.token, second.token]).not.toContain(row.tokenHash);
    }

    expect(await revokeCalendarFeed(db, user)).toBe(1);
    expect(await calendarFeedForToken(db, second.token, { appUrl: APP_URL })).toBeNull();
    expect(await revokeCalendarFeed(db, user)).toBe(0);

    const third = await createCalendarFeed(db, user);
    const admin = await createUser(db, { role: "admin" });
    await setUserActive(db, admin, user.id, false);
    expect(await calendarFeedForToken(db, third.token, { appUrl: APP_URL })).toBeNull();
    expect(await calendarFeedForToken(db, "not-a-token-at-all-xxxxxxxxxxxx", { appUrl: APP_URL })).toBeNull();

    const actions = (await listAudit(db, { limit: 500 })).filter((a) => a.entityType === "calendar_feed").map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["calendarFeed.create", "calendarFeed.revoke"]));
  });

  it("an event's file: METHOD:PUBLISH, its UID, an ASCII file name", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const event = await createEvent(db, owner, { title: "Lễ ký kết Đề án" });
    const file = await eventCalendarFile(db, event.id, { appUrl: APP_URL, locale: "vi" });
    expect(file?.contentDisposition).toBe(`attachment; filename="le-ky-ket-de-an.ics"; filename*=UTF-8''L%E1%BB%85%20k%C3%BD%20k%E1%BA%BFt%20%C4%90%E1%BB%81%20%C3%A1n.ics`);
    expect(file?.content).toContain("\r\nMETHOD:PUBLISH\r\n");
    expect(vevents(file?.content ?? "")).toMatchObject([{ uid: event.calendarUid, summary: "Lễ ký kết Đề án" }]);
    expect(await eventCalendarFile(db, "00000000-0000-4000-8000-000000000000", { appUrl: APP_URL, locale: "vi" })).toBeNull();
  });
});
