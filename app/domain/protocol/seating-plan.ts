import { proposeRow, proposeSigningTable, seatingConflicts, type SeatingConflict, type SeatingMode, type SeatState } from "./seating";

/**
 * A whole seating plan: presidium tables, signing tables and guest rows, proposed from precedence and checked
 * for conflicts. Builds on ./seating (rows, the signing table, conflicts). Seat indexes count from the
 * audience's left.
 *
 * The signing table: seats 0 and 1 are the two signing seats at the table (audience-left, audience-right);
 * seats 2… are the row standing behind them, numbered from the audience's left, its left part behind the
 * audience-left signatory and its right part behind the other.
 */
export type TableKind = "presidium" | "signing" | "row";

export interface PlanTable {
  id: string;
  kind: TableKind;
  seatCount: number;
  mode: SeatingMode;
}

export const SIGNING_FRONT_SEATS = 2;

/** The signing table's row behind: how many places stand behind each signatory. */
export function signingBackRow(seatCount: number): { leftCount: number; rightCount: number } {
  const behind = Math.max(0, seatCount - SIGNING_FRONT_SEATS);
  return { leftCount: Math.ceil(behind / 2), rightCount: Math.floor(behind / 2) };
}

/** Seat indexes behind each signatory, nearest the centre first. */
export function signingBehindIndexes(seatCount: number): { left: number[]; right: number[] } {
  const { leftCount, rightCount } = signingBackRow(seatCount);
  const left = Array.from({ length: leftCount }, (_, i) => SIGNING_FRONT_SEATS + leftCount - 1 - i);
  const right = Array.from({ length: rightCount }, (_, i) => SIGNING_FRONT_SEATS + leftCount + i);
  return { left, right };
}

export interface SigningPeople {
  hostSignatory: string | null;
  guestSignatory: string | null;
  /** In precedence order, without the signatories. */
  hostDelegation: string[];
  guestDelegation: string[];
  /** The side of the table (its own right or left) the host signs on. */
  hostSide: "right" | "left";
}

/** The signing table's seats for these people; who does not fit behind is in `overflow`. */
export function proposeSigningSeats(people: SigningPeople, seatCount: number): { seats: (string | null)[]; overflow: string[] } {
  const seats: (string | null)[] = Array.from({ length: Math.max(0, seatCount) }, () => null);
  // proposeSigningTable wants two ids; an absent signatory travels as a token no id can equal.
  const none = "\u0000none";
  const p = proposeSigningTable({
    hostSignatory: people.hostSignatory ?? none,
    guestSignatory: people.guestSignatory ?? `${none}2`,
    hostDelegation: people.hostDelegation,
    guestDelegation: people.guestDelegation,
    hostSide: people.hostSide,
  });
  const real = (id: string) => (id.startsWith(none) ? null : id);
  if (seatCount >= 1) seats[0] = real(p.front[0]);
  if (seatCount >= 2) seats[1] = real(p.front[1]);
  const behind = signingBehindIndexes(seatCount);
  const overflow: string[] = [];
  const place = (people: string[], indexes: number[]) =>
    people.forEach((id, i) => {
      const index = indexes[i];
      if (index === undefined) overflow.push(id);
      else seats[index] = id;
    });
  place(p.behindAudienceLeft, behind.left);
  place(p.behindAudienceRight, behind.right);
  if (seatCount < 2) for (const id of [p.front[0], p.front[1]].slice(seatCount)) if (real(id)) overflow.push(id);
  return { seats, overflow };
}

export interface PlanInput {
  /** In the order they are filled (presidium tables first, then rows, each by its position). */
  tables: PlanTable[];
  /** Dignitaries in precedence order. */
  precedence: string[];
  /** Other guests, after the dignitaries in the guest rows. */
  others?: string[];
  /** Signatories and delegations; null when no signatory is chosen (the signing table stays empty). */
  signing: SigningPeople | null;
}

export interface PlanProposal {
  seats: Map<string, (string | null)[]>;
  /** Dignitaries with no seat at a presidium or in a row. */
  unseated: string[];
  /** People the signing table had no place for. */
  signingOverflow: string[];
}

/**
 * Presidium tables take the most senior dignitaries in precedence order (each by its own mode: centre-out or
 * left to right); the guest rows take the rest, then the other guests; the signing table gets the two
 * signatories side by side with their delegations behind. Signatories keep their presidium seats: they
 * walk to the signing table for the signing.
 */
export function proposePlan(input: PlanInput): PlanProposal {
  const seats = new Map<string, (string | null)[]>();
  let remaining = [...input.precedence];
  for (const table of input.tables.filter((t) => t.kind === "presidium")) {
    const row = proposeRow(remaining, table.seatCount, table.mode);
    seats.set(table.id, row.seats);
    remaining = row.overflow;
  }
  let audience = [...remaining, ...(input.others ?? []).filter((id) => !input.precedence.includes(id))];
  for (const table of input.tables.filter((t) => t.kind === "row")) {
    const row = proposeRow(audience, table.seatCount, table.mode);
    seats.set(table.id, row.seats);
    audience = row.overflow;
  }
  const dignitaries = new Set(input.precedence);
  let signingOverflow: string[] = [];
  for (const table of input.tables.filter((t) => t.kind === "signing")) {
    if (!input.signing) {
      seats.set(table.id, Array.from({ length: Math.max(0, table.seatCount) }, () => null));
      continue;
    }
    const proposal = proposeSigningSeats(input.signing, table.seatCount);
    seats.set(table.id, proposal.seats);
    signingOverflow = proposal.overflow;
  }
  return { seats, unseated: audience.filter((id) => dignitaries.has(id)), signingOverflow };
}

export interface PlanSeat {
  tableId: string;
  seatIndex: number;
  personId: string | null;
  reserved: boolean;
}

/**
 * The conflicts of a plan. Presidium and guest rows are checked together (someone seated twice, an empty
 * reserved seat, more dignitaries than seats); each signing table on its own, since a signatory also has a
 * seat at the presidium or in the hall. Seats past a table's count are ignored.
 */
export function planConflicts(
  tables: { id: string; kind: TableKind; seatCount: number }[],
  seats: PlanSeat[],
  dignitaryCount: number,
): SeatingConflict[] {
  const statesOf = (table: { id: string; seatCount: number }): SeatState[] =>
    Array.from({ length: Math.max(0, table.seatCount) }, (_, seatIndex) => {
      const s = seats.find((x) => x.tableId === table.id && x.seatIndex === seatIndex);
      return { tableId: table.id, seatIndex, personId: s?.personId ?? null, reserved: s?.reserved ?? false };
    });
  const hall = tables.filter((t) => t.kind !== "signing");
  const conflicts: SeatingConflict[] = hall.length
    ? seatingConflicts(hall.flatMap(statesOf), dignitaryCount)
    : [];
  for (const table of tables.filter((t) => t.kind === "signing")) conflicts.push(...seatingConflicts(statesOf(table)));
  return conflicts;
}
