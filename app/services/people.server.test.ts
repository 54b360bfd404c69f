import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildAttendeeInput, createAttendee, createEvent, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { listAudit } from "~/models/audit.server";
import { addEventMember } from "~/models/events.server";
import { getInvitation } from "~/models/invitations.server";
import { foldForSearch } from "~/domain/text/search";
import { listPeople, rowsOf } from "~/models/people.server";
import { canManagePerson, updatePerson } from "./people.server";

let database: Database;
let db: Db;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
});
afterAll(() => database.close());

const personInput = (overrides: Partial<ReturnType<typeof buildAttendeeInput>> = {}) => {
  const { honorific, fullName, positions, organization, email, phone, language, notes } = buildAttendeeInput(overrides);
  return { honorific, fullName, positions, organization, email, phone, language, notes };
};

describe("updatePerson", () => {
  it("changes the person every invitation shows, refuses another person's email, audits", async () => {
    const owner = await createUser(db, { name: "Chủ sự kiện" });
    const actor = { id: owner.id, name: owner.name };
    const a = await createEvent(db, actor);
    const b = await createEvent(db, actor);
    const thu = await createAttendee(db, actor, a.id, { fullName: "Đặng Thị Thu", email: "thu@example.vn" });
    await createAttendee(db, actor, a.id, { fullName: "Lê Văn Khác", email: "khac@example.vn" });
    const again = await createAttendee(db, actor, b.id, { fullName: "Đặng Thị Thu", email: "thu@example.vn" });
    expect(again.personId).toBe(thu.personId);

    const saved = await updatePerson(db, actor, thu.personId, personInput({ fullName: "Đặng Thị Thu", email: "thu@example.vn", positions: ["Giám đốc Sở"], honorific: "bà" }));
    expect(saved).toMatchObject({ honorific: "bà", positions: ["Giám đốc Sở"], email: "thu@example.vn" });
    for (const id of [thu.id, again.id]) expect((await getInvitation(db, id))?.person.positions).toEqual(["Giám đốc Sở"]);
    expect((await listAudit(db)).find((e) => e.entityId === thu.personId && e.action === "person.update")).toMatchObject({
      details: { fullName: "Đặng Thị Thu", changed: expect.arrayContaining(["honorific", "positions"]) },
    });

    await expect(updatePerson(db, actor, thu.personId, personInput({ fullName: "Đặng Thị Thu", email: "KHAC@example.vn" }))).rejects.toMatchObject({
      code: "invalid",
      fields: { email: "attendees.errors.emailTaken" },
    });
    expect((await getInvitation(db, thu.id))?.person.email).toBe("thu@example.vn");
    await expect(updatePerson(db, actor, crypto.randomUUID(), personInput())).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("canManagePerson", () => {
  it("allows admins and whoever manages an event the person is invited to", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const otherOrganizer = await createUser(db, { role: "organizer" });
    const member = await createUser(db, { role: "viewer" });
    const admin = await createUser(db, { role: "admin" });
    const event = await createEvent(db, { id: owner.id, name: owner.name });
    const invited = await createAttendee(db, { id: owner.id, name: owner.name }, event.id);
    expect(await canManagePerson(db, owner, invited.personId)).toBe(true);
    expect(await canManagePerson(db, admin, invited.personId)).toBe(true);
    expect(await canManagePerson(db, otherOrganizer, invited.personId)).toBe(false);
    expect(await canManagePerson(db, member, invited.personId)).toBe(false);
    await addEventMember(db, event.id, member.id, "organizer");
    expect(await canManagePerson(db, member, invited.personId)).toBe(true);
  });
});

describe("listPeople", () => {
  it("searches names, emails and organizations without diacritics, paged with a total", async () => {
    const owner = await createUser(db);
    const event = await createEvent(db, { id: owner.id, name: owner.name });
    await createAttendee(db, owner, event.id, { fullName: "Nguyễn Hồng Chuyên Tìm", organization: "Ban Tuyên giáo Tỉnh ủy Tìm", email: "chuyen.tim@example.vn" });
    await createAttendee(db, owner, event.id, { fullName: "Trần Văn Tìm", organization: "Sở Y tế", email: "tran.tim@example.vn" });
    expect((await listPeople(db, { q: "nguyen hong chuyen tim", limit: 10, offset: 0 })).items.map((p) => p.fullName)).toEqual(["Nguyễn Hồng Chuyên Tìm"]);
    expect((await listPeople(db, { q: "tuyen giao tinh uy tim", limit: 10, offset: 0 })).total).toBe(1);
    expect((await listPeople(db, { q: "tran.tim@", limit: 10, offset: 0 })).items.map((p) => p.fullName)).toEqual(["Trần Văn Tìm"]);
    const first = await listPeople(db, { q: "tim", limit: 1, offset: 0 });
    const second = await listPeople(db, { q: "tim", limit: 1, offset: 1 });
    expect(first.total).toBe(2);
    expect(second.total).toBe(2);
    expect(first.items[0]?.id).not.toBe(second.items[0]?.id);
  });
});

describe("the organization search", () => {
  it("agrees with folding the text in JavaScript, for every organization and query tried (the database folds it itself)", async () => {
    const owner = await createUser(db);
    const event = await createEvent(db, { id: owner.id, name: owner.name });
    const orgs = ["Ủy ban Mặt trận Tổ quốc Qx", "Trường THPT Nguyễn Đức Cảnh Qx", "HỘI LIÊN HIỆP PHỤ NỮ (TỈNH) Qx", "Công ty 1-2-3 & Cộng sự Qx"];
    for (const [i, organization] of orgs.entries())
      await createAttendee(db, owner, event.id, { fullName: `Khách ${i} Zq`, organization, email: `qx${i}@example.vn` });
    const stored = await db.execute(sql`select organization, organization_search from people where organization like '% Qx'`);
    for (const row of rowsOf<{ organization: string; organization_search: string }>(stored))
      expect(row.organization_search).toBe(foldForSearch(row.organization));
    const queries = ["uy ban", "MẶT TRẬN tổ", "nguyen duc", "duc canh", "(tinh)", "1-2-3 &", "phu nu", "cong su", "xyz"];
    for (const q of queries) {
      const found = (await listPeople(db, { q: `${q}`, limit: 10, offset: 0 })).items.map((p) => p.organization).filter((o) => o?.endsWith(" Qx"));
      const expected = orgs.filter((org) => foldForSearch(org).includes(foldForSearch(q)));
      expect(found.sort(), q).toEqual(expected.sort());
    }
  });
});
