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
    // Not printable ASCII: a Location header cannot carry it (docs/decisions/024-bad-input.md).
    ["/đường", "/events"],
    ["/events?q=lễ", "/events"],
    ["/a\u2028b", "/events"],
    ["/a\u0000b", "/events"],
    ["/a\r\nSet-Cookie: x=1", "/events"],
    ["/a\u007f", "/events"],
    ["/\ud800", "/events"],
  ])("%s → %s", (input, expected) => expect(safeRedirect(input)).toBe(expected));
});
