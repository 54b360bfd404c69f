import { and, asc, eq, gt, gte, inArray, isNotNull, isNull, or, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import {
  dignitaries,
  invitations,
  people,
  seatingTables,
  seats,
} from "#db/schema/index";
import type { TableKind } from "~/domain/protocol/seating-plan";
import { capitalizeFirst } from "~/domain/text/capitalize";
import type { TableSide } from "~/domain/protocol/seating.schema";
import { dignitaryColumns, invitationColumns, personColumns, pickColumns, seatColumns, seatingTableColumns } from "./columns";

/** Seating tables, seats and the signing arrangements of an event: queries only. */

export interface SeatingTableRow {
  id: string;
  eventId: string;
  name: string;
  kind: TableKind;
  seatCount: number;
  mode: "centre-out" | "left-to-right";
  secondTo: TableSide;
  position: number;
}

export function listTables(db: Db, eventId: string): Promise<SeatingTableRow[]> {
  return db
    .select(seatingTableColumns)
    .from(seatingTables)
    .where(eq(seatingTables.eventId, eventId))
    .orderBy(asc(seatingTables.position), asc(seatingTables.id));
}

export async function getTable(db: Db, eventId: string, tableId: string): Promise<SeatingTableRow | null> {
  const [row] = await db
    .select(seatingTableColumns)
    .from(seatingTables)
    .where(and(eq(seatingTables.eventId, eventId), eq(seatingTables.id, tableId)));
  return row ?? null;
}

export type TableValues = Pick<SeatingTableRow, "name" | "kind" | "seatCount" | "mode" | "secondTo">;

export async function insertTable(db: Db, eventId: string, values: TableValues): Promise<string> {
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${seatingTables.position}), -1)::int + 1` })
    .from(seatingTables)
    .where(eq(seatingTables.eventId, eventId));
  const [row] = await db
    .insert(seatingTables)
    .values({ ...values, eventId, position: next?.n ?? 0 })
    .returning(pickColumns(seatingTableColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateTable(db: Db, tableId: string, values: TableValues): Promise<void> {
  await db.update(seatingTables).set(values).where(eq(seatingTables.id, tableId));
  // Seats past a smaller count go, with whoever sat there.
  await db.delete(seats).where(and(eq(seats.tableId, tableId), gte(seats.seatIndex, values.seatCount)));
}

export async function deleteTable(db: Db, tableId: string): Promise<void> {
  await db.delete(seatingTables).where(eq(seatingTables.id, tableId));
}

export interface SeatRow {
  tableId: string;
  seatIndex: number;
  invitationId: string | null;
  /** 0 = the invitee, 1…n = their n-th named companion (meaningless on an empty seat). */
  companionIndex: number;
  reserved: boolean;
}

/** The stored seats of the event's tables (seats nobody sits on and nobody reserved are not stored). */
export function listSeats(db: Db, eventId: string): Promise<SeatRow[]> {
  return db
    .select(seatColumns)
    .from(seats)
    .innerJoin(seatingTables, eq(seatingTables.id, seats.tableId))
    .where(eq(seatingTables.eventId, eventId))
    .orderBy(asc(seatingTables.position), asc(seats.seatIndex));
}

export async function getSeat(db: Db, tableId: string, seatIndex: number): Promise<SeatRow | null> {
  const [row] = await db
    .select(seatColumns)
    .from(seats)
    .where(and(eq(seats.tableId, tableId), eq(seats.seatIndex, seatIndex)));
  return row ?? null;
}

/** Writes one seat; a seat with nobody on it and no reservation is deleted. */
export async function writeSeat(db: Db, seat: SeatRow): Promise<void> {
  if (!seat.invitationId && !seat.reserved) {
    await db.delete(seats).where(and(eq(seats.tableId, seat.tableId), eq(seats.seatIndex, seat.seatIndex)));
    return;
  }
  const companionIndex = seat.invitationId ? seat.companionIndex : 0;
  await db
    .insert(seats)
    .values({ ...seat, companionIndex })
    .onConflictDoUpdate({ target: [seats.tableId, seats.seatIndex], set: { invitationId: seat.invitationId, companionIndex, reserved: seat.reserved } });
}

/**
 * Frees the seats of an invitation's companions past `coming` (the invitee named fewer, or the allowance shrank);
 * a reserved seat stays reserved, empty. Returns how many seats were freed.
 */
export async function freeCompanionSeats(db: Db, invitationId: string, coming: number): Promise<number> {
  const held = and(eq(seats.invitationId, invitationId), gt(seats.companionIndex, Math.max(0, coming)));
  const freed = await db.update(seats).set({ invitationId: null, companionIndex: 0 }).where(and(held, eq(seats.reserved, true))).returning({ t: seatColumns.tableId });
  const gone = await db.delete(seats).where(and(held, eq(seats.reserved, false))).returning({ t: seatColumns.tableId });
  return freed.length + gone.length;
}

/** Replaces every seat of a table. */
export async function replaceTableSeats(db: Db, tableId: string, rows: SeatRow[]): Promise<void> {
  await db.delete(seats).where(eq(seats.tableId, tableId));
  const kept = rows.filter((r) => r.invitationId || r.reserved);
  if (kept.length) await db.insert(seats).values(kept);
}

export interface SeatablePerson {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  organization: string | null;
  status: "not_sent" | "sent" | "accepted" | "declined" | "tentative";
  plusOnes: number;
  companionNames: string[] | null;
}

/** Active invitations of the event with their people (the seatable), by name. */
export function listSeatablePeople(db: Db, eventId: string, limit = 2000): Promise<SeatablePerson[]> {
  return db
    .select({
      invitationId: invitationColumns.id,
      ...pickColumns(personColumns, ["honorific", "fullName", "organization"]),
      ...pickColumns(invitationColumns, ["status", "plusOnes", "companionNames"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)))
    .orderBy(asc(people.nameSearch), asc(invitations.id))
    .limit(limit);
}

/** An active invitation of the event, with what decides which of its companions can be seated; null otherwise. */
export async function activeInvitationOf(
  db: Db,
  eventId: string,
  invitationId: string,
): Promise<{ id: string; status: SeatablePerson["status"]; plusOnes: number; companionNames: string[] | null } | null> {
  const [row] = await db
    .select(pickColumns(invitationColumns, ["id", "status", "plusOnes", "companionNames"]))
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------------
// Signing (the documents and signatory roles are in ceremony.server.ts)

export async function dignitaryIdsOf(db: Db, eventId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select(pickColumns(dignitaryColumns, ["id"]))
    .from(dignitaries)
    .innerJoin(invitations, eq(invitations.id, dignitaries.invitationId))
    .where(and(eq(dignitaries.eventId, eventId), inArray(dignitaries.id, ids), isNull(invitations.withdrawnAt)));
  return new Set(rows.map((r) => r.id));
}

export interface UnavailablePerson {
  invitationId: string;
  status: "declined" | "withdrawn";
  label: string;
}

/** The event's invitations that must not be seated: withdrawn ones, and those who declined. */
export async function listUnavailablePeople(db: Db, eventId: string): Promise<UnavailablePerson[]> {
  const rows = await db
    .select({
      invitationId: invitationColumns.id,
      ...pickColumns(invitationColumns, ["status", "withdrawnAt"]),
      ...pickColumns(personColumns, ["honorific", "fullName"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), or(isNotNull(invitations.withdrawnAt), eq(invitations.status, "declined"))))
    .orderBy(asc(people.nameSearch), asc(invitations.id));
  return rows.map((r) => ({
    invitationId: r.invitationId,
    status: r.withdrawnAt ? "withdrawn" : "declined",
    // It opens sentences ("Đồng chí … đã được rút lời mời …"): capitalised.
    label: capitalizeFirst([r.honorific, r.fullName].filter(Boolean).join(" ")),
  }));
}

export interface InvitationSeat {
  invitationId: string;
  tableName: string;
  seatIndex: number;
}

/**
 * Where these invitations sit: table name and seat index, in plan order (a guest seated twice — a conflict the
 * seating page shows — comes back once per seat, the first table of the plan first).
 */
export function listSeatsOfInvitations(db: Db, invitationIds: readonly string[]): Promise<InvitationSeat[]> {
  if (invitationIds.length === 0) return Promise.resolve([]);
  return db
    .select({ invitationId: sql<string>`${seats.invitationId}`, tableName: seatingTableColumns.name, seatIndex: seatColumns.seatIndex })
    .from(seats)
    .innerJoin(seatingTables, eq(seatingTables.id, seats.tableId))
    // The invitee's own seat; their companions' seats are theirs.
    .where(and(inArray(seats.invitationId, [...invitationIds]), eq(seats.companionIndex, 0)))
    .orderBy(asc(seatingTables.position), asc(seats.seatIndex));
}
