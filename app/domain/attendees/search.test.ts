import { describe, expect, it } from "vitest";
import { foldForSearch } from "../text/search";
import { attendeeSearchPattern, vietnameseFoldTable } from "./search";

describe("vietnameseFoldTable", () => {
  it("maps one character to one character", () => {
    expect([...vietnameseFoldTable.from]).toHaveLength(vietnameseFoldTable.to.length);
  });
  it("covers every precomposed Vietnamese letter in both cases, đ and A–Z", () => {
    const sample = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬàáảãạăằắẳẵặâầấẩẫậĐđÈÉẺẼẸÊỀẾỂỄỆèéẻẽẹêềếểễệÌÍỈĨỊìíỉĩịÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢòóỏõọôồốổỗộơờớởỡợÙÚỦŨỤƯỪỨỬỮỰùúủũụưừứửữựỲÝỶỸỴỳýỷỹỵ";
    for (const c of sample) expect(vietnameseFoldTable.from, c).toContain(c);
  });
  it("folds organizations the way foldForSearch folds queries (as the database's translate() + lower() apply it)", () => {
    const { from, to } = vietnameseFoldTable;
    const fold = (text: string) => [...text].map((c) => (from.includes(c) ? to[[...from].indexOf(c)] : c)).join("").toLowerCase();
    for (const org of ["Sở Giáo dục và Đào tạo", "BAN TUYÊN GIÁO TỈNH ỦY", "Ủy ban Mặt trận Tổ quốc", "Trường THPT Nguyễn Đức Cảnh"])
      expect(fold(org)).toBe(foldForSearch(org));
  });
});

describe("attendeeSearchPattern", () => {
  it("folds the query and wraps it for LIKE", () => {
    expect(attendeeSearchPattern("  Nguyễn  HỒNG chuyên ")).toBe("%nguyen hong chuyen%");
    expect(attendeeSearchPattern("nguyen hong chuyen")).toBe("%nguyen hong chuyen%");
  });
  it("escapes LIKE wildcards", () => {
    expect(attendeeSearchPattern("50%_off")).toBe("%50\\%\\_off%");
  });
  it("is null for a blank query", () => {
    expect(attendeeSearchPattern("   ")).toBeNull();
    expect(attendeeSearchPattern(null)).toBeNull();
  });
});
