import { withCompanions } from "./companion-seats";
import { proposeRow, seatingConflicts, type SeatingConflict, type SeatingMode, type SeatState } from "./seating";

/**
 * A whole seating plan: presidium tables, signing tables and guest rows, proposed from precedence and checked
 * for conflicts. Builds on ./seating (rows, the signing table, conflicts). Seat indexes count from the
 * audience's left.
 *
 * A signing table: the front row has one signing seat per party of its document (at least two), from the audience's
 * left; the seats after them are the row standing behind, numbered from the audience's left, each party's part
 * behind its own signatory (signingLayout).
 */
export type TableKind = "presidium" | "signing" | "row";

export interface PlanTable {
  id: string;
  kind: TableKind;
  seatCount: number;
  mode: SeatingMode;
}

/** A signing table's front row has one seat per party, and at least two. */
export const SIGNING_FRONT_SEATS = 2;

/**
 * Where the parties of one document sit at a signing table of `seatCount` seats: the front row has a seat per party
 * (at least two), seats 0… from the audience's left; the rest stand behind, in one row, each party's block behind
 * its own signatory (the first blocks take one more when the row does not divide evenly).
 *
 * The first party (the host) signs at the centre; the second party sits at the host's own right when `guestAt` is
 * "right" (the audience's left: protocol seats the guest at the host's right), the third at the host's left, and so
 * on outwards. With two parties this is the mirrored signing table.
 */
export interface SigningLayout {
  /** Seats in the front row: indexes 0 … front-1. */
  front: number;
  /** Each party's front seat, in party order (undefined: the table is too small). */
  partySeat: (number | undefined)[];
  /** Each party's seats behind, in party order, nearest the table's centre first. */
  behind: number[][];
}

export function signingLayout(seatCount: number, partyCount: number, guestAt: "right" | "left" = "right"): SigningLayout {
  const seats = Math.max(0, seatCount);
  const slots = Math.max(SIGNING_FRONT_SEATS, partyCount);
  const front = Math.min(seats, slots);
  // Slot order: the host at the centre, then alternately at its right (lower index) and its left, or mirrored.
  const first = guestAt === "right" ? -1 : 1;
  const centre = guestAt === "right" ? Math.ceil((slots - 1) / 2) : Math.floor((slots - 1) / 2);
  const order = [centre];
  for (let step = 1; order.length < slots; step++)
    for (const dir of [first, -first]) {
      const slot = centre + dir * step;
      if (slot >= 0 && slot < slots && order.length < slots) order.push(slot);
    }
  const behindCount = seats - front;
  const perSlot = Math.floor(behindCount / front || 0);
  const extra = front ? behindCount % front : 0;
  const blocks: number[][] = [];
  let next = front;
  const mid = (behindCount - 1) / 2;
  for (let slot = 0; slot < front; slot++) {
    const size = perSlot + (slot < extra ? 1 : 0);
    const block = Array.from({ length: size }, (_, i) => next + i);
    next += size;
    // Nearest the centre of the row first; a tie goes to the audience's left.
    block.sort((a, b) => Math.abs(a - front - mid) - Math.abs(b - front - mid) || a - b);
    blocks.push(block);
  }
  const partySeat = Array.from({ length: Math.max(0, partyCount) }, (_, k) => {
    const slot = order[k];
    return slot !== undefined && slot < front ? slot : undefined;
  });
  return { front, partySeat, behind: partySeat.map((slot) => (slot === undefined ? [] : (blocks[slot] ?? []))) };
}

/** The two-party signing table's row behind: how many places stand behind each signatory. */
export function signingBackRow(seatCount: number): { leftCount: number; rightCount: number } {
  const layout = signingLayout(seatCount, 2, "left");
  return { leftCount: layout.behind[0]?.length ?? 0, rightCount: layout.behind[1]?.length ?? 0 };
}

/** Seat indexes behind each of the two signatories (audience-left, audience-right), nearest the centre first. */
export function signingBehindIndexes(seatCount: number): { left: number[]; right: number[] } {
  const layout = signingLayout(seatCount, 2, "left");
  return { left: layout.behind[0] ?? [], right: layout.behind[1] ?? [] };
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
  return proposeSigningGroup(
    {
      documentId: "",
      parties: [
        { signatory: people.hostSignatory, delegation: people.hostDelegation },
        { signatory: people.guestSignatory, delegation: people.guestDelegation },
      ],
      // The host on the table's own right (the audience's left) has the guest at its left.
      guestAt: people.hostSide === "right" ? "left" : "right",
    },
    seatCount,
  );
}

/** People who are never seated: they declined, or their invitation was withdrawn. */
export interface Unavailable {
  id: string;
  status: "declined" | "withdrawn";
}

/**
 * The signing of one document by its parties (two or more), for a signing table: each party's signatory in the front
 * row, its delegation behind it. The first party is the host, at the centre; protocol seats the guest at the host's
 * right: `guestAt` "right" (the default) puts the second party on the host's own right — the audience's left;
 * "left" mirrors it.
 */
export interface SigningGroup {
  documentId: string;
  /** Host first: each party's signatory (null = none chosen) and delegation in precedence order. */
  parties: { signatory: string | null; delegation: string[] }[];
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
   * Several documents: one signing group per signing table, in table order (a group without a table of its own is in
   * `unplacedSignings`). When given, it replaces `signing`.
   */
  signingGroups?: SigningGroup[];
  /** Declined and withdrawn people: never seated anywhere, whatever the lists above say. */
  unavailable?: Unavailable[];
  /**
   * Companions who come, by the id of who brings them (holder keys, ./companion-seats): they sit in the guest rows,
   * right after their invitee in the order (a presidium dignitary's companions where the dignitary would have been).
   */
  companions?: Record<string, string[]>;
}

export interface PlanProposal {
  seats: Map<string, (string | null)[]>;
  /** Dignitaries with no seat at a presidium or in a row. */
  unseated: string[];
  /** Everyone to seat (dignitaries and other guests, without the unavailable) with no seat in the hall, in order. */
  unseatedPeople: string[];
  /** People the signing table had no place for. */
  signingOverflow: string[];
  /** Documents of `signingGroups` with no signing table left. */
  unplacedSignings: string[];
}

/** The signing table's seats for one document's parties; who does not fit is in `overflow`. */
export function proposeSigningGroup(group: SigningGroup, seatCount: number): { seats: (string | null)[]; overflow: string[] } {
  const layout = signingLayout(seatCount, group.parties.length, group.guestAt ?? "right");
  const seats: (string | null)[] = Array.from({ length: Math.max(0, seatCount) }, () => null);
  const overflow: string[] = [];
  group.parties.forEach((party, k) => {
    const at = layout.partySeat[k];
    if (party.signatory !== null) {
      if (at === undefined) overflow.push(party.signatory);
      else seats[at] = party.signatory;
    }
    const behind = layout.behind[k] ?? [];
    party.delegation.forEach((id, i) => {
      const index = behind[i];
      if (index === undefined) overflow.push(id);
      else seats[index] = id;
    });
  });
  return { seats, overflow };
}

/**
 * Presidium tables take the most senior dignitaries in precedence order (each by its own mode: centre-out or
 * left to right); the guest rows take the rest, then the other guests; each signing table gets one document's
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
  const atPresidium = new Set(precedence.filter((id) => !remaining.includes(id)));
  let audience = withCompanions([...precedence, ...others], input.companions ?? {}, atPresidium);
  for (const table of input.tables.filter((t) => t.kind === "row")) {
    const row = proposeRow(audience, table.seatCount, table.mode);
    seats.set(table.id, row.seats);
    audience = row.overflow;
  }
  const dignitaries = new Set(precedence);
  let signingOverflow: string[] = [];
  const signingTables = input.tables.filter((t) => t.kind === "signing");
  const groups = (input.signingGroups ?? []).map((g) => ({
    ...g,
    parties: g.parties.map((p) => ({ signatory: present(p.signatory), delegation: keep(p.delegation) })),
  }));
  signingTables.forEach((table, i) => {
    const group = input.signingGroups ? groups[i] : undefined;
    if (input.signingGroups ? !group : !signing) {
      seats.set(table.id, Array.from({ length: Math.max(0, table.seatCount) }, () => null));
      return;
    }
    const proposal = group ? proposeSigningGroup(group, table.seatCount) : proposeSigningSeats(signing!, table.seatCount);
    seats.set(table.id, proposal.seats);
    signingOverflow = [...signingOverflow, ...proposal.overflow];
  });
  return {
    seats,
    unseated: audience.filter((id) => dignitaries.has(id)),
    unseatedPeople: audience,
    signingOverflow,
    unplacedSignings: groups.slice(signingTables.length).map((g) => g.documentId),
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
