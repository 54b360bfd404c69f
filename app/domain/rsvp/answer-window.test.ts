import { describe, expect, it } from "vitest";
import { answerForIntent, answerWindow, hasAnswered, isRsvpIntent } from "./answer-window";

const startsAt = new Date("2031-04-10T01:30:00Z");
const scheduled = { status: "scheduled" as const, startsAt };
const current = { withdrawnAt: null };

describe("answerWindow", () => {
  it("is open before the start, and says until when", () => {
    expect(answerWindow(scheduled, current, new Date("2031-04-10T01:29:59.999Z"))).toEqual({ open: true, closesAt: startsAt });
    expect(answerWindow({ status: "draft", startsAt }, current, new Date("2031-01-01T00:00:00Z")).open).toBe(true);
  });
  it("closes exactly at the start time", () => {
    expect(answerWindow(scheduled, current, startsAt)).toEqual({ open: false, reason: "started" });
    expect(answerWindow(scheduled, current, new Date("2031-04-11T00:00:00Z"))).toEqual({ open: false, reason: "started" });
  });
  it("is closed for an event marked completed even if its start is ahead (clock skew, data fix)", () => {
    expect(answerWindow({ status: "completed", startsAt }, current, new Date("2031-01-01T00:00:00Z"))).toEqual({
      open: false,
      reason: "started",
    });
  });
  it("is closed for a cancelled event, before or after its start", () => {
    const cancelled = { status: "cancelled" as const, startsAt };
    expect(answerWindow(cancelled, current, new Date("2031-01-01T00:00:00Z"))).toEqual({ open: false, reason: "cancelled" });
    expect(answerWindow(cancelled, current, new Date("2031-05-01T00:00:00Z"))).toEqual({ open: false, reason: "cancelled" });
  });
  it("is closed for a withdrawn invitation, which wins over every other reason", () => {
    const withdrawn = { withdrawnAt: new Date("2031-01-02T00:00:00Z") };
    expect(answerWindow(scheduled, withdrawn, new Date("2031-01-01T00:00:00Z"))).toEqual({ open: false, reason: "withdrawn" });
    expect(answerWindow({ status: "cancelled", startsAt }, withdrawn, new Date("2031-05-01T00:00:00Z"))).toEqual({
      open: false,
      reason: "withdrawn",
    });
  });
});

describe("intents and answers", () => {
  it("maps the three buttons to the three statuses", () => {
    expect(answerForIntent).toEqual({ accept: "accepted", decline: "declined", maybe: "tentative" });
  });
  it.each([
    ["accept", true],
    ["decline", true],
    ["maybe", true],
    ["accepted", false],
    ["", false],
    [null, false],
    ["toString", false],
  ])("isRsvpIntent(%j) = %s", (value, expected) => {
    expect(isRsvpIntent(value)).toBe(expected);
  });
  it("knows which statuses are answers", () => {
    expect(["not_sent", "sent", "accepted", "declined", "tentative"].filter(hasAnswered)).toEqual([
      "accepted",
      "declined",
      "tentative",
    ]);
  });
});
