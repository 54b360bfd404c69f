import { describe, expect, it } from "vitest";
import { decodeUrlComponent, decodeUtf8, forbiddenCharacterPaths, hasForbiddenCharacters } from "./text-input";

describe("the input rule (docs/decisions/015-text-input.md)", () => {
  it("refuses NUL and unpaired surrogates, keeps pairs, Vietnamese and U+FFFD typed on purpose", () => {
    expect(hasForbiddenCharacters("a\u0000b")).toBe(true);
    expect(hasForbiddenCharacters("\ud800")).toBe(true);
    expect(hasForbiddenCharacters("x\udfff")).toBe(true);
    expect(hasForbiddenCharacters("\ud83d\ude00 Lễ ký kết")).toBe(false);
    expect(hasForbiddenCharacters("\ufffd")).toBe(false);
  });
  it("names the paths of a JSON value that break it, keys included", () => {
    expect(forbiddenCharacterPaths({ title: "ok", documents: [{ aims: "a\u0000" }], ["k\ud800"]: 1 })).toEqual([
      "documents.0.aims",
      "k\\ud800",
    ]);
    expect(forbiddenCharacterPaths("\u0000")).toEqual(["_body"]);
  });
  it("decodes strictly: bytes that are not UTF-8 are null, not U+FFFD", () => {
    expect(decodeUtf8(new Uint8Array([0xc3, 0xaa]))).toBe("ê");
    expect(decodeUtf8(new Uint8Array([0xc3, 0x28]))).toBeNull();
    expect(decodeUrlComponent("%ED%A0%80", false)).toBeNull();
    expect(decodeUrlComponent("l%E1%BB%85+k%C3%BD", true)).toBe("lễ ký");
    expect(decodeUrlComponent("lễ", true)).toBe("lễ");
    expect(decodeUrlComponent("%z1", true)).toBeNull();
  });
});
