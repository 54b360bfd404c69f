import { describe, expect, it } from "vitest";
import { findIllFormedText, isWellFormedText } from "./well-formed";

describe("the text rule", () => {
  it.each([
    ["Lễ ký kết", true],
    ["🎉 emoji (a surrogate pair)", true],
    ["", true],
    ["a\u0000b", false],
    ["\ud800", false],
    ["x\udfff", false],
    ["\udfff\ud800", false],
    ["\ud83c\udf89", true],
  ])("%j → %s", (value, expected) => expect(isWellFormedText(value)).toBe(expected));

  it("names the first field that breaks it, by dotted path", () => {
    expect(findIllFormedText({ title: "ok", venue: { name: "a\u0000" } })).toBe("venue.name");
    expect(findIllFormedText({ sides: [{ labelVi: "ok" }, { labelVi: "\ud800" }] })).toBe("sides.1.labelVi");
    expect(findIllFormedText({ "bad\u0000key": 1 })).toBe("_body");
    expect(findIllFormedText({ title: "Lễ", n: 1, list: [null, true] })).toBeNull();
  });
});
