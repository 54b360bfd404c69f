import { describe, expect, it } from "vitest";
import { erasableFrom, invitationJsonPersonalKeys, omitFields, retentionCutoff } from "./personal-data";

describe("retention arithmetic", () => {
  it("puts the cutoff the given number of days before now, and an event's erasure as many days after its end", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(retentionCutoff(now, 365).toISOString()).toBe("2025-12-01T10:00:00.000Z");
    expect(retentionCutoff(now, 0).toISOString()).toBe(now.toISOString());
    expect(erasableFrom(new Date("2025-12-01T10:00:00Z"), 365).toISOString()).toBe(now.toISOString());
  });
});

describe("omitFields", () => {
  it("drops the personal keys and keeps the rest, leaving the original untouched", () => {
    const row = { id: "1", name: "Lê Văn A", email: "a@x.vn", phone: "090", notes: "n", dietaryNeeds: "chay", accessNeeds: null, comment: "c", role: "guest" };
    const out = omitFields(row, invitationJsonPersonalKeys);
    expect(out).toEqual({ id: "1", name: "Lê Văn A", role: "guest" });
    expect("email" in out).toBe(false);
    expect(row.email).toBe("a@x.vn");
  });
});
