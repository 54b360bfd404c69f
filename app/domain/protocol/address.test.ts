import { describe, expect, it } from "vitest";
import { englishAddress, fullAddress, inlineAddress, positionEn, shortAddress } from "./address";

const chuyen = {
  honorific: "đồng chí",
  name: "Nguyễn Hồng Chuyên",
  positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
};

describe("forms of address", () => {
  it("writes the seed article's full form exactly", () => {
    expect(fullAddress(chuyen)).toBe(
      "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy",
    );
    expect(inlineAddress(chuyen)).toBe(
      "đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy",
    );
  });
  it("normalises the address word however it was typed", () => {
    expect(shortAddress({ ...chuyen, honorific: "Đồng Chí" })).toBe("Đồng chí Nguyễn Hồng Chuyên");
    expect(shortAddress({ ...chuyen, honorific: "ÔNG" })).toBe("Ông Nguyễn Hồng Chuyên");
    expect(inlineAddress({ honorific: "bà", name: "Trần Thị B", positions: [] })).toBe("bà Trần Thị B");
  });
  it("puts military and academic ranks before the name unchanged", () => {
    expect(fullAddress({ honorific: "Thiếu tướng", name: "Lê Văn C", positions: ["Giám đốc Công an tỉnh"] })).toBe(
      "Thiếu tướng Lê Văn C, Giám đốc Công an tỉnh",
    );
    expect(inlineAddress({ honorific: "PGS.TS.", name: "Phạm D", positions: [] })).toBe("PGS.TS. Phạm D");
  });
  it("drops blank positions and works without an honorific", () => {
    expect(fullAddress({ honorific: null, name: "  Hoàng E ", positions: [" ", "Hiệu trưởng"] })).toBe("Hoàng E, Hiệu trưởng");
  });
});

describe("English", () => {
  it("translates known positions and omits 'đồng chí'", () => {
    expect(englishAddress(chuyen)).toBe(
      "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department of the Provincial Party Committee",
    );
  });
  it("uses Mr./Ms. and rank translations, and keeps unknown positions as written, marked", () => {
    expect(englishAddress({ honorific: "ông", name: "Nguyễn Văn A", positions: ["Giám đốc Sở Giáo dục và Đào tạo"] })).toBe(
      "Mr. Nguyễn Văn A, Director of the Department of Education and Training",
    );
    expect(englishAddress({ honorific: "Thiếu tướng", name: "Lê Văn C", positions: ["Chức vụ lạ"] })).toBe(
      "Major General Lê Văn C, Chức vụ lạ (in Vietnamese, to be translated)",
    );
    expect(positionEn("Bí thư Tỉnh ủy")).toBe("Secretary of the Provincial Party Committee");
  });
});

describe("military and police ranks in English", () => {
  it("stand before the name, translated", () => {
    expect(englishAddress({ honorific: "Thượng tá", name: "Trần Văn Bình", positions: [] })).toBe("Senior Lieutenant Colonel Trần Văn Bình");
    expect(englishAddress({ honorific: "Trung tá", name: "Lê C", positions: [] })).toBe("Lieutenant Colonel Lê C");
    expect(englishAddress({ honorific: "Thiếu tá", name: "Lê D", positions: [] })).toBe("Major Lê D");
  });
});
