import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { letterOptionsFrom } from "~/domain/letter/letter-options.schema";
import { loadLetter, loadLetterFor, loadLettersPage, saveLetterSettings } from "./letters.server";

describe("the invitation letter from the database", () => {
  let database: Database;
  let db: Db;
  let eventId: string;
  let bareEventId: string;
  let inviteeId: string;
  let withdrawnId: string;
  let englishId: string;
  let actor: { id: string; name: string };

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
    const ubnd = await createOrganization(db, { nameVi: "Ủy ban nhân dân tỉnh Nam Định", shortName: "UBND tỉnh" });
    const so = await createOrganization(db, { nameVi: "Sở Văn hóa, Thể thao và Du lịch", shortName: "Sở VHTTDL", parentId: ubnd.id });
    eventId = (
      await createEvent(db, actor, {
        title: "Hội nghị tổng kết",
        hostOrganizationId: so.id,
        venueAddress: "thành phố Nam Định, tỉnh Nam Định",
        startsAt: new Date("2030-03-04T01:30:00Z"),
        endsAt: new Date("2030-03-04T04:00:00Z"),
      })
    ).id;
    bareEventId = (await createEvent(db, actor, { hostOrganizationId: null })).id;
    inviteeId = (
      await createInvitation(db, { eventId, person: { honorific: "ông", fullName: "Trần Văn Bình", positions: ["Giám đốc Sở Tài chính"], email: "binh@x.vn" } })
    ).invitation.id;
    englishId = (
      await createInvitation(db, { eventId, person: { honorific: "ông", fullName: "John Smith", positions: ["Giám đốc Sở Tài chính"], language: "en" } })
    ).invitation.id;
    withdrawnId = (await createInvitation(db, { eventId, person: { fullName: "Lê Thị Rút" }, withdrawnAt: new Date() })).invitation.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists the active invitees with names and positions only", async () => {
    const page = await loadLettersPage(db, eventId);
    expect(page?.event.host).toEqual({ nameVi: "Sở Văn hóa, Thể thao và Du lịch", nameEn: null, shortName: "Sở VHTTDL" });
    expect(page?.event.parent?.nameVi).toBe("Ủy ban nhân dân tỉnh Nam Định");
    expect(page?.invitees.map((i) => i.id)).toEqual([englishId, inviteeId]);
    expect(Object.keys(page!.invitees[0]!).sort()).toEqual(["honorific", "id", "language", "name", "organization", "positions"]);
  });

  it("makes one invitee's letter, and the letter to many", async () => {
    const one = await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams(`to=${inviteeId}&signer=Phạm Thu&position=Giám đốc&date=2030-03-01`)));
    expect(one?.inviteeName).toBe("Trần Văn Bình");
    expect(one?.letter.letterhead).toMatchObject({ superior: "ỦY BAN NHÂN DÂN TỈNH NAM ĐỊNH", issuer: "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", star: false });
    expect(one?.letter.number).toBe("Số: …/GM-SVHTTDL");
    expect(one?.letter.placeDate).toBe("Nam Định, ngày 01 tháng 3 năm 2030");
    expect(one?.letter.addressee).toBe("Kính gửi: Ông Trần Văn Bình, Giám đốc Sở Tài chính");
    expect(one?.letter.details[0]?.text).toBe("08:30 – 11:00, Thứ 2, 04/03/2030");
    const many = await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams("to=all&lang=en")));
    expect(many?.inviteeName).toBeNull();
    expect(many?.letter.addressee).toBe("To: The guests on the attached list");
    expect(many?.letter.attachedList?.people).toEqual(["Mr. John Smith, Director of the Department of Finance", "Mr. Trần Văn Bình, Director of the Department of Finance"]);
  });

  it("has no letter for a withdrawn or unknown invitee, or an unknown event; an event without a host gets dots", async () => {
    expect(await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams(`to=${withdrawnId}`)))).toBeNull();
    expect(await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams("to=nope")))).toBeNull();
    expect(await loadLetter(db, "00000000-0000-0000-0000-000000000000", letterOptionsFrom(new URLSearchParams("")))).toBeNull();
    const bare = await loadLetter(db, bareEventId, letterOptionsFrom(new URLSearchParams("")));
    expect(bare?.letter.letterhead.issuer).toBe("…");
  });

  it("saves the letter settings per event; the print, PDF and .docx are prefilled from them, a query value still wins", async () => {
    expect((await loadLettersPage(db, eventId))?.settings).toEqual({ authority: "", onBehalfOf: "", position: "", signerName: "", symbol: "", place: "", issuedOn: "" });
    const settings = { authority: "KT" as const, onBehalfOf: "Giám đốc", position: "Phó Giám đốc", signerName: "Phạm Thu", symbol: "SVH", place: "Nam Định", issuedOn: "2030-02-20" };
    await saveLetterSettings(db, actor, eventId, settings);
    expect((await loadLettersPage(db, eventId))?.settings).toEqual(settings);
    const one = await loadLetterFor(db, eventId, new URLSearchParams(`to=${inviteeId}`));
    expect(one?.options).toMatchObject({ lang: "vi", authority: "KT", signer: "Phạm Thu", symbol: "SVH", date: "2030-02-20" });
    expect(one?.letter.number).toBe("Số: …/GM-SVH");
    expect(one?.letter.placeDate).toBe("Nam Định, ngày 20 tháng 02 năm 2030");
    expect(one?.letter.signer).toEqual({ lines: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], name: "Phạm Thu" });
    const overridden = await loadLetterFor(db, eventId, new URLSearchParams(`to=${inviteeId}&signer=Lê Văn Khác&symbol=X`));
    expect(overridden?.letter.signer.name).toBe("Lê Văn Khác");
    expect(overridden?.letter.number).toBe("Số: …/GM-X");
    // Saving again replaces the row (one per event).
    await saveLetterSettings(db, actor, eventId, { ...settings, signerName: "Phạm Thu Hà", issuedOn: "" });
    const again = await loadLetterFor(db, eventId, new URLSearchParams(`to=${inviteeId}`));
    expect(again?.letter.signer.name).toBe("Phạm Thu Hà");
    expect(again?.letter.placeDate).toBe("Nam Định, ngày … tháng … năm …");
  });

  it("writes to an invitee in their own language unless the query asks for the other", async () => {
    const english = await loadLetterFor(db, eventId, new URLSearchParams(`to=${englishId}`));
    expect(english?.options.lang).toBe("en");
    expect(english?.letter.title).toBe("LETTER OF INVITATION");
    expect(english?.letter.addressee).toBe("To: Mr. John Smith, Director of the Department of Finance");
    expect((await loadLetterFor(db, eventId, new URLSearchParams(`to=${englishId}&lang=vi`)))?.letter.title).toBe("GIẤY MỜI");
    expect((await loadLetterFor(db, eventId, new URLSearchParams(`to=${inviteeId}`)))?.letter.title).toBe("GIẤY MỜI");
    expect((await loadLetterFor(db, eventId, new URLSearchParams("to=all")))?.letter.title).toBe("GIẤY MỜI");
    expect(await loadLetterFor(db, eventId, new URLSearchParams(`to=${withdrawnId}`))).toBeNull();
  });
});
