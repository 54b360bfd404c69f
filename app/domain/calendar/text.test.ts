import { describe, expect, it } from "vitest";
import { descriptionWithLink, multiLine, singleLine } from "./text";

describe("singleLine", () => {
  it("turns each line break into one space and removes other control characters, nothing else", () => {
    expect(singleLine("Họp\r\nATTENDEE:evil@x")).toBe("Họp ATTENDEE:evil@x");
    expect(singleLine("a\rb\nc\u2028d")).toBe("a b c d");
    expect(singleLine("a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\th")).toBe("abcdefg\th");
    const nfd = "Lễ ký kết".normalize("NFD");
    expect(singleLine(nfd)).toBe(nfd); // not normalised: byte for byte
    expect(singleLine("x\uD800y")).toBe("x\uFFFDy");
    expect(singleLine("😀")).toBe("😀");
  });
});

describe("multiLine", () => {
  it("keeps line breaks as \\n", () => {
    expect(multiLine("Dòng 1\r\nDòng 2\rDòng 3\nDòng 4\u0000")).toBe("Dòng 1\nDòng 2\nDòng 3\nDòng 4");
  });
});

describe("descriptionWithLink", () => {
  it("appends the link after a blank line unless it is already there", () => {
    expect(descriptionWithLink("Mô tả ", "https://x.vn/a")).toBe("Mô tả \n\nhttps://x.vn/a");
    expect(descriptionWithLink("Xem https://x.vn/a", "https://x.vn/a")).toBe("Xem https://x.vn/a");
    expect(descriptionWithLink("", "https://x.vn/a")).toBe("https://x.vn/a");
    expect(descriptionWithLink("Mô tả", null)).toBe("Mô tả");
    expect(descriptionWithLink("Mô tả", "https://x.vn/a\r\nX-EVIL:1")).toBe("Mô tả\n\nhttps://x.vn/a X-EVIL:1");
  });
});
