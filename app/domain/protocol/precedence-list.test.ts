import { describe, expect, it } from "vitest";
import {
  checkSubmittedOrder,
  inferSide,
  insertByProposal,
  applyStep,
  moveBy,
  precedenceVersion,
  resolvePrecedence,
  submittedOrder,
  type StoredDignitary,
} from "./precedence-list";

const row = (id: string, positions: string[], entryOrder: number, manualPlace: number | null = null, side: StoredDignitary["side"] = null): StoredDignitary => ({
  id,
  positions,
  side,
  entryOrder,
  manualPlace,
});

const chuyen = ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"];

describe("resolvePrecedence", () => {
  it("follows the proposal when nobody ordered by hand, with the rank as the reason", () => {
    const r = resolvePrecedence([row("chuyen", chuyen, 1), row("bithu", ["Bí thư Tỉnh ủy"], 2), row("x", ["Cố vấn"], 3)]);
    expect(r.manual).toBe(false);
    expect(r.places.map((p) => [p.id, p.place, p.proposedPlace, p.moved])).toEqual([
      ["bithu", 1, 1, false],
      ["chuyen", 2, 2, false],
      ["x", 3, 3, false],
    ]);
    expect(r.places[1]!.reason).toEqual({ kind: "rank", position: "Ủy viên Ban Thường vụ Tỉnh ủy", rank: 130, level: "provincial" });
    expect(r.places[2]!.reason).toEqual({ kind: "unknown" });
  });

  it("keeps a hand-made order, and calls only the people who left their proposed place manual", () => {
    const r = resolvePrecedence([
      row("chuyen", chuyen, 1, 1),
      row("bithu", ["Bí thư Tỉnh ủy"], 2, 2),
      row("gd", ["Giám đốc Sở Giáo dục và Đào tạo"], 3, 3),
    ]);
    expect(r.manual).toBe(true);
    expect(r.places.map((p) => p.id)).toEqual(["chuyen", "bithu", "gd"]);
    expect(r.places.map((p) => p.moved)).toEqual([true, true, false]);
    expect(r.places[0]!.reason).toEqual({ kind: "manual" });
    expect(r.places[0]!.rankReason).toMatchObject({ kind: "rank", rank: 130 });
    expect(r.places[0]!.proposedPlace).toBe(2);
    expect(r.places[2]!.reason).toMatchObject({ kind: "rank", rank: 160 });
  });

  it("moves the hand-placed ones to their places, the others follow in proposal order", () => {
    const r = resolvePrecedence([row("a", ["Hiệu trưởng"], 1, 1), row("b", ["Bí thư Tỉnh ủy"], 2, null), row("c", [], 3, 2)]);
    expect(r.places.map((p) => p.id)).toEqual(["a", "c", "b"]);
  });

  it("reads manual places as pinned places, like the MC script does: the others keep their proposed order around them", () => {
    const r = resolvePrecedence([row("a", ["Hiệu trưởng"], 1), row("b", ["Bí thư Tỉnh ủy"], 2), row("c", [], 3, 1), row("d", ["Giám đốc Sở Y tế"], 4)]);
    expect(r.places.map((p) => p.id)).toEqual(["c", "b", "d", "a"]);
    expect(r.places.map((p) => p.moved)).toEqual([true, true, true, true]);
  });

  it("survives a damaged numbering (gaps and duplicates) with a stable order", () => {
    const r = resolvePrecedence([row("a", [], 1, 5), row("b", ["Bí thư Tỉnh ủy"], 2, 5), row("c", [], 3, 9)]);
    expect(r.places.map((p) => p.id)).toEqual(["a", "b", "c"]);
    expect(r.places.map((p) => p.place)).toEqual([1, 2, 3]);
  });

  it("applies the tie setting among equal ranks", () => {
    const people = [row("host", ["Giám đốc Sở Y tế"], 1, null, "host"), row("guest", ["Giám đốc Sở Tài chính"], 2, null, "guest")];
    expect(resolvePrecedence(people).places.map((p) => p.id)).toEqual(["guest", "host"]);
    const hostsFirst = resolvePrecedence(people, { equalsFirst: "hosts" }).places;
    expect(hostsFirst.map((p) => p.id)).toEqual(["host", "guest"]);
    expect(hostsFirst[1]!.tieBreak).toBe("side");
  });

  it("handles nobody", () => {
    expect(resolvePrecedence([])).toEqual({ places: [], manual: false, unresolved: [] });
  });
});

describe("insertByProposal", () => {
  it("puts a newcomer right after whoever precedes them in the proposal", () => {
    expect(insertByProposal(["c", "a", "d"], ["a", "new", "c", "d"], "new")).toEqual(["c", "a", "new", "d"]);
  });
  it("puts the most senior newcomer first", () => {
    expect(insertByProposal(["b", "a"], ["new", "a", "b"], "new")).toEqual(["new", "b", "a"]);
  });
  it("appends someone the proposal does not know", () => {
    expect(insertByProposal(["a"], ["a"], "zz")).toEqual(["a", "zz"]);
  });
  it("does not duplicate an id already present", () => {
    expect(insertByProposal(["a", "new"], ["new", "a"], "new")).toEqual(["new", "a"]);
  });
});

describe("applyStep", () => {
  it("applies an Up/Down button to the submitted order", () => {
    expect(applyStep(["a", "b", "c"], "c:up")).toEqual(["a", "c", "b"]);
    expect(applyStep(["a", "b", "c"], "a:down")).toEqual(["b", "a", "c"]);
  });
  it("returns the same array past either end: nothing to save", () => {
    const order = ["a", "b"];
    expect(applyStep(order, "a:up")).toBe(order);
    expect(applyStep(order, "b:down")).toBe(order);
  });
  it("refuses malformed values and ids not in the order", () => {
    for (const move of ["", "a", "a:left", "x:up", "a:up:extra", ":down"]) expect(applyStep(["a", "b"], move), move).toBeNull();
  });
});

describe("submittedOrder", () => {
  it("takes the submitted order as it is when no button moved anything (drag and drop, Save order)", () => {
    expect(submittedOrder(["b", "a"], undefined)).toEqual({ ids: ["b", "a"] });
  });
  it("applies an Up/Down step, tells a step past the end from a bad value", () => {
    expect(submittedOrder(["a", "b", "c"], "b:down")).toEqual({ ids: ["a", "c", "b"] });
    expect(submittedOrder(["a", "b"], "a:up")).toBe("unchanged");
    expect(submittedOrder(["a", "b"], "x:up")).toBe("invalid");
    expect(submittedOrder(["a", "b"], ["a:up"])).toBe("invalid");
  });
});

describe("moveBy", () => {
  it("moves up and down and stops at the ends", () => {
    expect(moveBy(["a", "b", "c"], "c", -1)).toEqual(["a", "c", "b"]);
    expect(moveBy(["a", "b", "c"], "a", 1)).toEqual(["b", "a", "c"]);
    expect(moveBy(["a", "b", "c"], "a", -1)).toEqual(["a", "b", "c"]);
    expect(moveBy(["a", "b", "c"], "c", 1)).toEqual(["a", "b", "c"]);
    expect(moveBy(["a", "b"], "zz", 1)).toEqual(["a", "b"]);
  });
});

describe("checkSubmittedOrder", () => {
  it("accepts the same people in another order", () => {
    expect(checkSubmittedOrder(["a", "b", "c"], ["c", "a", "b"])).toBe("ok");
  });
  it("refuses repeats and lists that name other people", () => {
    expect(checkSubmittedOrder(["a", "b"], ["a", "a"])).toBe("duplicate");
    expect(checkSubmittedOrder(["a", "b", "c"], ["a", "b"])).toBe("mismatch");
    expect(checkSubmittedOrder(["a", "b"], ["a", "x"])).toBe("mismatch");
    expect(checkSubmittedOrder(["a"], ["a", "b"])).toBe("mismatch");
  });
});

describe("precedenceVersion", () => {
  it("is 16 hex digits and changes with the order, the manual flag and the tie setting", () => {
    const v = precedenceVersion(["a", "b"], false, "guests");
    expect(v).toMatch(/^[0-9a-f]{16}$/);
    expect(precedenceVersion(["a", "b"], false, "guests")).toBe(v);
    expect(precedenceVersion(["b", "a"], false, "guests")).not.toBe(v);
    expect(precedenceVersion(["a", "b"], true, "guests")).not.toBe(v);
    expect(precedenceVersion(["a", "b"], false, "hosts")).not.toBe(v);
    expect(precedenceVersion(["a", "b", "c"], false, "guests")).not.toBe(v);
    expect(precedenceVersion([], false, "guests")).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("inferSide", () => {
  it("matches the host and the parties by full or short name, ignoring diacritics and case", () => {
    const host = ["Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo"];
    const guests = ["Sở Giáo dục và Đào tạo", "Sở GD&ĐT"];
    expect(inferSide("ban tuyen giao tinh uy", host, guests)).toBe("host");
    expect(inferSide("Sở GD&ĐT", host, guests)).toBe("guest");
    expect(inferSide("Hội Khuyến học", host, guests)).toBeNull();
    expect(inferSide(null, host, guests)).toBeNull();
    expect(inferSide("  ", [null], [null])).toBeNull();
  });
});

describe("unknown ranks the organizer resolves", () => {
  const rows = [
    { id: "known", positions: ["Bí thư Tỉnh ủy"], side: null, entryOrder: 0, manualPlace: null },
    { id: "unknown", positions: ["Cố vấn"], side: null, entryOrder: 1, manualPlace: null },
  ];
  it("lists the unknown ranks while the order is the proposal's guess", () => {
    const r = resolvePrecedence(rows);
    expect(r.unresolved).toEqual(["unknown"]);
    expect(r.places.map((p) => [p.id, p.rankUnknown, p.needsReview])).toEqual([
      ["known", false, false],
      ["unknown", true, true],
    ]);
  });
  it("a saved hand-made order resolves them", () => {
    const r = resolvePrecedence(rows.map((row, i) => ({ ...row, manualPlace: i + 1 })));
    expect(r.unresolved).toEqual([]);
    expect(r.places.find((p) => p.id === "unknown")).toMatchObject({ rankUnknown: true, needsReview: false });
  });
});
