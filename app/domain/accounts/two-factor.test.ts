import { describe, expect, it } from "vitest";
import {
  checkTotp,
  groupSecret,
  newRecoveryCodes,
  newTotpSecret,
  normalizeRecoveryCode,
  normalizeTotpCode,
  totpCodeAt,
  totpUri,
} from "./two-factor";

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in Base32, and its 8-digit values cut to 6.
const RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const T = (seconds: number) => new Date(seconds * 1000);

describe("TOTP", () => {
  it("computes the RFC 6238 test vectors (last six digits)", () => {
    expect(totpCodeAt(RFC_SECRET, T(59))).toBe("287082");
    expect(totpCodeAt(RFC_SECRET, T(1111111109))).toBe("081804");
    expect(totpCodeAt(RFC_SECRET, T(1234567890))).toBe("005924");
    expect(totpCodeAt(RFC_SECRET, T(2000000000))).toBe("279037");
  });

  it("accepts the current code and one step either side, not two", () => {
    const now = T(1234567890);
    const step = Math.floor(1234567890 / 30);
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now), now, null)).toEqual({ valid: true, timeStep: step });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, T(1234567890 - 30)), now, null)).toEqual({ valid: true, timeStep: step - 1 });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, T(1234567890 + 30)), now, null)).toEqual({ valid: true, timeStep: step + 1 });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, T(1234567890 - 90)), now, null)).toEqual({ valid: false });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, T(1234567890 + 90)), now, null)).toEqual({ valid: false });
  });

  it("refuses a code of a step already used (replay), accepts a later one", () => {
    const now = T(1234567890);
    const first = checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now), now, null);
    if (!first.valid) throw new Error("expected valid");
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, now), now, first.timeStep)).toEqual({ valid: false });
    const later = T(1234567890 + 30);
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, later), later, first.timeStep).valid).toBe(true);
  });

  it("takes codes typed with spaces or a dash, refuses anything that is not six digits", () => {
    const now = T(1234567890);
    expect(checkTotp(RFC_SECRET, "005 924", now, null).valid).toBe(true);
    expect(checkTotp(RFC_SECRET, "005-924", now, null).valid).toBe(true);
    expect(normalizeTotpCode("12345")).toBeNull();
    expect(normalizeTotpCode("1234567")).toBeNull();
    expect(normalizeTotpCode("12a456")).toBeNull();
    expect(checkTotp(RFC_SECRET, "", now, null)).toEqual({ valid: false });
    expect(checkTotp(RFC_SECRET, "999999", now, null)).toEqual({ valid: false });
  });

  it("makes a fresh 160-bit Base32 secret each time and a scannable otpauth URI", () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(a);
    const uri = new URL(totpUri(a, "lan@signet.test"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Signet:lan@signet.test");
    expect(uri.searchParams.get("secret")).toBe(a);
    expect(uri.searchParams.get("issuer")).toBe("Signet");
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });
});

describe("recovery codes", () => {
  it("makes ten distinct codes in the xxxxx-xxxxx form", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
  });

  it("normalizes what a person types", () => {
    expect(normalizeRecoveryCode(" K7M2Q X9P4R ")).toBe("k7m2q-x9p4r");
    expect(normalizeRecoveryCode("k7m2qx9p4r")).toBe("k7m2q-x9p4r");
    expect(normalizeRecoveryCode("k7m2q-x9p4")).toBeNull();
    expect(normalizeRecoveryCode("k7m2q-x9p4r!")).toBeNull();
  });
});
