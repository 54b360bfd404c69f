import { describe, expect, it } from "vitest";
import { introducedByName, mcScript, type McSide } from "./mc-script";

const chuyen = {
  id: "d1",
  honorific: "đồng chí",
  name: "Nguyễn Hồng Chuyên",
  positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
  introduceByName: true,
};
const director = { id: "d2", honorific: "ông", name: "Nguyễn Văn A", positions: ["Phó Giám đốc Sở Tài chính"], introduceByName: false };
const items = [
  { id: "i1", kind: "opening" as const, title: "Chào cờ" },
  { id: "i2", kind: "introduction" as const, title: "Tuyên bố lý do, giới thiệu đại biểu" },
  { id: "i3", kind: "speech" as const, title: "Phát biểu của lãnh đạo", speaker: chuyen },
  { id: "i4", kind: "signing" as const, title: "Ký kết" },
  { id: "i5", kind: "closing" as const, title: "Bế mạc" },
];
const base = {
  hostName: "Ban Tuyên giáo Tỉnh ủy",
  partnerNames: ["Sở Giáo dục và Đào tạo"],
  programme: "chương trình phối hợp công tác giai đoạn 2017 – 2020",
  dignitaries: [chuyen, director],
  items,
};

describe("mcScript (vi)", () => {
  const script = mcScript({ ...base, locale: "vi" });
  it("greets the single highest-ranking person by name, then everyone together", () => {
    expect(script[0]!.lines[0]).toBe(
      "Kính thưa đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy; kính thưa các đồng chí lãnh đạo, các vị đại biểu!",
    );
  });
  it("introduces only the leadership by name, the others together", () => {
    const intro = script[1]!.lines.join("\n");
    expect(intro).toContain("Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết");
    expect(intro).toContain("– Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy;");
    expect(intro).not.toContain("Nguyễn Văn A");
    expect(intro).toContain("Cùng các đồng chí lãnh đạo, các vị đại biểu.");
  });
  it("invites speakers and signatories by their full address", () => {
    expect(script[2]!.lines[0]).toBe(
      "Tiếp theo chương trình, xin trân trọng kính mời đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy phát biểu.",
    );
    const withSigners = mcScript({
      ...base,
      locale: "vi",
      signatories: [
        { honorific: "đồng chí", name: "A", positions: ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"] },
        { honorific: "ông", name: "B", positions: ["Giám đốc Sở Giáo dục và Đào tạo"] },
      ],
    });
    expect(withSigners[3]!.lines[0]).toBe(
      "Sau đây, xin trân trọng kính mời đồng chí A, Phó Trưởng ban Tuyên giáo Tỉnh ủy và ông B, Giám đốc Sở Giáo dục và Đào tạo lên ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
    );
  });
  it("announces any other item by its title", () => {
    const other = mcScript({ ...base, locale: "vi", items: [{ id: "x", kind: "other", title: "Văn nghệ chào mừng" }] });
    expect(other[0]!.lines).toEqual(["Tiếp theo chương trình: Văn nghệ chào mừng."]);
  });
  it("has one section per agenda item, in order", () => {
    expect(script.map((s) => s.itemId)).toEqual(["i1", "i2", "i3", "i4", "i5"]);
  });
});

describe("mcScript (en)", () => {
  it("writes the same order in English", () => {
    const script = mcScript({ ...base, locale: "en" });
    expect(script[0]!.lines[0]).toContain("Honourable Nguyễn Hồng Chuyên, Member of the Standing Committee");
    expect(script[1]!.lines.join(" ")).toContain("Ban Tuyên giáo Tỉnh ủy and Sở Giáo dục và Đào tạo");
  });
});

describe("introducedByName", () => {
  it("names provincial leadership, not department deputies or unknown positions", () => {
    expect(introducedByName({ kind: "rank", position: "x", rank: 130, level: "provincial" })).toBe(true);
    expect(introducedByName({ kind: "rank", position: "x", rank: 175, level: "provincial" })).toBe(false);
    expect(introducedByName({ kind: "unknown" })).toBe(false);
    expect(introducedByName({ kind: "manual" })).toBe(true);
  });
});

describe("mcScript: ceremony roles, several documents, group lines, proceedings", () => {
  const deputy = { id: "d3", honorific: "ông", name: "Trần Văn C", positions: ["Phó Giám đốc Sở Giáo dục và Đào tạo"], introduceByName: false, roles: ["signatory"] };
  const tgDeputy = { id: "d4", honorific: "đồng chí", name: "Lê Thị D", positions: ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], introduceByName: false, roles: ["signatory"] };
  const witness = { id: "d5", honorific: "đồng chí", name: "Phạm Văn E", positions: ["Phó Chủ tịch UBND tỉnh"], introduceByName: false, roles: ["witness"] };
  const chair = { ...chuyen, roles: ["chair"] };
  const input = {
    ...base,
    dignitaries: [chair, witness, tgDeputy, deputy, director],
    witnesses: [witness],
    groupLines: ["các đồng chí trong Ban Thường vụ Tỉnh ủy"],
    documents: [
      { id: "k1", phrase: "quy chế kết nghĩa giữa huyện A và huyện B", signatories: [tgDeputy] },
      { id: "k2", phrase: "quy chế kết nghĩa giữa huyện C và huyện D", signatories: [deputy] },
    ],
    items: [
      { id: "i2", kind: "introduction" as const, title: "Giới thiệu đại biểu" },
      { id: "i3", kind: "speech" as const, title: "Thông báo tình hình thực hiện chương trình", subject: "Hai bên" },
      { id: "i4", kind: "signing" as const, title: "Ký kết", documentId: "k1" },
      { id: "i5", kind: "signing" as const, title: "Ký kết", documentId: "k2" },
    ],
  };

  it("introduces the chairs, the witnesses and every signatory by name, whatever their rank; group lines after them", () => {
    expect(mcScript({ ...input, locale: "vi" })[0]!.lines).toEqual([
      "Thực hiện chương trình phối hợp công tác giai đoạn 2017 – 2020, hôm nay Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.",
      "Tới dự buổi lễ hôm nay, chúng tôi xin trân trọng giới thiệu:",
      "– Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy;",
      "– Đồng chí Phạm Văn E, Phó Chủ tịch UBND tỉnh;",
      "– Đồng chí Lê Thị D, Phó Trưởng ban Tuyên giáo Tỉnh ủy;",
      "– Ông Trần Văn C, Phó Giám đốc Sở Giáo dục và Đào tạo;",
      "– Các đồng chí trong Ban Thường vụ Tỉnh ủy;",
      "Cùng các đồng chí lãnh đạo, các vị đại biểu.",
      "Chủ trì buổi lễ: đồng chí Nguyễn Hồng Chuyên.",
      "Xin trân trọng cảm ơn sự có mặt của các đồng chí.",
    ]);
    expect(mcScript({ ...input, locale: "en" })[0]!.lines).toContain("The ceremony is chaired by Nguyễn Hồng Chuyên.");
  });

  it("announces each document's signing with its signatories, the witnesses invited before the first", () => {
    const script = mcScript({ ...input, locale: "vi" });
    expect(script[2]!.lines).toEqual([
      "Xin trân trọng kính mời đồng chí Phạm Văn E, Phó Chủ tịch UBND tỉnh lên chứng kiến lễ ký kết.",
      "Xin trân trọng kính mời đồng chí Lê Thị D, Phó Trưởng ban Tuyên giáo Tỉnh ủy lên ký kết quy chế kết nghĩa giữa huyện A và huyện B.",
    ]);
    expect(script[3]!.lines).toEqual([
      "Xin trân trọng kính mời ông Trần Văn C, Phó Giám đốc Sở Giáo dục và Đào tạo lên ký kết quy chế kết nghĩa giữa huyện C và huyện D.",
    ]);
    const documentsEn = [
      { id: "k1", phrase: "the twinning regulation between district A and district B", signatories: [tgDeputy] },
      { id: "k2", phrase: "the twinning regulation between district C and district D", signatories: [deputy] },
    ];
    const all = mcScript({ ...input, locale: "en", documents: documentsEn, items: [{ id: "s", kind: "signing" as const, title: "Signing" }] });
    expect(all[0]!.lines).toEqual([
      "We invite Phạm Văn E, Vice Chairman of the Provincial People's Committee, to witness the signing.",
      "We now invite Lê Thị D, Deputy Head of the Propaganda Department of the Provincial Party Committee, to sign the twinning regulation between district A and district B.",
      "We now invite Mr. Trần Văn C, Deputy Director of the Department of Education and Training, to sign the twinning regulation between district C and district D.",
    ]);
  });

  it("gives a proceeding without a speaker to its subject", () => {
    expect(mcScript({ ...input, locale: "vi" })[1]!.lines).toEqual(["Tiếp theo chương trình, xin kính mời hai bên: Thông báo tình hình thực hiện chương trình."]);
    expect(mcScript({ ...input, locale: "en", items: [{ id: "p", kind: "other" as const, title: "Reports", subject: "the two sides" }] })[0]!.lines).toEqual([
      "Next, the two sides: Reports.",
    ]);
  });
});

describe("mcScript: the organizers when the host is a ceremony side", () => {
  const programme = "chương trình phối hợp giai đoạn 2026 – 2030";
  const cat = { kind: "host" as const, organizationName: "Bộ Chỉ huy Quân sự tỉnh Thái Bình" };
  const police = { kind: "guest" as const, organizationName: "Công an tỉnh Thái Bình" };
  const border = { kind: "guest" as const, organizationName: "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình" };
  const leaders = { kind: "leaders" as const, organizationName: null };
  const intro = (locale: "vi" | "en", hostName: string | null, sides: McSide[]) =>
    mcScript({ locale, hostName, partnerNames: [], sides, programme, dignitaries: [], items: [items[1]!] })[0]!.lines[0];

  it("names the host side, not a guest, with three parties and no host organization", () => {
    expect(intro("vi", null, [leaders, police, cat, border])).toBe(
      "Thực hiện chương trình phối hợp giai đoạn 2026 – 2030, hôm nay Bộ Chỉ huy Quân sự tỉnh Thái Bình tổ chức lễ ký kết.",
    );
    expect(intro("en", null, [leaders, police, cat, border])).toBe(
      "Today Bộ Chỉ huy Quân sự tỉnh Thái Bình holds the signing of chương trình phối hợp giai đoạn 2026 – 2030.",
    );
  });

  it("puts the host side first with two parties (the guest co-organizes, as the press draft says)", () => {
    expect(intro("vi", null, [police, cat])).toBe(
      "Thực hiện chương trình phối hợp giai đoạn 2026 – 2030, hôm nay Bộ Chỉ huy Quân sự tỉnh Thái Bình phối hợp với Công an tỉnh Thái Bình tổ chức lễ ký kết.",
    );
  });

  it("names the host organization, then a host side of another organization", () => {
    expect(intro("vi", "Ủy ban nhân dân tỉnh Thái Bình", [cat, police, border])).toBe(
      "Thực hiện chương trình phối hợp giai đoạn 2026 – 2030, hôm nay Ủy ban nhân dân tỉnh Thái Bình phối hợp với Bộ Chỉ huy Quân sự tỉnh Thái Bình tổ chức lễ ký kết.",
    );
  });
});
