import { describe, expect, it } from "vitest";
import {
  planConflicts,
  proposePlan,
  proposeSigningGroup,
  proposeSigningSeats,
  signingBackRow,
  signingBehindIndexes,
  signingLayout,
  unseatedIn,
  type PlanTable,
} from "./seating-plan";

const centre = { kind: "centre-out", secondTo: "right" } as const;
const ltr = { kind: "left-to-right" } as const;

describe("the signing table's row behind", () => {
  it("splits the places behind between the two signatories, nearest the centre first", () => {
    expect(signingBackRow(2)).toEqual({ leftCount: 0, rightCount: 0 });
    expect(signingBackRow(7)).toEqual({ leftCount: 3, rightCount: 2 });
    expect(signingBehindIndexes(8)).toEqual({ left: [4, 3, 2], right: [5, 6, 7] });
    expect(signingBehindIndexes(1)).toEqual({ left: [], right: [] });
  });
});

describe("proposeSigningSeats", () => {
  const people = { hostSignatory: "H", guestSignatory: "G", hostDelegation: ["h2", "h3"], guestDelegation: ["g2"], hostSide: "right" as const };
  it("puts the host on the table's right (the audience's left) with the delegations behind", () => {
    expect(proposeSigningSeats(people, 6)).toEqual({ seats: ["H", "G", "h3", "h2", "g2", null], overflow: [] });
  });
  it("mirrors when the host signs on the left", () => {
    expect(proposeSigningSeats({ ...people, hostSide: "left" }, 6)).toEqual({ seats: ["G", "H", null, "g2", "h2", "h3"], overflow: [] });
  });
  it("reports who has no place behind", () => {
    expect(proposeSigningSeats(people, 4)).toEqual({ seats: ["H", "G", "h2", "g2"], overflow: ["h3"] });
  });
  it("leaves an absent signatory's seat empty", () => {
    expect(proposeSigningSeats({ ...people, guestSignatory: null, hostDelegation: [], guestDelegation: [] }, 2).seats).toEqual(["H", null]);
  });
  it("copes with a table of one seat", () => {
    expect(proposeSigningSeats({ ...people, hostDelegation: [], guestDelegation: [] }, 1)).toEqual({ seats: ["H"], overflow: ["G"] });
  });
});

describe("proposePlan", () => {
  const tables: PlanTable[] = [
    { id: "p", kind: "presidium", seatCount: 3, mode: centre },
    { id: "s", kind: "signing", seatCount: 4, mode: centre },
    { id: "r1", kind: "row", seatCount: 2, mode: ltr },
    { id: "r2", kind: "row", seatCount: 3, mode: ltr },
  ];
  it("fills the presidium from precedence, the rows with the rest then the other guests, and the signing table", () => {
    const plan = proposePlan({
      tables,
      precedence: ["d1", "d2", "d3", "d4", "d5"],
      others: ["o1", "o2", "d5"],
      signing: { hostSignatory: "d2", guestSignatory: "d3", hostDelegation: ["d1"], guestDelegation: ["d5"], hostSide: "right" },
    });
    expect(plan.seats.get("p")).toEqual(["d2", "d1", "d3"]);
    expect(plan.seats.get("r1")).toEqual(["d4", "d5"]);
    expect(plan.seats.get("r2")).toEqual(["o1", "o2", null]);
    expect(plan.seats.get("s")).toEqual(["d2", "d3", "d1", "d5"]);
    expect(plan.unseated).toEqual([]);
  });
  it("says which dignitaries found no seat", () => {
    const plan = proposePlan({ tables: [tables[0]!], precedence: ["a", "b", "c", "d"], signing: null });
    expect(plan.unseated).toEqual(["d"]);
  });
  it("leaves the signing table empty without signatories", () => {
    expect(proposePlan({ tables, precedence: [], signing: null }).seats.get("s")).toEqual([null, null, null, null]);
  });
});

describe("planConflicts", () => {
  const tables = [
    { id: "p", kind: "presidium" as const, seatCount: 3 },
    { id: "s", kind: "signing" as const, seatCount: 2 },
  ];
  it("does not count a signatory's presidium seat and signing seat as seated twice", () => {
    const seats = [
      { tableId: "p", seatIndex: 1, personId: "a", reserved: true },
      { tableId: "s", seatIndex: 0, personId: "a", reserved: true },
    ];
    expect(planConflicts(tables, seats, 1)).toEqual([]);
  });
  it("finds someone seated twice in the hall, empty reserved seats, and too few seats", () => {
    const seats = [
      { tableId: "p", seatIndex: 0, personId: "a", reserved: false },
      { tableId: "p", seatIndex: 2, personId: "a", reserved: false },
      { tableId: "p", seatIndex: 1, personId: null, reserved: true },
      { tableId: "s", seatIndex: 1, personId: null, reserved: true },
    ];
    const conflicts = planConflicts(tables, seats, 5);
    expect(conflicts).toContainEqual({ kind: "seatedTwice", personId: "a", seats: [{ tableId: "p", seatIndex: 0 }, { tableId: "p", seatIndex: 2 }] });
    expect(conflicts).toContainEqual({ kind: "emptyReserved", tableId: "p", seatIndex: 1 });
    expect(conflicts).toContainEqual({ kind: "emptyReserved", tableId: "s", seatIndex: 1 });
    expect(conflicts).toContainEqual({ kind: "notEnoughSeats", people: 5, seats: 3 });
    expect(conflicts).toHaveLength(4);
  });
  it("ignores seats beyond a table's count, and says nothing about seats when there is no table", () => {
    expect(planConflicts(tables, [{ tableId: "p", seatIndex: 7, personId: "a", reserved: true }], 0)).toEqual([]);
    expect(planConflicts([], [], 4)).toEqual([]);
  });
});

describe("answers and withdrawals", () => {
  const tables: PlanTable[] = [
    { id: "p", kind: "presidium", seatCount: 3, mode: centre },
    { id: "s", kind: "signing", seatCount: 2, mode: centre },
    { id: "r", kind: "row", seatCount: 2, mode: ltr },
  ];
  it("never seats a guest who declined or was withdrawn, anywhere, and lists and counts who is left without a seat", () => {
    const plan = proposePlan({
      tables,
      precedence: ["declined", "d1", "d2", "withdrawn", "d3", "d4"],
      others: ["o1", "o2"],
      signing: { hostSignatory: "withdrawn", guestSignatory: "d2", hostDelegation: ["declined"], guestDelegation: [], hostSide: "right" },
      unavailable: [
        { id: "declined", status: "declined" },
        { id: "withdrawn", status: "withdrawn" },
      ],
    });
    expect(plan.seats.get("p")).toEqual(["d2", "d1", "d3"]);
    expect(plan.seats.get("r")).toEqual(["d4", "o1"]);
    expect(plan.seats.get("s")).toEqual([null, "d2"]);
    expect(plan.unseatedPeople).toEqual(["o2"]);
    expect(plan.unseated).toEqual([]);
  });

  it("a saved plan that still holds a declined guest in Row 1 seat 1 is a conflict naming them; the unseated are listed", () => {
    const seats = [
      { tableId: "r", seatIndex: 0, personId: "declined", reserved: false },
      { tableId: "p", seatIndex: 1, personId: "d1", reserved: false },
      { tableId: "s", seatIndex: 0, personId: "gone", reserved: false },
    ];
    const conflicts = planConflicts(tables, seats, 2, {
      unavailable: [
        { id: "declined", status: "declined" },
        { id: "gone", status: "withdrawn" },
      ],
      peopleToSeat: ["d1", "d2", "declined", "o1"],
    });
    expect(conflicts).toEqual([
      { kind: "unavailableSeated", personId: "declined", status: "declined", seats: [{ tableId: "r", seatIndex: 0 }] },
      { kind: "unavailableSeated", personId: "gone", status: "withdrawn", seats: [{ tableId: "s", seatIndex: 0 }] },
      { kind: "unseated", personIds: ["d2", "o1"] },
    ]);
    expect(unseatedIn(tables, seats, ["d1", "d2"])).toEqual(["d2"]);
  });
});

describe("mirrored signing tables, several documents", () => {
  const pair = { documentId: "k1", parties: [{ signatory: "H", delegation: ["h2", "h3"] }, { signatory: "G", delegation: ["g2"] }] };
  it("seats the guest at the host's right (the audience's left) by default, each delegation behind its signatory", () => {
    expect(proposeSigningGroup(pair, 6)).toEqual({ seats: ["G", "H", null, "g2", "h2", "h3"], overflow: [] });
  });
  it("mirrors when configured: the guest at the host's left", () => {
    expect(proposeSigningGroup({ ...pair, guestAt: "left" }, 6)).toEqual({ seats: ["H", "G", "h3", "h2", "g2", null], overflow: [] });
  });
  it("gives each document's pair its own signing table, in order; a pair without a table is reported", () => {
    const tables: PlanTable[] = [
      { id: "s1", kind: "signing", seatCount: 2, mode: centre },
      { id: "s2", kind: "signing", seatCount: 2, mode: centre },
    ];
    const plan = proposePlan({
      tables,
      precedence: [],
      signing: null,
      signingGroups: [
        pair,
        { documentId: "k2", parties: [{ signatory: "A", delegation: [] }, { signatory: "B", delegation: [] }] },
        { documentId: "k3", parties: [{ signatory: "C", delegation: [] }, { signatory: "D", delegation: [] }] },
      ],
    });
    expect(plan.seats.get("s1")).toEqual(["G", "H"]);
    expect(plan.seats.get("s2")).toEqual(["B", "A"]);
    expect(plan.unplacedSignings).toEqual(["k3"]);
  });
});

describe("a document signed by three or more parties", () => {
  it("gives every party a front seat: the host at the centre, the second at its right (the audience's left), the third at its left", () => {
    expect(signingLayout(3, 3)).toEqual({ front: 3, partySeat: [1, 0, 2], behind: [[], [], []] });
    expect(signingLayout(3, 3, "left")).toEqual({ front: 3, partySeat: [1, 2, 0], behind: [[], [], []] });
    // Four parties: the host right of the centre gap, so that the second still stands at its right.
    expect(signingLayout(4, 4).partySeat).toEqual([2, 1, 3, 0]);
  });
  it("splits the row behind into one block per party, behind its own signatory, nearest the centre first", () => {
    // 3 front seats, 6 behind: indexes 3-4 behind seat 0, 5-6 behind seat 1, 7-8 behind seat 2.
    expect(signingLayout(9, 3)).toEqual({ front: 3, partySeat: [1, 0, 2], behind: [[5, 6], [4, 3], [7, 8]] });
    // 7 behind: the first block takes the extra place.
    expect(signingLayout(10, 3).behind).toEqual([[6, 7], [5, 4, 3], [8, 9]]);
  });
  it("keeps the two-party table exactly as before", () => {
    expect(signingLayout(6, 2, "left")).toEqual({ front: 2, partySeat: [0, 1], behind: [[3, 2], [4, 5]] });
    expect(signingLayout(6, 2, "right")).toEqual({ front: 2, partySeat: [1, 0], behind: [[4, 5], [3, 2]] });
  });
  it("seats three signatories side by side with their delegations behind; who does not fit is overflow", () => {
    const group = {
      documentId: "qc",
      parties: [
        { signatory: "CA", delegation: ["ca2"] },
        { signatory: "QS", delegation: ["qs2", "qs3"] },
        { signatory: "BP", delegation: [] },
      ],
    };
    expect(proposeSigningGroup(group, 6)).toEqual({ seats: ["QS", "CA", "BP", "qs2", "ca2", null], overflow: ["qs3"] });
    // A table of two seats for three parties: the third signatory is overflow, never silently dropped.
    expect(proposeSigningGroup(group, 2)).toEqual({ seats: ["QS", "CA"], overflow: ["ca2", "qs2", "qs3", "BP"] });
  });
  it("plans a three-party document on its signing table beside a two-party one", () => {
    const tables: PlanTable[] = [
      { id: "s1", kind: "signing", seatCount: 3, mode: centre },
      { id: "s2", kind: "signing", seatCount: 2, mode: centre },
    ];
    const plan = proposePlan({
      tables,
      precedence: [],
      signing: null,
      signingGroups: [
        { documentId: "k1", parties: [{ signatory: "A", delegation: [] }, { signatory: "B", delegation: [] }, { signatory: "C", delegation: [] }] },
        { documentId: "k2", parties: [{ signatory: "D", delegation: [] }, { signatory: "E", delegation: [] }], guestAt: "left" },
      ],
    });
    expect(plan.seats.get("s1")).toEqual(["B", "A", "C"]);
    expect(plan.seats.get("s2")).toEqual(["D", "E"]);
    expect(plan.signingOverflow).toEqual([]);
  });
});

describe("companions in the plan", () => {
  const tables: PlanTable[] = [
    { id: "P", kind: "presidium", seatCount: 1, mode: ltr },
    { id: "R", kind: "row", seatCount: 6, mode: ltr },
  ];
  it("seats each companion right after their invitee in the guest rows; a presidium dignitary's companions lead the rows", () => {
    const plan = proposePlan({
      tables,
      precedence: ["D1", "D2"],
      others: ["G1", "G2"],
      signing: null,
      companions: { D1: ["D1:1"], G1: ["G1:1", "G1:2"] },
    });
    expect(plan.seats.get("P")).toEqual(["D1"]);
    expect(plan.seats.get("R")).toEqual(["D1:1", "D2", "G1", "G1:1", "G1:2", "G2"]);
    expect(plan.unseatedPeople).toEqual([]);
  });
  it("never seats the companions of an invitee who declined", () => {
    const plan = proposePlan({
      tables: [{ id: "R", kind: "row", seatCount: 4, mode: ltr }],
      precedence: [],
      others: ["G1", "G2"],
      signing: null,
      companions: { G1: ["G1:1"], G2: ["G2:1"] },
      unavailable: [{ id: "G2", status: "declined" }],
    });
    expect(plan.seats.get("R")).toEqual(["G1", "G1:1", null, null]);
    expect(plan.unseatedPeople).toEqual([]);
  });
});
