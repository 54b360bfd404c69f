import { describe, expect, it } from "vitest";
import { isProvisionalSlug, provisionalSlug, publicSlug, slugWords, uniqueSlug } from "./slug";

const ZONE = "Asia/Ho_Chi_Minh";

describe("publicSlug", () => {
  it("folds Vietnamese to ASCII and adds the date in the event's zone", () => {
    expect(publicSlug("Ký kết chương trình phối hợp công tác", new Date("2017-10-19T12:13:53Z"), ZONE)).toBe(
      "ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017",
    );
    // 23:30 UTC on the 18th is already the 19th in Hà Nội.
    expect(publicSlug("Đại hội Đảng bộ", new Date("2017-10-18T23:30:00Z"), ZONE)).toBe("dai-hoi-dang-bo-19-10-2017");
  });
  it("drops punctuation, gives English its own words, and has a fallback for titles without letters", () => {
    expect(publicSlug("Signing: the 2017 – 2020 programme!", new Date("2017-10-19T12:00:00Z"), ZONE)).toBe("signing-the-2017-2020-programme-19-10-2017");
    expect(publicSlug("!!! – ???", new Date("2017-10-19T12:00:00Z"), ZONE)).toBe("ban-tin-19-10-2017");
  });
  it("cuts long titles at a word boundary", () => {
    const words = slugWords("Lễ ký kết ".repeat(40));
    expect(words.length).toBeLessThanOrEqual(80);
    expect(words.endsWith("-")).toBe(false);
    expect(words.startsWith("le-ky-ket-le-ky-ket")).toBe(true);
  });
});

describe("provisional slugs", () => {
  it("are recognised, and a published slug never looks like one", () => {
    const id = "0b5f2a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b";
    expect(isProvisionalSlug(provisionalSlug(id))).toBe(true);
    expect(isProvisionalSlug(publicSlug(`draft ${id}`, new Date(), ZONE))).toBe(false);
  });
});

describe("uniqueSlug", () => {
  it("adds -2, -3 … until free", async () => {
    const taken = new Set(["a-19-10-2017", "a-19-10-2017-2"]);
    expect(await uniqueSlug("a-19-10-2017", async (s) => taken.has(s))).toBe("a-19-10-2017-3");
    expect(await uniqueSlug("b", async (s) => taken.has(s))).toBe("b");
  });
});
