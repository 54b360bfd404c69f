import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { agendaItems, photos } from "#db/schema/index";
import { expectServiceError, testDatabase } from "#db/testing";
import { localInputToInstant } from "~/domain/dates/phrasing";
import type { DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { insertAttendanceLine, insertSide, listDocuments, replacePartySignatories, replaceRoles, setDignitarySide } from "~/models/ceremony.server";
import { getEventDetail } from "~/models/events.server";
import { addAgendaItem } from "./agenda.server";
import { createDignitary, loadPrecedence, saveManualOrder } from "./dignitaries.server";
import type { Actor } from "~/domain/access/permissions";
import { draftPressSummaryForEvent, loadPressFacts } from "./press-facts.server";

const ZONE = "Asia/Ho_Chi_Minh";

function at(local: string): Date {
  const instant = localInputToInstant(local, ZONE);
  if (!instant) throw new Error(`bad time ${local}`);
  return instant;
}

function dignitary(overrides: Partial<DignitaryInput>): DignitaryInput {
  return {
    honorific: "đồng chí",
    name: "Nguyễn Văn A",
    positions: [],
    organization: null,
    delegation: null,
    side: null,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    email: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
    ...overrides,
  };
}

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

const published = { publishedOn: at("2024-05-01T18:00"), byline: "Phóng viên" };

async function insertPhoto(eventId: string, values: { position: number; captionVi: string | null; captionEn?: string | null; credit?: string | null; includeInPress?: boolean }) {
  const id = randomUUID();
  await db.insert(photos).values({
    id,
    eventId,
    storageKey: `photos/${eventId}/${id}`,
    revision: "r1",
    originalFilename: `${id}.jpg`,
    originalType: "image/jpeg",
    originalBytes: 1000,
    sha256: id.replace(/-/g, ""),
    width: 800,
    height: 600,
    captionVi: values.captionVi,
    captionEn: values.captionEn ?? null,
    credit: values.credit ?? null,
    position: values.position,
    includeInPress: values.includeInPress ?? true,
  });
  return id;
}

describe("loadPressFacts", () => {
  it("reads the event, the host then the partners in order, and the document with its parties in order", async () => {
    const host = await createOrganization(db, { nameVi: "Sở Tư pháp", nameEn: "Department of Justice" });
    const p1 = await createOrganization(db, { nameVi: "Sở Nội vụ", nameEn: null });
    const p2 = await createOrganization(db, { nameVi: "Sở Y tế", nameEn: "Department of Health" });
    const event = await createEvent(db, actor, {
      title: "Lễ ký kết quy chế phối hợp",
      kind: "signing_ceremony",
      startsAt: at("2024-04-10T08:30"),
      endsAt: at("2024-04-10T10:00"),
      venueName: "Trụ sở Sở Tư pháp",
      venueRoom: "Hội trường tầng 3",
      venueAddress: "12 Lê Lợi",
      hostOrganizationId: host.id,
      partnerOrganizationIds: [p2.id, p1.id],
      documents: [
        {
          kind: "regulation",
          title: "Quy chế phối hợp giữa ba sở",
          titleEn: null,
          periodStart: 2024,
          periodEnd: 2026,
          aims: "tăng cường phối hợp",
          partyIds: [p1.id, host.id, p2.id],
          originals: null,
          languages: ["vi"],
        },
      ],
    });
    const facts = await loadPressFacts(db, event.id, published);
    expect(facts.event).toMatchObject({
      id: event.id,
      title: "Lễ ký kết quy chế phối hợp",
      kind: "signing_ceremony",
      timeZone: ZONE,
      venueName: "Trụ sở Sở Tư pháp",
      venueRoom: "Hội trường tầng 3",
      venueAddress: "12 Lê Lợi",
    });
    expect(facts.event.startsAt.toISOString()).toBe(at("2024-04-10T08:30").toISOString());
    expect(facts.hosts.map((h) => h.nameVi)).toEqual(["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]);
    expect(facts.hosts[0]).toEqual({ id: host.id, nameVi: "Sở Tư pháp", nameEn: "Department of Justice" });
    expect(facts.documents[0]).toMatchObject({ title: "Quy chế phối hợp giữa ba sở", periodStart: 2024, periodEnd: 2026, aims: "tăng cường phối hợp" });
    expect(facts.documents[0]?.parties.map((p) => p.nameVi)).toEqual(["Sở Nội vụ", "Sở Tư pháp", "Sở Y tế"]);
    expect(facts).toMatchObject({ byline: "Phóng viên", dignitaries: [], speeches: [], photos: [] });
    expect(facts.publishedOn).toBe(published.publishedOn);
  });

  it("has no hosts and no documents for an event without them", async () => {
    const event = await createEvent(db, actor, { kind: "conference" });
    const facts = await loadPressFacts(db, event.id, { publishedOn: published.publishedOn, byline: null });
    expect(facts.hosts).toEqual([]);
    expect(facts.documents).toEqual([]);
    expect(facts.byline).toBeNull();
  });

  it("lists the dignitaries in the protocol's precedence order, a hand-made order included, with their forms of address", async () => {
    const event = await createEvent(db, actor, { kind: "signing_ceremony" });
    const junior = await createDignitary(db, actor, event.id, dignitary({ honorific: "ông", name: "Trần Văn Bình", positions: ["Phó Giám đốc Sở Y tế"], delegation: "Về phía Sở Y tế" }));
    const senior = await createDignitary(db, actor, event.id, dignitary({ name: "Nguyễn Hồng Chuyên", positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"] }));
    const overridden = await createDignitary(
      db,
      actor,
      event.id,
      dignitary({ honorific: null, name: "Lê Văn Cường", positions: ["Giám đốc"], fullAddressOverride: "Thiếu tướng Lê Văn Cường, Giám đốc Công an tỉnh" }),
    );
    const precedence = await loadPrecedence(db, event.id);
    let facts = await loadPressFacts(db, event.id, published);
    expect(facts.dignitaries.map((d) => d.id)).toEqual(precedence.dignitaries.map((d) => d.id));
    expect(facts.dignitaries[0]?.id).toBe(senior.id);
    expect(facts.dignitaries.find((d) => d.id === senior.id)).toEqual({
      id: senior.id,
      invitationId: senior.invitationId,
      honorific: "đồng chí",
      name: "Nguyễn Hồng Chuyên",
      positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
      englishAddress: senior.address.english,
      delegation: null,
      organization: null,
      addressVi: null,
      sideId: null,
      roles: [],
    });
    expect(facts.dignitaries.find((d) => d.id === junior.id)?.delegation).toBe("Về phía Sở Y tế");
    expect(facts.dignitaries.find((d) => d.id === overridden.id)?.addressVi).toBe("Thiếu tướng Lê Văn Cường, Giám đốc Công an tỉnh");

    const handMade = [junior.id, overridden.id, senior.id];
    await saveManualOrder(db, actor, event.id, handMade, precedence.version);
    facts = await loadPressFacts(db, event.id, published);
    expect(facts.dignitaries.map((d) => d.id)).toEqual(handMade);
  });

  it("takes the key points of the speaking slots in agenda order, the speaker as a dignitary or by their address", async () => {
    const event = await createEvent(db, actor, { kind: "conference", startsAt: at("2024-04-10T08:00"), endsAt: at("2024-04-10T11:00") });
    const chief = await createDignitary(db, actor, event.id, dignitary({ name: "Nguyễn Hồng Chuyên", positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"] }));
    const { invitation: guest } = await createInvitation(db, {
      eventId: event.id,
      person: { honorific: "bà", fullName: "Phạm Thị Dung", positions: ["Hiệu trưởng Trường Tiểu học Trần Lãm"] },
    });
    const base = { durationMinutes: 10, responsibleUserId: null, place: null, notes: null, startsAt: null };
    await addAgendaItem(db, actor, event.id, { ...base, title: "Khai mạc", kind: "opening", speakerInvitationId: null, keyPoints: [] });
    await addAgendaItem(db, actor, event.id, { ...base, title: "Tham luận", kind: "speech", speakerInvitationId: guest.id, keyPoints: ["cho biết nhà trường đã đổi mới"] });
    await addAgendaItem(db, actor, event.id, {
      ...base,
      title: "Phát biểu chỉ đạo",
      kind: "speech",
      speakerInvitationId: chief.invitationId,
      keyPoints: ["khẳng định vai trò của giáo dục", "đề nghị các trường tiếp tục đổi mới"],
    });
    await addAgendaItem(db, actor, event.id, { ...base, title: "Báo cáo", kind: "other", speakerInvitationId: null, keyPoints: ["báo cáo kết quả năm học"] });

    const facts = await loadPressFacts(db, event.id, published);
    expect(facts.speeches.map(({ agendaItemId: _id, ...s }) => s)).toEqual([
      {
        dignitaryId: null,
        speakerName: "bà Phạm Thị Dung, Hiệu trưởng Trường Tiểu học Trần Lãm",
        speakerEnglish: expect.stringMatching(/^Ms\. Phạm Thị Dung, /u) as unknown as string,
        keyPoints: ["cho biết nhà trường đã đổi mới"],
        subjectVi: null,
        subjectEn: null,
      },
      {
        dignitaryId: chief.id,
        speakerName: null,
        speakerEnglish: null,
        keyPoints: ["khẳng định vai trò của giáo dục", "đề nghị các trường tiếp tục đổi mới"],
        subjectVi: null,
        subjectEn: null,
      },
      { dignitaryId: null, speakerName: null, speakerEnglish: null, keyPoints: ["báo cáo kết quả năm học"], subjectVi: null, subjectEn: null },
    ]);

    // The draft: the dignitary speaks first (precedence), by name only (the attendance gave the titles), the other
    // speaker after; the slot without a speaker is left out and noted.
    const draft = await draftPressSummaryForEvent(db, event.id, "vi", published);
    const remarks = draft.sources.filter((s) => s.part === "remarks").map((s) => s.text);
    expect(remarks).toEqual([
      "Tại hội nghị, đồng chí Nguyễn Hồng Chuyên khẳng định vai trò của giáo dục.",
      "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị các trường tiếp tục đổi mới.",
      "Cũng tại hội nghị, bà Phạm Thị Dung, Hiệu trưởng Trường Tiểu học Trần Lãm cho biết nhà trường đã đổi mới.",
    ]);
    expect(draft.notes).toEqual([expect.stringContaining("without a speaker were left out")]);
  });

  it("reads the ceremony model: sides with the leaders, roles, two bilateral documents, group lines, a proceeding, a date-only start", async () => {
    const tinh = await createOrganization(db, { nameVi: "Ủy ban nhân dân tỉnh Lạng Sơn", nameEn: null });
    const td = await createOrganization(db, { nameVi: "huyện Tràng Định", nameEn: null });
    const lc = await createOrganization(db, { nameVi: "huyện Long Châu", nameEn: null });
    const vl = await createOrganization(db, { nameVi: "huyện Văn Lãng", nameEn: null });
    const nm = await createOrganization(db, { nameVi: "huyện Ninh Minh", nameEn: null });
    const doc = (a: { id: string; nameVi: string }, b: { id: string; nameVi: string }) => ({
      kind: "regulation" as const,
      title: `Quy chế kết nghĩa giữa ${a.nameVi} và ${b.nameVi}`,
      titleEn: null,
      periodStart: null,
      periodEnd: null,
      aims: null,
      partyIds: [a.id, b.id],
      originals: 2,
      languages: ["vi", "zh"],
    });
    const event = await createEvent(db, actor, {
      title: "Lễ ký kết quy chế kết nghĩa",
      kind: "signing_ceremony",
      startsAt: at("2024-12-06T00:00"),
      endsAt: at("2024-12-06T23:00"),
      startPrecision: "date",
      occasion: "kỷ niệm 25 năm quan hệ hữu nghị",
      hostOrganizationId: tinh.id,
      partnerOrganizationIds: [lc.id, nm.id],
      documents: [doc(td, lc), doc(vl, nm)],
    });
    const leaders = await insertSide(db, event.id, { kind: "leaders", organizationId: null, labelVi: "lãnh đạo tỉnh", labelEn: null, headPersonId: null, language: "vi", order: 9 });
    const detail = await getEventDetail(db, event.id);
    const sideOf = (orgId: string) => detail!.sides.find((x) => x.organization?.id === orgId)!.id;
    const bithu = await createDignitary(db, actor, event.id, dignitary({ name: "Hoàng Văn Nghiệm", positions: ["Bí thư Tỉnh ủy"] }));
    const signTd = await createDignitary(db, actor, event.id, dignitary({ name: "Nông Văn A", positions: ["Bí thư Huyện ủy Tràng Định"] }));
    const signLc = await createDignitary(db, actor, event.id, dignitary({ honorific: "ông", name: "Lý B", positions: ["Bí thư Huyện ủy Long Châu"] }));
    await setDignitarySide(db, bithu.id, leaders);
    await setDignitarySide(db, signTd.id, sideOf(td.id));
    await setDignitarySide(db, signLc.id, sideOf(lc.id));
    await replaceRoles(db, bithu.id, [{ role: "witness", documentPartyId: null, position: 0 }]);
    const [first] = await listDocuments(db, [event.id]);
    await replacePartySignatories(db, first!.partyIds[sideOf(td.id)]!, [signTd.id]);
    await replacePartySignatories(db, first!.partyIds[sideOf(lc.id)]!, [signLc.id]);
    await insertAttendanceLine(db, event.id, { textVi: "các đồng chí trong Ban Thường vụ Tỉnh ủy", textEn: null, sideId: leaders, place: null, order: 0 });
    const item = await addAgendaItem(db, actor, event.id, {
      title: "Thông báo tình hình",
      kind: "other",
      durationMinutes: 10,
      responsibleUserId: null,
      place: null,
      notes: null,
      startsAt: null,
      speakerInvitationId: null,
      keyPoints: ["thông báo tình hình hợp tác năm 2024"],
    });
    await db.update(agendaItems).set({ subject: "Hai bên", subjectEn: "The two sides" }).where(eq(agendaItems.id, item.id));

    const facts = await loadPressFacts(db, event.id, published);
    expect(facts.event).toMatchObject({ timePrecision: "date", occasionVi: "kỷ niệm 25 năm quan hệ hữu nghị", contextVi: null });
    expect(facts.sides.map((x) => [x.kind, x.organization?.nameVi ?? x.labelVi])).toEqual([
      ["host", "Ủy ban nhân dân tỉnh Lạng Sơn"],
      ["guest", "huyện Long Châu"],
      ["guest", "huyện Ninh Minh"],
      ["guest", "huyện Tràng Định"],
      ["guest", "huyện Văn Lãng"],
      ["leaders", "lãnh đạo tỉnh"],
    ]);
    expect(facts.documents.map((d) => d.parties.map((p) => p.nameVi))).toEqual([
      ["huyện Tràng Định", "huyện Long Châu"],
      ["huyện Văn Lãng", "huyện Ninh Minh"],
    ]);
    expect(facts.dignitaries.find((d) => d.id === signLc.id)).toMatchObject({
      sideId: sideOf(lc.id),
      roles: [{ kind: "signatory", documentId: first!.id, sideId: sideOf(lc.id) }],
    });
    expect(facts.groupLines).toEqual([{ id: expect.any(String) as unknown as string, textVi: "các đồng chí trong Ban Thường vụ Tỉnh ủy", textEn: null, sideId: leaders, place: null, order: 0 }]);
    expect(facts.speeches).toEqual([expect.objectContaining({ subjectVi: "Hai bên", subjectEn: "The two sides" })]);

    const body = (await draftPressSummaryForEvent(db, event.id, "vi", published)).body.split("\n\n");
    expect(body).toEqual([
      "Nhân dịp kỷ niệm 25 năm quan hệ hữu nghị, ngày 6/12, Ủy ban nhân dân tỉnh Lạng Sơn tổ chức lễ ký kết quy chế kết nghĩa giữa huyện Tràng Định với huyện Long Châu, giữa huyện Văn Lãng với huyện Ninh Minh.",
      "Dự lễ ký kết có đồng chí Hoàng Văn Nghiệm, Bí thư Tỉnh ủy; cùng các đồng chí trong Ban Thường vụ Tỉnh ủy.",
      "Dưới sự chứng kiến của đồng chí Hoàng Văn Nghiệm, thay mặt hai bên, đồng chí Nông Văn A, Bí thư Huyện ủy Tràng Định, và ông Lý B, Bí thư Huyện ủy Long Châu, đã ký kết quy chế kết nghĩa giữa huyện Tràng Định với huyện Long Châu.",
      "Hai bên đã thông báo tình hình hợp tác năm 2024.",
    ]);
  });

  it("takes only the photos chosen for the press, in gallery order", async () => {
    const event = await createEvent(db, actor);
    const second = await insertPhoto(event.id, { position: 2, captionVi: "Ảnh hai", credit: "Minh Đức" });
    await insertPhoto(event.id, { position: 1, captionVi: "Không đưa vào bài", includeInPress: false });
    const first = await insertPhoto(event.id, { position: 0, captionVi: "Ảnh một", captionEn: "Photo one" });
    const other = await createEvent(db, actor);
    await insertPhoto(other.id, { position: 0, captionVi: "Sự kiện khác" });
    const facts = await loadPressFacts(db, event.id, published);
    expect(facts.photos).toEqual([
      { id: first, captionVi: "Ảnh một", captionEn: "Photo one", credit: null },
      { id: second, captionVi: "Ảnh hai", captionEn: null, credit: "Minh Đức" },
    ]);
  });

  it("refuses an unknown event with not_found", async () => {
    await expectServiceError(loadPressFacts(db, randomUUID(), published), "not_found");
  });
});
