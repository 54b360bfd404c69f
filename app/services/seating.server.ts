/**
 * Seating: tables (presidium, signing table, guest rows) with seats holding invitations; a proposal from the
 * order of precedence and the signing arrangements; moves and swaps; conflicts. Conflicts are shown, never
 * refused: a plan may be unfinished.
 */
import type { Db } from "#db/client.server";
import {
  planConflicts,
  proposePlan,
  signingLayout,
  type SigningGroup,
  type TableKind,
  type Unavailable,
} from "~/domain/protocol/seating-plan";
import { shortAddress } from "~/domain/protocol/address";
import { principalInPhrase } from "~/domain/protocol/deputy";
import { companionsComing } from "~/domain/rsvp/companions";
import { companionKeys, holderKey, parseHolderKey } from "~/domain/protocol/companion-seats";
import { listDeputies } from "~/models/delegation.server";
import { seatOrder, type SeatingConflict, type SeatingMode } from "~/domain/protocol/seating";
import type { SeatingTableInput } from "~/domain/protocol/seating.schema";
import { recordAudit } from "~/models/audit.server";
import { lockProtocolEvent } from "~/models/dignitaries.server";
import {
  deleteTable as deleteTableRow,
  getSeat,
  getTable,
  insertTable,
  activeInvitationOf,
  listSeatablePeople,
  listSeats,
  listUnavailablePeople,
  listTables,
  replaceTableSeats,
  updateTable as updateTableRow,
  writeSeat,
  type SeatingTableRow,
} from "~/models/seating.server";
import { loadPrecedence, type PrecedenceView } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";
import { loadSigning, type SigningView } from "./signatories.server";

export function modeOf(table: Pick<SeatingTableRow, "mode" | "secondTo">): SeatingMode {
  return table.mode === "left-to-right" ? { kind: "left-to-right" } : { kind: "centre-out", secondTo: table.secondTo };
}

export interface SeatView {
  index: number;
  /**
   * Who holds the seat, as a holder key (~/domain/protocol/companion-seats): the invitation id for the invitee,
   * "<invitation id>:<n>" for their n-th companion; null when empty (or held by a companion who no longer comes).
   */
  invitationId: string | null;
  reserved: boolean;
  /** The seat's rank at its table (1 = the place of honour); at a signing table, null behind. */
  rank: number | null;
  /** Signing table only: "signer" for the front row (one seat per party), "behind" for the row behind. */
  role: "signer" | "behind" | null;
  /** A signing seat's party (its short name, else its name); null when the table has no document or elsewhere. */
  party: { nameVi: string; nameEn: string | null } | null;
}

export interface TableView extends SeatingTableRow {
  seats: SeatView[];
  /** Seats in the front row: a signing table's signing seats (one per party of its document, at least two); all seats elsewhere. */
  frontSeats: number;
  /** A signing table's document (by order: the n-th signing table serves the n-th document with a signatory); null otherwise. */
  document: { id: string; title: string } | null;
}

export interface PersonOption {
  /** The holder key: the invitation id, or "<invitation id>:<n>" for a companion. */
  invitationId: string;
  /** The short form of address (dignitaries) or honorific + name. */
  label: string;
  /** The first position or the organization. */
  detail: string | null;
  /** Precedence place for dignitaries, null for other guests. */
  place: number | null;
  dignitaryId: string | null;
  seats: { tableId: string; seatIndex: number }[];
}

export interface SeatingView {
  precedence: PrecedenceView;
  signing: SigningView;
  tables: TableView[];
  dignitaries: PersonOption[];
  others: PersonOption[];
  /** A label for every invitation a seat may hold (also declined guests someone seated by hand). */
  labels: Record<string, string>;
  conflicts: SeatingConflict[];
  /** Declined and withdrawn people who still hold a seat: a re-proposal frees their seats. */
  unavailableSeated: { invitationId: string; status: "declined" | "withdrawn" }[];
  /** People to seat (dignitaries, then other guests) with no seat in the hall. */
  unseated: string[];
  /** Deputies: invitation id → whom they stand in for, as named in a phrase ("ông Trần Văn B"): "Bà A (thay ông Trần Văn B)". */
  standsInFor: Record<string, string>;
  /** Companions the invitee named, by invitation id (they come with them; see docs/decisions/028). */
  companions: Record<string, string[]>;
  /** The companions to seat, each right after who brings them (holder keys "<invitation id>:<n>"). */
  companionOptions: PersonOption[];
  /** Each companion's holder key → their name and who brings them (labels say "C — khách của ông B"). */
  companionOf: Record<string, { name: string; host: string }>;
}

/** Declined and withdrawn invitations, as the seating plan wants them. */
function unavailableOf(rows: { invitationId: string; status: "declined" | "withdrawn" }[]): Unavailable[] {
  return rows.map((r) => ({ id: r.invitationId, status: r.status }));
}

/** A signing group and the document and parties it stands for. */
export interface SigningTableGroup extends SigningGroup {
  title: string;
  partyNames: { nameVi: string; nameEn: string | null }[];
}

/**
 * One signing group per document with a signatory (in signing order): all its parties, the host's first, then the
 * others in signing order; each party's first signatory in the front row and the rest of its side behind, in
 * precedence order. Ids are invitation ids.
 */
export function signingGroupsOf(signing: SigningView, precedence: PrecedenceView): SigningTableGroup[] {
  const byDignitary = new Map(precedence.dignitaries.map((d) => [d.id, d]));
  return signing.documents.flatMap((doc): SigningTableGroup[] => {
    const host = doc.parties.find((p) => p.isHost) ?? doc.parties[0];
    if (!host || doc.parties.length < 2) return [];
    const parties = [host, ...doc.parties.filter((p) => p !== host)];
    const signers = new Set(parties.flatMap((p) => p.signatoryIds));
    const seated = parties.map((p) => ({
      signatory: p.dignitaryId ? (byDignitary.get(p.dignitaryId)?.invitationId ?? null) : null,
      delegation: precedence.dignitaries.filter((d) => d.sideId === p.sideId && !signers.has(d.id)).map((d) => d.invitationId),
    }));
    // A document nobody signs yet gets no signing table (it stays empty, as "no signatories" says).
    if (seated.every((p) => !p.signatory)) return [];
    return [
      {
        documentId: doc.id,
        title: doc.title,
        parties: seated,
        partyNames: parties.map((p) => ({ nameVi: p.shortName ?? p.nameVi, nameEn: p.nameEn })),
        // hostSide is the side of the table the host signs on (its own right or left): the guest is on the other.
        guestAt: doc.hostSide === "left" ? "right" : "left",
      },
    ];
  });
}

function seatRanks(table: SeatingTableRow, group: SigningTableGroup | undefined): (number | null)[] {
  const ranks: (number | null)[] = Array.from({ length: table.seatCount }, () => null);
  if (table.kind === "signing") {
    // The signing seats are equals; behind, nearest the centre first in each party's block.
    const layout = signingLayout(table.seatCount, group?.parties.length ?? 2, group?.guestAt ?? "right");
    for (const block of layout.behind) block.forEach((index, i) => (ranks[index] = i + 1));
    return ranks;
  }
  seatOrder(table.seatCount, modeOf(table)).forEach((index, i) => (ranks[index] = i + 1));
  return ranks;
}

export async function loadSeating(db: Db, eventId: string): Promise<SeatingView> {
  const [precedence, signing, tables, seatRows, seatable, unavailableRows, deputies] = await Promise.all([
    loadPrecedence(db, eventId),
    loadSigning(db, eventId),
    listTables(db, eventId),
    listSeats(db, eventId),
    listSeatablePeople(db, eventId),
    listUnavailablePeople(db, eventId),
    listDeputies(db, eventId),
  ]);
  const unavailable = unavailableOf(unavailableRows);
  const groups = signingGroupsOf(signing, precedence);
  // Companions who come: a seat held by a companion past that count shows empty (the invitee named fewer since).
  const comingOf = new Map(seatable.filter((p) => p.status !== "declined").map((p) => [p.invitationId, companionsComing(p)]));
  const holderOf = (row: { invitationId: string | null; companionIndex: number } | undefined): string | null => {
    if (!row?.invitationId) return null;
    if (row.companionIndex === 0) return row.invitationId;
    return row.companionIndex <= (comingOf.get(row.invitationId)?.length ?? 0) ? holderKey(row.invitationId, row.companionIndex) : null;
  };
  const signingTables = tables.filter((t) => t.kind === "signing").map((t) => t.id);
  const tableViews = tables.map((table): TableView => {
    const group = table.kind === "signing" ? groups[signingTables.indexOf(table.id)] : undefined;
    const ranks = seatRanks(table, group);
    const layout = table.kind === "signing" ? signingLayout(table.seatCount, group?.parties.length ?? 2, group?.guestAt ?? "right") : null;
    const front = layout ? layout.front : table.seatCount;
    return {
      ...table,
      frontSeats: front,
      document: group ? { id: group.documentId, title: group.title } : null,
      seats: Array.from({ length: table.seatCount }, (_, index): SeatView => {
        const row = seatRows.find((s) => s.tableId === table.id && s.seatIndex === index);
        const partyIndex = layout && group ? layout.partySeat.indexOf(index) : -1;
        return {
          index,
          invitationId: holderOf(row),
          reserved: row?.reserved ?? false,
          rank: layout && index < front ? null : (ranks[index] ?? null),
          role: layout ? (index < front ? "signer" : "behind") : null,
          party: group && partyIndex >= 0 ? (group.partyNames[partyIndex] ?? null) : null,
        };
      }),
    };
  });
  const seatsOf = (invitationId: string) =>
    tableViews.flatMap((t) => t.seats.filter((s) => s.invitationId === invitationId).map((s) => ({ tableId: t.id, seatIndex: s.index })));
  const dignitaryInvitations = new Set(precedence.dignitaries.map((d) => d.invitationId));
  const dignitaries = precedence.dignitaries.map(
    (d): PersonOption => ({
      invitationId: d.invitationId,
      label: d.address.short,
      detail: d.positions[0] ?? d.organization,
      place: d.place,
      dignitaryId: d.id,
      seats: seatsOf(d.invitationId),
    }),
  );
  const others = seatable
    .filter((p) => !dignitaryInvitations.has(p.invitationId) && p.status !== "declined")
    .map(
      (p): PersonOption => ({
        invitationId: p.invitationId,
        label: shortAddress({ honorific: p.honorific, name: p.fullName, positions: [] }),
        detail: p.organization,
        place: null,
        dignitaryId: null,
        seats: seatsOf(p.invitationId),
      }),
    );
  const planSeats = tableViews.flatMap((t) =>
    t.seats.map((s) => ({ tableId: t.id, seatIndex: s.index, personId: s.invitationId, reserved: s.reserved })),
  );
  const labels: Record<string, string> = {};
  for (const p of unavailableRows) labels[p.invitationId] = p.label;
  for (const p of seatable) labels[p.invitationId] = shortAddress({ honorific: p.honorific, name: p.fullName, positions: [] });
  for (const d of dignitaries) labels[d.invitationId] = d.label;
  const companionOf: Record<string, { name: string; host: string }> = {};
  const personOf = new Map(seatable.map((p) => [p.invitationId, p]));
  const companionOptions = [...dignitaries, ...others].flatMap((host) =>
    (comingOf.get(host.invitationId) ?? []).map((name, i): PersonOption => {
      const key = holderKey(host.invitationId, i + 1);
      const person = personOf.get(host.invitationId);
      // Mid-phrase: "khách của ông Trần Văn B".
      companionOf[key] = { name, host: person ? principalInPhrase(person) : (labels[host.invitationId] ?? "") };
      labels[key] = name;
      return { invitationId: key, label: name, detail: null, place: null, dignitaryId: null, seats: seatsOf(key) };
    }),
  );
  const peopleToSeat = withCompanionsOf([...dignitaries, ...others].map((p) => p.invitationId), comingOf);
  const conflicts = planConflicts(tables, planSeats, precedence.dignitaries.length, { unavailable, peopleToSeat });
  const unseated = conflicts.flatMap((c) => (c.kind === "unseated" ? c.personIds : []));
  const unavailableSeated = conflicts.flatMap((c) =>
    c.kind === "unavailableSeated" ? [{ invitationId: c.personId, status: c.status }] : [],
  );
  const standsInFor: Record<string, string> = {};
  for (const d of deputies) standsInFor[d.invitationId] = principalInPhrase(d.principal);
  const companions: Record<string, string[]> = {};
  for (const p of seatable) {
    const coming = companionsComing(p);
    if (coming.length && p.status !== "declined") companions[p.invitationId] = coming;
  }
  return {
    precedence,
    signing,
    tables: tableViews,
    dignitaries,
    others,
    labels,
    conflicts,
    unavailableSeated,
    unseated,
    standsInFor,
    companions,
    companionOptions,
    companionOf,
  };
}

/** The order with each invitee's companions (holder keys) right after them. */
function withCompanionsOf(order: string[], comingOf: Map<string, string[]>): string[] {
  return order.flatMap((id) => [id, ...companionKeys(id, comingOf.get(id)?.length ?? 0)]);
}

async function lockForSeating(tx: Db, eventId: string) {
  const event = await lockProtocolEvent(tx, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
  return event;
}

async function tableOf(tx: Db, eventId: string, tableId: string) {
  const table = await getTable(tx, eventId, tableId);
  if (!table) throw new ServiceError("not_found", "protocol.errors.tableNotFound");
  return table;
}

function checkSeat(table: SeatingTableRow, seatIndex: number, field = "seatIndex") {
  if (seatIndex < 0 || seatIndex >= table.seatCount)
    throw new ServiceError("invalid", "protocol.errors.seatOutOfRange", { [field]: "protocol.errors.seatOutOfRange" });
}

export async function createTable(db: Db, actor: Actor, eventId: string, input: SeatingTableInput): Promise<string> {
  return db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const id = await insertTable(tx, eventId, input);
    await recordAudit(tx, { actor, action: "seating.table.create", entityType: "seating_table", entityId: id, eventId, details: { title: input.name } });
    return id;
  });
}

/** The usual layout of a signing ceremony: a presidium of 5, a signing table (2 + 6 behind), two rows of 10. */
export async function createDefaultLayout(
  db: Db,
  actor: Actor,
  eventId: string,
  names: { presidium: string; signing: string; row: (n: number) => string },
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    if ((await listTables(tx, eventId)).length) return;
    const centre = { mode: "centre-out" as const, secondTo: "right" as const };
    await insertTable(tx, eventId, { name: names.presidium, kind: "presidium", seatCount: 5, ...centre });
    await insertTable(tx, eventId, { name: names.signing, kind: "signing", seatCount: 8, ...centre });
    await insertTable(tx, eventId, { name: names.row(1), kind: "row", seatCount: 10, ...centre });
    await insertTable(tx, eventId, { name: names.row(2), kind: "row", seatCount: 10, ...centre });
    await recordAudit(tx, { actor, action: "seating.table.create", entityType: "event", entityId: eventId, eventId, details: { defaultLayout: true } });
  });
}

export async function updateTable(db: Db, actor: Actor, eventId: string, tableId: string, input: SeatingTableInput): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    await tableOf(tx, eventId, tableId);
    await updateTableRow(tx, tableId, input);
    await recordAudit(tx, { actor, action: "seating.table.update", entityType: "seating_table", entityId: tableId, eventId, details: { title: input.name } });
  });
}

export async function deleteTable(db: Db, actor: Actor, eventId: string, tableId: string): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const table = await tableOf(tx, eventId, tableId);
    await deleteTableRow(tx, tableId);
    await recordAudit(tx, { actor, action: "seating.table.delete", entityType: "seating_table", entityId: tableId, eventId, details: { title: table.name } });
    return { name: table.name };
  });
}

export interface SeatMove {
  tableId: string;
  seatIndex: number;
  /** The holder key: the invitation id, or "<invitation id>:<n>" for their n-th companion. */
  invitationId: string;
  /** Where the person comes from: a move. Whoever sat on the target goes there (a swap). */
  from?: { tableId: string; seatIndex: number } | null;
}

/**
 * Seats a person. From the list it adds them (even if they sit elsewhere already: that shows as a conflict,
 * it is not refused); from another seat it moves them, swapping with whoever sat on the target seat.
 */
export async function assignSeat(db: Db, eventId: string, move: SeatMove): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const table = await tableOf(tx, eventId, move.tableId);
    checkSeat(table, move.seatIndex);
    const holder = parseHolderKey(move.invitationId);
    const invitation = holder ? await activeInvitationOf(tx, eventId, holder.invitationId) : null;
    if (!holder || !invitation)
      throw new ServiceError("invalid", "protocol.errors.notInvited", { invitationId: "protocol.errors.notInvited" });
    // A companion is seatable while their invitee names them and the allowance covers them.
    if (holder.companionIndex > 0 && (invitation.status === "declined" || holder.companionIndex > companionsComing(invitation).length))
      throw new ServiceError("invalid", "protocol.errors.noSuchCompanion", { invitationId: "protocol.errors.noSuchCompanion" });
    const target = await getSeat(tx, move.tableId, move.seatIndex);
    if (move.from && !(move.from.tableId === move.tableId && move.from.seatIndex === move.seatIndex)) {
      const fromTable = await tableOf(tx, eventId, move.from.tableId);
      checkSeat(fromTable, move.from.seatIndex, "fromSeatIndex");
      const source = await getSeat(tx, move.from.tableId, move.from.seatIndex);
      if (source?.invitationId === holder.invitationId && source.companionIndex === holder.companionIndex)
        await writeSeat(tx, {
          ...move.from,
          invitationId: target?.invitationId ?? null,
          companionIndex: target?.companionIndex ?? 0,
          reserved: source.reserved,
        });
    }
    await writeSeat(tx, { tableId: move.tableId, seatIndex: move.seatIndex, ...holder, reserved: target?.reserved ?? false });
  });
}

export async function clearSeat(db: Db, eventId: string, seat: { tableId: string; seatIndex: number }): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const table = await tableOf(tx, eventId, seat.tableId);
    checkSeat(table, seat.seatIndex);
    const current = await getSeat(tx, seat.tableId, seat.seatIndex);
    await writeSeat(tx, { ...seat, invitationId: null, companionIndex: 0, reserved: current?.reserved ?? false });
  });
}

export async function setSeatReserved(db: Db, eventId: string, seat: { tableId: string; seatIndex: number }, reserved: boolean): Promise<void> {
  await db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const table = await tableOf(tx, eventId, seat.tableId);
    checkSeat(table, seat.seatIndex);
    const current = await getSeat(tx, seat.tableId, seat.seatIndex);
    await writeSeat(tx, { ...seat, invitationId: current?.invitationId ?? null, companionIndex: current?.companionIndex ?? 0, reserved });
  });
}

export interface ProposalOutcome {
  /** Dignitaries who found no seat at a presidium or in a row (invitation ids). */
  unseated: string[];
  /** Everyone to seat (dignitaries and other guests) left without a seat in the hall. */
  unseatedPeople: string[];
  signingOverflow: string[];
  /** Documents with no signing table left for them. */
  unplacedSignings: string[];
  /** A signing table exists but no signatory is chosen. */
  noSignatories: boolean;
}

/**
 * Replaces the seating with the proposal from precedence: presidium tables from the top of the order, guest
 * rows with the rest then the other guests, the signing table from the signing arrangements. Seats the
 * proposal fills at the presidium and the signing table are marked reserved, so a seat emptied later shows.
 */
export async function proposeSeating(db: Db, actor: Actor, eventId: string): Promise<ProposalOutcome> {
  return db.transaction(async (tx) => {
    await lockForSeating(tx, eventId);
    const [precedence, signing, tables, seatable, unavailableRows] = await Promise.all([
      loadPrecedence(tx, eventId),
      loadSigning(tx, eventId),
      listTables(tx, eventId),
      listSeatablePeople(tx, eventId),
      listUnavailablePeople(tx, eventId),
    ]);
    const dignitaryInvitations = precedence.dignitaries.map((d) => d.invitationId);
    const known = new Set(dignitaryInvitations);
    const groups = signingGroupsOf(signing, precedence);
    const plan = proposePlan({
      tables: tables.map((t) => ({ id: t.id, kind: t.kind, seatCount: t.seatCount, mode: modeOf(t) })),
      precedence: dignitaryInvitations,
      others: seatable.filter((p) => !known.has(p.invitationId) && p.status !== "declined").map((p) => p.invitationId),
      signing: null,
      // Every document with two or more parties and a signatory gets a signing table of its own, in signing order.
      signingGroups: groups,
      unavailable: unavailableOf(unavailableRows),
      // Companions sit in the guest rows right after who brings them (docs/decisions/028).
      companions: Object.fromEntries(
        seatable.filter((p) => p.status !== "declined").map((p) => [p.invitationId, companionKeys(p.invitationId, companionsComing(p).length)]),
      ),
    });
    for (const table of tables) {
      const row = plan.seats.get(table.id) ?? [];
      const reserve = table.kind !== "row";
      await replaceTableSeats(
        tx,
        table.id,
        row.map((key, seatIndex) => {
          const holder = key ? parseHolderKey(key) : null;
          return {
            tableId: table.id,
            seatIndex,
            invitationId: holder?.invitationId ?? null,
            companionIndex: holder?.companionIndex ?? 0,
            reserved: reserve && holder !== null,
          };
        }),
      );
    }
    await recordAudit(tx, { actor, action: "seating.propose", entityType: "event", entityId: eventId, eventId, details: { tables: tables.length } });
    return {
      unseated: plan.unseated,
      unseatedPeople: plan.unseatedPeople,
      signingOverflow: plan.signingOverflow,
      unplacedSignings: plan.unplacedSignings,
      noSignatories: tables.some((t) => t.kind === "signing") && groups.length === 0,
    };
  });
}

export type { TableKind };
