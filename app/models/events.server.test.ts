import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { users } from "#db/schema/index";
import { testDatabase, testDatabaseWithActor } from "#db/testing";
import { cancelEvent } from "~/services/events.server";
import type { Actor } from "~/domain/access/permissions";
import { addEventMember, countEventsByTab, listEvents, listTeamManagers } from "./events.server";

describe("countEventsByTab", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  it("counts what each tab of the list shows: an event still running is upcoming, cancelled ones apart", async () => {
    const now = new Date("2031-06-01T03:00:00Z");
    const at = (iso: string) => new Date(iso);
    expect(await countEventsByTab(db, now)).toEqual({ upcoming: 0, past: 0, cancelled: 0 });
    await createEvent(db, actor, { title: "Đã qua", startsAt: at("2017-10-19T07:00:00Z"), endsAt: at("2017-10-19T09:00:00Z") });
    await createEvent(db, actor, { title: "Đang diễn ra", startsAt: at("2031-06-01T02:00:00Z"), endsAt: at("2031-06-01T04:00:00Z") });
    const later = await createEvent(db, actor, { title: "Sắp tới", startsAt: at("2031-07-01T02:00:00Z"), endsAt: at("2031-07-01T04:00:00Z") });
    await createEvent(db, actor, { title: "Cũng sắp tới", startsAt: at("2031-08-01T02:00:00Z"), endsAt: at("2031-08-01T04:00:00Z") });
    await cancelEvent(db, actor, later.id);

    const counts = await countEventsByTab(db, now);
    expect(counts).toEqual({ upcoming: 2, past: 1, cancelled: 1 });
    for (const tab of ["upcoming", "past", "cancelled"] as const)
      expect((await listEvents(db, { tab, page: 1, pageSize: 50, now })).total, tab).toBe(counts[tab]);
  });
});

describe("listTeamManagers: who can add someone to an event's team", () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it("names the creator and the organizer members first, then the active admins, each once", async () => {
    const creator = await createUser(db, { name: "Bùi Văn Tạo", role: "organizer" });
    const organizer = await createUser(db, { name: "An Thị Tổ Chức", role: "organizer" });
    const press = await createUser(db, { name: "Cao Văn Truyền Thông", role: "communications" });
    const admin = await createUser(db, { name: "Đặng Quản Trị", role: "admin" });
    const gone = await createUser(db, { name: "Lê Đã Nghỉ", role: "admin" });
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const otherOrganizer = await createUser(db, { name: "Phạm Việc Khác", role: "organizer" });
    const event = await createEvent(db, { id: creator.id, name: creator.name });
    const other = await createEvent(db, { id: otherOrganizer.id, name: otherOrganizer.name });
    await addEventMember(db, event.id, organizer.id, "organizer");
    await addEventMember(db, event.id, press.id, "communications");
    await addEventMember(db, event.id, creator.id, "organizer");
    await addEventMember(db, other.id, otherOrganizer.id, "organizer");

    const managers = await listTeamManagers(db, event.id);
    const admins = (await db.select({ name: users.name }).from(users).where(eq(users.role, "admin")))
      .map((u) => u.name)
      .filter((name) => name !== gone.name);
    expect(managers.filter((m) => m.as === "organizer").map((m) => m.name)).toEqual(["An Thị Tổ Chức", "Bùi Văn Tạo"]);
    expect(managers.filter((m) => m.as === "admin").map((m) => m.name).sort()).toEqual(admins.sort());
    expect(managers.map((m) => m.as).indexOf("admin")).toBe(2);
    expect(managers.find((m) => m.name === admin.name)?.email).toBe(admin.email);
    expect(managers.map((m) => m.name)).not.toContain(gone.name);
    expect(managers.map((m) => m.name)).not.toContain(press.name);
    expect(managers.map((m) => m.name)).not.toContain(otherOrganizer.name);
  });
});
