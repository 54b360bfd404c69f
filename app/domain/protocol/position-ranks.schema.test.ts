import { describe, expect, it } from "vitest";
import { proposePrecedence } from "./precedence";
import { parsePositionRanks } from "./position-ranks.schema";

describe("parsePositionRanks", () => {
  it("turns JSON into a table the precedence proposal uses", () => {
    const table = parsePositionRanks([
      { match: "^chu tich hoi khuyen hoc\\b", rank: 1, level: "other", en: "President of the Study Promotion Association" },
      { match: "^bi thu tinh uy\\b", rank: 2, level: "provincial" },
    ]);
    const places = proposePrecedence(
      [
        { id: "bithu", positions: ["Bí thư Tỉnh ủy"], side: null, entryOrder: 0 },
        { id: "hoi", positions: ["Chủ tịch Hội Khuyến học tỉnh"], side: null, entryOrder: 1 },
      ],
      { table },
    );
    expect(places.map((p) => p.id)).toEqual(["hoi", "bithu"]);
  });
  it("refuses a broken table with a reason", () => {
    expect(() => parsePositionRanks([{ match: "(", rank: 1, level: "other" }])).toThrow(/regular expression/);
    expect(() => parsePositionRanks([{ match: "x", rank: -1, level: "other" }])).toThrow();
    expect(() => parsePositionRanks([])).toThrow();
    expect(() => parsePositionRanks({})).toThrow();
  });
});
