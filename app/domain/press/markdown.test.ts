import { describe, expect, it } from "vitest";
import {
  countWords,
  isSafePressLink,
  pressLeadText,
  pressMarkdownBlocks,
  pressHtmlAllowList,
  pressMarkdownToText,
  referencedPhotoIds,
  renderPressMarkdown,
  type PressPhotoInfo,
} from "./markdown";
import { xssPayloads } from "../../../server/testing/xss-payloads";

const photos: Record<string, PressPhotoInfo> = {
  p1: { url: "/media/photos/p1/r1/web.jpg", caption: "Lễ ký kết chương trình phối hợp", credit: "Đặng Anh" },
  p2: { url: "/media/photos/p2/r9/web.jpg", caption: "Học sinh trong tiết học", credit: null },
};
const photo = (id: string) => photos[id] ?? null;
const render = (markdown: string) => renderPressMarkdown(markdown, { photo });


/**
 * Text is escaped (a "<" in text is "&lt;"), so every "<" in the output opens a real tag: each must be one the
 * renderer writes, with only its attributes, none an event handler, every href/src of an allowed kind.
 */
function expectInert(html: string) {
  expect(html).not.toMatch(/<script/i);
  for (const tag of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [, , name = "", rest = ""] = tag;
    expect(pressHtmlAllowList.tags, html).toContain(name.toLowerCase());
    const allowed: readonly string[] =
      (pressHtmlAllowList.attributes as Record<string, readonly string[]>)[name.toLowerCase()] ?? [];
    const attributes = [...rest.matchAll(/\s([^\s="/]+)="([^"]*)"/g)];
    expect(rest.replace(/\s([^\s="/]+)="([^"]*)"/g, "").trim(), html).toMatch(/^\/?$/);
    for (const [, attribute = "", value = ""] of attributes) {
      expect(attribute, html).not.toMatch(/^on/i);
      expect(allowed, `${attribute} on ${name} in ${html}`).toContain(attribute);
      if (attribute === "href" || attribute === "src") expect(value, html).toMatch(/^(https?:\/\/[^/]|mailto:|\/(?!\/)|#)/);
    }
  }
}

describe("renderPressMarkdown: XSS payloads", () => {
  it.each(xssPayloads.map((payload) => [payload]))("%j comes out inert", (payload) => {
    expectInert(render(payload));
    expectInert(renderPressMarkdown(`Đoạn mở đầu.\n\n${payload}\n\nĐoạn cuối.`, { photo, markLead: true }));
  });

  it("escapes raw HTML instead of passing it through", () => {
    expect(render("<b>đậm</b> & <i>x</i>")).toBe("<p>&lt;b&gt;đậm&lt;/b&gt; &amp; &lt;i&gt;x&lt;/i&gt;</p>\n");
  });

  it("leaves a refused link as visible text, not a link", () => {
    const html = render("[bấm vào đây](javascript:alert(1))");
    expect(html).not.toContain("<a");
    expect(html).toContain("bấm vào đây");
  });

  it("does not turn a photo: address into a link", () => {
    const html = render("[ảnh](photo:p1)");
    expect(html).not.toContain("<a");
    expect(html).toBe("<p>ảnh</p>\n");
  });
});

describe("isSafePressLink", () => {
  it.each([
    ["https://baothaibinh.com.vn/tin-tuc/1", true],
    ["http://example.org", true],
    ["mailto:press@example.org", true],
    ["/press/ky-ket", true],
    ["#phan-2", true],
    ["javascript:alert(1)", false],
    [" JavaScript:alert(1)", false],
    ["java\tscript:alert(1)", false],
    ["java%09script:alert(1)", false],
    ["%6A%61%76%61%73%63%72%69%70%74:alert(1)", false],
    ["vbscript:x", false],
    ["data:text/html,x", false],
    ["file:///etc/passwd", false],
    ["//evil.example", false],
    ["/\\evil.example", false],
    ["relative/path", false],
    ["ftp://example.org", false],
    ["https:/evil", false],
  ])("%j → %s", (url, safe) => {
    expect(isSafePressLink(url)).toBe(safe);
  });
});

describe("renderPressMarkdown: normal output", () => {
  it("writes links with rel noopener noreferrer nofollow, for absolute, mail and site-relative links", () => {
    expect(render("[Báo](https://baothaibinh.com.vn/a?x=1&y=2) [mail](mailto:a@b.vn) [trang](/press)")).toBe(
      '<p><a href="https://baothaibinh.com.vn/a?x=1&amp;y=2" rel="noopener noreferrer nofollow">Báo</a> ' +
        '<a href="mailto:a@b.vn" rel="noopener noreferrer nofollow">mail</a> ' +
        '<a href="/press" rel="noopener noreferrer nofollow">trang</a></p>\n',
    );
  });

  it("renders a photo paragraph as a figure with its caption and credit", () => {
    expect(render("![Lễ ký kết giữa hai cơ quan.](photo:p1)")).toBe(
      '<figure class="press-photo" data-photo-id="p1"><img src="/media/photos/p1/r1/web.jpg" alt="Lễ ký kết giữa hai cơ quan." loading="lazy" />' +
        '<figcaption>Lễ ký kết giữa hai cơ quan.<span class="press-photo-credit"> — Đặng Anh</span></figcaption></figure>\n',
    );
  });

  it("writes the photo's size when known, and no loading=lazy when asked (print)", () => {
    const sized = (id: string) => (id === "p1" ? { ...photos.p1!, width: 1600, height: 1067 } : null);
    expect(renderPressMarkdown("![Lễ](photo:p1)", { photo: sized, lazyImages: false })).toBe(
      '<figure class="press-photo" data-photo-id="p1"><img src="/media/photos/p1/r1/web.jpg" alt="Lễ" width="1600" height="1067" />' +
        '<figcaption>Lễ<span class="press-photo-credit"> — Đặng Anh</span></figcaption></figure>\n',
    );
  });

  it("takes the photo's own caption when the body gives none, and writes no credit when there is none", () => {
    expect(render("![](photo:p2)")).toBe(
      '<figure class="press-photo" data-photo-id="p2"><img src="/media/photos/p2/r9/web.jpg" alt="Học sinh trong tiết học" loading="lazy" />' +
        "<figcaption>Học sinh trong tiết học</figcaption></figure>\n",
    );
  });

  it("shows a visible placeholder for an unknown photo id, never an img", () => {
    const html = renderPressMarkdown("![Ảnh đã xoá](photo:gone)", { photo, photoNotFound: "Không tìm thấy ảnh" });
    expect(html).toBe(
      '<figure class="press-photo press-photo-missing" data-photo-id="gone"><span class="press-photo-placeholder">Không tìm thấy ảnh</span>' +
        "<figcaption>Ảnh đã xoá</figcaption></figure>\n",
    );
    expect(html).not.toContain("<img");
  });

  it("keeps site-relative /media/ images and drops every other image source", () => {
    expect(render("![a](/media/photos/x/1/web.jpg)")).toContain('<img src="/media/photos/x/1/web.jpg" alt="a"');
    expect(render("Trước ![a](https://example.org/a.jpg) sau")).toBe("<p>Trước  sau</p>\n");
    expect(render("![a](/uploads/a.jpg)")).toBe("");
  });

  it("places an inline photo as an img without a figure (a figure cannot sit in a paragraph)", () => {
    expect(render("Chữ ![nhỏ](photo:p2) chữ")).toBe(
      '<p>Chữ <img class="press-photo-inline" src="/media/photos/p2/r9/web.jpg" alt="nhỏ" loading="lazy" /> chữ</p>\n',
    );
  });

  it("marks the lead: the first paragraph that is not a photo", () => {
    const html = renderPressMarkdown("![Ảnh](photo:p1)\n\nChiều ngày 19/10, lễ ký kết.\n\nĐoạn hai.", { photo, markLead: true });
    expect(html).toContain('<p class="press-lead">Chiều ngày 19/10, lễ ký kết.</p>');
    expect(html).toContain("<p>Đoạn hai.</p>");
  });

  it("sets the lead in bold when asked (outputs without the site's CSS)", () => {
    const html = renderPressMarkdown("Chiều ngày 19/10, **lễ** ký kết.\n\nĐoạn hai.", { photo, boldLead: true });
    expect(html).toBe('<p class="press-lead"><strong>Chiều ngày 19/10, <strong>lễ</strong> ký kết.</strong></p>\n<p>Đoạn hai.</p>\n');
  });

  it("puts body headings one level under the page's h1", () => {
    expect(render("# Một\n\n## Hai")).toBe("<h2>Một</h2>\n<h3>Hai</h3>\n");
  });
});

const article = `Chiều ngày 19/10, **Ban Tuyên giáo Tỉnh ủy** phối hợp với [Sở Giáo dục và Đào tạo](https://sgd.thaibinh.gov.vn) tổ chức lễ ký kết.

![Lễ ký kết chương trình phối hợp công tác.](photo:p1)

Đồng chí *Nguyễn Hồng Chuyên* tới dự
hội nghị.

- Ý một
- Ý hai

![](photo:p2)

![Ảnh không còn](photo:zz)`;

describe("pressMarkdownToText", () => {
  it("gives paragraphs separated by blank lines, captions on their own lines, no markdown left", () => {
    expect(pressMarkdownToText(article, { photo })).toBe(
      [
        "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo (https://sgd.thaibinh.gov.vn) tổ chức lễ ký kết.",
        "Lễ ký kết chương trình phối hợp công tác. — Đặng Anh",
        "Đồng chí Nguyễn Hồng Chuyên tới dự hội nghị.",
        "• Ý một\n• Ý hai",
        "Học sinh trong tiết học",
        "Ảnh không còn",
      ].join("\n\n"),
    );
  });

  it("leaves no markdown syntax or HTML tags", () => {
    const text = pressMarkdownToText("# Tiêu đề\n\n**đậm** _nghiêng_ ~~gạch~~ `mã` <b>thẻ</b>\n\n1. một\n2. hai", { photo });
    expect(text).toBe("Tiêu đề\n\nđậm nghiêng gạch mã <b>thẻ</b>\n\n1. một\n2. hai");
    expect(text).not.toMatch(/[*_~`#]/);
  });

  it("drops an image that the page would not show", () => {
    expect(pressMarkdownToText("A ![x](https://evil.example/x.png) B")).toBe("A B");
  });
});

describe("countWords", () => {
  it("counts each Vietnamese syllable as a word, like the usual word counters", () => {
    expect(countWords("Ký kết chương trình phối hợp công tác")).toBe(8);
  });

  it("counts dates and numbers as one word and ignores lone punctuation and markdown", () => {
    expect(countWords("**Thứ 5**, 19/10/2017 | 19:13 — giai đoạn 2017 – 2020")).toBe(8);
  });

  it("counts captions written in the body, and not link addresses", () => {
    expect(countWords("[Sở Giáo dục](https://example.org/a/b)\n\n![Lễ ký kết](photo:p1)")).toBe(6);
  });

  it("is zero for an empty body", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("  \n\n - \n")).toBe(0);
  });
});

describe("referencedPhotoIds", () => {
  it("lists each placed photo once, in order of appearance, inline ones included", () => {
    expect(referencedPhotoIds(`${article}\n\nChữ ![x](photo:p1) và ![y](photo:p3)`)).toEqual(["p1", "p2", "zz", "p3"]);
  });

  it("ignores links to photo: and other images", () => {
    expect(referencedPhotoIds("[a](photo:p9) ![b](/media/x.jpg)")).toEqual([]);
  });
});

describe("pressMarkdownBlocks and pressLeadText", () => {
  it("splits the body into blocks with styled runs", () => {
    const blocks = pressMarkdownBlocks(article);
    expect(blocks.map((block) => block.kind)).toEqual(["paragraph", "photo", "paragraph", "list", "photo", "photo"]);
    const lead = blocks[0];
    expect(lead?.kind === "paragraph" && lead.runs.find((run) => run.bold)?.text).toBe("Ban Tuyên giáo Tỉnh ủy");
    expect(blocks[1]).toEqual({ kind: "photo", photoId: "p1", src: null, caption: "Lễ ký kết chương trình phối hợp công tác." });
  });

  it("gives the lead as plain text", () => {
    expect(pressLeadText(article)).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.",
    );
    expect(pressLeadText("![a](photo:p1)")).toBe("");
  });
});
