import { describe, expect, it } from "vitest";
import { guardRequest, isWellFormedTarget } from "./request-guards";

describe("isWellFormedTarget", () => {
  it.each([
    ["/events?q=l%E1%BB%85", true],
    ["/events?q=a+b", true],
    ["/press/l%E1%BB%85-ky-ket", true],
    ["/", true],
    ["/events?q=%00", false],
    ["/press/%00", false],
    ["/events?q=%ED%A0%80", false], // a lone surrogate as CESU-8
    ["/events?q=%FF", false],
    ["/events?q=%C0%AF", false], // overlong "/"
    ["/events?q=%zz", false],
    ["/events/%E0%A4", false], // cut off
  ])("%s → %s", (target, expected) => expect(isWellFormedTarget(target)).toBe(expected));

  it("answers 400: JSON under /api/, plain bilingual text elsewhere", async () => {
    const api = guardRequest(new Request("http://localhost/api/v1/events?q=%00"));
    expect(api?.status).toBe(400);
    expect(await api?.json()).toMatchObject({ error: { code: "bad_request" } });
    const page = guardRequest(new Request("http://localhost/events?q=%00"));
    expect(page?.status).toBe(400);
    expect(await page?.text()).toContain("Địa chỉ không hợp lệ");
    expect(guardRequest(new Request("http://localhost/events?q=l%E1%BB%85"))).toBeNull();
  });
});
