import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultPositionRanks } from "~/domain/protocol/position-ranks";
import { positionRanks } from "./position-ranks.server";

describe("positionRanks", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "ranks-"));
  it("is the built-in table without POSITION_RANKS_FILE", () => {
    expect(positionRanks({})).toBe(defaultPositionRanks);
  });
  it("reads the instance's table from the file", () => {
    const file = path.join(dir, "ranks.json");
    writeFileSync(file, JSON.stringify([{ match: "^truong phong\\b", rank: 5, level: "other" }]));
    const table = positionRanks({ POSITION_RANKS_FILE: file });
    expect(table).toHaveLength(1);
    expect(table[0]!.match.test("truong phong hanh chinh")).toBe(true);
  });
  it("names the file when it is broken", () => {
    const file = path.join(dir, "broken.json");
    writeFileSync(file, "[{");
    expect(() => positionRanks({ POSITION_RANKS_FILE: file })).toThrow(/broken\.json/);
  });
});
