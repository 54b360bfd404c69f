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

/** People who are never seated: they declined, or their invitation was withdrawn. */
export interface Unavailable {
  id: string;
  status: "declined" | "withdrawn";
}

/**
 * The signing of one document by two parties, for a mirrored signing table: each party's signatory at the front,
 * side by side, its delegation behind it. Protocol seats the guest at the host's right: `guestAt` "right" (the
 * default) puts the second party on the first party's own right — the audience's left; "left" mirrors it.
 */
export interface SigningPair {
  documentId: string;
  /** The first party (usually the host): its signatory (null = none chosen) and delegation in precedence order. */
  first: { signatory: string | null; delegation: string[] };
  second: { signatory: string | null; delegation: string[] };
  guestAt?: "right" | "left";
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
  /**
   * Several documents: one signing pair per signing table, in table order (a pair without a table of its own is in
   * `unplacedSignings`). When given, it replaces `signing`.
   */
  signingPairs?: SigningPair[];
  /** Declined and withdrawn people: never seated anywhere, whatever the lists above say. */
  unavailable?: Unavailable[];
}

export interface PlanProposal {
  seats: Map<string, (string | null)[]>;
  /** Dignitaries with no seat at a presidium or in a row. */
  unseated: string[];
  /** Everyone to seat (dignitaries and other guests, without the unavailable) with no seat in the hall, in order. */
  unseatedPeople: string[];
  /** People the signing table had no place for. */
  signingOverflow: string[];
  /** Documents of `signingPairs` with no signing table left. */
  unplacedSignings: string[];
}

/** The signing table's seats for one pair, mirrored: the guest at the host's right unless configured otherwise. */
export function proposeSigningPair(pair: SigningPair, seatCount: number): { seats: (string | null)[]; overflow: string[] } {
  const guestAt = pair.guestAt ?? "right";
  // The second party on the first's own right means the first signs on the table's left.
  return proposeSigningSeats(
    {
      hostSignatory: pair.first.signatory,
      guestSignatory: pair.second.signatory,
      hostDelegation: pair.first.delegation,
      guestDelegation: pair.second.delegation,
      hostSide: guestAt === "right" ? "left" : "right",
    },
    seatCount,
  );
}

/**
 * Presidium tables take the most senior dignitaries in precedence order (each by its own mode: centre-out or
 * left to right); the guest rows take the rest, then the other guests; the signing table gets the two
 * signatories side by side with their delegations behind. Signatories keep their presidium seats: they
 * walk to the signing table for the signing.
 */
export function proposePlan(input: PlanInput): PlanProposal {
  const away = new Set((input.unavailable ?? []).map((u) => u.id));
  const present = (id: string | null) => (id !== null && away.has(id) ? null : id);
  const keep = (ids: string[]) => ids.filter((id) => !away.has(id));
  const precedence = keep(input.precedence);
  const signing: SigningPeople | null = input.signing
    ? {
        ...input.signing,
        hostSignatory: present(input.signing.hostSignatory),
        guestSignatory: present(input.signing.guestSignatory),
        hostDelegation: keep(input.signing.hostDelegation),
        guestDelegation: keep(input.signing.guestDelegation),
      }
    : null;
  const seats = new Map<string, (string | null)[]>();
  let remaining = [...precedence];
  for (const table of input.tables.filter((t) => t.kind === "presidium")) {
    const row = proposeRow(remaining, table.seatCount, table.mode);
    seats.set(table.id, row.seats);
    remaining = row.overflow;
  }
  const others = keep((input.others ?? []).filter((id) => !input.precedence.includes(id)));
  let audience = [...remaining, ...others];
  for (const table of input.tables.filter((t) => t.kind === "row")) {
    const row = proposeRow(audience, table.seatCount, table.mode);
    seats.set(table.id, row.seats);
    audience = row.overflow;
  }
  const dignitaries = new Set(precedence);
  let signingOverflow: string[] = [];
  const signingTables = input.tables.filter((t) => t.kind === "signing");
  const pairs = (input.signingPairs ?? []).map((p) => ({
    ...p,
    first: { signatory: present(p.first.signatory), delegation: keep(p.first.delegation) },
    second: { signatory: present(p.second.signatory), delegation: keep(p.second.delegation) },
  }));
  signingTables.forEach((table, i) => {
    const pair = input.signingPairs ? pairs[i] : undefined;
    if (input.signingPairs ? !pair : !signing) {
      seats.set(table.id, Array.from({ length: Math.max(0, table.seatCount) }, () => null));
      return;
    }
    const proposal = pair ? proposeSigningPair(pair, table.seatCount) : proposeSigningSeats(signing!, table.seatCount);
    seats.set(table.id, proposal.seats);
    signingOverflow = [...signingOverflow, ...proposal.overflow];
  });
  return {
    seats,
    unseated: audience.filter((id) => dignitaries.has(id)),
    unseatedPeople: audience,
    signingOverflow,
    unplacedSignings: pairs.slice(signingTables.length).map((p) => p.documentId),
  };
}

/**
 * The people to seat who have no seat in the hall (presidium or rows) in a saved plan, in the order given — the
 * "unseated" conflict lists them; declined and withdrawn people are not to be seated and are not listed.
 */
export function unseatedIn(
  tables: { id: string; kind: TableKind; seatCount: number }[],
  seats: PlanSeat[],
  peopleToSeat: string[],
  unavailable: Unavailable[] = [],
): string[] {
  const hall = new Set(tables.filter((t) => t.kind !== "signing").map((t) => t.id));
  const counts = new Map(tables.map((t) => [t.id, t.seatCount]));
  const seated = new Set(
    seats.filter((s) => s.personId && hall.has(s.tableId) && s.seatIndex < (counts.get(s.tableId) ?? 0)).map((s) => s.personId!),
  );
  const away = new Set(unavailable.map((u) => u.id));
  return peopleToSeat.filter((id) => !away.has(id) && !seated.has(id));
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
  attendance: { unavailable?: Unavailable[]; peopleToSeat?: string[] } = {},
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
  // Declined or withdrawn people who still hold a seat (any table), each named with every seat they hold.
  for (const u of attendance.unavailable ?? []) {
    const held = tables.flatMap((t) => statesOf(t).filter((s) => s.personId === u.id).map((s) => ({ tableId: s.tableId, seatIndex: s.seatIndex })));
    if (held.length) conflicts.push({ kind: "unavailableSeated", personId: u.id, status: u.status, seats: held });
  }
  if (attendance.peopleToSeat) {
    const missing = unseatedIn(tables, seats, attendance.peopleToSeat, attendance.unavailable);
    if (missing.length) conflicts.push({ kind: "unseated", personIds: missing });
  }
  return conflicts;
}
