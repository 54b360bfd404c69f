import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { users } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { addEventMember, listTeamManagers } from "./events.server";

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
