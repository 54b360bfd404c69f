import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildAttendeeInput, createEvent } from "#db/factories";
import { invitations, people } from "#db/schema/index";
import { testDatabaseWithActor } from "#db/testing";
import { BOM } from "~/domain/attendees/csv";
import { chunk, IMPORT_CHUNK_SIZE, readAttendeeCsv, type RawImportRow } from "~/domain/attendees/import";
import { listAudit } from "~/models/audit.server";
import { countEventInvitations, listEventInvitations } from "~/models/invitations.server";
import { addSummaries, emptySummary, importAttendeeChunk, importAttendeeCsv } from "./attendee-import.server";
import type { Actor } from "~/domain/access/permissions";
import { addAttendee, withdrawInvitation } from "./invitations.server";

describe("attendee import", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ nhập liệu" })));
  afterAll(() => database.close());

  const invitationCount = async (eventId: string) =>
    (await db.select({ n: count() }).from(invitations).where(eq(invitations.eventId, eventId)))[0]?.n ?? 0;
  const personByEmail = async (email: string) => (await db.select().from(people).where(eq(people.email, email)))[0];

  const file = (tag: string) =>
    `${BOM}Danh xưng;Họ và tên;Chức vụ;Cơ quan;Email;Điện thoại;Vai trò;Nhóm/bàn;Số người đi kèm;Ghi chú\r\n` +
    `Ông;Nguyễn Hồng Chuyên;"Ủy viên BTV Tỉnh ủy\nTrưởng ban";Ban Tuyên giáo Tỉnh ủy;chuyen.${tag}@tb.vn;'+84 912 345 678;Đại biểu;Bàn 1;1;\r\n` +
    `Bà;Trần Thị Bích;Giám đốc;Sở Giáo dục và Đào tạo;bich.${tag}@tb.vn;;Người ký;Bàn 1;;Ký văn bản\r\n` +
    `;Phạm Văn ${tag} Không Email;;Hội Khuyến học tỉnh;;;;Bàn 2;0;\r\n` +
    `;;;Sở Y tế;thieu.ten.${tag}@tb.vn;;;;;\r\n` +
    `;Lê Văn Sai;;;khong-phai-email;;khách lạ;;;\r\n`;

  it("commits the valid rows, reports each bad row with its number, field and message", async () => {
    const event = await createEvent(db, actor);
    const result = await importAttendeeCsv(db, actor, event.id, file("a"));
    if (!result.ok) throw new Error(result.error);
    expect(result.errors).toEqual([
      { rowNumber: 5, field: "fullName", message: "errors.required" },
      { rowNumber: 6, field: "email", message: "errors.email" },
      { rowNumber: 6, field: "role", message: "errors.choice" },
    ]);
    expect(result.summary).toEqual({
      rows: 3,
      peopleCreated: 3,
      peopleUpdated: 0,
      invitationsCreated: 3,
      invitationsUpdated: 0,
      withdrawnKept: 0,
    });
    const { items } = await listEventInvitations(db, event.id, { limit: 50, sort: "name" });
    expect(items.map((i) => i.person.fullName)).toEqual(["Trần Thị Bích", "Nguyễn Hồng Chuyên", "Phạm Văn a Không Email"]);
    expect(items.find((i) => i.person.fullName === "Nguyễn Hồng Chuyên")).toMatchObject({
      role: "dignitary",
      groupLabel: "Bàn 1",
      plusOnes: 1,
      person: { honorific: "Ông", positions: ["Ủy viên BTV Tỉnh ủy", "Trưởng ban"], phone: "+84 912 345 678", email: "chuyen.a@tb.vn" },
    });
    expect(items.find((i) => i.person.fullName === "Trần Thị Bích")).toMatchObject({ role: "signatory", plusOnes: 0 });
    expect((await listAudit(db, { eventId: event.id }))[0]).toMatchObject({
      action: "invitation.import",
      details: { rows: 3, invitationsCreated: 3, firstRow: 2, lastRow: 4 },
    });
  });

  it("re-importing updates people and invitations instead of duplicating them", async () => {
    const event = await createEvent(db, actor);
    const first = await importAttendeeCsv(db, actor, event.id, file("b"));
    if (!first.ok) throw new Error(first.error);
    const peopleBefore = (await db.select({ n: count() }).from(people))[0]?.n;

    const changed = file("b")
      .replace("Bàn 1;1;", "Bàn 9;2;")
      .replace("Giám đốc;Sở Giáo dục", "Giám đốc Sở;Sở Giáo dục")
      .replace("Hội Khuyến học tỉnh;;;;Bàn 2;0;", "Hội Khuyến học tỉnh;;0227 3831 234;Báo chí;Bàn 2;0;");
    const again = await importAttendeeCsv(db, actor, event.id, changed);
    if (!again.ok) throw new Error(again.error);
    expect(again.summary).toEqual({
      rows: 3,
      peopleCreated: 0,
      peopleUpdated: 3,
      invitationsCreated: 0,
      invitationsUpdated: 3,
      withdrawnKept: 0,
    });
    expect((await db.select({ n: count() }).from(people))[0]?.n).toBe(peopleBefore);
    expect(await invitationCount(event.id)).toBe(3);

    const { items } = await listEventInvitations(db, event.id, { limit: 50 });
    const byName = (n: string) => items.find((i) => i.person.fullName.startsWith(n));
    expect(byName("Nguyễn Hồng Chuyên")).toMatchObject({ groupLabel: "Bàn 9", plusOnes: 2 });
    expect(byName("Trần Thị Bích")?.person.positions).toEqual(["Giám đốc Sở"]);
    // The no-email person was found by name + organization and got the phone and role the file added.
    expect(byName("Phạm Văn b Không Email")).toMatchObject({ role: "press", person: { phone: "0227 3831 234" } });
  });

  it("a re-import of the same file writes no invitation (and still counts them as found), a changed cell writes its own", async () => {
    const event = await createEvent(db, actor);
    const stamps = async () =>
      new Map(
        (await db.select({ id: invitations.id, at: invitations.updatedAt }).from(invitations).where(eq(invitations.eventId, event.id))).map(
          (r) => [r.id, r.at.getTime()],
        ),
      );
    const first = await importAttendeeCsv(db, actor, event.id, file("u"));
    if (!first.ok) throw new Error(first.error);
    const before = await stamps();
    const same = await importAttendeeCsv(db, actor, event.id, file("u"));
    if (!same.ok) throw new Error(same.error);
    expect(same.summary).toMatchObject({ rows: 3, invitationsCreated: 0, invitationsUpdated: 3 });
    expect(await stamps()).toEqual(before);
    const changed = await importAttendeeCsv(db, actor, event.id, file("u").replace("Bàn 1;1;", "Bàn 7;1;"));
    if (!changed.ok) throw new Error(changed.error);
    expect(changed.summary).toMatchObject({ invitationsCreated: 0, invitationsUpdated: 3 });
    const after = await stamps();
    expect([...after].filter(([id, at]) => at !== before.get(id))).toHaveLength(1);
    const { items } = await listEventInvitations(db, event.id, { limit: 50 });
    expect(items.find((i) => i.person.fullName === "Nguyễn Hồng Chuyên")?.groupLabel).toBe("Bàn 7");
  });

  it("writes each new invitation's name order from its person as stored, also after the same file renamed them", async () => {
    const sortKeys = async (eventId: string) =>
      db
        .select({ name: people.nameSearch, sortGiven: invitations.sortGiven, sortName: invitations.sortName })
        .from(invitations)
        .innerJoin(people, eq(people.id, invitations.personId))
        .where(eq(invitations.eventId, eventId));
    const first = await createEvent(db, actor);
    const a = await importAttendeeCsv(db, actor, first.id, file("s"));
    if (!a.ok) throw new Error(a.error);
    // The same emails under new names, imported into a second event: the people are renamed, their invitation to the
    // first event follows (the people trigger), and the new ones read the new names.
    const second = await createEvent(db, actor);
    const renamed = file("s").replace("Nguyễn Hồng Chuyên", "Nguyễn Hồng Ánh").replace("Trần Thị Bích", "Trần Bích Đào");
    const b = await importAttendeeCsv(db, actor, second.id, renamed);
    if (!b.ok) throw new Error(b.error);
    for (const eventId of [first.id, second.id]) {
      const rows = await sortKeys(eventId);
      expect(rows).toHaveLength(3);
      for (const r of rows) expect(r).toEqual({ name: r.name, sortGiven: r.name.split(" ").pop(), sortName: r.name });
      expect(rows.map((r) => r.sortGiven).sort()).toEqual(["anh", "dao", "email"]);
    }
  });

  it("an empty cell keeps what is stored; a person added by hand is found and updated", async () => {
    const event = await createEvent(db, actor);
    const byHand = await addAttendee(
      db,
      actor,
      event.id,
      buildAttendeeInput({ fullName: "Đặng Anh", email: "danganh.import@tb.vn", phone: "0912 111 222", notes: "Phóng viên ảnh", role: "press" }),
    );
    const result = await importAttendeeCsv(db, actor, event.id, "Họ và tên,Email,Điện thoại,Ghi chú,Vai trò\nĐặng Anh,DangAnh.Import@tb.vn,,,\n");
    if (!result.ok) throw new Error(result.error);
    expect(result.summary).toMatchObject({ peopleCreated: 0, peopleUpdated: 1, invitationsCreated: 0, invitationsUpdated: 1 });
    const person = await personByEmail("danganh.import@tb.vn");
    expect(person).toMatchObject({ id: byHand.personId, phone: "0912 111 222", notes: "Phóng viên ảnh" });
    const { items } = await listEventInvitations(db, event.id, { limit: 5 });
    expect(items[0]?.role).toBe("press");
  });

  it("finds a person without email by name + organization whatever their case, spacing and accents in the name, and only that one", async () => {
    const event = await createEvent(db, actor);
    const other = await createEvent(db, actor);
    const upper = await addAttendee(db, actor, other.id, buildAttendeeInput({ fullName: "Lương Văn Khóa", organization: "SỞ Y TẾ TỈNH", email: null }));
    const elsewhere = await addAttendee(db, actor, other.id, buildAttendeeInput({ fullName: "Lương Văn Khóa", organization: "Sở Tài chính", email: null }));
    const peopleBefore = (await db.select({ n: count() }).from(people))[0]?.n ?? 0;
    const result = await importAttendeeCsv(
      db,
      actor,
      event.id,
      "Họ và tên,Cơ quan,Điện thoại\nluong van khoa,sở  y tế   tỉnh,0912 000 111\nLương Văn Khóa,So Y te tinh,\n",
    );
    if (!result.ok) throw new Error(result.error);
    // The first row is the person of "SỞ Y TẾ TỈNH"; the second (an organization without its accents) is someone new.
    expect(result.summary).toMatchObject({ peopleCreated: 1, peopleUpdated: 1, invitationsCreated: 2 });
    expect((await db.select({ n: count() }).from(people))[0]?.n).toBe(peopleBefore + 1);
    const { items } = await listEventInvitations(db, event.id, { limit: 5 });
    const ids = items.map((i) => i.personId);
    expect(ids).toContain(upper.personId);
    expect(ids).not.toContain(elsewhere.personId);
    expect(items.find((i) => i.personId === upper.personId)?.person).toMatchObject({ phone: "0912 000 111", organization: "sở y tế tỉnh" });
  });

  it("finds each of several people of the same name by their own organization, none included, in one file", async () => {
    const event = await createEvent(db, actor);
    const other = await createEvent(db, actor);
    const name = "Phạm Văn Trùng";
    const inFinance = await addAttendee(db, actor, other.id, buildAttendeeInput({ fullName: name, organization: "Sở Tài chính", email: null }));
    const inHealth = await addAttendee(db, actor, other.id, buildAttendeeInput({ fullName: name, organization: "Sở Y tế", email: null }));
    const without = await addAttendee(db, actor, other.id, buildAttendeeInput({ fullName: name, organization: null, email: null }));
    const result = await importAttendeeCsv(db, actor, event.id, `Họ và tên,Cơ quan\n${name},SỞ Y TẾ\n${name},\n${name},sở tài chính\n${name},Sở Xây dựng\n`);
    if (!result.ok) throw new Error(result.error);
    expect(result.summary).toMatchObject({ rows: 4, peopleCreated: 1, peopleUpdated: 3, invitationsCreated: 4 });
    const { items } = await listEventInvitations(db, event.id, { limit: 10 });
    const ids = items.map((i) => i.personId);
    expect(ids).toEqual(expect.arrayContaining([inFinance.personId, inHealth.personId, without.personId]));
    expect(new Set(ids).size).toBe(4);
  });

  it("a withdrawn invitation stays withdrawn when its person is imported again", async () => {
    const event = await createEvent(db, actor);
    const added = await addAttendee(db, actor, event.id, buildAttendeeInput({ fullName: "Ngô Văn Rút", email: "rut.import@tb.vn" }));
    await withdrawInvitation(db, actor, added.id);
    const result = await importAttendeeCsv(db, actor, event.id, "Full name,Email,Table\nNgô Văn Rút,rut.import@tb.vn,Bàn 5\n");
    if (!result.ok) throw new Error(result.error);
    expect(result.summary).toMatchObject({ invitationsUpdated: 1, withdrawnKept: 1 });
    const counts = await countEventInvitations(db, event.id);
    expect(counts).toMatchObject({ active: 0, withdrawn: 1 });
  });

  it("refuses files it cannot read, with a reason", async () => {
    const event = await createEvent(db, actor);
    expect(await importAttendeeCsv(db, actor, event.id, "Email\na@b.vn\n")).toEqual({ ok: false, error: "attendees.import.errors.noNameColumn" });
    const tooMany = `Họ và tên\n${Array.from({ length: 6 }, (_, i) => `Người ${i}`).join("\n")}`;
    expect(await importAttendeeCsv(db, actor, event.id, tooMany, { maxRows: 5 })).toEqual({
      ok: false,
      error: "attendees.import.errors.tooManyRows?max=5",
    });
    expect(await invitationCount(event.id)).toBe(0);
  });

  it("re-checks rows on the server: a chunk with bad rows commits the good ones and returns the rest", async () => {
    const event = await createEvent(db, actor);
    const rows: RawImportRow[] = [
      { rowNumber: 2, values: { fullName: "Hồ Thị Tốt", email: "tot.chunk@tb.vn" } },
      { rowNumber: 3, values: { fullName: "Hồ Thị Xấu", plusOnes: "99" } },
      { rowNumber: 4, values: { fullName: "Hồ Thị Trùng", email: "TOT.chunk@tb.vn" } },
    ];
    const { summary, errors } = await importAttendeeChunk(db, actor, event.id, rows);
    expect(summary.rows).toBe(1);
    expect(errors).toEqual([
      { rowNumber: 3, field: "plusOnes", message: "attendees.errors.plusOnes?max=20" },
      { rowNumber: 4, field: "email", message: "attendees.import.errors.duplicateRow?row=2" },
    ]);
  });

  it(
    "commits a 20,000-row file completely, chunk by chunk, and a second run duplicates nothing",
    async () => {
      const event = await createEvent(db, actor);
      const lines = ["Họ và tên;Cơ quan;Email;Vai trò;Nhóm/bàn"];
      for (let i = 1; i <= 20_000; i++) {
        // Every fifth row has no email: it is deduplicated by name + organization.
        const email = i % 5 === 0 ? "" : `khach${i}.big@tb.vn`;
        lines.push(`Nguyễn Văn Khách ${i};Cơ quan số ${i % 37};${email};${i % 50 === 0 ? "Đại biểu" : ""};Bàn ${(i % 100) + 1}`);
      }
      const text = `${BOM}${lines.join("\r\n")}\r\n`;
      const read = readAttendeeCsv(text);
      if (!read.ok) throw new Error(read.error);
      expect(read.rows).toHaveLength(20_000);

      // What the browser does: requests of IMPORT_CHUNK_SIZE rows, each committed in its own transaction.
      const parts = chunk(read.rows, IMPORT_CHUNK_SIZE);
      expect(parts).toHaveLength(20);
      let summary = emptySummary();
      for (const part of parts) {
        const result = await importAttendeeChunk(db, actor, event.id, part);
        expect(result.errors).toEqual([]);
        summary = addSummaries(summary, result.summary);
      }
      expect(summary).toEqual({
        rows: 20_000,
        peopleCreated: 20_000,
        peopleUpdated: 0,
        invitationsCreated: 20_000,
        invitationsUpdated: 0,
        withdrawnKept: 0,
      });
      expect(await invitationCount(event.id)).toBe(20_000);
      const counts = await countEventInvitations(db, event.id);
      expect(counts).toMatchObject({ active: 20_000, not_sent: 20_000 });
      const dignitaries = await listEventInvitations(db, event.id, { role: "dignitary", limit: 1 });
      expect(dignitaries.total).toBe(400);
      expect((await listAudit(db, { eventId: event.id, limit: 100 })).filter((a) => a.action === "invitation.import")).toHaveLength(20);

      const peopleBefore = (await db.select({ n: count() }).from(people))[0]?.n;
      let second = emptySummary();
      for (const part of parts) second = addSummaries(second, (await importAttendeeChunk(db, actor, event.id, part)).summary);
      expect(second).toMatchObject({ peopleCreated: 0, peopleUpdated: 20_000, invitationsCreated: 0, invitationsUpdated: 20_000 });
      expect((await db.select({ n: count() }).from(people))[0]?.n).toBe(peopleBefore);
      expect(await invitationCount(event.id)).toBe(20_000);
    },
    60_000,
  );
});
