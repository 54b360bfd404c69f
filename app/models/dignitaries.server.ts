import { and, asc, eq, inArray, isNull, notExists, or, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import {
  dignitaries,
  eventSides,
  events,
  invitations,
  organizations,
  people,
  users,
} from "#db/schema/index";
import type { InvitationRole } from "~/domain/attendees/attendee.schema";
import type { CeremonySide, EqualsFirst } from "~/domain/protocol/dignitary.schema";
import { dignitaryColumns, eventColumns, eventSideColumns, invitationColumns, organizationColumns, personColumns, pickColumns, userColumns } from "./columns";

/** Dignitaries of an event, their invitations and the event's protocol settings: queries only. */

export const dignitaryRowColumns = {
  ...pickColumns(dignitaryColumns, ["id", "eventId", "invitationId", "honorific", "name", "positions", "organization", "delegation"]),
  side: sql<CeremonySide | null>`(case ${eventSides.kind} when 'host' then 'host' when 'guest' then 'guest' end)`,
  ...pickColumns(dignitaryColumns, ["sideId", "arrivalAt", "escortUserId", "notes", "manualPlace", "fullAddressOverride", "shortAddressOverride", "englishAddressOverride", "entryOrder", "createdAt", "updatedAt"]),
};

export interface DignitaryRow {
  id: string;
  eventId: string;
  invitationId: string;
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  delegation: string | null;
  /** From the kind of the person's side: host, guest, or null (leaders or no side). */
  side: CeremonySide | null;
  sideId: string | null;
  arrivalAt: Date | null;
  escortUserId: string | null;
  notes: string | null;
  manualPlace: number | null;
  fullAddressOverride: string | null;
  shortAddressOverride: string | null;
  englishAddressOverride: string | null;
  entryOrder: number;
  createdAt: Date;
  updatedAt: Date;
  escortName: string | null;
  email: string | null;
  personId: string;
}

const listColumns = { ...dignitaryRowColumns, escortName: userColumns.name, email: personColumns.email, personId: invitationColumns.personId };

/** The event's dignitaries (withdrawn invitations left out), in the order they were entered. */
export function listDignitaryRows(db: Db, eventId: string): Promise<DignitaryRow[]> {
  return db
    .select(listColumns)
    .from(dignitaries)
    .innerJoin(invitations, eq(invitations.id, dignitaries.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(users, eq(users.id, dignitaries.escortUserId))
    .leftJoin(eventSides, eq(eventSides.id, dignitaries.sideId))
    .where(and(eq(dignitaries.eventId, eventId), isNull(invitations.withdrawnAt)))
    .orderBy(asc(dignitaries.entryOrder), asc(dignitaries.createdAt), asc(dignitaries.id));
}

export async function getDignitaryRow(db: Db, eventId: string, id: string): Promise<DignitaryRow | null> {
  const [row] = await db
    .select(listColumns)
    .from(dignitaries)
    .innerJoin(invitations, eq(invitations.id, dignitaries.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(users, eq(users.id, dignitaries.escortUserId))
    .leftJoin(eventSides, eq(eventSides.id, dignitaries.sideId))
    .where(and(eq(dignitaries.eventId, eventId), eq(dignitaries.id, id), isNull(invitations.withdrawnAt)));
  return row ?? null;
}

export async function findDignitaryIdByInvitation(db: Db, invitationId: string): Promise<string | null> {
  const [row] = await db.select(pickColumns(dignitaryColumns, ["id"])).from(dignitaries).where(eq(dignitaries.invitationId, invitationId));
  return row?.id ?? null;
}

export interface DignitaryValues {
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  delegation: string | null;
  /** A coarse host/guest choice, turned into the matching side unless sideId is given. */
  side: CeremonySide | null;
  sideId?: string | null;
  arrivalAt: Date | null;
  escortUserId: string | null;
  notes: string | null;
  fullAddressOverride: string | null;
  shortAddressOverride: string | null;
  englishAddressOverride: string | null;
}

/**
 * The side a coarse host/guest choice stands for: the event's side of that kind whose organization the person
 * belongs to, else the first one of that kind. When the event has none, one is made so the choice is not lost: the
 * host side of the event's host organization, otherwise a side named by the person's organization (or delegation).
 * Null only when nothing could name it.
 */
export async function sideIdFor(db: Db, eventId: string, side: CeremonySide | null, organization: string | null, delegation: string | null = null): Promise<string | null> {
  if (!side) return null;
  const [row] = await db
    .select(pickColumns(eventSideColumns, ["id"]))
    .from(eventSides)
    .leftJoin(organizations, eq(organizations.id, eventSides.organizationId))
    .where(and(eq(eventSides.eventId, eventId), eq(eventSides.kind, side)))
    .orderBy(
      organization
        ? sql`(lower(coalesce(${organizations.nameVi}, '')) = lower(${organization}) or lower(coalesce(${organizations.shortName}, '')) = lower(${organization}) or lower(coalesce(${eventSides.label}, '')) = lower(${organization})) desc`
        : asc(eventSides.position),
      asc(eventSides.position),
    )
    .limit(1);
  if (row) return row.id;
  const [event] = await db.select(pickColumns(eventColumns, ["hostOrganizationId"])).from(events).where(eq(events.id, eventId));
  const organizationId = side === "host" ? (event?.hostOrganizationId ?? null) : null;
  const label = organizationId ? null : (organization ?? delegation);
  if (!organizationId && !label) return null;
  if (organizationId) {
    // The host organization may already be a side of another kind: use that one.
    const [existing] = await db
      .select(pickColumns(eventSideColumns, ["id"]))
      .from(eventSides)
      .where(and(eq(eventSides.eventId, eventId), eq(eventSides.organizationId, organizationId)));
    if (existing) return existing.id;
  }
  const [next] = await db
    .select({ n: sql<number>`coalesce(max(${eventSides.position}), -1)::int + 1` })
    .from(eventSides)
    .where(eq(eventSides.eventId, eventId));
  const [created] = await db
    .insert(eventSides)
    .values({ eventId, kind: side, organizationId, label, position: next?.n ?? 0 })
    .returning(pickColumns(eventSideColumns, ["id"]));
  return created?.id ?? null;
}

export async function insertDignitary(
  db: Db,
  values: DignitaryValues & { eventId: string; invitationId: string; entryOrder: number },
): Promise<string> {
  const { side, ...rest } = values;
  const sideId = values.sideId !== undefined ? values.sideId : await sideIdFor(db, values.eventId, side, values.organization, values.delegation);
  const [row] = await db.insert(dignitaries).values({ ...rest, sideId }).returning(pickColumns(dignitaryColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateDignitaryRow(db: Db, id: string, values: Partial<DignitaryValues>): Promise<void> {
  const { side, ...rest } = values;
  let sideId = values.sideId;
  if (sideId === undefined && side !== undefined) {
    const [row] = await db
      .select({
        ...pickColumns(dignitaryColumns, ["eventId", "organization", "delegation", "sideId"]),
        kind: eventSideColumns.kind,
      })
      .from(dignitaries)
      .leftJoin(eventSides, eq(eventSides.id, dignitaries.sideId))
      .where(eq(dignitaries.id, id));
    // The same coarse side as now keeps the exact side chosen (a leaders' side reads as no coarse side).
    const keep = row?.sideId && (row.kind === side || (side === null && row.kind === "leaders"));
    if (row && !keep) sideId = await sideIdFor(db, row.eventId, side, values.organization ?? row.organization, values.delegation ?? row.delegation);
  }
  await db
    .update(dignitaries)
    .set({ ...rest, ...(sideId !== undefined ? { sideId } : {}), updatedAt: new Date() })
    .where(eq(dignitaries.id, id));
}

export async function deleteDignitaryRow(db: Db, id: string): Promise<void> {
  await db.delete(dignitaries).where(eq(dignitaries.id, id));
}

/** The next entry number of the event (1 for the first dignitary). */
export async function nextEntryOrder(db: Db, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${dignitaries.entryOrder}), 0)::int + 1` })
    .from(dignitaries)
    .where(eq(dignitaries.eventId, eventId));
  return row?.n ?? 1;
}

/** Writes a whole hand-made order (place = index + 1), or clears it (null: back to the proposal). */
export async function setManualPlaces(db: Db, eventId: string, order: readonly string[] | null): Promise<void> {
  if (order === null) {
    await db.update(dignitaries).set({ manualPlace: null }).where(eq(dignitaries.eventId, eventId));
    return;
  }
  if (order.length === 0) return;
  const ids = sql.join(
    order.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // array_position gives each id its 1-based place in one statement.
  await db
    .update(dignitaries)
    .set({ manualPlace: sql`array_position(array[${ids}], ${dignitaries.id})` })
    .where(and(eq(dignitaries.eventId, eventId), inArray(dignitaries.id, [...order])));
}

// ---------------------------------------------------------------------------------------------------
// The event, as protocol needs it

export interface ProtocolEvent {
  id: string;
  title: string;
  status: "draft" | "scheduled" | "completed" | "cancelled";
  kind: string;
  startsAt: Date;
  endsAt: Date;
  startPrecision: "time" | "date";
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  hostOrganizationId: string | null;
  precedenceEqualsFirst: EqualsFirst;
}

const protocolEventColumns = {
  ...pickColumns(eventColumns, ["id", "title", "status", "kind", "startsAt", "endsAt", "startPrecision", "timeZone", "venueName", "venueAddress", "venueRoom", "hostOrganizationId"]),
  precedenceEqualsFirst: events.precedenceEqualsFirst,
};

function toProtocolEvent(row: Omit<ProtocolEvent, "precedenceEqualsFirst"> & { precedenceEqualsFirst: string }): ProtocolEvent {
  return { ...row, precedenceEqualsFirst: row.precedenceEqualsFirst === "hosts" ? "hosts" : "guests" };
}

export async function getProtocolEvent(db: Db, eventId: string): Promise<ProtocolEvent | null> {
  const [row] = await db.select(protocolEventColumns).from(events).where(eq(events.id, eventId));
  return row ? toProtocolEvent(row) : null;
}

/** The same, with the event row locked until the transaction ends: precedence edits of one event queue up. */
export async function lockProtocolEvent(tx: Db, eventId: string): Promise<ProtocolEvent | null> {
  const [row] = await tx.select(protocolEventColumns).from(events).where(eq(events.id, eventId)).for("update");
  return row ? toProtocolEvent(row) : null;
}

export async function setPrecedenceEqualsFirst(db: Db, eventId: string, value: EqualsFirst): Promise<void> {
  await db.update(events).set({ precedenceEqualsFirst: value }).where(eq(events.id, eventId));
}

/** Full and short names of the host organization and of the other organizations (the sides' organizations). */
export async function eventOrganizationNames(
  db: Db,
  eventId: string,
  hostOrganizationId: string | null,
): Promise<{ host: (string | null)[]; guests: (string | null)[] }> {
  const rows = await db
    .select(pickColumns(organizationColumns, ["id", "nameVi", "nameEn", "shortName"]))
    .from(organizations)
    .where(
      or(
        hostOrganizationId ? eq(organizations.id, hostOrganizationId) : sql`false`,
        inArray(
          organizations.id,
          db
            .select({ id: sql<string>`${eventSides.organizationId}` })
            .from(eventSides)
            .where(and(eq(eventSides.eventId, eventId), sql`${eventSides.organizationId} is not null`)),
        ),
      ),
    );
  const names = (r: (typeof rows)[number]) => [r.nameVi, r.nameEn, r.shortName];
  return {
    host: rows.filter((r) => r.id === hostOrganizationId).flatMap(names),
    guests: rows.filter((r) => r.id !== hostOrganizationId).flatMap(names),
  };
}

// ---------------------------------------------------------------------------------------------------
// Invitations and staff

export async function setInvitationRole(db: Db, invitationId: string, role: InvitationRole): Promise<void> {
  await db.update(invitations).set({ role, updatedAt: new Date() }).where(eq(invitations.id, invitationId));
}

export interface InvitationCandidate {
  invitationId: string;
  personId: string;
  role: InvitationRole;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  withdrawn: boolean;
}

const candidateColumns = {
  invitationId: invitationColumns.id,
  ...pickColumns(invitationColumns, ["personId", "role"]),
  ...pickColumns(personColumns, ["honorific", "fullName", "positions", "organization"]),
  withdrawn: sql<boolean>`${invitations.withdrawnAt} is not null`,
};

/** Active invitations of the event that are not dignitaries yet (for "mark as dignitary"), by name. */
export function listInvitationsWithoutDignitary(db: Db, eventId: string, limit = 500): Promise<InvitationCandidate[]> {
  return db
    .select(candidateColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(
      and(
        eq(invitations.eventId, eventId),
        isNull(invitations.withdrawnAt),
        notExists(db.select({ one: sql`1` }).from(dignitaries).where(eq(dignitaries.invitationId, invitations.id))),
      ),
    )
    .orderBy(asc(people.nameSearch), asc(invitations.id))
    .limit(limit);
}

export async function getInvitationCandidate(db: Db, eventId: string, invitationId: string): Promise<InvitationCandidate | null> {
  const [row] = await db
    .select(candidateColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), eq(invitations.id, invitationId)));
  return row ?? null;
}

export interface StaffMember {
  id: string;
  name: string;
}

/** Active staff accounts, by name (escorts), plus the inactive ones named in `include` so a form keeps them. */
export function listStaffMembers(db: Db, include: readonly string[] = []): Promise<StaffMember[]> {
  return db
    .select(pickColumns(userColumns, ["id", "name"]))
    .from(users)
    .where(include.length ? or(eq(users.active, true), inArray(users.id, [...include])) : eq(users.active, true))
    .orderBy(asc(users.name));
}

export async function isActiveStaff(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select(pickColumns(userColumns, ["id"])).from(users).where(and(eq(users.id, userId), eq(users.active, true)));
  return !!row;
}
