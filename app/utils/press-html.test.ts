import { describe, expect, it } from "vitest";
import { renderPressMarkdown, type PressPhotoInfo } from "~/domain/press/markdown";
import { xssPayloads } from "../../server/testing/xss-payloads";
import { renderPressHtml, sanitizePressHtml } from "./press-html.server";

const photos: Record<string, PressPhotoInfo> = {
  p1: { url: "https://signet.example/media/photos/p1/r1/web.jpg", caption: 'Lễ "ký" & <kết>', credit: "Đặng Anh" },
  p2: { url: "/media/photos/p2/r2/web.jpg", caption: null, credit: "Phóng viên" },
};
const photo = (id: string) => photos[id] ?? null;

const normalDocuments = [
  `Chiều ngày 19/10, **Ban Tuyên giáo Tỉnh ủy** phối hợp với _Sở Giáo dục và Đào tạo_ tổ chức lễ ký kết "chương trình" & 'kế hoạch'.

![Lễ ký kết chương trình phối hợp công tác.](photo:p1)

Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy tới dự.  
Dòng mới sau ngắt dòng.

![](photo:p2)

![Ảnh đã xoá](photo:missing)

Đặng Anh`,
  `# Tiêu đề phụ\n\n## Mục\n\n- một [liên kết](https://baothaibinh.com.vn/a?b=1&c=2 "tiêu đề \\"trích\\"")\n- hai <mailto:press@signet.vn>\n\n3. ba\n4. bốn\n\n> Trích dẫn ~~bỏ~~ \`mã <b>\`\n\n---\n\n\`\`\`ts\nconst a = "<b>" && 'x';\n\`\`\`\n\n    khối mã thụt lề\n\n| a | b |\n|:--|--:|\n| 1 | [x](/press) |\n\nẢnh nhỏ ![a](/media/photos/x/1/thumb.jpg) giữa dòng, ![b](photo:p1) và [neo](#muc). © &copy; &nbsp; &amp;`,
];

describe("sanitizePressHtml", () => {
  it.each(normalDocuments.map((doc, index) => [index, doc]))(
    "changes nothing on the renderer's normal output (document %i)",
    (_index, markdown) => {
      const sized = (id: string) => {
        const info = photo(id);
        return info ? { ...info, width: 1600, height: 1067 } : null;
      };
      for (const variant of [{}, { markLead: true }, { boldLead: true, lazyImages: false }, { photo: sized }]) {
        const html = renderPressMarkdown(markdown, { photo, ...variant });
        expect(sanitizePressHtml(html)).toBe(html);
      }
    },
  );

  it.each(xssPayloads.map((payload) => [payload]))("changes nothing on the renderer's output for %j", (payload) => {
    const html = renderPressMarkdown(payload, { photo });
    expect(sanitizePressHtml(html)).toBe(html);
  });

  it("strips injected markup: scripts, event handlers, dangerous addresses, foreign tags, attributes and classes", () => {
    const injected =
      '<p class="press-lead evil" style="color:red" onclick="alert(1)">Tin <script>alert(1)</script><b>đậm</b></p>' +
      '<a href="javascript:alert(1)" onmouseover="x()">a</a>' +
      '<a href="  JaVaScRiPt:alert(1)">b</a>' +
      '<a href="data:text/html,<script>alert(1)</script>">c</a>' +
      '<a href="//evil.example/">d</a>' +
      '<img src="data:image/svg+xml,<svg onload=alert(1)>" onerror="alert(1)" alt="e" />' +
      '<img src="mailto:x@y.z" alt="f" />' +
      '<figure class="press-photo" data-photo-id="p1" data-x="1"><img src="/media/a.jpg" alt="g" /></figure>' +
      '<iframe src="https://evil.example"></iframe><svg onload="alert(1)"></svg><style>p{}</style>' +
      '<span class="press-photo-credit" id="x">h</span>';
    const clean = sanitizePressHtml(injected);
    expect(clean).toBe(
      '<p class="press-lead">Tin đậm</p>' +
        "<a>a</a>" +
        "<a>b</a>" +
        "<a>c</a>" +
        "<a>d</a>" +
        '<img alt="e" />' +
        '<img alt="f" />' +
        '<figure class="press-photo" data-photo-id="p1"><img src="/media/a.jpg" alt="g" /></figure>' +
        '<span class="press-photo-credit">h</span>',
    );
  });

  it("renderPressHtml renders and sanitizes in one step", () => {
    const html = renderPressHtml("Xin chào <script>x</script>\n\n![](photo:p2)", { photo });
    expect(html).toBe(
      "<p>Xin chào &lt;script&gt;x&lt;/script&gt;</p>\n" +
        '<figure class="press-photo" data-photo-id="p2"><img src="/media/photos/p2/r2/web.jpg" alt="" loading="lazy" />' +
        '<figcaption><span class="press-photo-credit">Phóng viên</span></figcaption></figure>\n',
    );
  });
});
