import { describe, expect, it } from "vitest";
import { decodeUrlComponent } from "~/utils/text-input";
import { isMalformedUrl } from "./request-guards";

describe("isMalformedUrl", () => {
  it("lets well-formed addresses through, Vietnamese included", () => {
    expect(isMalformedUrl("/events?q=l%E1%BB%85+k%C3%BD&tab=past")).toBe(false);
    expect(isMalformedUrl("/press/le-ky-ket")).toBe(false);
    expect(isMalformedUrl("/")).toBe(false);
  });
  it("refuses NUL, bytes that are not UTF-8 and broken escapes, in the path and the query", () => {
    expect(isMalformedUrl("/press/%00")).toBe(true);
    expect(isMalformedUrl("/events?q=%00")).toBe(true);
    expect(isMalformedUrl("/events?q=%ED%A0%80")).toBe(true); // an encoded surrogate half
    expect(isMalformedUrl("/events?q=%FF")).toBe(true);
    expect(isMalformedUrl("/events?q=%zz")).toBe(true);
  });
  it("decodes + as a space only in the query", () => {
    expect(decodeUrlComponent("a+b", true)).toBe("a b");
    expect(decodeUrlComponent("a+b", false)).toBe("a+b");
  });
});
