import { describe, expect, it } from "vitest";
import { versionField } from "./form-data.server";

describe("versionField", () => {
  it.each([
    ["1", 1],
    ["42", 42],
    ["abc", null],
    ["1.5", null],
    ["1e3", null],
    [" 2", null],
    ["0", null],
    ["-1", null],
    ["", null],
    [null, null],
    [undefined, null],
    ["1234567890", null],
  ])("%s → %s", (input, expected) => expect(versionField(input)).toBe(expected));
});
