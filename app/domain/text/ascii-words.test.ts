import { describe, expect, it } from "vitest";
import { asciiWords } from "./ascii-words";

describe("asciiWords", () => {
  it("folds Vietnamese (diacritics and đ) into hyphenated lowercase words", () => {
    expect(asciiWords("Lễ ký kết “Đồng hành” 🤝 2017", 60)).toBe("le-ky-ket-dong-hanh-2017");
    expect(asciiWords("Đón đoàn Đại sứ", 60)).toBe("don-doan-dai-su");
  });

  it("cuts at a word boundary, cuts a single overlong word, and is empty without letters or digits", () => {
    expect(asciiWords("mot hai ba bon", 9)).toBe("mot-hai");
    expect(asciiWords("a".repeat(200), 60)).toBe("a".repeat(60));
    expect(asciiWords("“—” 🤝", 60)).toBe("");
  });
});
