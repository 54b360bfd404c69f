import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { cancelEvent, type Actor } from "~/services/events.server";
import { countEventsByTab, listEvents } from "./events.server";

describe("countEventsByTab", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db, { name: "Cán bộ tổ chức" });
    actor = { id: user.id, name: user.name };
  });
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
