import { describe, expect, it } from "vitest";
import { arrivalText } from "./arrival-text";

describe("arrivalText", () => {
  const zone = "Asia/Ho_Chi_Minh";
  const eventDate = new Date("2026-10-18T02:00:00Z"); // 09:00 on 18 October in Hanoi

  it("is empty without an arrival time", () => {
    expect(arrivalText(null, zone, eventDate)).toBe("");
  });

  it("gives the time alone on the event's day, in the event's zone", () => {
    expect(arrivalText("2026-10-18T06:30:00Z", zone, eventDate)).toBe("13:30");
  });

  it("adds the day and month when they arrive on another day", () => {
    expect(arrivalText(new Date("2026-10-17T06:30:00Z"), zone, eventDate)).toBe("13:30 17/10");
  });

  it("reads the day in the event's zone, not UTC (23:30 UTC is the next morning in Hanoi)", () => {
    expect(arrivalText("2026-10-17T23:30:00Z", zone, eventDate)).toBe("06:30");
  });
});
