import { describe, expect, it } from "vitest";
import { changedPositions, galleryOrderVersion, moveToPosition } from "./gallery";

describe("gallery order", () => {
  it("fingerprints the order: another order, another version; the same order, the same", () => {
    expect(galleryOrderVersion(["a", "b", "c"])).toMatch(/^[0-9a-f]{16}$/);
    expect(galleryOrderVersion(["a", "b", "c"])).toBe(galleryOrderVersion(["a", "b", "c"]));
    expect(galleryOrderVersion(["a", "b", "c"])).not.toBe(galleryOrderVersion(["b", "a", "c"]));
    expect(galleryOrderVersion([])).not.toBe(galleryOrderVersion(["a"]));
  });

  it("moves a photo to a 1-based place, clamped to the gallery", () => {
    expect(moveToPosition(["a", "b", "c", "d"], "d", 1)).toEqual(["d", "a", "b", "c"]);
    expect(moveToPosition(["a", "b", "c", "d"], "a", 3)).toEqual(["b", "c", "a", "d"]);
    expect(moveToPosition(["a", "b", "c"], "a", 99)).toEqual(["b", "c", "a"]);
    expect(moveToPosition(["a", "b", "c"], "c", -5)).toEqual(["c", "a", "b"]);
    expect(moveToPosition(["a", "b"], "x", 1)).toEqual(["a", "b"]);
  });

  it("lists only the positions that change", () => {
    const current = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    expect(changedPositions(["a", "c", "b"], current)).toEqual([
      { id: "c", position: 2 },
      { id: "b", position: 3 },
    ]);
    expect(changedPositions(["a", "b", "c"], current)).toEqual([]);
  });
});
