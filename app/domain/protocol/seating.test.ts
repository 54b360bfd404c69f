import { describe, expect, it } from "vitest";
import { proposeRow, seatingConflicts, seatOrder } from "./seating";

describe("seatOrder", () => {
  it("centre-out with #2 on the table's right (the audience's left)", () => {
    expect(seatOrder(5, { kind: "centre-out", secondTo: "right" })).toEqual([2, 1, 3, 0, 4]);
    expect(seatOrder(5, { kind: "centre-out", secondTo: "left" })).toEqual([2, 3, 1, 4, 0]);
  });
  it("handles even tables and single seats", () => {
    expect(seatOrder(4, { kind: "centre-out", secondTo: "right" })).toEqual([1, 0, 2, 3]);
    expect(seatOrder(1, { kind: "centre-out", secondTo: "right" })).toEqual([0]);
    expect(seatOrder(0, { kind: "centre-out", secondTo: "right" })).toEqual([]);
  });
  it("left to right", () => {
    expect(seatOrder(3, { kind: "left-to-right" })).toEqual([0, 1, 2]);
  });
  it("visits every seat exactly once", () => {
    for (let n = 1; n <= 15; n++) expect([...seatOrder(n, { kind: "centre-out", secondTo: "left" })].sort((a, b) => a - b)).toEqual([...Array(n).keys()]);
  });
});

describe("proposeRow", () => {
  it("seats in precedence order and reports who did not fit", () => {
    const r = proposeRow(["p1", "p2", "p3", "p4"], 3, { kind: "centre-out", secondTo: "right" });
    expect(r.seats).toEqual(["p2", "p1", "p3"]);
    expect(r.overflow).toEqual(["p4"]);
  });
  it("leaves the rest empty", () => {
    expect(proposeRow(["p1"], 3, { kind: "left-to-right" }).seats).toEqual(["p1", null, null]);
  });
});

describe("seatingConflicts", () => {
  it("finds people seated twice, empty reserved seats and too few seats", () => {
    const conflicts = seatingConflicts(
      [
        { tableId: "t1", seatIndex: 0, personId: "a", reserved: true },
        { tableId: "t1", seatIndex: 1, personId: null, reserved: true },
        { tableId: "t2", seatIndex: 0, personId: "a", reserved: false },
        { tableId: "t2", seatIndex: 1, personId: null, reserved: false },
      ],
      5,
    );
    expect(conflicts).toContainEqual({ kind: "emptyReserved", tableId: "t1", seatIndex: 1 });
    expect(conflicts).toContainEqual({ kind: "seatedTwice", personId: "a", seats: [{ tableId: "t1", seatIndex: 0 }, { tableId: "t2", seatIndex: 0 }] });
    expect(conflicts).toContainEqual({ kind: "notEnoughSeats", people: 5, seats: 4 });
    expect(conflicts).toHaveLength(3);
  });
  it("is quiet for a clean plan", () => {
    expect(seatingConflicts([{ tableId: "t", seatIndex: 0, personId: "a", reserved: true }], 1)).toEqual([]);
  });
});
