/**
 * Seating proposals. Seat indexes count from the AUDIENCE's left (0 = leftmost as the room sees the table).
 * "Right" and "left" in options are the seated table's own right and left, as protocol speaks of them:
 * the seated person's right is the audience's left.
 */
export type SeatingMode = { kind: "centre-out"; secondTo: "right" | "left" } | { kind: "left-to-right" };

/** Seat indexes in the order of precedence. Centre-out: #1 in the middle (with an even count, the seat just
 * to the table's right of the middle), #2 to the configured side, then alternating outwards. */
export function seatOrder(seatCount: number, mode: SeatingMode): number[] {
  if (seatCount <= 0) return [];
  if (mode.kind === "left-to-right") return Array.from({ length: seatCount }, (_, i) => i);
  // The table's right = audience's left = lower index.
  const centre = Math.floor((seatCount - 1) / 2);
  const order = [centre];
  const towardsRight = -1; // index step towards the table's right
  const first = mode.secondTo === "right" ? towardsRight : -towardsRight;
  for (let step = 1; order.length < seatCount; step++) {
    for (const dir of [first, -first]) {
      const seat = centre + dir * step;
      if (seat >= 0 && seat < seatCount && order.length < seatCount) order.push(seat);
    }
  }
  return order;
}

export interface RowProposal {
  /** Seat index → person id (null: empty). */
  seats: (string | null)[];
  /** People who did not fit. */
  overflow: string[];
}

export function proposeRow(peopleInPrecedence: string[], seatCount: number, mode: SeatingMode): RowProposal {
  const seats: (string | null)[] = Array.from({ length: Math.max(0, seatCount) }, () => null);
  const order = seatOrder(seatCount, mode);
  peopleInPrecedence.slice(0, order.length).forEach((id, i) => {
    seats[order[i]!] = id;
  });
  return { seats, overflow: peopleInPrecedence.slice(order.length) };
}

export interface SeatState {
  tableId: string;
  seatIndex: number;
  personId: string | null;
  reserved: boolean;
}

export type SeatingConflict =
  | { kind: "seatedTwice"; personId: string; seats: { tableId: string; seatIndex: number }[] }
  | { kind: "emptyReserved"; tableId: string; seatIndex: number }
  | { kind: "notEnoughSeats"; people: number; seats: number }
  /** Someone who declined or whose invitation was withdrawn still holds a seat in a saved plan. */
  | { kind: "unavailableSeated"; personId: string; status: "declined" | "withdrawn"; seats: { tableId: string; seatIndex: number }[] }
  /** People attending (or not yet answered) with no seat in the hall, in precedence order. */
  | { kind: "unseated"; personIds: string[] };

/** What a seating plan gets wrong: someone seated twice, a reserved seat left empty, more people than seats. */
export function seatingConflicts(seats: SeatState[], peopleToSeat?: number): SeatingConflict[] {
  const conflicts: SeatingConflict[] = [];
  const byPerson = new Map<string, { tableId: string; seatIndex: number }[]>();
  for (const s of seats) {
    if (s.personId) byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), { tableId: s.tableId, seatIndex: s.seatIndex }]);
    else if (s.reserved) conflicts.push({ kind: "emptyReserved", tableId: s.tableId, seatIndex: s.seatIndex });
  }
  for (const [personId, where] of byPerson) if (where.length > 1) conflicts.push({ kind: "seatedTwice", personId, seats: where });
  if (peopleToSeat !== undefined && peopleToSeat > seats.length)
    conflicts.push({ kind: "notEnoughSeats", people: peopleToSeat, seats: seats.length });
  return conflicts;
}
