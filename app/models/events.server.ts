import { and, asc, count, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { eventMembers, events, organizations, users } from "#db/schema/index";
import type { TimePrecision } from "~/domain/ceremony/types";
import type { MemberRole } from "~/domain/access/permissions";
import type { EventKind, EventStatus } from "~/domain/events/event.schema";
import { escapeLike, foldForSearch } from "~/domain/text/search";
import { listDocuments, listRoles, listSides, type DocumentRow, type SideRow } from "./ceremony.server";
import { eventColumns, eventMemberColumns, organizationColumns, pickColumns, userColumns } from "./columns";

export const eventSummaryColumns = {
  ...pickColumns(eventColumns, ["id", "title", "kind", "status", "startsAt", "endsAt", "startPrecision", "timeZone", "venueName"]),
  hostName: organizationColumns.nameVi,
};

import type { EventListTab } from "~/domain/events/list-tab";
export type { EventListTab };

export async function listEvents(
  db: Db,
  options: { tab: EventListTab; q?: string; page: number; pageSize: number; now: Date },
) {
  const conditions: SQL[] = [];
  if (options.tab === "cancelled") conditions.push(eq(events.status, "cancelled"));
  else {
    conditions.push(ne(events.status, "cancelled"));
    conditions.push(options.tab === "upcoming" ? gte(events.endsAt, options.now) : lt(events.endsAt, options.now));
  }
  const q = options.q ? foldForSearch(options.q) : "";
  if (q) conditions.push(sql`${events.titleSearch} like ${`%${escapeLike(q)}%`}`);
  const where = and(...conditions);
  const order = options.tab === "upcoming" ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)];
  const [items, [total]] = await Promise.all([
    db
      .select(eventSummaryColumns)
      .from(events)
      .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
      .where(where)
      .orderBy(...order)
      .limit(options.pageSize)
      .offset((options.page - 1) * options.pageSize),
    db.select({ value: count() }).from(events).where(where),
  ]);
  return { items, total: total?.value ?? 0 };
}

/** How many events each tab of the list holds (no search): upcoming and past exclude cancelled events. */
export async function countEventsByTab(db: Db, now: Date): Promise<Record<EventListTab, number>> {
  const [row] = await db
    .select({
      upcoming: sql<number>`count(*) filter (where ${events.status} <> 'cancelled' and ${events.endsAt} >= ${now.toISOString()}::timestamptz)`.mapWith(Number),
      past: sql<number>`count(*) filter (where ${events.status} <> 'cancelled' and ${events.endsAt} < ${now.toISOString()}::timestamptz)`.mapWith(Number),
      cancelled: sql<number>`count(*) filter (where ${events.status} = 'cancelled')`.mapWith(Number),
    })
    .from(events);
  return { upcoming: row?.upcoming ?? 0, past: row?.past ?? 0, cancelled: row?.cancelled ?? 0 };
}

/** Keyset page for the API: newest start first, cursor = (startsAt, id) of the last row. */
export async function listEventsAfter(db: Db, options: { after?: { startsAt: Date; id: string }; limit: number }) {
  const after = options.after;
  return db
    .select(pickColumns(eventColumns, ["id"]))
    .from(events)
    .where(
      after
        ? or(lt(events.startsAt, after.startsAt), and(eq(events.startsAt, after.startsAt), lt(events.id, after.id)))
        : undefined,
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(options.limit);
}

export interface OrganizationRef {
  id: string;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
}

export interface EventDetail {
  id: string;
  title: string;
  titleEn: string | null;
  kind: EventKind;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
  venueNameEn: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  description: string | null;
  hostOrganizationId: string | null;
  capacity: number | null;
  calendarUid: string;
  calendarSequence: number;
  version: number;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  startPrecision: TimePrecision;
  occasion: string | null;
  occasionEn: string | null;
  context: string | null;
  contextEn: string | null;
  host: OrganizationRef | null;
  /** The organizations of the guest sides, in the sides' order. */
  partners: OrganizationRef[];
  /** Host, guest and leaders sides, in their order. */
  sides: SideRow[];
  /** The documents, in signing order, each party with its signatories (dignitary ids, in order). */
  documents: EventDocument[];
}

export interface EventDocument extends Omit<DocumentRow, "partyIds" | "eventId"> {
  parties: { sideId: string; signatoryIds: string[] }[];
}

const orgRef = pickColumns(organizationColumns, ["id", "nameVi", "nameEn", "shortName"]);

export async function getEventDetails(db: Db, ids: string[]): Promise<EventDetail[]> {
  if (ids.length === 0) return [];
  const [rows, sides, documents] = await Promise.all([
    db.select(eventColumns).from(events).where(inArray(events.id, ids)),
    listSides(db, ids),
    listDocuments(db, ids),
  ]);
  const orgIds = [
    ...new Set([
      ...rows.map((r) => r.hostOrganizationId).filter((x): x is string => !!x),
      ...sides.map((s) => s.organization?.id).filter((x): x is string => !!x),
    ]),
  ];
  const [orgs, roles] = await Promise.all([
    orgIds.length ? db.select(orgRef).from(organizations).where(inArray(organizations.id, orgIds)) : Promise.resolve([]),
    documents.length ? Promise.all(ids.map((id) => listRoles(db, id))).then((r) => r.flat()) : Promise.resolve([]),
  ]);
  const byId = new Map(
    rows.map((row): [string, EventDetail] => {
      const own = sides.filter((s) => s.eventId === row.id);
      return [
        row.id,
        {
          ...row,
          startPrecision: row.startPrecision === "date" ? "date" : "time",
          host: orgs.find((h) => h.id === row.hostOrganizationId) ?? null,
          partners: own
            .filter((s) => s.kind === "guest" && s.organization)
            .map((s) => orgs.find((o) => o.id === s.organization?.id))
            .filter((o): o is OrganizationRef => !!o),
          sides: own,
          documents: documents
            .filter((d) => d.eventId === row.id)
            .map(({ partyIds: _p, eventId: _e, ...d }) => ({
              ...d,
              parties: d.partySideIds.map((sideId) => ({
                sideId,
                signatoryIds: roles
                  .filter((r) => r.role.kind === "signatory" && r.role.documentId === d.id && r.role.sideId === sideId)
                  .sort((a, b) => a.position - b.position)
                  .map((r) => r.dignitaryId),
              })),
            })),
        },
      ];
    }),
  );
  return ids.map((id) => byId.get(id)).filter((e): e is EventDetail => !!e);
}

export async function getEventDetail(db: Db, id: string): Promise<EventDetail | null> {
  const [event] = await getEventDetails(db, [id]);
  return event ?? null;
}

export async function getMemberRole(db: Db, eventId: string, userId: string): Promise<MemberRole | null> {
  const [row] = await db
    .select(pickColumns(eventMemberColumns, ["role"]))
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)));
  return row?.role ?? null;
}

export async function getEventOwner(db: Db, eventId: string) {
  const [row] = await db
    .select(pickColumns(eventColumns, ["id", "createdBy", "title", "status"]))
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? null;
}

export async function addEventMember(db: Db, eventId: string, userId: string, role: MemberRole) {
  await db
    .insert(eventMembers)
    .values({ eventId, userId, role })
    .onConflictDoUpdate({ target: [eventMembers.eventId, eventMembers.userId], set: { role } });
}

/** The event's calendar SEQUENCE (the number of its last calendar update), or null for an unknown event. */
export async function getEventCalendarSequence(db: Db, eventId: string): Promise<number | null> {
  const [row] = await db.select(pickColumns(eventColumns, ["calendarSequence"])).from(events).where(eq(events.id, eventId));
  return row?.calendarSequence ?? null;
}

export async function findEventIdByCalendarUid(db: Db, calendarUid: string): Promise<string | null> {
  const [row] = await db.select(pickColumns(eventColumns, ["id"])).from(events).where(eq(events.calendarUid, calendarUid));
  return row?.id ?? null;
}

export async function listEventMembers(db: Db, eventId: string) {
  return db
    .select({ userId: userColumns.id, ...pickColumns(userColumns, ["name", "email"]), role: eventMemberColumns.role, active: userColumns.active })
    .from(eventMembers)
    .innerJoin(users, eq(users.id, eventMembers.userId))
    .where(eq(eventMembers.eventId, eventId))
    .orderBy(asc(users.name));
}

export async function removeEventMember(db: Db, eventId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)))
    .returning(pickColumns(eventMemberColumns, ["userId"]));
  return rows.length > 0;
}

/**
 * Who can add a person to an event's team (event:manageMembers): its creator, its organizer members and the
 * admins, active accounts only; each once, the event's own people first, then by name.
 */
export async function listTeamManagers(db: Db, eventId: string) {
  const rows = await db
    .select({
      ...pickColumns(userColumns, ["name", "email", "role"]),
      isCreator: sql<boolean>`${events.createdBy} = ${users.id}`,
      isOrganizer: sql<boolean>`${eventMembers.role} is not null`,
    })
    .from(users)
    .innerJoin(events, eq(events.id, eventId))
    .leftJoin(eventMembers, and(eq(eventMembers.eventId, events.id), eq(eventMembers.userId, users.id), eq(eventMembers.role, "organizer")))
    .where(and(eq(users.active, true), or(eq(users.role, "admin"), eq(events.createdBy, users.id), eq(eventMembers.role, "organizer"))))
    .orderBy(asc(users.name));
  return rows
    .map((r) => ({ name: r.name, email: r.email, as: r.isCreator || r.isOrganizer ? ("organizer" as const) : ("admin" as const) }))
    .sort((a, b) => (a.as === b.as ? 0 : a.as === "organizer" ? -1 : 1));
}
export type TeamManager = Awaited<ReturnType<typeof listTeamManagers>>[number];

/** Events to choose from (a token's event): newest start first, id and title only. */
export function listEventChoices(db: Db, limit = 200) {
  return db.select(pickColumns(eventColumns, ["id", "title"])).from(events).orderBy(desc(events.startsAt), desc(events.id)).limit(limit);
}

/** What the events service writes of an event from its form (the row's bookkeeping columns excepted). */
export type EventRowValues = Omit<
  typeof events.$inferInsert,
  "id" | "calendarUid" | "calendarSequence" | "version" | "createdBy" | "createdAt" | "updatedAt" | "cancelledAt"
>;

export async function insertEvent(db: Db, values: EventRowValues & { calendarUid: string; createdBy: string }): Promise<string> {
  const [row] = await db.insert(events).values(values).returning(pickColumns(eventColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

/**
 * Saves the event's new values and raises its version (and its calendar SEQUENCE when `raiseSequence`); false
 * when nothing was saved: no such event, a cancelled one, or another version than `expectedVersion`.
 */
export async function updateEventRow(
  db: Db,
  id: string,
  values: EventRowValues,
  options: { expectedVersion?: number; raiseSequence: boolean; now: Date },
): Promise<boolean> {
  const updated = await db
    .update(events)
    .set({
      ...values,
      version: sql`${events.version} + 1`,
      ...(options.raiseSequence ? { calendarSequence: sql`${events.calendarSequence} + 1` } : {}),
      updatedAt: options.now,
    })
    .where(
      and(
        eq(events.id, id),
        sql`${events.status} <> 'cancelled'`,
        options.expectedVersion !== undefined ? eq(events.version, options.expectedVersion) : undefined,
      ),
    )
    .returning(pickColumns(eventColumns, ["id"]));
  return updated.length > 0;
}

/** The event's status and title, its row locked until the transaction ends (a cancel or delete decides on it). */
export async function lockEventStatus(db: Db, id: string) {
  const [row] = await db
    .select(pickColumns(eventColumns, ["status", "title"]))
    .from(events)
    .where(eq(events.id, id))
    .for("update");
  return row ?? null;
}

/** Cancelled at `at`: a new version and a new calendar SEQUENCE (the invitees' METHOD:CANCEL carries it). */
export async function markEventCancelled(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(events)
    .set({
      status: "cancelled",
      cancelledAt: at,
      updatedAt: at,
      version: sql`${events.version} + 1`,
      calendarSequence: sql`${events.calendarSequence} + 1`,
    })
    .where(eq(events.id, id));
}

/** Deletes the event's row; its rows elsewhere go by cascade. */
export async function deleteEventRow(db: Db, id: string): Promise<void> {
  await db.delete(events).where(eq(events.id, id));
}
