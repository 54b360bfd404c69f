import { describe, expect, test } from "vitest";
import { bodyKind, invitationLetter, placeOf, symbolOf, type LetterInput } from "./invitation-letter";

const base = {
  event: {
    title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
    titleEn: null,
    startsAt: new Date("2017-10-19T07:00:00Z"),
    endsAt: new Date("2017-10-19T09:00:00Z"),
    timeZone: "Asia/Ho_Chi_Minh",
    startPrecision: "time" as const,
    venueName: "Hội trường Tỉnh ủy",
    venueNameEn: null,
    venueRoom: null,
    venueAddress: "Thành phố Thái Bình, tỉnh Thái Bình",
  },
  agenda: [
    { startsAt: new Date("2017-10-19T07:00:00Z"), title: "Tuyên bố lý do, giới thiệu đại biểu", titleEn: null },
    { startsAt: new Date("2017-10-19T07:30:00Z"), title: "Chụp ảnh lưu niệm", titleEn: null },
  ],
  addressee: { honorific: "đồng chí", name: "Lại Văn Hoàn", positions: ["Phó Chủ tịch UBND tỉnh Thái Bình"], organization: null },
};

const party: LetterInput = {
  ...base,
  host: { nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: null, shortName: "Ban Tuyên giáo" },
  parent: { nameVi: "Tỉnh ủy Thái Bình", nameEn: null, shortName: "Tỉnh ủy" },
  signer: { authority: "KT", onBehalfOf: "Trưởng ban", position: "Phó Trưởng ban", name: "Nguyễn Văn A" },
};

const state: LetterInput = {
  ...base,
  host: { nameVi: "Sở Giáo dục và Đào tạo", nameEn: null, shortName: "Sở GD&ĐT" },
  parent: { nameVi: "Ủy ban nhân dân tỉnh Thái Bình", nameEn: null, shortName: "UBND tỉnh" },
  signer: { authority: "", onBehalfOf: "", position: "Giám đốc", name: "Trần Thị B" },
  issuedOn: new Date("2017-10-05T03:00:00Z"),
};

describe("bodyKind, symbolOf, placeOf", () => {
  test.each([
    ["Tỉnh ủy Thái Bình", "party"],
    ["Tỉnh uỷ Thái Bình", "party"],
    ["Ban Tuyên giáo Tỉnh ủy", "party"],
    ["Đảng ủy Khối các cơ quan tỉnh", "party"],
    ["Huyện ủy Vũ Thư", "party"],
    ["Ban Chấp hành Trung ương", "party"],
    ["Ủy ban nhân dân tỉnh Thái Bình", "state"],
    ["Sở Giáo dục và Đào tạo", "state"],
    ["Ban Quản lý dự án", "state"],
  ])("%s is a %s body", (name, kind) => {
    expect(bodyKind(name)).toBe(kind);
  });
  test("symbols from the short name", () => {
    expect(symbolOf(party.host, party.parent)).toBe("BTGTU");
    expect(symbolOf(state.host, state.parent)).toBe("SGDĐT");
    expect(symbolOf({ nameVi: "Ủy ban nhân dân tỉnh Thái Bình", nameEn: null, shortName: "UBND tỉnh" }, null)).toBe("UBND");
    expect(symbolOf({ nameVi: "Tỉnh ủy Thái Bình", nameEn: null, shortName: "Tỉnh ủy" }, null)).toBe("TU");
  });
  test("the place is the province named last", () => {
    expect(placeOf("Thành phố Thái Bình, tỉnh Thái Bình")).toBe("Thái Bình");
    expect(placeOf(null, "Hội trường", "Ủy ban nhân dân thành phố Hải Phòng")).toBe("Hải Phòng");
    expect(placeOf("Hội trường A")).toBeNull();
  });
});

describe("invitationLetter", () => {
  test("a Party body's letter in Vietnamese: the Party's header, 'Số …-GM/…', dots for the clerk", () => {
    expect(invitationLetter(party, "vi")).toEqual({
      locale: "vi",
      kind: "party",
      letterhead: { superior: "TỈNH ỦY THÁI BÌNH", issuer: "BAN TUYÊN GIÁO", star: true, national: "ĐẢNG CỘNG SẢN VIỆT NAM", motto: null },
      number: "Số …-GM/BTGTU",
      placeDate: "Thái Bình, ngày … tháng … năm …",
      title: "GIẤY MỜI",
      addressee: "Kính gửi: Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh Thái Bình",
      opening: "Ban Tuyên giáo Tỉnh ủy trân trọng kính mời đồng chí tới dự Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
      details: [
        { label: "Thời gian", text: "14:00 – 16:00, Thứ 5, 19/10/2017" },
        { label: "Địa điểm", text: "Hội trường Tỉnh ủy, Thành phố Thái Bình, tỉnh Thái Bình" },
      ],
      programmeLabel: "Chương trình",
      programme: [
        { time: "14:00", title: "Tuyên bố lý do, giới thiệu đại biểu" },
        { time: "14:30", title: "Chụp ảnh lưu niệm" },
      ],
      closing: "Rất mong đồng chí dành thời gian tới dự.",
      signer: { lines: ["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"], name: "Nguyễn Văn A" },
      recipientsLabel: "Nơi nhận:",
      recipients: ["- Như trên;", "- Lưu: VT, BTGTU."],
      attachedList: null,
      untranslated: [],
    });
  });

  test("a Party body's letter in English: translated by the glossary, the rest kept and marked", () => {
    const en = invitationLetter(party, "en");
    expect(en.letterhead).toEqual({
      superior: "THÁI BÌNH PROVINCIAL PARTY COMMITTEE",
      issuer: "PROPAGANDA DEPARTMENT OF THE PROVINCIAL PARTY COMMITTEE",
      star: true,
      national: "COMMUNIST PARTY OF VIET NAM",
      motto: null,
    });
    expect(en.number).toBe("No. …-GM/BTGTU");
    expect(en.title).toBe("LETTER OF INVITATION");
    expect(en.addressee).toBe("To: Lại Văn Hoàn, Vice Chairman of the Thái Bình Provincial People's Committee");
    expect(en.opening).toBe(
      "The Propaganda Department of the Provincial Party Committee has the honour to invite Lại Văn Hoàn to attend the Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020 (in Vietnamese, to be translated).",
    );
    expect(en.details).toEqual([
      { label: "Time", text: "14:00 – 16:00, Thursday, 19 October 2017" },
      { label: "Venue", text: "Hall of the Provincial Party Committee, Thái Bình city, Thái Bình province" },
    ]);
    expect(en.programme).toEqual([
      { time: "14:00", title: "Opening statement and introduction of guests" },
      { time: "14:30", title: "Souvenir photo" },
    ]);
    expect(en.recipients).toEqual(["- As above;", "- Filed: Office, BTGTU."]);
    expect(en.placeDate).toBe("Thái Bình, date: …");
    // "KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN": the head of the issuing body, read with its name.
    expect(en.signer.lines).toEqual([
      "FOR HEAD OF THE PROPAGANDA DEPARTMENT OF THE PROVINCIAL PARTY COMMITTEE",
      "DEPUTY HEAD OF THE PROPAGANDA DEPARTMENT OF THE PROVINCIAL PARTY COMMITTEE",
    ]);
    expect(en.untranslated).toEqual([]);
  });

  test("a State body's letter in Vietnamese: the national motto block, 'Số: …/GM-…', the date of issue with its zeros", () => {
    const vi = invitationLetter(state, "vi");
    expect(vi.letterhead).toEqual({
      superior: "ỦY BAN NHÂN DÂN TỈNH THÁI BÌNH",
      issuer: "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
      star: false,
      national: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
    });
    expect(vi.number).toBe("Số: …/GM-SGDĐT");
    expect(vi.placeDate).toBe("Thái Bình, ngày 05 tháng 10 năm 2017");
    expect(vi.signer).toEqual({ lines: ["GIÁM ĐỐC"], name: "Trần Thị B" });
    expect(vi.recipients).toEqual(["- Như trên;", "- Lưu: VT, SGDĐT."]);
  });

  test("a State body's letter in English", () => {
    const en = invitationLetter(state, "en");
    expect(en.letterhead).toEqual({
      superior: "THÁI BÌNH PROVINCIAL PEOPLE'S COMMITTEE",
      issuer: "DEPARTMENT OF EDUCATION AND TRAINING",
      star: false,
      national: "SOCIALIST REPUBLIC OF VIET NAM",
      motto: "Independence - Freedom - Happiness",
    });
    expect(en.number).toBe("No.: …/GM-SGDĐT");
    expect(en.placeDate).toBe("Thái Bình, 5 October 2017");
    expect(en.signer).toEqual({ lines: ["DIRECTOR"], name: "Trần Thị B" });
    expect(en.untranslated).toEqual([]);
  });

  test("a Party committee heading its own letter sits under its Party organisation", () => {
    const tu = invitationLetter({ ...party, host: { nameVi: "Tỉnh ủy Thái Bình", nameEn: null, shortName: "Tỉnh ủy" }, parent: null }, "vi");
    expect(tu.letterhead).toEqual({ superior: "ĐẢNG BỘ TỈNH THÁI BÌNH", issuer: "TỈNH ỦY THÁI BÌNH", star: true, national: "ĐẢNG CỘNG SẢN VIỆT NAM", motto: null });
    expect(tu.number).toBe("Số …-GM/TU");
    const hu = invitationLetter({ ...party, host: { nameVi: "Thành ủy Hải Phòng", nameEn: null, shortName: null }, parent: null }, "vi");
    expect(hu.letterhead.superior).toBe("ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG");
  });

  test("one letter to many; a date-only event has no time of day anywhere; overrides win", () => {
    const many = invitationLetter(
      {
        ...state,
        addressee: null,
        attached: [base.addressee, { honorific: null, name: "Phạm Thu", positions: [], organization: null }],
        event: { ...state.event, startPrecision: "date", startsAt: new Date("2017-10-18T17:00:00Z"), endsAt: new Date("2017-10-18T17:00:00Z") },
        symbol: "SGD",
        place: "Vũ Thư",
        signer: { authority: "TM", onBehalfOf: "Ban Giám đốc", position: "Giám đốc", name: "Trần Thị B" },
      },
      "vi",
    );
    expect(many.addressee).toBe("Kính gửi: Các đại biểu theo danh sách kèm theo");
    expect(many.opening).toBe("Sở Giáo dục và Đào tạo trân trọng kính mời Quý đại biểu tới dự Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.");
    expect(many.details[0]).toEqual({ label: "Thời gian", text: "Thứ 5, 19/10/2017" });
    expect(many.programme.map((p) => p.time)).toEqual([null, null]);
    expect(many.number).toBe("Số: …/GM-SGD");
    expect(many.placeDate).toBe("Vũ Thư, ngày 05 tháng 10 năm 2017");
    expect(many.signer.lines).toEqual(["TM. BAN GIÁM ĐỐC", "GIÁM ĐỐC"]);
    expect(many.attachedList).toEqual({
      title: "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI",
      reference: "(Kèm theo Giấy mời số …/GM-SGD)",
      people: ["Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh Thái Bình", "Phạm Thu"],
    });
    expect(invitationLetter({ ...party, addressee: null, attached: [base.addressee] }, "en").attachedList).toEqual({
      title: "LIST OF INVITED GUESTS",
      reference: "(Attached to letter of invitation No. …-GM/BTGTU)",
      people: ["Lại Văn Hoàn, Vice Chairman of the Thái Bình Provincial People's Committee"],
    });
  });
});
