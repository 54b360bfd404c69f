import { describe, expect, it } from "vitest";
import { applyManualOrder, moveToPlace, proposePrecedence, rankOf } from "./precedence";

const person = (id: string, positions: string[], side: "host" | "guest" | null = null, entryOrder = 0) => ({
  id,
  positions,
  side,
  entryOrder,
});

describe("rankOf", () => {
  it("takes the best of several positions", () => {
    const r = rankOf(["Trưởng ban Tuyên giáo Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy"]);
    expect(r).toEqual({ kind: "rank", position: "Ủy viên Ban Thường vụ Tỉnh ủy", rank: 130, level: "provincial" });
  });
  it("knows nothing of unknown positions", () => {
    expect(rankOf(["Cố vấn đặc biệt"])).toEqual({ kind: "unknown" });
    expect(rankOf([])).toEqual({ kind: "unknown" });
  });
  it("matches whatever the diacritics and case", () => {
    expect(rankOf(["BI THU TINH UY"])).toMatchObject({ kind: "rank", rank: 100 });
  });
});

describe("proposePrecedence", () => {
  it("orders the provincial hierarchy as the issue describes", () => {
    const places = proposePrecedence([
      person("giamdoc", ["Giám đốc Sở Giáo dục và Đào tạo"], null, 0),
      person("uyvien", ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"], null, 1),
      person("phobithu", ["Phó Bí thư Tỉnh ủy"], null, 2),
      person("bithu", ["Bí thư Tỉnh ủy"], null, 3),
    ]);
    expect(places.map((p) => p.id)).toEqual(["bithu", "phobithu", "uyvien", "giamdoc"]);
    expect(places.map((p) => p.place)).toEqual([1, 2, 3, 4]);
  });
  it("puts central before provincial", () => {
    const places = proposePrecedence([person("tinh", ["Bí thư Tỉnh ủy"]), person("bo", ["Thứ trưởng Bộ Giáo dục và Đào tạo"], null, 1)]);
    expect(places.map((p) => p.id)).toEqual(["bo", "tinh"]);
    expect(places[0]!.reason).toMatchObject({ kind: "rank", level: "central" });
  });
  it("puts unknown positions after known ones, in the order they were entered", () => {
    const places = proposePrecedence([
      person("x2", ["Khách mời"], null, 5),
      person("known", ["Hiệu trưởng"], null, 9),
      person("x1", [], null, 1),
    ]);
    expect(places.map((p) => p.id)).toEqual(["known", "x1", "x2"]);
    expect(places[1]!.reason).toEqual({ kind: "unknown" });
    expect(places[2]!.tieBreak).toBe("entryOrder");
  });
  it("among equals puts guests before hosts, or hosts first when configured", () => {
    const people = [person("host", ["Giám đốc Sở Tư pháp"], "host", 0), person("guest", ["Giám đốc Sở Nội vụ"], "guest", 1)];
    const guestsFirst = proposePrecedence(people);
    expect(guestsFirst.map((p) => p.id)).toEqual(["guest", "host"]);
    expect(guestsFirst[1]!.tieBreak).toBe("side");
    expect(proposePrecedence(people, { equalsFirst: "hosts" }).map((p) => p.id)).toEqual(["host", "guest"]);
  });
  it("uses a table given by the instance", () => {
    const table = [{ match: /^chu tich hoi khuyen hoc\b/, rank: 1, level: "other" as const }];
    const places = proposePrecedence([person("a", ["Bí thư Tỉnh ủy"]), person("b", ["Chủ tịch Hội Khuyến học tỉnh"], null, 1)], { table });
    expect(places.map((p) => p.id)).toEqual(["b", "a"]);
  });
});

describe("manual order", () => {
  const proposed = proposePrecedence([
    person("a", ["Bí thư Tỉnh ủy"], null, 0),
    person("b", ["Phó Bí thư Tỉnh ủy"], null, 1),
    person("c", ["Giám đốc Sở Tài chính"], null, 2),
  ]);
  it("puts hand-placed people first and keeps the rest in proposed order", () => {
    const result = applyManualOrder(proposed, ["c", "ghost", "c"]);
    expect(result.map((p) => [p.id, p.place, p.reason.kind])).toEqual([
      ["c", 1, "manual"],
      ["a", 2, "rank"],
      ["b", 3, "rank"],
    ]);
  });
  it("moves someone to a place and shifts the others down", () => {
    expect(moveToPlace(["a", "b", "c", "d"], "d", 2)).toEqual(["a", "d", "b", "c"]);
    expect(moveToPlace(["a", "b", "c"], "a", 99)).toEqual(["b", "c", "a"]);
    expect(moveToPlace(["a", "b", "c"], "c", 0)).toEqual(["c", "a", "b"]);
    expect(moveToPlace(["a", "b"], "new", 1)).toEqual(["new", "a", "b"]);
  });
});

describe("the rank table: common provincial, district, central, military and police positions", () => {
  it.each([
    ["Phó Giám đốc Sở Tài chính", 175, "provincial"],
    ["Phó Chủ tịch UBND tỉnh", 120, "provincial"],
    ["Phó Chủ tịch Hội đồng nhân dân tỉnh", 119, "provincial"],
    ["Giám đốc Công an tỉnh", 135, "provincial"],
    ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", 135, "provincial"],
    ["Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", 165, "provincial"],
    ["Phó Giám đốc Công an tỉnh", 165, "provincial"],
    ["Bí thư Huyện ủy", 300, "district"],
    ["Phó Bí thư Huyện ủy", 305, "district"],
    ["Chủ tịch UBND huyện", 310, "district"],
    ["Phó Chủ tịch UBND huyện", 320, "district"],
    ["Phó Chủ tịch nước", 8, "central"],
    ["Phó Chủ tịch Quốc hội", 14, "central"],
    ["Phó Cục trưởng Cục Đối ngoại", 45, "central"],
    ["Thiếu tướng", 42, "central"],
    ["Đại tá", 176, "provincial"],
    ["Thượng tá", 185, "provincial"],
  ] as const)("%s → %i (%s)", (position, rank, level) => {
    expect(rankOf([position])).toMatchObject({ kind: "rank", rank, level });
  });

  it("a district party secretary no longer outranks a provincial deputy commander", () => {
    const places = proposePrecedence([
      person("bithuhuyen", ["Bí thư Huyện ủy Tràng Định"], null, 0),
      person("phochihuy", ["Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"], null, 1),
    ]);
    expect(places.map((p) => p.id)).toEqual(["phochihuy", "bithuhuyen"]);
    expect(places.every((p) => !p.rankUnknown)).toBe(true);
  });

  it("a military rank before the name counts when no position is known", () => {
    const places = proposePrecedence([
      { ...person("giamdoc", ["Giám đốc Trung tâm Văn hóa"], null, 0), honorific: "ông" },
      { ...person("daita", ["Cán bộ Bộ Chỉ huy"], null, 1), honorific: "Đại tá" },
    ]);
    expect(places.map((p) => [p.id, p.rankUnknown])).toEqual([
      ["daita", false],
      ["giamdoc", true],
    ]);
    expect(places[0]!.reason).toMatchObject({ kind: "rank", position: "Đại tá", rank: 176 });
  });

  it("flags an unknown rank instead of guessing silently; a hand-made order keeps the flag for the record", () => {
    const places = proposePrecedence([person("x", ["Cố vấn đặc biệt"]), person("y", ["Bí thư Tỉnh ủy"], null, 1)]);
    expect(places.map((p) => [p.id, p.rankUnknown])).toEqual([
      ["y", false],
      ["x", true],
    ]);
    expect(applyManualOrder(places, ["x"]).map((p) => [p.id, p.reason.kind, p.rankUnknown])).toEqual([
      ["x", "manual", true],
      ["y", "rank", false],
    ]);
  });
});
