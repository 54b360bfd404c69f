import { describe, expect, it } from "vitest";
import { canUndoCheckIn, checkInRefusal } from "./check-in-rules";

const event = { id: "e1", status: "scheduled" as const };

describe("checkInRefusal", () => {
  it("lets a current invitation of this event in, whatever its answer", () => {
    expect(checkInRefusal({ eventId: "e1", withdrawnAt: null }, event)).toBeNull();
    expect(checkInRefusal({ eventId: "e1", withdrawnAt: null }, { id: "e1", status: "draft" })).toBeNull();
    expect(checkInRefusal({ eventId: "e1", withdrawnAt: null }, { id: "e1", status: "completed" })).toBeNull();
  });
  it("refuses another event's invitation first, then a withdrawn one, then a cancelled event", () => {
    expect(checkInRefusal({ eventId: "e2", withdrawnAt: new Date() }, { id: "e1", status: "cancelled" })).toBe("otherEvent");
    expect(checkInRefusal({ eventId: "e1", withdrawnAt: new Date() }, { id: "e1", status: "cancelled" })).toBe("withdrawn");
    expect(checkInRefusal({ eventId: "e1", withdrawnAt: null }, { id: "e1", status: "cancelled" })).toBe("eventCancelled");
  });
});

describe("canUndoCheckIn", () => {
  it("allows the staff member who checked the guest in", () => {
    expect(canUndoCheckIn({ id: "u1", role: "organizer" }, { byUserId: "u1" })).toBe(true);
  });
  it("refuses another organizer, even the event's", () => {
    expect(canUndoCheckIn({ id: "u2", role: "organizer" }, { byUserId: "u1" })).toBe(false);
    expect(canUndoCheckIn({ id: "u2", role: "viewer" }, { byUserId: "u1" })).toBe(false);
  });
  it("refuses everyone but admins when the account that checked in is gone", () => {
    expect(canUndoCheckIn({ id: "u1", role: "organizer" }, { byUserId: null })).toBe(false);
    expect(canUndoCheckIn({ id: "u9", role: "admin" }, { byUserId: null })).toBe(true);
  });
  it("allows an administrator", () => {
    expect(canUndoCheckIn({ id: "u3", role: "admin" }, { byUserId: "u1" })).toBe(true);
  });
});
