import { describe, expect, it, test } from "vitest";
import { Glossary } from "../glossary/translate";
import { cardLanguage, companionCardEn, placeCardEn } from "./place-card";

const person = (honorific: string | null, name: string) => ({ honorific, name, shortVi: "", language: "vi" as const });
const side = (labelVi: string | null, extra: Partial<{ labelEn: string; nameVi: string; nameEn: string; language: string }> = {}) => ({
  labelVi,
  labelEn: extra.labelEn ?? null,
  organization: extra.nameVi ? { nameVi: extra.nameVi, nameEn: extra.nameEn ?? null } : null,
  language: extra.language ?? "vi",
});

describe("placeCardEn", () => {
  test.each([
    ["đồng chí", "Nguyễn Hồng Chuyên", "Nguyễn Hồng Chuyên"],
    ["Đại tướng, GS,TS", "Tô Lâm", "General Prof. Dr. Tô Lâm"],
    ["TS.", "Hoàng Văn Giang", "Dr. Hoàng Văn Giang"],
    ["bà", "Trần Thị B", "Ms. Trần Thị B"],
    ["Thiếu tướng", "Lê Văn C", "Major General Lê Văn C"],
    [null, "John Smith", "John Smith"],
  ])("%s %s → %s (no 'Comrade', ranks before the name)", (h, name, expected) => {
    expect(placeCardEn(person(h, name), null)).toEqual({ name: expected, side: null, untranslated: [] });
  });

  test("the delegation: its English label, else the organisation's English name, else the glossary, else marked", () => {
    expect(placeCardEn(person(null, "A"), side("Bộ Công an", { labelEn: "Public Security" })).side).toBe("Public Security");
    expect(placeCardEn(person(null, "A"), side(null, { nameVi: "Sở Giáo dục và Đào tạo", nameEn: "Thai Binh DOET" })).side).toBe("Thai Binh DOET");
    expect(placeCardEn(person(null, "A"), side("Bộ Công an")).side).toBe("Ministry of Public Security");
    expect(placeCardEn(person(null, "A"), side("tỉnh Thái Bình")).side).toBe("Thái Bình province");
    expect(placeCardEn(person(null, "A"), side("Hợp tác xã Tân Lập"))).toEqual({
      name: "A",
      side: "Hợp tác xã Tân Lập (in Vietnamese, to be translated)",
      untranslated: ["Hợp tác xã Tân Lập"],
    });
  });

  test("a term the organisation added to the glossary is used", () => {
    const glossary = new Glossary([{ kind: "body", vi: "Hợp tác xã Tân Lập", en: "Tân Lập Cooperative" }]);
    expect(placeCardEn(person(null, "A"), side("Hợp tác xã Tân Lập"), glossary)).toEqual({ name: "A", side: "Tân Lập Cooperative", untranslated: [] });
  });
});

describe("cardLanguage", () => {
  test("asked for, else the guest's own language, else English for a foreign delegation", () => {
    expect(cardLanguage("vi", { language: "en" }, null)).toBe("vi");
    expect(cardLanguage("en", { language: "vi" }, null)).toBe("en");
    expect(cardLanguage("auto", { language: "en" }, null)).toBe("en");
    expect(cardLanguage("auto", { language: "vi" }, { language: "lo" })).toBe("en");
    expect(cardLanguage("auto", { language: "vi" }, { language: "vi" })).toBe("vi");
    expect(cardLanguage("auto", { language: "vi" }, null)).toBe("vi");
  });
});

describe("companionCardEn", () => {
  it("names the companion as typed and the host as English papers write them", () => {
    expect(companionCardEn("Đỗ Thư Ký", { honorific: "bà", name: "Phạm Thị Phó" })).toEqual({ name: "Đỗ Thư Ký", host: "Ms. Phạm Thị Phó", untranslated: [] });
  });
});
