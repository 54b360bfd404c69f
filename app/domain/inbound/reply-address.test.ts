import { describe, expect, it } from "vitest";
import { INBOUND_DOMAIN_SHAPE, replyAddress, tokenFromAddress } from "./reply-address";

const token = "0123456789abcdef0123456789abcdef";

describe("reply addresses", () => {
  it("round-trips the token, case-insensitively, with or without a display name", () => {
    expect(replyAddress(token, "RSVP.Signet.test")).toBe(`rsvp+${token}@rsvp.signet.test`);
    expect(tokenFromAddress(`RSVP+${token.toUpperCase()}@rsvp.signet.TEST`, "rsvp.signet.test")).toBe(token);
    expect(tokenFromAddress(`"Ban Tổ chức" <rsvp+${token}@rsvp.signet.test>`, "rsvp.signet.test")).toBe(token);
  });
  it("refuses other domains, other local parts and tokens of the wrong shape", () => {
    expect(tokenFromAddress(`rsvp+${token}@other.test`, "rsvp.signet.test")).toBeNull();
    expect(tokenFromAddress(`info+${token}@rsvp.signet.test`, "rsvp.signet.test")).toBeNull();
    expect(tokenFromAddress("rsvp+1234@rsvp.signet.test", "rsvp.signet.test")).toBeNull();
    expect(() => replyAddress("not-a-token", "rsvp.signet.test")).toThrow();
  });
  it("INBOUND_DOMAIN must be a domain name", () => {
    expect(INBOUND_DOMAIN_SHAPE.test("rsvp.example.gov.vn")).toBe(true);
    expect(INBOUND_DOMAIN_SHAPE.test("localhost")).toBe(false);
    expect(INBOUND_DOMAIN_SHAPE.test("bad domain.vn")).toBe(false);
  });
});
