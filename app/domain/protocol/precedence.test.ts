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
