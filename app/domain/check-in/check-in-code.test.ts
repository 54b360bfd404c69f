import { describe, expect, it } from "vitest";
import { CHECK_IN_CODE_PREFIX, parseCheckInCode, signCheckInCode, verifyCheckInCode } from "./check-in-code";

const ID = "3f2b8c1e-9d4a-4e6b-8a71-0c5d2e9f4b13";
const OTHER = "7a1c0d2e-3b4f-4a5b-9c6d-7e8f9a0b1c2d";
const SECRET = "a-session-secret-of-some-length";

describe("signCheckInCode", () => {
  it("writes SIGNET:<id>:<22 base64url characters>", () => {
    const code = signCheckInCode(ID, SECRET);
    expect(code).toMatch(new RegExp(`^${CHECK_IN_CODE_PREFIX}:${ID}:[A-Za-z0-9_-]{22}$`));
  });
  it("is stable for one invitation and secret, different for another invitation or secret", () => {
    expect(signCheckInCode(ID, SECRET)).toBe(signCheckInCode(ID, SECRET));
    expect(signCheckInCode(ID.toUpperCase(), SECRET)).toBe(signCheckInCode(ID, SECRET));
    expect(signCheckInCode(OTHER, SECRET).split(":")[2]).not.toBe(signCheckInCode(ID, SECRET).split(":")[2]);
    expect(signCheckInCode(ID, "another-secret")).not.toBe(signCheckInCode(ID, SECRET));
  });
  it("refuses a non-UUID id and an empty secret", () => {
    expect(() => signCheckInCode("42", SECRET)).toThrow(TypeError);
    expect(() => signCheckInCode(ID, "")).toThrow(TypeError);
  });
});

describe("verifyCheckInCode", () => {
  const code = signCheckInCode(ID, SECRET);

  it("returns the invitation id for a code signed with a known secret", () => {
    expect(verifyCheckInCode(code, [SECRET])).toBe(ID);
    expect(verifyCheckInCode(`  ${code}\n`, [SECRET])).toBe(ID);
  });
  it("accepts codes signed with an older secret still in the list", () => {
    expect(verifyCheckInCode(code, ["new-secret", SECRET])).toBe(ID);
  });
  it("refuses a code signed with another secret", () => {
    expect(verifyCheckInCode(code, ["new-secret"])).toBeNull();
    expect(verifyCheckInCode(code, [])).toBeNull();
  });
  it("refuses a guessed id with another invitation's mac (ids cannot be swapped)", () => {
    const mac = code.split(":")[2];
    expect(verifyCheckInCode(`SIGNET:${OTHER}:${mac}`, [SECRET])).toBeNull();
  });
  it("refuses a tampered mac, a truncated one and a bare id", () => {
    const mac = code.split(":")[2] ?? "";
    const flipped = (mac[0] === "A" ? "B" : "A") + mac.slice(1);
    expect(verifyCheckInCode(`SIGNET:${ID}:${flipped}`, [SECRET])).toBeNull();
    expect(verifyCheckInCode(`SIGNET:${ID}:${mac.slice(0, 21)}`, [SECRET])).toBeNull();
    expect(verifyCheckInCode(ID, [SECRET])).toBeNull();
  });
  it.each([
    ["", "empty"],
    ["https://example.com/", "a URL"],
    [`signet:${ID}:AAAAAAAAAAAAAAAAAAAAAA`, "lower-case prefix"],
    [`SIGNET:${ID}:AAAAAAAAAAAAAAAAAAAAAA:x`, "four parts"],
    [`SIGNET:not-a-uuid:AAAAAAAAAAAAAAAAAAAAAA`, "a bad id"],
    [`SIGNET:${ID}:${"A".repeat(300)}`, "too long"],
  ])("refuses %j (%s)", (text) => {
    expect(verifyCheckInCode(text, [SECRET])).toBeNull();
  });
});

describe("parseCheckInCode", () => {
  it("lower-cases the id and keeps the mac", () => {
    expect(parseCheckInCode(`SIGNET:${ID.toUpperCase()}:AAAAAAAAAAAAAAAAAAAAAA`)).toEqual({
      invitationId: ID,
      mac: "AAAAAAAAAAAAAAAAAAAAAA",
    });
  });
});
