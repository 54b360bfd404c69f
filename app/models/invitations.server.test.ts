import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createAttendee, createEvent, createManyInvitations, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import type { Actor } from "~/domain/access/permissions";
import { withdrawInvitation } from "~/services/invitations.server";
import { rowsOf } from "./people.server";
import {
  countEventInvitations,
  countEventInvitationsMatching,
  getInvitationsByIds,
  listEventGroups,
  listEventInvitationIds,
  listEventInvitations,
} from "./invitations.server";

describe("listing an event's invitations", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  let eventId: string;
  let otherEventId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
    eventId = (await createEvent(db, actor)).id;
    otherEventId = (await createEvent(db, actor)).id;
    const add = async (key: string, overrides: Parameters<typeof createAttendee>[3]) => {
      ids[key] = (await createAttendee(db, actor, eventId, overrides)).id;
    };
    await add("chuyen", {
      fullName: "Nguyễn Hồng Chuyên",
      organization: "Ban Tuyên giáo Tỉnh ủy",
      email: "chuyen@thaibinh.gov.vn",
      role: "dignitary",
      groupLabel: "Bàn 1",
    });
    await add("dang", { fullName: "Đặng Anh", organization: "Báo Thái Bình", email: "danganh@baothaibinh.vn", role: "press", groupLabel: "Khu báo chí" });
    await add("bich", { fullName: "Trần Thị Bích", organization: "Sở Giáo dục và Đào tạo", email: "bich@sgd.vn", role: "signatory", groupLabel: "Bàn 1" });
    await add("an", { fullName: "Lê Văn An", organization: null, email: "an@x.vn", role: "guest", groupLabel: null });
    await add("rut", { fullName: "Phạm Văn Rút", organization: "Sở Y tế", email: "rut@soyte.vn", role: "guest", groupLabel: "Bàn 2" });
    await withdrawInvitation(db, actor, ids.rut!);
    // Someone on another event only: never listed here.
    await createAttendee(db, actor, otherEventId, { fullName: "Nguyễn Hồng Chuyển Khác", email: "khac@x.vn" });
    // Answers, set the way the RSVP page will.
    await db.execute(
      (await import("drizzle-orm")).sql`update invitations set status = case id
        when ${ids.chuyen}::uuid then 'accepted'::invitation_status
        when ${ids.dang}::uuid then 'declined'::invitation_status
        when ${ids.bich}::uuid then 'accepted'::invitation_status
        else status end,
        responded_at = case id when ${ids.chuyen}::uuid then '2030-01-02T08:00:00Z'::timestamptz
                               when ${ids.bich}::uuid then '2030-01-03T08:00:00Z'::timestamptz
                               when ${ids.dang}::uuid then '2030-01-01T08:00:00Z'::timestamptz end
        where event_id = ${eventId}::uuid`,
    );
  });
  afterAll(() => database.close());

  const names = async (options: Parameters<typeof listEventInvitations>[2]) =>
    (await listEventInvitations(db, eventId, options)).items.map((i) => i.person.fullName);

  it("finds people by name without diacritics or case", async () => {
    expect(await names({ q: "nguyen hong chuyen", limit: 50 })).toEqual(["Nguyễn Hồng Chuyên"]);
    expect(await names({ q: "NGUYỄN HỒNG", limit: 50 })).toEqual(["Nguyễn Hồng Chuyên"]);
    expect(await names({ q: "dang anh", limit: 50 })).toEqual(["Đặng Anh"]);
    expect(await names({ q: "Nguye\u0302\u0303n", limit: 50 })).toEqual(["Nguyễn Hồng Chuyên"]);
  });

  it("finds people by email and by organization (diacritics ignored there too)", async () => {
    expect(await names({ q: "baothaibinh", limit: 50 })).toEqual(["Đặng Anh"]);
    expect(await names({ q: "so giao duc", limit: 50 })).toEqual(["Trần Thị Bích"]);
    expect(await names({ q: "TUYÊN GIÁO", limit: 50 })).toEqual(["Nguyễn Hồng Chuyên"]);
    expect(await names({ q: "không có ai", limit: 50 })).toEqual([]);
    // LIKE wildcards in a query are literal.
    expect(await names({ q: "%", limit: 50 })).toEqual([]);
    expect(await names({ q: "_", limit: 50 })).toEqual([]);
  });

  it("lists active invitations sorted by given name; withdrawn ones only on their own", async () => {
    // "An" before "Anh", then "Bích", "Chuyên".
    expect(await names({ limit: 50 })).toEqual(["Lê Văn An", "Đặng Anh", "Trần Thị Bích", "Nguyễn Hồng Chuyên"]);
    expect(await names({ limit: 50, status: "withdrawn" })).toEqual(["Phạm Văn Rút"]);
    expect(await names({ limit: 50, q: "rut" })).toEqual([]);
    expect(await names({ limit: 50, q: "rut", status: "withdrawn" })).toEqual(["Phạm Văn Rút"]);
  });

  it("filters by status, role and group, alone and together with a search", async () => {
    expect(await names({ limit: 50, status: "accepted" })).toEqual(["Trần Thị Bích", "Nguyễn Hồng Chuyên"]);
    expect(await names({ limit: 50, role: "press" })).toEqual(["Đặng Anh"]);
    expect(await names({ limit: 50, group: "Bàn 1" })).toEqual(["Trần Thị Bích", "Nguyễn Hồng Chuyên"]);
    expect(await names({ limit: 50, group: "Bàn 1", role: "signatory" })).toEqual(["Trần Thị Bích"]);
    expect(await names({ limit: 50, group: "Bàn 1", q: "chuyen" })).toEqual(["Nguyễn Hồng Chuyên"]);
    expect(await names({ limit: 50, status: "not_sent" })).toEqual(["Lê Văn An"]);
    expect(await names({ limit: 50, group: "Bàn 2" })).toEqual([]);
  });

  it("sorts by organization, status and answer time", async () => {
    expect(await names({ limit: 50, sort: "organization" })).toEqual(["Nguyễn Hồng Chuyên", "Đặng Anh", "Trần Thị Bích", "Lê Văn An"]);
    expect(await names({ limit: 50, sort: "status" })).toEqual(["Trần Thị Bích", "Nguyễn Hồng Chuyên", "Đặng Anh", "Lê Văn An"]);
    expect(await names({ limit: 50, sort: "answered" })).toEqual(["Trần Thị Bích", "Nguyễn Hồng Chuyên", "Đặng Anh", "Lê Văn An"]);
    expect(await names({ limit: 50, sort: "name", direction: "desc" })).toEqual(["Nguyễn Hồng Chuyên", "Trần Thị Bích", "Đặng Anh", "Lê Văn An"]);
  });

  it("pages with a total that follows the filters", async () => {
    const first = await listEventInvitations(db, eventId, { limit: 2, offset: 0 });
    const second = await listEventInvitations(db, eventId, { limit: 2, offset: 2 });
    expect(first.total).toBe(4);
    // A short last page knows the total without counting; a page past the end counts.
    expect((await listEventInvitations(db, eventId, { limit: 2, offset: 3 })).total).toBe(4);
    expect(await listEventInvitations(db, eventId, { limit: 2, offset: 10 })).toMatchObject({ items: [], total: 4 });
    expect([...first.items, ...second.items].map((i) => i.person.fullName)).toEqual(await names({ limit: 50 }));
    expect((await listEventInvitations(db, eventId, { limit: 1, q: "so giao duc" })).total).toBe(1);
    expect(await countEventInvitationsMatching(db, eventId, { group: "Bàn 1" })).toBe(2);
  });

  it("pages by keyset in every sort, both ways, to the same rows as the whole list", async () => {
    const sorts = ["name", "organization", "status", "answered"] as const;
    for (const sort of sorts)
      for (const direction of ["asc", "desc"] as const)
        // A search of a few people (their rows counted in the page's own query) as well as the kept totals.
        for (const filters of [{ status: null }, { status: "withdrawn" }, { q: "an" }, { q: "an", status: "accepted" }] as const) {
          const options = { sort, direction, ...filters, limit: 1 };
          const label = `${sort} ${direction} ${JSON.stringify(filters)}`;
          const whole = (await listEventInvitations(db, eventId, { ...options, limit: 50 })).items.map((i) => i.id);
          expect(whole.length, label).toBeGreaterThan(filters.status === "withdrawn" ? 0 : 1);
          const forwards: string[] = [];
          let page = await listEventInvitations(db, eventId, options);
          expect(page, label).toMatchObject({ hasPrevious: false, restarted: false, total: whole.length });
          forwards.push(...page.items.map((i) => i.id));
          while (page.hasNext) {
            page = await listEventInvitations(db, eventId, { ...options, cursor: { direction: "next", key: page.lastKey! } });
            expect(page, label).toMatchObject({ hasPrevious: true, total: whole.length });
            forwards.push(...page.items.map((i) => i.id));
          }
          expect(forwards, label).toEqual(whole);
          const backwards: string[] = [...page.items.map((i) => i.id)];
          while (page.hasPrevious) {
            page = await listEventInvitations(db, eventId, { ...options, cursor: { direction: "previous", key: page.firstKey! } });
            expect(page.total, label).toBe(whole.length);
            backwards.unshift(...page.items.map((i) => i.id));
          }
          expect(backwards, `${label} backwards`).toEqual(whole);
          // Offset pages (the API's) give the same rows and the same total.
          for (let offset = 0; offset <= whole.length; offset++) {
            const byOffset = await listEventInvitations(db, eventId, { ...options, offset });
            expect(byOffset.items.map((i) => i.id), `${label} offset ${offset}`).toEqual(whole.slice(offset, offset + 1));
            expect(byOffset.total, `${label} offset ${offset}`).toBe(whole.length);
          }
        }
    // Two at a time, filtered and searched, by organization (nulls last).
    const two = await listEventInvitations(db, eventId, { sort: "organization", limit: 2 });
    expect(two.hasNext).toBe(true);
    const rest = await listEventInvitations(db, eventId, { sort: "organization", limit: 2, cursor: { direction: "next", key: two.lastKey! } });
    expect([...two.items, ...rest.items].map((i) => i.person.fullName)).toEqual(await names({ limit: 50, sort: "organization" }));
    expect(rest).toMatchObject({ hasNext: false, hasPrevious: true, total: 4 });
  });

  it("gives the first page for a cursor that does not fit the sort or points past the rows", async () => {
    const first = await listEventInvitations(db, eventId, { limit: 2 });
    const bad: unknown[][] = [[], ["a"], [1, 2, 3], ["an", "le van an", "not-a-uuid"], [null, "x", ids.an], ["x".repeat(2000), "a", ids.an]];
    for (const key of bad) {
      const page = await listEventInvitations(db, eventId, { limit: 2, cursor: { direction: "next", key: key as (string | null)[] } });
      expect(page, JSON.stringify(key)).toMatchObject({ restarted: true, hasPrevious: false, total: 4 });
      expect(page.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    }
    // A cursor of another sort's shape: the answered sort takes a time first.
    expect((await listEventInvitations(db, eventId, { limit: 2, sort: "answered", cursor: { direction: "next", key: first.lastKey! } })).restarted).toBe(true);
    // Past the last row (e.g. the rows after it were withdrawn since): the first page, not an empty one.
    const past = await listEventInvitations(db, eventId, { limit: 2, cursor: { direction: "next", key: ["zzzz", "zzzz", ids.an!] } });
    expect(past).toMatchObject({ restarted: true, hasPrevious: false, hasNext: true });
    expect(past.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    // Before the first row going back: the first page too.
    const before = await listEventInvitations(db, eventId, { limit: 2, cursor: { direction: "previous", key: first.firstKey! } });
    expect(before).toMatchObject({ restarted: true, hasPrevious: false });
  });

  it("keeps the counts and the name order through every kind of write", async () => {
    const { sql } = await import("drizzle-orm");
    const event = (await createEvent(db, actor)).id;
    const live = async (): Promise<Record<string, number>> => {
      const result = await db.execute(sql`select
        count(*) filter (where withdrawn_at is null and status = 'not_sent')::int as not_sent,
        count(*) filter (where withdrawn_at is null and status = 'sent')::int as sent,
        count(*) filter (where withdrawn_at is null and status = 'accepted')::int as accepted,
        count(*) filter (where withdrawn_at is null and status = 'declined')::int as declined,
        count(*) filter (where withdrawn_at is null and status = 'tentative')::int as tentative,
        count(*) filter (where withdrawn_at is null)::int as active,
        count(*) filter (where withdrawn_at is not null)::int as withdrawn
        from invitations where event_id = ${event}::uuid`);
      return { ...rowsOf<Record<string, number>>(result)[0]!, bounced: 0 };
    };
    expect(await countEventInvitations(db, event)).toEqual({ not_sent: 0, sent: 0, accepted: 0, declined: 0, tentative: 0, active: 0, withdrawn: 0, bounced: 0 });
    await createManyInvitations(db, event, 300, { withdrawnEvery: 7 });
    expect(await countEventInvitations(db, event)).toEqual(await live());
    const one = await createAttendee(db, actor, event, { fullName: "Võ Thị Yến", email: "yen@x.vn" });
    await db.execute(sql`update invitations set status = 'accepted' where event_id = ${event}::uuid and status = 'sent'`);
    await db.execute(sql`update invitations set comment = 'ok' where event_id = ${event}::uuid`);
    await withdrawInvitation(db, actor, one.id);
    await db.execute(sql`update invitations set withdrawn_at = null where event_id = ${event}::uuid and status = 'declined'`);
    await db.execute(sql`delete from invitations where event_id = ${event}::uuid and status = 'tentative'`);
    expect(await countEventInvitations(db, event)).toEqual(await live());
    const total = (await live()).active!;
    expect((await listEventInvitations(db, event, { limit: 5 })).total).toBe(total);
    expect(await countEventInvitationsMatching(db, event, { status: "accepted" })).toBe((await live()).accepted);

    // A renamed person moves in the name order of every event they are invited to.
    await db.execute(sql`update people set full_name = 'Võ Thị Aa', name_search = 'vo thi aa' where id = (select person_id from invitations where id = ${one.id}::uuid)`);
    const byName = await listEventInvitations(db, event, { limit: 1, status: "withdrawn" });
    expect(byName.items[0]?.person.fullName).toBe("Võ Thị Aa");
    // Deleting the event takes its counts along.
    await db.execute(sql`delete from events where id = ${event}::uuid`);
    expect((await countEventInvitations(db, event)).active).toBe(0);
  });

  it("keeps the groups in use through every kind of write", async () => {
    const { sql } = await import("drizzle-orm");
    const event = (await createEvent(db, actor)).id;
    const live = async () =>
      rowsOf<{ label: string }>(
        await db.execute(sql`select distinct group_label as label from invitations where event_id = ${event}::uuid and group_label is not null order by 1`),
      ).map((r) => r.label);
    expect(await listEventGroups(db, event)).toEqual([]);
    await createManyInvitations(db, event, 300, { withdrawnEvery: 7 });
    expect(await listEventGroups(db, event)).toHaveLength(100);
    expect(await listEventGroups(db, event)).toEqual(await live());
    expect(await listEventGroups(db, event, 5)).toEqual((await live()).slice(0, 5));
    const one = await createAttendee(db, actor, event, { fullName: "Võ Thị Yến", email: "yen-groups@x.vn", groupLabel: "Khu báo chí" });
    expect(await listEventGroups(db, event)).toContain("Khu báo chí");
    // Statuses and notes move no label; moving all of a label's rows to another empties it, withdrawn rows still count.
    await db.execute(sql`update invitations set status = 'accepted', comment = 'ok' where event_id = ${event}::uuid`);
    await db.execute(sql`update invitations set group_label = 'Bàn 1' where event_id = ${event}::uuid and group_label in ('Bàn 2', 'Bàn 3')`);
    await db.execute(sql`update invitations set group_label = null where event_id = ${event}::uuid and group_label = 'Bàn 4'`);
    await withdrawInvitation(db, actor, one.id);
    expect(await listEventGroups(db, event)).toEqual(await live());
    expect(await listEventGroups(db, event)).not.toContain("Bàn 2");
    expect(await listEventGroups(db, event)).toContain("Khu báo chí");
    await db.execute(sql`update invitations set group_label = 'Bàn 2' where id = ${one.id}::uuid`);
    await db.execute(sql`delete from invitations where event_id = ${event}::uuid and group_label like 'Bàn 9%'`);
    await db.execute(sql`delete from invitations where id = (select id from invitations where event_id = ${event}::uuid and group_label = 'Bàn 5' limit 1)`);
    expect(await listEventGroups(db, event)).toEqual(await live());
    expect(await listEventGroups(db, event)).toContain("Bàn 2");
    expect(await listEventGroups(db, event)).not.toContain("Khu báo chí");
    // The other events' labels are their own; deleting the event takes its labels along.
    expect(await listEventGroups(db, eventId)).toEqual(["Bàn 1", "Bàn 2", "Khu báo chí"]);
    await db.execute(sql`delete from events where id = ${event}::uuid`);
    expect(await listEventGroups(db, event)).toEqual([]);
    expect(rowsOf(await db.execute(sql`select 1 from invitation_groups where event_id = ${event}::uuid`))).toEqual([]);
  });

  it("counts by status; withdrawn invitations are counted apart, never as active", async () => {
    expect(await countEventInvitations(db, eventId)).toEqual({
      not_sent: 1,
      sent: 0,
      accepted: 2,
      declined: 1,
      tentative: 0,
      active: 4,
      withdrawn: 1,
      bounced: 0,
    });
  });

  it("lists the groups in use, and ids / details in list order for export", async () => {
    expect(await listEventGroups(db, eventId)).toEqual(["Bàn 1", "Bàn 2", "Khu báo chí"]);
    const orderedIds = await listEventInvitationIds(db, eventId, { limit: 10 });
    const details = await getInvitationsByIds(db, orderedIds);
    expect(details.map((d) => d.person.fullName)).toEqual(await names({ limit: 50 }));
    expect(details[1]).toMatchObject({ eventId, person: { email: "danganh@baothaibinh.vn", organization: "Báo Thái Bình" } });
  });

  it("stays correct on a larger event seeded in bulk (search, filters, deep pages)", async () => {
    const big = (await createEvent(db, actor)).id;
    await createManyInvitations(db, big, 3000, { tag: "listtest", withdrawnEvery: 50 });
    const counts = await countEventInvitations(db, big);
    expect(counts.withdrawn).toBe(60);
    expect(counts.active).toBe(2940);
    expect(counts.not_sent + counts.sent + counts.accepted + counts.declined + counts.tentative).toBe(2940);

    const all = await listEventInvitations(db, big, { limit: 50 });
    expect(all.total).toBe(2940);
    const last = await listEventInvitations(db, big, { limit: 50, offset: 2900 });
    expect(last.items).toHaveLength(40);
    // Pages do not overlap.
    const pageIds = new Set<string>();
    for (let offset = 0; offset < 2940; offset += 500)
      for (const item of (await listEventInvitations(db, big, { limit: 500, offset })).items) pageIds.add(item.id);
    expect(pageIds.size).toBe(2940);

    const found = await listEventInvitations(db, big, { limit: 50, q: "khach1234.listtest" });
    expect(found.items.map((i) => i.person.email)).toEqual(["khach1234.listtest@example.vn"]);
    const byName = await listEventInvitations(db, big, { limit: 5, q: "nguyen van chuyen", status: "accepted", group: "Bàn 5" });
    for (const item of byName.items) {
      expect(item.person.fullName).toMatch(/^Nguyễn Văn Chuyên$/);
      expect(item).toMatchObject({ status: "accepted", groupLabel: "Bàn 5" });
    }
    expect(byName.total).toBe(await countEventInvitationsMatching(db, big, { q: "nguyen van chuyen", status: "accepted", group: "Bàn 5" }));
  });
});
