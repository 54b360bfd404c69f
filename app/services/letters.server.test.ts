import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createOrganization, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { letterOptionsFrom } from "~/domain/letter/letter-options.schema";
import { loadLetter, loadLettersPage } from "./letters.server";

describe("the invitation letter from the database", () => {
  let database: Database;
  let db: Db;
  let eventId: string;
  let bareEventId: string;
  let inviteeId: string;
  let withdrawnId: string;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    const actor = { id: user.id, name: user.name };
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
    withdrawnId = (await createInvitation(db, { eventId, person: { fullName: "Lê Thị Rút" }, withdrawnAt: new Date() })).invitation.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("lists the active invitees with names and positions only", async () => {
    const page = await loadLettersPage(db, eventId);
    expect(page?.event.host).toEqual({ nameVi: "Sở Văn hóa, Thể thao và Du lịch", nameEn: null, shortName: "Sở VHTTDL" });
    expect(page?.event.parent?.nameVi).toBe("Ủy ban nhân dân tỉnh Nam Định");
    expect(page?.invitees.map((i) => i.id)).toEqual([inviteeId]);
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
    expect(many?.letter.attachedList?.people).toEqual(["Mr. Trần Văn Bình, Director of the Department of Finance"]);
  });

  it("has no letter for a withdrawn or unknown invitee, or an unknown event; an event without a host gets dots", async () => {
    expect(await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams(`to=${withdrawnId}`)))).toBeNull();
    expect(await loadLetter(db, eventId, letterOptionsFrom(new URLSearchParams("to=nope")))).toBeNull();
    expect(await loadLetter(db, "00000000-0000-0000-0000-000000000000", letterOptionsFrom(new URLSearchParams("")))).toBeNull();
    const bare = await loadLetter(db, bareEventId, letterOptionsFrom(new URLSearchParams("")));
    expect(bare?.letter.letterhead.issuer).toBe("…");
  });
});
