import { describe, expect, it } from "vitest";
import { timeZoneOptions } from "./time-zones";

describe("timeZoneOptions", () => {
  it("puts Vietnam first under its current IANA name", () => {
    const zones = timeZoneOptions(["Europe/Paris", "Asia/Saigon", "Asia/Calcutta"]);
    expect(zones[0]).toBe("Asia/Ho_Chi_Minh");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Asia/Saigon");
    expect(zones).toContain("UTC");
  });
  it("lists the runtime's zones without duplicates", () => {
    const zones = timeZoneOptions();
    expect(new Set(zones).size).toBe(zones.length);
    expect(zones.length).toBeGreaterThan(300);
    expect(zones).toContain("Europe/Paris");
  });
});
