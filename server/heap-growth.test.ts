import { describe, expect, it } from "vitest";
import { HEAP_GROWING_PERCENT, heapGrowthFlag } from "./heap-growth";

describe("heapGrowthFlag", () => {
  it("sets the growing factor when node was given none", () => {
    expect(heapGrowthFlag([])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(heapGrowthFlag(["--import", "tsx", "--max-old-space-size=2048"])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it("leaves a growing factor given on the command line alone, in either spelling", () => {
    expect(heapGrowthFlag(["--import", "tsx", "--heap-growing-percent=50"])).toBeNull();
    expect(heapGrowthFlag(["--heap_growing_percent=0"])).toBeNull();
    expect(heapGrowthFlag(["--heap-growing-percent"])).toBeNull();
  });

  it("is not fooled by a flag that only starts the same way", () => {
    expect(heapGrowthFlag(["--heap-growing-percentage=5"])).toBe(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });
});
