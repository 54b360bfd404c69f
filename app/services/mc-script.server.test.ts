import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { buildDocumentInput, createEvent, createInvitation, createOrganization } from "#db/factories";
import { dignitaries } from "#db/schema/index";
import { saveSide, setPartySignatories } from "./ceremony.server";
import { SEED_EVENT_UID, seedDemo, seedSpeechKeyPoints } from "#db/seed";
import { testDatabase, testDatabaseWithActor } from "#db/testing";
import { findEventIdByCalendarUid } from "~/models/events.server";
import { addAgendaItem, getAgendaView, insertSigningTemplate, updateAgendaItem } from "./agenda.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";
import { documentInSentenceEn, getMcScript, introducedInOrder, programmeInSentence, regenerateMcScript, saveMcScript } from "./mc-script.server";

const at = (local: string) => new Date(`2031-04-10T${local}:00+07:00`);

async function refused(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected a ServiceError");
}

describe("MC script", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;

  beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
  afterAll(() => database.close());

  async function dignitary(eventId: string, person: { honorific: string; name: string; positions: string[] }, entryOrder: number) {
    const { invitation } = await createInvitation(db, {
      eventId,
      role: "dignitary",
      person: { honorific: person.honorific, fullName: person.name, positions: person.positions },
    });
    const [row] = await db
      .insert(dignitaries)
      .values({ eventId, invitationId: invitation.id, ...person, entryOrder })
      .returning({ id: dignitaries.id });
    return { invitationId: invitation.id, dignitaryId: row!.id };
  }

  async function ceremony() {
    const host = await createOrganization(db, { nameVi: `Ban Tuyên giáo Tỉnh ủy ${Math.random().toString(36).slice(2, 6)}` });
    const partner = await createOrganization(db, { nameVi: `Sở Giáo dục và Đào tạo ${Math.random().toString(36).slice(2, 6)}` });
    const event = await createEvent(db, actor, {
      kind: "signing_ceremony",
      startsAt: at("14:00"),
      endsAt: at("16:00"),
      hostOrganizationId: host.id,
      partnerOrganizationIds: [partner.id],
      documents: [
        buildDocumentInput([host.id, partner.id], {
          title: "Chương trình phối hợp công tác giai đoạn 2031 – 2035",
          periodStart: 2031,
          periodEnd: 2035,
        }),
      ],
    });
    return { event, host, partner };
  }

  it("is written from the agenda and the dignitaries in precedence order", async () => {
    const { event, host, partner } = await ceremony();
    // Entered lowest rank first: precedence, not entry order, decides.
    const director = await dignitary(event.id, { honorific: "ông", name: "Trần Văn Giám", positions: ["Giám đốc Sở Giáo dục và Đào tạo"] }, 1);
    const chuyen = await dignitary(
      event.id,
      {
        honorific: "đồng chí",
        name: "Nguyễn Hồng Chuyên",
        positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
      },
      2,
    );
    const guest = await createInvitation(db, {
      eventId: event.id,
      person: { honorific: "bà", fullName: "Lê Thị Khách", positions: ["Hiệu trưởng Trường Tiểu học Trần Lãm"] },
    });
    const [document] = event.documents;
    const [hostSide, partnerSide] = document!.partySideIds;
    await setPartySignatories(db, actor, event.id, document!.id, hostSide!, [chuyen.dignitaryId]);
    await setPartySignatories(db, actor, event.id, document!.id, partnerSide!, [director.dignitaryId]);
    const view = await insertSigningTemplate(db, actor, event.id, "vi");
    await updateAgendaItem(db, actor, event.id, view.items[5]!.id, { speakerInvitationId: chuyen.invitationId });
    await updateAgendaItem(db, actor, event.id, view.items[3]!.id, { speakerInvitationId: guest.invitation.id });

    const script = await getMcScript(db, event.id, "vi");
    expect(script.saved).toBeNull();
    expect(script.dignitaryCount).toBe(2);
    const text = script.text;
    expect(text).toContain(
      "14:00 – 14:05  Chào cờ, Quốc ca\nKính thưa đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy; kính thưa các đồng chí lãnh đạo, các vị đại biểu!",
    );
    expect(text).toContain("chúng tôi xin trân trọng giới thiệu:\n– Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy;");
    // A department director is introduced by name because he signs (every signatory is; by rank he would not be).
    expect(text).toContain("– Ông Trần Văn Giám, Giám đốc Sở Giáo dục và Đào tạo;\nCùng các đồng chí lãnh đạo, các vị đại biểu.");
    expect(text).toContain(`${host.nameVi} phối hợp với ${partner.nameVi} tổ chức lễ ký kết`);
    expect(text).toContain("Thực hiện chương trình phối hợp công tác giai đoạn 2031 – 2035");
    // Speakers: a dignitary by their snapshot, an invitee by the directory.
    expect(text).toContain("xin trân trọng kính mời bà Lê Thị Khách, Hiệu trưởng Trường Tiểu học Trần Lãm phát biểu.");
    expect(text).toContain("xin trân trọng kính mời đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy phát biểu.");
    expect(text).toContain(
      "kính mời đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy và ông Trần Văn Giám, Giám đốc Sở Giáo dục và Đào tạo lên ký kết",
    );

    const english = await getMcScript(db, event.id, "en");
    expect(english.text).toContain("Honourable Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee");
    // Headings are the agenda's English titles, else the glossary's for the usual items, else marked.
    expect(english.text).toContain("14:50 – 14:55  Closing\nThis concludes the ceremony.");
    expect(english.text).toContain("Principal of the Trường Tiểu học Trần Lãm (in Vietnamese, to be translated)");
    expect(english.text).not.toMatch(/Bí thư|Hiệu trưởng|Giám đốc/u);
  });

  it("names the host side as the organizer when the host exists only as a ceremony side", async () => {
    const tag = Math.random().toString(36).slice(2, 6);
    const cmd = await createOrganization(db, { nameVi: `Bộ Chỉ huy Quân sự tỉnh Thái Bình ${tag}`, nameEn: `Thai Binh Military Command ${tag}` });
    const police = await createOrganization(db, { nameVi: `Công an tỉnh Thái Bình ${tag}` });
    const border = await createOrganization(db, { nameVi: `Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình ${tag}` });
    const event = await createEvent(db, actor, { kind: "signing_ceremony", startsAt: at("14:00"), endsAt: at("16:00") });
    const side = (kind: "host" | "guest", organizationId: string) =>
      saveSide(db, actor, event.id, null, { kind, organizationId, labelVi: null, labelEn: null, headPersonId: null, language: "vi" });
    // The guests entered first: the order of the sides must not make a guest the organizer.
    await side("guest", police.id);
    await side("host", cmd.id);
    await side("guest", border.id);
    await insertSigningTemplate(db, actor, event.id, "vi");

    const vi = await getMcScript(db, event.id, "vi");
    expect(vi.text).toContain(`hôm nay ${cmd.nameVi} tổ chức lễ ký kết.`);
    expect(vi.text).not.toContain(`${police.nameVi} phối hợp với`);
    const en = await getMcScript(db, event.id, "en");
    expect(en.text).toContain(`Today the ${cmd.nameEn} holds the signing of the cooperation programme.`);
  });

  it("uses an address override, mid-sentence in lower case", async () => {
    const { event } = await ceremony();
    const d = await dignitary(event.id, { honorific: "ông", name: "A", positions: ["Bí thư Tỉnh ủy"] }, 1);
    await db
      .update(dignitaries)
      .set({ fullAddressOverride: "Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Thái Bình" })
      .where(eq(dignitaries.id, d.dignitaryId));
    await insertSigningTemplate(db, actor, event.id, "vi");
    const text = (await getMcScript(db, event.id, "vi")).text;
    expect(text).toContain("Kính thưa đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Thái Bình; kính thưa");
    expect(text).toContain("– Đồng chí Nguyễn Văn A, Bí thư Tỉnh ủy Thái Bình;");
  });

  it("keeps an edited text per language, refuses a stale save, and regenerates on request", async () => {
    const { event } = await ceremony();
    await insertSigningTemplate(db, actor, event.id, "vi");
    const before = await getMcScript(db, event.id, "vi");
    expect(before.version).toBe("");

    await saveMcScript(db, actor, event.id, "vi", "  Kính thưa quý vị!\r\nLời dẫn đã sửa.  ", before.version);
    const edited = await getMcScript(db, event.id, "vi");
    expect(edited.text).toBe("Kính thưa quý vị!\nLời dẫn đã sửa.");
    expect(edited.saved?.updatedBy).toBe("Cán bộ tổ chức");
    expect(edited.outOfDate).toBe(false);
    // The English script is still the generated one.
    expect((await getMcScript(db, event.id, "en")).saved).toBeNull();

    const stale = await refused(saveMcScript(db, actor, event.id, "vi", "Bản khác", before.version));
    expect(stale.code).toBe("conflict");
    expect(stale.message).toBe("agenda.mc.errors.stale");
    const empty = await refused(saveMcScript(db, actor, event.id, "vi", "   ", edited.version));
    expect(empty.fields).toEqual({ text: "errors.required" });

    // The agenda changes afterwards: the edited text says it may be out of date.
    await addAgendaItem(db, actor, event.id, {
      startsAt: null,
      durationMinutes: 10,
      title: "Tặng hoa",
      kind: "gifts",
      responsibleUserId: null,
      speakerInvitationId: null,
      place: null,
      notes: null,
      keyPoints: [],
    });
    expect((await getMcScript(db, event.id, "vi")).outOfDate).toBe(true);

    await regenerateMcScript(db, actor, event.id, "vi", edited.version);
    const regenerated = await getMcScript(db, event.id, "vi");
    expect(regenerated.saved).toBeNull();
    expect(regenerated.text).toContain("Tặng hoa");
    expect((await getAgendaView(db, event.id)).items).toHaveLength(9);
  });

  it("greets everyone together when there are no dignitaries", async () => {
    const { event } = await ceremony();
    await insertSigningTemplate(db, actor, event.id, "vi");
    const text = (await getMcScript(db, event.id, "vi")).text;
    expect(text).toContain("Kính thưa các đồng chí lãnh đạo, các vị đại biểu!");
    expect(text).toContain("Tới dự buổi lễ hôm nay, chúng tôi xin trân trọng giới thiệu:\nCác đồng chí lãnh đạo, các vị đại biểu.");
  });
});

describe("the demo ceremony (db/seed.ts)", () => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  it("has the article's order of proceedings, added once, and an MC script that invites Comrade Nguyễn Hồng Chuyên", async () => {
    await seedDemo(db);
    await seedDemo(db);
    const eventId = (await findEventIdByCalendarUid(db, SEED_EVENT_UID))!;
    const view = await getAgendaView(db, eventId);
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    expect(view.items.map((i) => `${hhmm(i.startsAt)}+${i.durationMinutes} ${i.kind}`)).toEqual([
      "06:45+15 arrival",
      "07:00+5 opening",
      "07:05+10 introduction",
      "07:15+15 other",
      "07:30+15 signing",
      "07:45+20 speech",
      "08:05+10 photo",
      "08:15+5 closing",
    ]);
    expect(view.items.flatMap((i) => i.issues)).toEqual([]);
    const speech = view.items[5]!;
    expect(speech.keyPoints).toEqual(seedSpeechKeyPoints);
    expect(speech.keyPoints[0]).toMatch(/^khẳng định sự phối hợp giữa hai cơ quan là đòn bẩy/);
    const text = (await getMcScript(db, eventId, "vi")).text;
    expect(text).toContain("kính mời đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy phát biểu.");
    expect(text).toContain("Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết");
  });
});

describe("helpers", () => {
  it("programmeInSentence lower-cases a common noun, not an acronym", () => {
    expect(programmeInSentence("Chương trình phối hợp")).toBe("chương trình phối hợp");
    expect(programmeInSentence("UBND tỉnh và …")).toBe("UBND tỉnh và …");
  });

  it("introducedInOrder names the leadership and anyone placed by hand above them", () => {
    const rank = (r: number) => ({ kind: "rank" as const, position: "x", rank: r, level: "provincial" as const });
    expect(
      introducedInOrder([
        { rankReason: { kind: "unknown" }, moved: true },
        { rankReason: rank(130), moved: false },
        { rankReason: rank(175), moved: false },
        { rankReason: { kind: "unknown" }, moved: true },
      ]),
    ).toEqual([true, true, false, false]);
  });
});

describe("documentInSentenceEn", () => {
  it.each([
    ["Staff training cooperation agreement", "the staff training cooperation agreement"],
    ["The 2031–2035 cooperation programme", "the 2031–2035 cooperation programme"],
    ["Cooperation programme", "the cooperation programme"],
    ["Thái Bình – Hà Nam twinning regulation", "the Thái Bình – Hà Nam twinning regulation"],
    ["Chương trình phối hợp (in Vietnamese, to be translated)", "Chương trình phối hợp (in Vietnamese, to be translated)"],
  ])("%s → %s", (title, expected) => {
    expect(documentInSentenceEn(title)).toBe(expected);
  });
});
