import { describe, expect, it } from "vitest";
import type { GroupAttendanceLine } from "../ceremony/types";
import { draftPressSummary } from "./draft";
import type { PressDignitary, PressDocument, PressFacts, PressOrganization, PressSide, PressSpeech } from "./types";

const ZONE = "Asia/Ho_Chi_Minh";
const hcm = (local: string) => new Date(`${local}:00+07:00`);
const org = (id: string, nameVi: string, nameEn: string | null = null): PressOrganization => ({ id, nameVi, nameEn });
const side = (id: string, kind: PressSide["kind"], organization: PressOrganization | null, labelVi: string | null = null, labelEn: string | null = null, order = 0): PressSide => ({
  id, kind, organization, labelVi, labelEn, order,
});
function person(id: string, name: string, positions: string[], englishAddress: string, extra: Partial<PressDignitary> = {}): PressDignitary {
  return { id, invitationId: `i-${id}`, honorific: "đồng chí", name, positions, englishAddress, delegation: null, organization: null, ...extra };
}
const line = (id: string, textVi: string, textEn: string | null, sideId: string | null, place: number | null = null, order = 0): GroupAttendanceLine => ({
  id, textVi, textEn, sideId, place, order,
});
const doc = (id: string, title: string, parties: PressOrganization[], partySideIds: string[], extra: Partial<PressDocument> = {}): PressDocument => ({
  id, kind: "regulation", title, periodStart: null, periodEnd: null, aims: null, parties, partySideIds, ...extra,
});
const speech = (keyPoints: string[], extra: Partial<PressSpeech> = {}): PressSpeech => ({ agendaItemId: "a1", dignitaryId: null, speakerName: null, keyPoints, ...extra });

function facts(overrides: Partial<PressFacts>, event: Partial<PressFacts["event"]> = {}): PressFacts {
  return {
    event: {
      id: "e",
      title: "Lễ ký kết",
      kind: "signing_ceremony",
      startsAt: hcm("2024-03-12T09:00"),
      endsAt: hcm("2024-03-12T11:00"),
      timeZone: ZONE,
      venueName: null,
      venueRoom: null,
      venueAddress: null,
      description: null,
      ...event,
    },
    hosts: [],
    sides: [],
    documents: [],
    dignitaries: [],
    groupLines: [],
    speeches: [],
    photos: [],
    byline: null,
    publishedOn: hcm("2024-03-12T18:00"),
    ...overrides,
  };
}
const body = (f: PressFacts, language: "vi" | "en") => draftPressSummary(f, language).body.split("\n\n");

// --- A regulation between two ministries, the country's leaders above the sides -----------------------------
const BCA = org("bca", "Bộ Công an", "Ministry of Public Security");
const BQP = org("bqp", "Bộ Quốc phòng", "Ministry of National Defence");
const sides = [side("lead", "leaders", null, "lãnh đạo Đảng, Nhà nước", "Party and State leaders"), side("s-bca", "host", BCA, null, null, 1), side("s-bqp", "guest", BQP, null, null, 2)];
const QUYCHE = doc("d1", "Quy chế phối hợp giữa Bộ Công an và Bộ Quốc phòng", [BCA, BQP], ["s-bca", "s-bqp"]);
const an = person("an", "Nguyễn Văn An", ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ"], "Nguyễn Văn An, Politburo Member, Deputy Prime Minister", {
  sideId: "lead",
  roles: [{ kind: "witness" }],
});
const binh = person("binh", "Trần Thị Bình", ["Bí thư Trung ương Đảng"], "Trần Thị Bình, Secretary of the Party Central Committee", { sideId: "lead" });
const cuong = person("cuong", "Lê Văn Cường", ["Bộ trưởng Bộ Công an"], "Lê Văn Cường, Minister of Public Security", { honorific: "Đại tướng", sideId: "s-bca" });
const dung = person("dung", "Phạm Văn Dũng", ["Bộ trưởng Bộ Quốc phòng"], "Phạm Văn Dũng, Minister of National Defence", { honorific: "Đại tướng", sideId: "s-bqp" });
const em = person("em", "Hoàng Văn Em", ["Thứ trưởng Bộ Công an"], "Hoàng Văn Em, Deputy Minister of Public Security", {
  honorific: "Thượng tướng",
  sideId: "s-bca",
  roles: [{ kind: "signatory", documentId: "d1", sideId: "s-bca" }],
});
const giang = person("giang", "Vũ Văn Giang", ["Thứ trưởng Bộ Quốc phòng"], "Vũ Văn Giang, Deputy Minister of National Defence", {
  honorific: "Thượng tướng",
  sideId: "s-bqp",
  roles: [{ kind: "signatory", documentId: "d1", sideId: "s-bqp" }],
});
const ministries = facts(
  {
    hosts: [BCA, BQP],
    sides,
    documents: [QUYCHE],
    // one precedence order across the sides: the leaders first, then the ministers, then the deputies
    dignitaries: [an, binh, cuong, dung, em, giang],
    groupLines: [line("g1", "đại diện lãnh đạo các cục, vụ chức năng", "representatives of the departments", "s-bca")],
  },
  { startsAt: hcm("2024-03-12T00:00"), timePrecision: "date" },
);

describe("ceremony draft: leaders above the sides, witnesses, signatories, a date-only start", () => {
  it("Vietnamese", () => {
    expect(body(ministries, "vi")).toEqual([
      "Ngày 12/3, Bộ Công an phối hợp với Bộ Quốc phòng tổ chức lễ ký kết quy chế phối hợp.",
      "Dự lễ ký kết có đồng chí Nguyễn Văn An, Ủy viên Bộ Chính trị, Phó Thủ tướng Chính phủ; đồng chí Trần Thị Bình, Bí thư Trung ương Đảng. Về phía Bộ Công an có Đại tướng Lê Văn Cường, Bộ trưởng Bộ Công an; cùng đại diện lãnh đạo các cục, vụ chức năng; về phía Bộ Quốc phòng có Đại tướng Phạm Văn Dũng, Bộ trưởng Bộ Quốc phòng.",
      "Dưới sự chứng kiến của đồng chí Nguyễn Văn An, thay mặt hai bên, Thượng tướng Hoàng Văn Em, Thứ trưởng Bộ Công an, và Thượng tướng Vũ Văn Giang, Thứ trưởng Bộ Quốc phòng, đã ký kết quy chế phối hợp.",
    ]);
  });
  it("English", () => {
    expect(body(ministries, "en")).toEqual([
      "On 12 March, the Ministry of Public Security, in coordination with the Ministry of National Defence, held a ceremony to sign a coordination regulation.",
      "The ceremony was attended by Nguyễn Văn An, Politburo Member, Deputy Prime Minister; Trần Thị Bình, Secretary of the Party Central Committee. The Ministry of Public Security was represented by Lê Văn Cường, Minister of Public Security; along with representatives of the departments. The Ministry of National Defence was represented by Phạm Văn Dũng, Minister of National Defence.",
      "Hoàng Văn Em, Deputy Minister of Public Security, and Vũ Văn Giang, Deputy Minister of National Defence, signed the coordination regulation on behalf of the two sides, witnessed by Nguyễn Văn An.",
    ]);
  });
});

describe("headlines", () => {
  it("name what was signed, without party list", () => {
    expect(draftPressSummary(ministries, "vi").title).toBe("Ký kết quy chế phối hợp");
    expect(draftPressSummary(ministries, "en").title).toBe("Public security and defence ministries sign coordination regulation");
  });
});

// --- Three districts each twinned with a partner across the border ---------------------------------------------
const TINH = org("ls", "Ủy ban nhân dân tỉnh Lạng Sơn", "Lạng Sơn Provincial People's Committee");
const TD = org("td", "huyện Tràng Định", "Tràng Định district");
const LC = org("lc", "huyện Long Châu", "Longzhou county");
const VL = org("vl", "huyện Văn Lãng", "Văn Lãng district");
const NM = org("nm", "huyện Ninh Minh", "Ningming county");
const CL = org("cl", "huyện Cao Lộc", "Cao Lộc district");
const BT = org("bt", "khu Bằng Tường", "Pingxiang");
const twinSides = [
  side("t0", "host", TINH, "tỉnh Lạng Sơn", "Lạng Sơn province"),
  side("t1", "host", TD),
  side("t2", "guest", LC),
  side("t3", "host", VL),
  side("t4", "guest", NM),
  side("t5", "host", CL),
  side("t6", "guest", BT),
];
const twin = (id: string, a: PressOrganization, b: PressOrganization, sa: string, sb: string) =>
  doc(id, `Quy chế kết nghĩa giữa ${a.nameVi} và ${b.nameVi}`, [a, b], [sa, sb], { periodStart: 2024, periodEnd: 2029 });
const twinning = facts({
  hosts: [TINH, TD, LC, VL, NM, CL, BT],
  sides: twinSides,
  documents: [twin("k1", TD, LC, "t1", "t2"), twin("k2", VL, NM, "t3", "t4"), twin("k3", CL, BT, "t5", "t6")],
});

describe("several bilateral documents of one kind", () => {
  it("the lead names each pair: giữa A với B, giữa C với D", () => {
    expect(body(twinning, "vi")[0]).toBe(
      "Sáng ngày 12/3, Ủy ban nhân dân tỉnh Lạng Sơn phối hợp với huyện Tràng Định, huyện Văn Lãng và huyện Cao Lộc tổ chức lễ ký kết quy chế kết nghĩa giữa huyện Tràng Định với huyện Long Châu, giữa huyện Văn Lãng với huyện Ninh Minh, giữa huyện Cao Lộc với khu Bằng Tường giai đoạn 2024 – 2029.",
    );
    expect(body(twinning, "en")[0]).toBe(
      "On the morning of 12 March, the Lạng Sơn Provincial People's Committee, in coordination with the Tràng Định district, the Văn Lãng district and the Cao Lộc district, held a ceremony to sign twinning regulations between the Tràng Định district and the Longzhou county, between the Văn Lãng district and the Ningming county and between the Cao Lộc district and the Pingxiang for the period 2024 – 2029.",
    );
    expect(draftPressSummary(twinning, "vi").title).toBe("Ký kết quy chế kết nghĩa");
    expect(draftPressSummary(twinning, "en").title).toBe("Twinning regulations signed");
  });
});

// --- A review conference with a chair, an occasion, group lines and proceedings ---------------------------------
const TBH = org("tbh", "Tỉnh ủy Thái Bình", "Thái Bình Provincial Party Committee");
const SGD = org("sgd", "Sở Giáo dục và Đào tạo", "Department of Education and Training");
const chuyen = person(
  "chuyen",
  "Nguyễn Hồng Chuyên",
  ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
  "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department",
  { sideId: "p-lead", roles: [{ kind: "chair" }, { kind: "speaker" }] },
);
const hoa = person("hoa", "Lê Thị Hoa", ["Giám đốc Sở Giáo dục và Đào tạo"], "Ms. Lê Thị Hoa, Director of the Department of Education and Training", {
  honorific: "bà",
  sideId: "p-sgd",
});
const review = facts(
  {
    hosts: [TBH],
    sides: [side("p-lead", "leaders", null, "lãnh đạo tỉnh"), side("p-sgd", "guest", SGD)],
    documents: [],
    dignitaries: [chuyen, hoa],
    groupLines: [
      line("l1", "các đồng chí trong Ban Thường vụ Tỉnh ủy", "members of the Standing Committee of the Provincial Party Committee", "p-lead", null, 1),
      line("l2", "đại diện lãnh đạo các sở, ban, ngành", null, "p-lead", null, 2),
      line("l3", "đại diện lãnh đạo Sở", "the department's leaders", "p-sgd", null, 3),
    ],
    speeches: [
      speech(["thông báo tình hình thực hiện chương trình phối hợp năm 2023"], { subjectVi: "Hai bên", subjectEn: "The two sides" }),
      speech(["Khẳng định sự phối hợp là đòn bẩy", "đề nghị xây dựng bộ tiêu chí"], { agendaItemId: "a2", dignitaryId: "chuyen" }),
    ],
    photos: [{ id: "p1", captionVi: "Toàn cảnh hội nghị.", captionEn: null, credit: "Ảnh: Đặng Anh" }],
  },
  {
    title: "Hội nghị sơ kết chương trình phối hợp",
    kind: "conference",
    startsAt: hcm("2024-09-05T08:00"),
    occasionVi: "Nhân dịp kỷ niệm 70 năm Ngày thành lập ngành Giáo dục tỉnh",
    occasionEn: "the 70th anniversary of the province's education sector",
    contextVi: "Tuần lễ giáo dục tỉnh",
    contextEn: null,
  },
);

describe("chair, occasion and context, group lines, proceedings, second mentions", () => {
  it("Vietnamese", () => {
    expect(body(review, "vi")).toEqual([
      "Nhân dịp kỷ niệm 70 năm Ngày thành lập ngành Giáo dục tỉnh, trong khuôn khổ Tuần lễ giáo dục tỉnh, sáng ngày 5/9, Tỉnh ủy Thái Bình tổ chức hội nghị sơ kết chương trình phối hợp.",
      "![Toàn cảnh hội nghị.](photo:p1)",
      "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy chủ trì hội nghị. Dự hội nghị có các đồng chí trong Ban Thường vụ Tỉnh ủy; đại diện lãnh đạo các sở, ban, ngành. Về phía Sở Giáo dục và Đào tạo có bà Lê Thị Hoa, Giám đốc Sở Giáo dục và Đào tạo; cùng đại diện lãnh đạo Sở.",
      "Hai bên đã thông báo tình hình thực hiện chương trình phối hợp năm 2023.",
      "Tại hội nghị, đồng chí Nguyễn Hồng Chuyên khẳng định sự phối hợp là đòn bẩy.",
      "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị xây dựng bộ tiêu chí.",
      "Ảnh: Đặng Anh",
    ]);
  });
  it("English", () => {
    expect(body(review, "en")).toEqual([
      "On the occasion of the 70th anniversary of the province's education sector, as part of “Tuần lễ giáo dục tỉnh” (in Vietnamese, to be translated), on the morning of 5 September, the Thái Bình Provincial Party Committee held a conference, titled “Hội nghị sơ kết chương trình phối hợp” (in Vietnamese, to be translated).",
      "![Toàn cảnh hội nghị. (in Vietnamese, to be translated)](photo:p1)",
      "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department, chaired the conference. The conference was attended by members of the Standing Committee of the Provincial Party Committee; đại diện lãnh đạo các sở, ban, ngành (in Vietnamese, to be translated). The Department of Education and Training was represented by Ms. Lê Thị Hoa, Director of the Department of Education and Training; along with the department's leaders.",
      "The two sides reported (in Vietnamese, to be translated): thông báo tình hình thực hiện chương trình phối hợp năm 2023.",
      "At the conference, Nguyễn Hồng Chuyên spoke (in Vietnamese, to be translated): Khẳng định sự phối hợp là đòn bẩy.",
      "Nguyễn Hồng Chuyên also spoke (in Vietnamese, to be translated): đề nghị xây dựng bộ tiêu chí.",
      "Photo: Đặng Anh",
    ]);
  });
});

describe("issue 10: photo credit and aims typed as a list", () => {
  it("prints a credit typed with its label once", () => {
    const f = facts({ photos: [{ id: "p", captionVi: null, captionEn: null, credit: "Ảnh: Đặng Anh" }, { id: "q", captionVi: null, captionEn: null, credit: "Photo: Minh Đức" }] });
    expect(body(f, "vi").at(-1)).toBe("Ảnh: Đặng Anh, Minh Đức");
    expect(body(f, "en").at(-1)).toBe("Photos: Đặng Anh, Minh Đức");
  });

  it("reads aims typed as a list as one sentence, items joined by semicolons, no escaped dashes", () => {
    const aims = "Hai bên thống nhất:\n- Tăng cường tuyên truyền chủ trương của Đảng;\n- phối hợp tổ chức các hội nghị, hội thảo;\n• nắm bắt tình hình tư tưởng của giáo viên.\n\n1. xây dựng bộ tiêu chí\n2. sơ kết hằng năm";
    const f = facts({ hosts: [TBH, SGD], documents: [doc("d", "Chương trình phối hợp công tác", [TBH, SGD], [], { aims })] });
    const content = draftPressSummary(f, "vi").sources.filter((s) => s.part === "content").map((s) => s.text);
    expect(content).toEqual([
      "Hai bên thống nhất: tăng cường tuyên truyền chủ trương của Đảng; phối hợp tổ chức các hội nghị, hội thảo; nắm bắt tình hình tư tưởng của giáo viên.",
      "Theo chương trình phối hợp công tác, hai bên thống nhất xây dựng bộ tiêu chí; sơ kết hằng năm.",
    ]);
    expect(draftPressSummary(f, "vi").body).not.toContain("\\-");
  });
});

describe("time precision", () => {
  it("a date-only start never states a time of day, in either language", () => {
    const f = facts({ hosts: [TBH] }, { title: "Hội nghị tổng kết", kind: "conference", startsAt: hcm("2024-12-06T00:00"), timePrecision: "date" });
    expect(body(f, "vi")[0]).toBe("Ngày 6/12, Tỉnh ủy Thái Bình tổ chức hội nghị tổng kết.");
    expect(body(f, "en")[0]).toMatch(/^On 6 December, the Thái Bình Provincial Party Committee held a conference/u);
    expect(draftPressSummary(f, "vi").sources[1]?.facts[0]).toBe("event.startsAt (date only) = 06/12/2024");
  });
});

describe("signing several bilateral documents", () => {
  it("one sentence per document, each naming its pair; the lead's party list is not repeated for a single document", () => {
    const a = person("a", "Nông Văn A", ["Bí thư Huyện ủy Tràng Định"], "Nông Văn A, Secretary of the District Party Committee", {
      sideId: "t1",
      roles: [{ kind: "signatory", documentId: "k1", sideId: "t1" }],
    });
    const b = person("b", "Lý B", ["Bí thư Huyện ủy Long Châu"], "Mr. Lý B, Party Secretary of Longzhou county", {
      honorific: "ông",
      sideId: "t2",
      roles: [{ kind: "signatory", documentId: "k1", sideId: "t2" }],
    });
    const c = person("c", "Hoàng C", ["Bí thư Huyện ủy Văn Lãng"], "Hoàng C, Secretary of the District Party Committee", {
      sideId: "t3",
      roles: [{ kind: "signatory", documentId: "k2", sideId: "t3" }],
    });
    const d = person("d", "Vương D", ["Bí thư Huyện ủy Ninh Minh"], "Mr. Vương D, Party Secretary of Ningming county", {
      honorific: "ông",
      sideId: "t4",
      roles: [{ kind: "signatory", documentId: "k2", sideId: "t4" }],
    });
    const f = { ...twinning, documents: twinning.documents.slice(0, 2), dignitaries: [a, b, c, d] };
    expect(draftPressSummary(f, "vi").sources.find((s) => s.part === "content")?.text).toBe(
      "Thay mặt hai bên, đồng chí Nông Văn A, Bí thư Huyện ủy Tràng Định, và ông Lý B, Bí thư Huyện ủy Long Châu, đã ký kết quy chế kết nghĩa giữa huyện Tràng Định với huyện Long Châu giai đoạn 2024 – 2029. Thay mặt hai bên, đồng chí Hoàng C, Bí thư Huyện ủy Văn Lãng, và ông Vương D, Bí thư Huyện ủy Ninh Minh, đã ký kết quy chế kết nghĩa giữa huyện Văn Lãng với huyện Ninh Minh giai đoạn 2024 – 2029.",
    );
    expect(draftPressSummary(ministries, "vi").sources.find((s) => s.part === "content")?.text).toMatch(/đã ký kết quy chế phối hợp\.$/u);
  });
});
