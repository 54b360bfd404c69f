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
