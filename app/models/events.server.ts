import { and, asc, count, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { agreementParties, agreements, eventMembers, eventPartners, events, organizations, users } from "#db/schema/index";
import type { MemberRole } from "~/domain/access/permissions";
import type { EventKind, EventStatus } from "~/domain/events/event.schema";
import { escapeLike, foldForSearch } from "~/domain/text/search";

export const eventSummaryColumns = {
  id: events.id,
  title: events.title,
  kind: events.kind,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  venueName: events.venueName,
  hostName: organizations.nameVi,
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
    .select({ id: events.id })
    .from(events)
    .where(
      after
        ? or(lt(events.startsAt, after.startsAt), and(eq(events.startsAt, after.startsAt), lt(events.id, after.id)))
        : undefined,
    )
    .orderBy(desc(events.startsAt), desc(events.id))
    .limit(options.limit);
}

const eventColumns = {
  id: events.id,
  title: events.title,
  kind: events.kind,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  venueName: events.venueName,
  venueAddress: events.venueAddress,
  venueRoom: events.venueRoom,
  description: events.description,
  hostOrganizationId: events.hostOrganizationId,
  capacity: events.capacity,
  calendarUid: events.calendarUid,
  calendarSequence: events.calendarSequence,
  version: events.version,
  createdBy: events.createdBy,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  cancelledAt: events.cancelledAt,
};

export interface OrganizationRef {
  id: string;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
}

export interface EventDetail {
  id: string;
  title: string;
  kind: EventKind;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
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
  host: OrganizationRef | null;
  partners: OrganizationRef[];
  agreement: {
    title: string;
    periodStart: number | null;
    periodEnd: number | null;
    aims: string | null;
    originals: number | null;
    parties: OrganizationRef[];
  } | null;
}

const orgRef = {
  id: organizations.id,
  nameVi: organizations.nameVi,
  nameEn: organizations.nameEn,
  shortName: organizations.shortName,
};

export async function getEventDetails(db: Db, ids: string[]): Promise<EventDetail[]> {
  if (ids.length === 0) return [];
  const [rows, partners, agreementRows, parties] = await Promise.all([
    db.select(eventColumns).from(events).where(inArray(events.id, ids)),
    db
      .select({ eventId: eventPartners.eventId, ...orgRef })
      .from(eventPartners)
      .innerJoin(organizations, eq(organizations.id, eventPartners.organizationId))
      .where(inArray(eventPartners.eventId, ids))
      .orderBy(asc(eventPartners.position)),
    db.select().from(agreements).where(inArray(agreements.eventId, ids)),
    db
      .select({ eventId: agreementParties.eventId, ...orgRef })
      .from(agreementParties)
      .innerJoin(organizations, eq(organizations.id, agreementParties.organizationId))
      .where(inArray(agreementParties.eventId, ids))
      .orderBy(asc(agreementParties.position)),
  ]);
  const hostIds = [...new Set(rows.map((r) => r.hostOrganizationId).filter((x): x is string => !!x))];
  const hosts = hostIds.length
    ? await db.select(orgRef).from(organizations).where(inArray(organizations.id, hostIds))
    : [];
  const strip = ({ eventId: _e, ...o }: OrganizationRef & { eventId: string }): OrganizationRef => o;
  const byId = new Map(
    rows.map((row): [string, EventDetail] => {
      const a = agreementRows.find((x) => x.eventId === row.id);
      return [
        row.id,
        {
          ...row,
          host: hosts.find((h) => h.id === row.hostOrganizationId) ?? null,
          partners: partners.filter((p) => p.eventId === row.id).map(strip),
          agreement: a
            ? {
                title: a.title,
                periodStart: a.periodStart,
                periodEnd: a.periodEnd,
                aims: a.aims,
                originals: a.originals,
                parties: parties.filter((p) => p.eventId === row.id).map(strip),
              }
            : null,
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
    .select({ role: eventMembers.role })
    .from(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)));
  return row?.role ?? null;
}

export async function getEventOwner(db: Db, eventId: string) {
  const [row] = await db
    .select({ id: events.id, createdBy: events.createdBy, title: events.title, status: events.status })
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

export async function findEventIdByCalendarUid(db: Db, calendarUid: string): Promise<string | null> {
  const [row] = await db.select({ id: events.id }).from(events).where(eq(events.calendarUid, calendarUid));
  return row?.id ?? null;
}

export async function listEventMembers(db: Db, eventId: string) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: eventMembers.role, active: users.active })
    .from(eventMembers)
    .innerJoin(users, eq(users.id, eventMembers.userId))
    .where(eq(eventMembers.eventId, eventId))
    .orderBy(asc(users.name));
}

export async function removeEventMember(db: Db, eventId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(eventMembers)
    .where(and(eq(eventMembers.eventId, eventId), eq(eventMembers.userId, userId)))
    .returning({ userId: eventMembers.userId });
  return rows.length > 0;
}

/**
 * Who can add a person to an event's team (event:manageMembers): its creator, its organizer members and the
 * admins, active accounts only; each once, the event's own people first, then by name.
 */
export async function listTeamManagers(db: Db, eventId: string) {
  const rows = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
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
