import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { cleanText, escapeBlockStart, escapeInline, md } from "./escape";

const render = (text: string) => new MarkdownIt().renderInline(text);

describe("cleanText", () => {
  it("normalises to NFC and makes one line", () => {
    const decomposed = "Nguye\u0302\u0303n";
    expect(cleanText(` ${decomposed}\r\n\n  Văn\tA `)).toBe("Nguyễn Văn A");
  });
});

describe("escapeInline", () => {
  it.each(["*a*", "_a_", "**a**", "`a`", "[a](b)", "![a](b)", "<b>a</b>", "&amp;", "~~a~~", "a | b", "a\\*b"])(
    "%s prints literally",
    (text) => {
      const html = new MarkdownIt().render(escapeInline(text));
      const literal = text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
      expect(html).toBe(`<p>${literal}</p>\n`);
    },
  );

  it("leaves Vietnamese text and ordinary punctuation alone", () => {
    expect(escapeInline("Sở Giáo dục và Đào tạo (thành phố Thái Bình), 2017 – 2020.")).toBe(
      "Sở Giáo dục và Đào tạo (thành phố Thái Bình), 2017 – 2020.",
    );
  });
});

describe("escapeBlockStart", () => {
  it.each([
    ["# Tiêu đề", "\\# Tiêu đề"],
    ["> trích", "\\> trích"],
    ["- mục", "\\- mục"],
    ["+ mục", "\\+ mục"],
    ["===", "\\==="],
    ["1. Đổi mới", "1\\. Đổi mới"],
    ["2017) năm", "2017\\) năm"],
    ["Bình thường", "Bình thường"],
  ])("%s → %s, a paragraph and nothing else", (input, expected) => {
    expect(escapeBlockStart(input)).toBe(expected);
    expect(new MarkdownIt().render(escapeBlockStart(input))).toBe(`<p>${input.replace(/>/gu, "&gt;")}</p>\n`);
  });
});

describe("md", () => {
  it("cleans then escapes", () => {
    expect(md(" Công ty\n*ABC* ")).toBe("Công ty \\*ABC\\*");
    expect(render(md("Công ty\n*ABC*"))).toBe("Công ty *ABC*");
  });
});
