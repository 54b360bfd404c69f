import { describe, expect, it } from "vitest";
import {
  agreementKindEn,
  delegationLabel,
  endSentence,
  joinEn,
  joinVi,
  lowerFirstInSentence,
  programmeParts,
  remarkPredicateVi,
  startingReportingVerb,
  titleNamesAnEvent,
  withArticleEn,
  withoutTrailingDate,
} from "./phrases";

describe("joinVi / joinEn", () => {
  it("joins with commas and a final và / and", () => {
    expect(joinVi([])).toBe("");
    expect(joinVi(["A"])).toBe("A");
    expect(joinVi(["A", "B"])).toBe("A và B");
    expect(joinVi(["A", "B", "C"])).toBe("A, B và C");
    expect(joinEn(["A", "B", "C"])).toBe("A, B and C");
  });
});

describe("lowerFirstInSentence", () => {
  it("lowers a common first word, keeps proper names, acronyms and institutions", () => {
    expect(lowerFirstInSentence("Hội nghị tổng kết")).toBe("hội nghị tổng kết");
    expect(lowerFirstInSentence("Sự phối hợp")).toBe("sự phối hợp");
    expect(lowerFirstInSentence("Sở Giáo dục và Đào tạo chủ trì")).toBe("Sở Giáo dục và Đào tạo chủ trì");
    expect(lowerFirstInSentence("UBND tỉnh chủ trì")).toBe("UBND tỉnh chủ trì");
    expect(lowerFirstInSentence("Tỉnh ủy chỉ đạo")).toBe("Tỉnh ủy chỉ đạo");
    expect(lowerFirstInSentence("Đảng bộ tỉnh")).toBe("Đảng bộ tỉnh");
    expect(lowerFirstInSentence("Đang triển khai")).toBe("đang triển khai");
    expect(lowerFirstInSentence("đã lower")).toBe("đã lower");
    expect(lowerFirstInSentence("")).toBe("");
  });
});

describe("endSentence", () => {
  it("replaces a trailing comma or semicolon by a full stop and keeps final punctuation", () => {
    expect(endSentence("trong tương lai, ")).toBe("trong tương lai.");
    expect(endSentence("tiếp theo;")).toBe("tiếp theo.");
    expect(endSentence("Thật sao?")).toBe("Thật sao?");
    expect(endSentence("Xong.")).toBe("Xong.");
  });
});

describe("reporting verbs", () => {
  it("recognises a key point that starts with one, whatever the case", () => {
    expect(startingReportingVerb("khẳng định sự phối hợp")).toBe("khẳng định");
    expect(startingReportingVerb("Đề nghị hai cơ quan")).toBe("đề nghị");
    expect(startingReportingVerb("Đề nghị: hai cơ quan")).toBe("đề nghị");
    expect(startingReportingVerb("giao nhiệm vụ")).toBe("giao");
    // Diacritics count: "giáo dục" is not the verb "giao", "khẳng định" decomposed (NFD) still is the verb.
    expect(startingReportingVerb("giáo dục là quốc sách")).toBeNull();
    expect(startingReportingVerb("khẳng định".normalize("NFD"))).toBe("khẳng định");
    expect(startingReportingVerb("Sự phối hợp")).toBeNull();
  });

  it("keeps the verb (lowered) or adds 'cho biết'", () => {
    expect(remarkPredicateVi("Khẳng định vai trò")).toEqual({ text: "khẳng định vai trò", verb: "khẳng định" });
    expect(remarkPredicateVi("Sự phối hợp là đòn bẩy")).toEqual({ text: "cho biết sự phối hợp là đòn bẩy", verb: null });
  });
});

describe("delegationLabel", () => {
  it("drops a leading 'Về phía'", () => {
    expect(delegationLabel("Về phía Tỉnh ủy")).toBe("Tỉnh ủy");
    expect(delegationLabel("về  phía Bộ Y tế")).toBe("Bộ Y tế");
    expect(delegationLabel("Sở Y tế")).toBe("Sở Y tế");
  });
});

describe("titles", () => {
  it("knows titles that name an event", () => {
    expect(titleNamesAnEvent("Hội nghị tổng kết")).toBe(true);
    expect(titleNamesAnEvent("Lễ khai giảng")).toBe(true);
    expect(titleNamesAnEvent("Chuyển đổi số")).toBe(false);
    expect(titleNamesAnEvent("Hội")).toBe(false);
    expect(titleNamesAnEvent("Lê Lợi và Hà Nội")).toBe(false);
  });

  it("drops a date at the end of a title", () => {
    expect(withoutTrailingDate("Hội nghị ngày 19/10/2017")).toBe("Hội nghị");
    expect(withoutTrailingDate("Hội nghị (19/10)")).toBe("Hội nghị");
    expect(withoutTrailingDate("Hội nghị - 19/10/2017")).toBe("Hội nghị");
    expect(withoutTrailingDate("Hội nghị năm 2017")).toBe("Hội nghị năm 2017");
    expect(withoutTrailingDate("19/10/2017")).toBe("19/10/2017");
  });
});

describe("programmeParts", () => {
  const parties = ["Ban Tuyên giáo Tỉnh ủy", "Sở Giáo dục và Đào tạo"];

  it("splits the seed's title into what is signed and its period", () => {
    expect(
      programmeParts("Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020", parties),
    ).toEqual({ core: "chương trình phối hợp công tác", periodText: "giai đoạn 2017 – 2020" });
  });

  it("recognises other period forms and separators", () => {
    expect(programmeParts("Quy chế phối hợp (2021-2025)", parties)).toEqual({ core: "quy chế phối hợp", periodText: "2021-2025" });
    expect(programmeParts("Kế hoạch phối hợp năm 2024", parties)).toEqual({ core: "kế hoạch phối hợp", periodText: "năm 2024" });
    expect(programmeParts("Thỏa thuận giữa Sở Giáo dục và Đào tạo, Ban Tuyên giáo Tỉnh ủy về chuyển đổi số", parties).core).toBe(
      "thỏa thuận về chuyển đổi số",
    );
    expect(programmeParts("Ký kết thỏa thuận", parties)).toEqual({ core: "thỏa thuận", periodText: null });
  });
});

describe("English kinds of agreement", () => {
  it("translates a few fixed phrases and falls back to 'agreement'", () => {
    expect(agreementKindEn("chương trình phối hợp công tác")).toBe("coordination programme");
    expect(agreementKindEn("thỏa thuận hợp tác toàn diện")).toBe("cooperation agreement");
    expect(agreementKindEn("Thoả thuận hợp tác")).toBe("cooperation agreement");
    expect(agreementKindEn("văn kiện")).toBe("agreement");
    expect(withArticleEn("agreement")).toBe("an agreement");
    expect(withArticleEn("coordination programme")).toBe("a coordination programme");
  });
});
