import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, permissionsPolicy, securityHeaders } from "./security-headers";

describe("securityHeaders", () => {
  it("a strict CSP with the request's nonce", () => {
    const csp = contentSecurityPolicy("abc123==");
    expect(csp).toContain("script-src 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).toContain("style-src-elem 'self' 'nonce-abc123=='");
    for (const d of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(csp).toContain(d);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  });

  it("the camera only on the check-in pages", () => {
    expect(permissionsPolicy("/events/e1/check-in")).toContain("camera=(self)");
    expect(permissionsPolicy("/events/e1/door")).toContain("camera=(self)");
    expect(permissionsPolicy("/events/e1/door/offline")).toContain("camera=(self)");
    for (const path of ["/events/e1", "/events/e1/check-in/x", "/events/e1/attendees", "/login", "/i/token"])
      expect(permissionsPolicy(path), path).toContain("camera=()");
  });

  it("HSTS only over TLS; the invitee's pages keep their own Referrer-Policy", () => {
    expect(securityHeaders({ path: "/", nonce: "n", https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders({ path: "/", nonce: "n", https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders({ path: "/invitation", nonce: "n", https: false })).not.toHaveProperty("Referrer-Policy");
    expect(securityHeaders({ path: "/events", nonce: "n", https: false })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(securityHeaders({ path: "/events", nonce: "n", https: false })["Cross-Origin-Opener-Policy"]).toBe("same-origin");
  });
});
