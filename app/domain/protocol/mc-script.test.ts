import { describe, expect, it } from "vitest";
import { introducedByName, mcScript } from "./mc-script";

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
