import { describe, expect, it } from "vitest";
import { isPermanentSmtpFailure, MAX_ATTEMPTS, nextAttemptAt, refusedByServer, retryDelayMs } from "./backoff";

const MIN = 60_000;

describe("retryDelayMs", () => {
  it("backs off exponentially: 1, 5, 15, 60 minutes, then hours", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n))).toEqual([1, 5, 15, 60, 180, 360, 720].map((m) => m * MIN));
  });
  it("gives up at MAX_ATTEMPTS", () => {
    expect(MAX_ATTEMPTS).toBe(8);
    expect(retryDelayMs(MAX_ATTEMPTS - 1)).not.toBeNull();
    expect(retryDelayMs(MAX_ATTEMPTS)).toBeNull();
    expect(retryDelayMs(MAX_ATTEMPTS + 3)).toBeNull();
  });
  it("honours a smaller limit and keeps the longest delay beyond the table", () => {
    expect(retryDelayMs(2, 3)).toBe(5 * MIN);
    expect(retryDelayMs(3, 3)).toBeNull();
    expect(retryDelayMs(10, 20)).toBe(720 * MIN);
  });
  it("refuses nonsense attempt counts", () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryDelayMs(1.5)).toThrow(RangeError);
  });
});

describe("nextAttemptAt", () => {
  it("adds the delay to now", () => {
    const now = new Date("2031-04-01T00:00:00Z");
    expect(nextAttemptAt(1, now)?.toISOString()).toBe("2031-04-01T00:01:00.000Z");
    expect(nextAttemptAt(4, now)?.toISOString()).toBe("2031-04-01T01:00:00.000Z");
    expect(nextAttemptAt(8, now)).toBeNull();
  });
});

describe("isPermanentSmtpFailure", () => {
  it.each([
    [undefined, false],
    [421, false],
    [450, false],
    [451, false],
    [530, false],
    [535, false],
    [550, true],
    [552, true],
    [553, true],
    [554, true],
    [555, false],
  ])("%s → %s", (code, expected) => {
    expect(isPermanentSmtpFailure(code)).toBe(expected);
  });
});

describe("a refusal of the whole server is never permanent", () => {
  it.each([
    [554, "CONN", false],
    [550, "EHLO", false],
    [535, "AUTH PLAIN", false],
    [554, "STARTTLS", false],
    [550, "RCPT TO", true],
    [554, "DATA", true],
    [552, "MAIL FROM", true],
    [554, undefined, true],
  ])("%s to %s → permanent %s", (code, command, expected) => {
    expect(isPermanentSmtpFailure(code, command)).toBe(expected);
  });
  it("knows the commands before the message", () => {
    expect(refusedByServer("CONN")).toBe(true);
    expect(refusedByServer("AUTH LOGIN")).toBe(true);
    expect(refusedByServer("RCPT TO")).toBe(false);
    expect(refusedByServer(undefined)).toBe(false);
  });
});
