import { describe, expect, it } from "vitest";
import { addressDomain, DEFAULT_MAIL_FROM, parseMailAddress } from "./address";

describe("parseMailAddress", () => {
  it.each([
    [DEFAULT_MAIL_FROM, { name: "Signet", address: "no-reply@signet.local" }],
    ['"Ban Tổ chức, Sở GD&ĐT" <bantochuc@thaibinh.gov.vn>', { name: "Ban Tổ chức, Sở GD&ĐT", address: "bantochuc@thaibinh.gov.vn" }],
    ["Văn phòng <vp@example.org>", { name: "Văn phòng", address: "vp@example.org" }],
    ["  no-reply@example.org ", { name: "", address: "no-reply@example.org" }],
    ["<only@example.org>", { name: "", address: "only@example.org" }],
  ])("%s", (value, expected) => {
    expect(parseMailAddress(value)).toEqual(expected);
  });
  it.each(["", "Signet", "Signet <>", "Signet <a b@c.d>", "a@b, c@d", "Name <x@y> trailing", "x@"])("refuses %j", (value) => {
    expect(parseMailAddress(value)).toBeNull();
  });
  it("takes the domain for Message-IDs", () => {
    expect(addressDomain("no-reply@signet.local")).toBe("signet.local");
  });
});
