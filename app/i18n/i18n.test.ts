import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { localeFromAcceptLanguage, translate, translateError } from "./i18n";

describe("catalog", () => {
  it("has an English text for every Vietnamese key and no empty texts", () => {
    const vi = Object.keys(catalog.vi).sort();
    const en = Object.keys(catalog.en).sort();
    expect(en).toEqual(vi);
    for (const [k, v] of Object.entries(catalog.en)) expect(v.trim(), k).not.toBe("");
    for (const [k, v] of Object.entries(catalog.vi)) expect(v.trim(), k).not.toBe("");
  });
  it("uses the same placeholders in both languages", () => {
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(catalog.vi) as (keyof typeof catalog.vi)[])
      expect(names(catalog.en[key]), key).toEqual(names(catalog.vi[key]));
  });
});

describe("translate", () => {
  it("fills placeholders", () => {
    expect(translate("vi", "errors.tooLong", { max: 200 })).toContain("200");
    expect(translate("en", "errors.tooLong", { max: 200 })).toContain("200");
  });
  it("falls back to a generic message for unknown error texts", () => {
    expect(translateError("en", "Expected string, received number")).toBe(translate("en", "errors.invalid"));
    expect(translateError("vi", "errors.required")).toBe(translate("vi", "errors.required"));
    expect(translateError("vi", "errors.tooLong?max=200")).toBe("Không được dài quá 200 ký tự.");
    expect(translateError("en", "errors.nope")).toBe(translate("en", "errors.invalid"));
  });
});

describe("localeFromAcceptLanguage", () => {
  it.each([
    [undefined, "vi"],
    ["", "vi"],
    ["en-US,en;q=0.9", "en"],
    ["vi-VN,vi;q=0.9,en;q=0.8", "vi"],
    ["fr-FR,en;q=0.5", "en"],
    ["fr-FR,de;q=0.5", "vi"],
    ["en;q=0.2,vi;q=0.8", "vi"],
    ["vi;q=0,en", "en"],
  ])("%s → %s", (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
