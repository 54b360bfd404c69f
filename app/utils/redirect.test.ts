import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it.each([
    ["/events?tab=past", "/events?tab=past"],
    ["//evil.example", "/events"],
    ["/\\evil.example", "/events"],
    ["https://evil.example", "/events"],
    ["javascript:alert(1)", "/events"],
    [undefined, "/events"],
    [42, "/events"],
    ["/\t/evil.example", "/events"],
    ["/\n/evil.example", "/events"],
    ["/ /evil.example", "/events"],
    ["/events\\..\\x", "/events"],
    ["/events/abc?tab=past&q=l%E1%BB%85", "/events/abc?tab=past&q=l%E1%BB%85"],
  ])("%s → %s", (input, expected) => expect(safeRedirect(input)).toBe(expected));
});

describe("safeRedirect and the Location header", () => {
  it("percent-encodes non-ASCII characters and falls back for an unpaired surrogate or a newline", () => {
    expect(safeRedirect("/s\u1ef1-ki\u1ec7n?q=\u00ea")).toBe("/s%E1%BB%B1-ki%E1%BB%87n?q=%C3%AA");
    expect(new Headers({ Location: safeRedirect("/s\u1ef1-ki\u1ec7n") }).get("Location")).toBe("/s%E1%BB%B1-ki%E1%BB%87n");
    expect(safeRedirect("/a\ud800b")).toBe("/events");
    expect(safeRedirect("/events\nX: 1")).toBe("/events");
  });
});
