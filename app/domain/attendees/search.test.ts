import { describe, expect, it } from "vitest";
import { foldForSearch } from "../text/search";
import { attendeeSearchPattern, foldedSearchRegex, foldLikeSql, vietnameseFoldTable } from "./search";

describe("vietnameseFoldTable", () => {
  it("maps one character to one character", () => {
    expect([...vietnameseFoldTable.from]).toHaveLength(vietnameseFoldTable.to.length);
  });
  it("covers every precomposed Vietnamese letter in both cases, đ and A–Z", () => {
    const sample = "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬàáảãạăằắẳẵặâầấẩẫậĐđÈÉẺẼẸÊỀẾỂỄỆèéẻẽẹêềếểễệÌÍỈĨỊìíỉĩịÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢòóỏõọôồốổỗộơờớởỡợÙÚỦŨỤƯỪỨỬỮỰùúủũụưừứửữựỲÝỶỸỴỳýỷỹỵ";
    for (const c of sample) expect(vietnameseFoldTable.from, c).toContain(c);
  });
  it("folds organizations the way foldForSearch folds queries", () => {
    for (const org of ["Sở Giáo dục và Đào tạo", "BAN TUYÊN GIÁO TỈNH ỦY", "Ủy ban Mặt trận Tổ quốc", "Trường THPT Nguyễn Đức Cảnh"])
      expect(foldLikeSql(org)).toBe(foldForSearch(org));
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

describe("foldedSearchRegex", () => {
  const matches = (q: string, text: string) => new RegExp(foldedSearchRegex(q)!).test(text);
  it("finds a folded query in accented text, in any case", () => {
    expect(matches("so giao duc", "Sở Giáo dục và Đào tạo")).toBe(true);
    expect(matches("SỞ GIÁO", "Sở Giáo dục và Đào tạo")).toBe(true);
    expect(matches("dao tao", "SỞ GIÁO DỤC VÀ ĐÀO TẠO")).toBe(true);
    expect(matches("tuyen giao", "Ban Tuyên giáo Tỉnh ủy")).toBe(true);
    expect(matches("so y te", "Sở Tài chính")).toBe(false);
  });
  it("agrees with folding the text, for every organization and query tried", () => {
    const orgs = ["Ủy ban Mặt trận Tổ quốc", "Trường THPT Nguyễn Đức Cảnh", "Hội Liên hiệp Phụ nữ (tỉnh)", "Công ty 1-2-3 & Cộng sự"];
    const queries = ["uy ban", "mat tran to", "nguyen duc", "duc canh", "(tinh)", "1-2-3 &", "phu nu", "cong su", "xyz"];
    for (const org of orgs)
      for (const q of queries) expect(matches(q, org), `${q} in ${org}`).toBe(foldForSearch(org).includes(foldForSearch(q)));
  });
  it("takes regular-expression characters literally", () => {
    expect(matches(".*", "abc")).toBe(false);
    expect(matches("a.c", "a.c")).toBe(true);
    expect(matches("a.c", "abc")).toBe(false);
    expect(matches("[x]", "[x]")).toBe(true);
    expect(foldedSearchRegex("  ")).toBeNull();
  });
});
