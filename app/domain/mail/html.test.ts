import { describe, expect, it } from "vitest";
import { escapeHtml, escapeMultiline, safeHttpUrl } from "./html";

describe("escapeHtml", () => {
  it("escapes the five HTML-significant characters and nothing else", () => {
    expect(escapeHtml(`<script>alert("x&y")</script> 'Lễ ký kết' 🤝`)).toBe(
      "&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt; &#39;Lễ ký kết&#39; 🤝",
    );
  });
  it("keeps line breaks as <br> in multi-line text", () => {
    expect(escapeMultiline("a<b\r\nc\rd")).toBe("a&lt;b<br>\nc<br>\nd");
  });
});

describe("safeHttpUrl", () => {
  it("accepts http and https only", () => {
    expect(safeHttpUrl("https://signet.example/i/abc")).toBe("https://signet.example/i/abc");
    expect(safeHttpUrl("http://localhost:3000/i/abc")).toBe("http://localhost:3000/i/abc");
    expect(safeHttpUrl("javascript:alert(1)")).toBeNull();
    expect(safeHttpUrl("data:text/html,<b>x</b>")).toBeNull();
    expect(safeHttpUrl("not a url")).toBeNull();
  });
});
