import { randomUUID } from "node:crypto";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildEventInput, createEvent as createTestEvent, createOrganization, createUser } from "#db/factories";
import { auditLog, documentParties, eventDocuments, eventSides, events } from "#db/schema/index";
import { testDatabase, testDatabaseWithActor } from "#db/testing";
import type { EventInput } from "~/domain/events/event.schema";
import { listAudit } from "~/models/audit.server";
import { getEventDetail, listEvents, listEventsAfter } from "~/models/events.server";
import { photoStorageKey } from "~/domain/photos/urls";
import { ServiceError } from "~/utils/errors";
import { fileSystemStorage } from "./storage.server";
import { cancelEvent, createEvent, deleteDraftEvent, eventToInput, updateEvent } from "./events.server";
import type { Actor } from "~/domain/access/permissions";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

async function rowCounts(db: Db) {
  const n = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0]?.n;
  return {
    events: await n(events),
    sides: await n(eventSides),
    documents: await n(eventDocuments),
    parties: await n(documentParties),
    audit: await n(auditLog),
  };
}

describe("event lifecycle", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  async function signingInput(overrides: Partial<EventInput> = {}): Promise<EventInput> {
    const host = await createOrganization(db, { nameVi: `Ban Tuyên giáo ${randomUUID().slice(0, 6)}` });
    const partnerB = await createOrganization(db, { nameVi: `Sở Y tế ${randomUUID().slice(0, 6)}` });
    const partnerA = await createOrganization(db, { nameVi: `Đoàn Thanh niên ${randomUUID().slice(0, 6)}` });
    const partnerC = await createOrganization(db, { nameVi: `Ủy ban Mặt trận ${randomUUID().slice(0, 6)}` });
    return buildEventInput({
      title: "Lễ ký kết chương trình phối hợp “Đồng hành” 🤝",
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: new Date("2031-04-10T01:30:00.000Z"),
      endsAt: new Date("2031-04-10T03:00:00.000Z"),
      timeZone: "Asia/Ho_Chi_Minh",
      venueName: "Hội trường A",
      venueAddress: "Số 1 đường Lê Lợi, TP. Thái Bình",
      venueRoom: "Tầng 2",
      description: "Dòng một\nDòng hai với dấu: ắ ẳ ẵ ặ ề ể ễ ệ ữ ự ỹ ỵ",
      hostOrganizationId: host.id,
      // Deliberately not in creation or alphabetical order.
      partnerOrganizationIds: [partnerC.id, partnerA.id, partnerB.id],
      capacity: 120,
      startPrecision: "date",
      occasion: "kỷ niệm 70 năm Ngày thành lập tỉnh",
      occasionEn: "the 70th anniversary of the province",
      context: null,
      contextEn: null,
      documents: [
        {
          kind: "programme",
          title: "Chương trình phối hợp công tác giai đoạn 2031 – 2035",
          titleEn: "Cooperation programme 2031–2035",
          periodStart: 2031,
          periodEnd: 2035,
          aims: "Nâng cao chất lượng giáo dục toàn diện 🎓;\n\ntăng cường phối hợp tuyên truyền 📣 — “đúng, đủ, kịp thời”.",
          partyIds: [partnerB.id, host.id, partnerA.id],
          originals: 4,
          languages: ["vi", "en"],
        },
        {
          kind: "memorandum",
          title: "Biên bản ghi nhớ",
          titleEn: null,
          periodStart: null,
          periodEnd: null,
          aims: null,
          partyIds: [host.id, partnerC.id],
          originals: null,
          languages: [],
        },
      ],
      ...overrides,
    });
  }

  it("createEvent round-trips host, partners and agreement exactly through getEventDetail", async () => {
    const input = await signingInput();
    const created = await createEvent(db, actor, input);
    const detail = await getEventDetail(db, created.id);
    expect(detail).toEqual(created);
    if (!detail) throw new Error("not found");

    expect(eventToInput(detail)).toEqual({ titleEn: null, venueNameEn: null, ...input });
    expect(detail.title).toBe("Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(detail.startsAt.toISOString()).toBe("2031-04-10T01:30:00.000Z");
    expect(detail.endsAt.toISOString()).toBe("2031-04-10T03:00:00.000Z");
    expect(detail.host?.id).toBe(input.hostOrganizationId);
    expect(detail.host?.nameVi).toMatch(/^Ban Tuyên giáo /);
    expect(detail.partners.map((p) => p.id)).toEqual(input.partnerOrganizationIds);
    expect(detail.partners.map((p) => p.nameVi.split(" ")[0])).toEqual(["Ủy", "Đoàn", "Sở"]);
    // Sides: the host first, then the partners in their order.
    expect(detail.sides.map((x) => [x.kind, x.organization?.id, x.order])).toEqual([
      ["host", input.hostOrganizationId, 0],
      ["guest", input.partnerOrganizationIds[0], 1],
      ["guest", input.partnerOrganizationIds[1], 2],
      ["guest", input.partnerOrganizationIds[2], 3],
    ]);
    const sideOf = (orgId: string) => detail.sides.find((x) => x.organization?.id === orgId)?.id;
    expect(detail.documents).toEqual([
      {
        id: expect.any(String),
        kind: "programme",
        title: "Chương trình phối hợp công tác giai đoạn 2031 – 2035",
        titleEn: "Cooperation programme 2031–2035",
        periodStart: 2031,
        periodEnd: 2035,
        aims: "Nâng cao chất lượng giáo dục toàn diện 🎓;\n\ntăng cường phối hợp tuyên truyền 📣 — “đúng, đủ, kịp thời”.",
        originals: 4,
        languages: ["vi", "en"],
        order: 0,
        hostSide: "left",
        partySideIds: input.documents![0]!.partyIds.map(sideOf),
        parties: input.documents![0]!.partyIds.map((id) => ({ sideId: sideOf(id), signatoryIds: [] })),
      },
      expect.objectContaining({ kind: "memorandum", order: 1, partySideIds: input.documents![1]!.partyIds.map(sideOf) }),
    ]);
    expect(detail).toMatchObject({
      startPrecision: "date",
      occasion: "kỷ niệm 70 năm Ngày thành lập tỉnh",
      occasionEn: "the 70th anniversary of the province",
      context: null,
    });
    expect(detail).toMatchObject({ status: "scheduled", kind: "signing_ceremony", version: 1, createdBy: actor.id, cancelledAt: null });
    expect(detail.calendarUid).toMatch(/^[0-9a-f-]{36}@signet$/);
  });

  it("writes an audit row for the creation", async () => {
    const created = await createEvent(db, actor, await signingInput());
    const audit = await listAudit(db, { eventId: created.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "event.create",
      actorName: "Cán bộ tổ chức",
      entityType: "event",
      entityId: created.id,
      eventId: created.id,
      details: { title: "Lễ ký kết chương trình phối hợp “Đồng hành” 🤝" },
    });
  });

  it("refuses unknown organizations with field errors and saves nothing", async () => {
    const real = await createOrganization(db);
    const before = await rowCounts(db);
    const input = buildEventInput({
      kind: "signing_ceremony",
      hostOrganizationId: randomUUID(),
      partnerOrganizationIds: [real.id, randomUUID()],
      documents: [
        {
          kind: "agreement",
          title: "Thỏa thuận",
          titleEn: null,
          periodStart: null,
          periodEnd: null,
          aims: null,
          partyIds: [randomUUID()],
          originals: null,
          languages: [],
        },
      ],
    });
    const attempt = createEvent(db, actor, input);
    await expect(attempt).rejects.toBeInstanceOf(ServiceError);
    await expect(attempt).rejects.toMatchObject({
      code: "invalid",
      fields: {
        hostOrganizationId: "errors.unknownOrganization",
        partnerOrganizationIds: "errors.unknownOrganization",
        "documents.0.partyIds": "errors.unknownOrganization",
      },
    });
    expect(await rowCounts(db)).toEqual(before);
  });

  it("reports only the field that is wrong", async () => {
    const real = await createOrganization(db);
    const attempt = createEvent(db, actor, buildEventInput({ hostOrganizationId: real.id, partnerOrganizationIds: [randomUUID()] }));
    await expect(attempt).rejects.toMatchObject({ code: "invalid", fields: { partnerOrganizationIds: "errors.unknownOrganization" } });
    const error = await attempt.catch((e: unknown) => e);
    expect(Object.keys((error as ServiceError).fields)).toEqual(["partnerOrganizationIds"]);
  });

  it("updateEvent with a stale expectedVersion is a conflict and changes nothing", async () => {
    const input = await signingInput();
    const created = await createEvent(db, actor, input);
    const first = await updateEvent(db, actor, created.id, { ...input, title: "Tên mới" }, 1);
    expect(first.version).toBe(2);
    expect(first.title).toBe("Tên mới");
    const auditBefore = await listAudit(db, { eventId: created.id });

    const stale = updateEvent(
      db,
      actor,
      created.id,
      { ...input, title: "Bản cũ ghi đè", partnerOrganizationIds: [], documents: [] },
      1,
    );
    await expect(stale).rejects.toBeInstanceOf(ServiceError);
    await expect(stale).rejects.toMatchObject({ code: "conflict" });

    expect(await getEventDetail(db, created.id)).toEqual(first);
    expect(await listAudit(db, { eventId: created.id })).toEqual(auditBefore);
  });

  it("updateEvent records the names of the changed fields in the audit details", async () => {
    const input = await signingInput();
    const created = await createEvent(db, actor, input);
    const newPartner = await createOrganization(db);
    const updated = await updateEvent(
      db,
      actor,
      created.id,
      {
        ...eventToInput(created),
        title: "Lễ ký kết (điều chỉnh)",
        venueRoom: "Phòng họp số 3",
        partnerOrganizationIds: [...input.partnerOrganizationIds, newPartner.id],
      },
      created.version,
    );
    expect(updated.partners.map((p) => p.id)).toEqual([...input.partnerOrganizationIds, newPartner.id]);
    expect(updated.title).toBe("Lễ ký kết (điều chỉnh)");
    expect(updated.documents).toEqual(created.documents);

    const [latest] = await listAudit(db, { eventId: created.id });
    expect(latest).toMatchObject({ action: "event.update", entityId: created.id });
    const changed = (latest?.details as { changed: string[] }).changed;
    expect([...changed].sort()).toEqual(["partnerOrganizationIds", "title", "venueRoom"]);
    // An input without documents (the event form's) leaves them as they are, with their parties' sides: partners
    // that a document names stay (after the ones the form lists) rather than taking their signatories with them.
    const { documents: _d, ...withoutDocuments } = eventToInput(updated);
    const again = await updateEvent(db, actor, created.id, { ...withoutDocuments, partnerOrganizationIds: [newPartner.id] }, updated.version);
    expect(again.documents).toEqual(created.documents);
    expect(again.partners.map((p) => p.id)).toEqual([newPartner.id, ...input.partnerOrganizationIds]);
  });

  it("cancelEvent cancels once; a second cancel and any later update are conflicts", async () => {
    const input = await signingInput();
    const created = await createEvent(db, actor, input);
    const cancelled = await cancelEvent(db, actor, created.id);
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect(cancelled.version).toBe(2);
    expect((await listAudit(db, { eventId: created.id }))[0]?.action).toBe("event.cancel");

    await expect(cancelEvent(db, actor, created.id)).rejects.toMatchObject({ name: "ServiceError", code: "conflict" });
    await expect(updateEvent(db, actor, created.id, { ...input, title: "Sửa sau khi hủy" })).rejects.toMatchObject({
      name: "ServiceError",
      code: "conflict",
    });
    expect(await getEventDetail(db, created.id)).toEqual(cancelled);
  });

  it("cancelEvent and updateEvent of an unknown id are not_found", async () => {
    await expect(cancelEvent(db, actor, randomUUID())).rejects.toMatchObject({ code: "not_found" });
    await expect(updateEvent(db, actor, randomUUID(), buildEventInput())).rejects.toMatchObject({ code: "not_found" });
  });

  it("deleteDraftEvent deletes a draft with its photo files and refuses a scheduled event", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "signet-events-"));
    const storage = fileSystemStorage(root);
    const draft = await createTestEvent(db, actor, { status: "draft", title: "Bản nháp" });
    const other = await createTestEvent(db, actor, { status: "draft", title: "Khác" });
    await storage.put(`${photoStorageKey(draft.id, randomUUID())}/r1/web.jpg`, Buffer.from("x"), "image/jpeg");
    const kept = `${photoStorageKey(other.id, randomUUID())}/r1/web.jpg`;
    await storage.put(kept, Buffer.from("y"), "image/jpeg");
    await deleteDraftEvent(db, storage, actor, draft.id);
    expect(await getEventDetail(db, draft.id)).toBeNull();
    expect(await readdir(path.join(root, "photos"))).toEqual([other.id]);
    expect(await storage.get(kept)).not.toBeNull();
    const audit = await listAudit(db, { eventId: draft.id });
    expect(audit[0]).toMatchObject({ action: "event.delete", details: { title: "Bản nháp" } });

    const scheduled = await createTestEvent(db, actor, { status: "scheduled" });
    await expect(deleteDraftEvent(db, storage, actor, scheduled.id)).rejects.toMatchObject({ name: "ServiceError", code: "conflict" });
    expect(await getEventDetail(db, scheduled.id)).toEqual(scheduled);
  });
});

describe("listing events", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  const now = new Date("2030-06-01T00:00:00.000Z");
  const ids = new Map<string, string>();

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
    const host = await createOrganization(db, { nameVi: "Sở Giáo dục và Đào tạo" });

    const add = async (key: string, title: string, startsAt: Date, endsAt: Date, cancel = false) => {
      const event = await createTestEvent(db, actor, { title, startsAt, endsAt, hostOrganizationId: host.id });
      if (cancel) await cancelEvent(db, actor, event.id);
      ids.set(key, event.id);
    };
    const inDays = (d: number) => new Date(now.getTime() + d * DAY);
    // Upcoming (ends at or after now), created out of order on purpose.
    await add("u3", "Lễ ký kết chương trình phối hợp công tác", inDays(3), inDays(3.1));
    await add("u1", "Hội nghị 100% trực tuyến", inDays(1), inDays(1.1));
    await add("ongoing", "Họp giao_ban tuần", inDays(-0.1), inDays(0.1));
    await add("endsNow", "Tiếp khách quốc tế", new Date(now.getTime() - HOUR), now);
    await add("u2", "Hội nghị 100 đại biểu", inDays(2), inDays(2.1));
    await add("u5", "Họp giaoXban tháng", inDays(5), inDays(5.1));
    await add("u4", "LỄ KÝ KẾT thỏa thuận hợp tác", inDays(4), inDays(4.1));
    // Past.
    await add("p1", "Lễ ký kết năm ngoái", inDays(-365), inDays(-364.9));
    await add("p2", "Hội thảo khoa học", inDays(-2), inDays(-1.9));
    await add("p3", "Gặp mặt báo chí", new Date(now.getTime() - 2 * HOUR), new Date(now.getTime() - 1));
    // Cancelled, one in the future, one in the past.
    await add("c1", "Lễ ký kết bị hủy", inDays(10), inDays(10.1), true);
    await add("c2", "Hội nghị đã hủy", inDays(-10), inDays(-9.9), true);
  });
  afterAll(() => database.close());

  const keysOf = (items: { id: string }[]) =>
    items.map((item) => [...ids.entries()].find(([, id]) => id === item.id)?.[0] ?? item.id);

  it("splits upcoming, past and cancelled around a fixed now, in date order", async () => {
    const upcoming = await listEvents(db, { tab: "upcoming", page: 1, pageSize: 50, now });
    expect(keysOf(upcoming.items)).toEqual(["ongoing", "endsNow", "u1", "u2", "u3", "u4", "u5"]);
    expect(upcoming.total).toBe(7);
    expect(upcoming.items[0]?.hostName).toBe("Sở Giáo dục và Đào tạo");

    const past = await listEvents(db, { tab: "past", page: 1, pageSize: 50, now });
    expect(keysOf(past.items)).toEqual(["p3", "p2", "p1"]);
    expect(past.total).toBe(3);

    const cancelled = await listEvents(db, { tab: "cancelled", page: 1, pageSize: 50, now });
    expect(keysOf(cancelled.items)).toEqual(["c1", "c2"]);
    expect(cancelled.total).toBe(2);
  });

  it("searches titles ignoring diacritics and case", async () => {
    const found = await listEvents(db, { tab: "upcoming", q: "ky ket", page: 1, pageSize: 50, now });
    expect(keysOf(found.items)).toEqual(["u3", "u4"]);
    expect(found.total).toBe(2);
    expect(found.items[0]?.title).toBe("Lễ ký kết chương trình phối hợp công tác");

    const accented = await listEvents(db, { tab: "upcoming", q: "  KÝ   Kết ", page: 1, pageSize: 50, now });
    expect(keysOf(accented.items)).toEqual(["u3", "u4"]);

    const past = await listEvents(db, { tab: "past", q: "ky ket", page: 1, pageSize: 50, now });
    expect(keysOf(past.items)).toEqual(["p1"]);
    const cancelled = await listEvents(db, { tab: "cancelled", q: "lễ ký", page: 1, pageSize: 50, now });
    expect(keysOf(cancelled.items)).toEqual(["c1"]);

    const dd = await listEvents(db, { tab: "upcoming", q: "dai bieu", page: 1, pageSize: 50, now });
    expect(keysOf(dd.items)).toEqual(["u2"]);
  });

  it("matches % and _ in the query literally", async () => {
    const percent = await listEvents(db, { tab: "upcoming", q: "100%", page: 1, pageSize: 50, now });
    expect(keysOf(percent.items)).toEqual(["u1"]);
    const underscore = await listEvents(db, { tab: "upcoming", q: "giao_ban", page: 1, pageSize: 50, now });
    expect(keysOf(underscore.items)).toEqual(["ongoing"]);
    const onlyWildcards = await listEvents(db, { tab: "upcoming", q: "%_%", page: 1, pageSize: 50, now });
    expect(onlyWildcards).toEqual({ items: [], total: 0 });
    const backslash = await listEvents(db, { tab: "upcoming", q: "\\", page: 1, pageSize: 50, now });
    expect(backslash.total).toBe(0);
  });

  it("pages with a total that does not depend on the page", async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((page) => listEvents(db, { tab: "upcoming", page, pageSize: 3, now })),
    );
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1, 0]);
    expect(pages.map((p) => p.total)).toEqual([7, 7, 7, 7]);
    expect(pages.flatMap((p) => keysOf(p.items))).toEqual(["ongoing", "endsNow", "u1", "u2", "u3", "u4", "u5"]);
  });
});

describe("listEventsAfter", () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it("keyset pages cover every event exactly once, newest first, ties broken by id", async () => {
    const user = await createUser(db);
    const actor = { id: user.id, name: user.name };
    const base = new Date("2029-01-01T02:00:00.000Z").getTime();
    // 13 events on 5 distinct start times, so several pages end in the middle of a tie.
    const starts = [0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4, 4].map((d) => new Date(base + d * DAY));
    const created = [];
    for (const startsAt of starts) created.push(await createTestEvent(db, actor, { startsAt }));
    await cancelEvent(db, actor, created[4]!.id);
    const startOf = new Map(created.map((e) => [e.id, e.startsAt]));

    for (const limit of [1, 2, 3, 4, 5, 13, 20]) {
      const seen: string[] = [];
      let after: { startsAt: Date; id: string } | undefined;
      for (let guard = 0; guard < 50; guard++) {
        const page = await listEventsAfter(db, { after, limit });
        expect(page.length).toBeLessThanOrEqual(limit);
        seen.push(...page.map((r) => r.id));
        if (page.length < limit) break;
        const last = page[page.length - 1]!;
        after = { startsAt: startOf.get(last.id)!, id: last.id };
      }
      expect(seen).toHaveLength(created.length);
      expect(new Set(seen).size).toBe(created.length);
      const expected = [...created]
        .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .map((e) => e.id);
      expect(seen).toEqual(expected);
    }
  });
});
