import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { invitations, people } from "#db/schema/index";
import type { InvitationRole, InvitationStatus } from "~/domain/attendees/attendee.schema";
import { attendeeSearchPattern, foldedSearchRegex } from "~/domain/attendees/search";
import { bounceStands } from "./inbound.server";
import { intArray, personColumns, rowsOf, textArray, uuidArray, type Person } from "./people.server";

/** Invitations of an event with the invited person's details: queries only. */

const invitationColumns = {
  id: invitations.id,
  eventId: invitations.eventId,
  personId: invitations.personId,
  role: invitations.role,
  groupLabel: invitations.groupLabel,
  plusOnes: invitations.plusOnes,
  companionNames: invitations.companionNames,
  deputyForInvitationId: invitations.deputyForInvitationId,
  status: invitations.status,
  respondedAt: invitations.respondedAt,
  comment: invitations.comment,
  dietaryNeeds: invitations.dietaryNeeds,
  accessNeeds: invitations.accessNeeds,
  withdrawnAt: invitations.withdrawnAt,
  bouncedAt: invitations.bouncedAt,
  bounceReason: invitations.bounceReason,
  bouncedEmail: invitations.bouncedEmail,
  createdAt: invitations.createdAt,
  updatedAt: invitations.updatedAt,
};

const withPersonColumns = { ...invitationColumns, person: personColumns };

export interface Invitation {
  id: string;
  eventId: string;
  personId: string;
  role: InvitationRole;
  groupLabel: string | null;
  plusOnes: number;
  /** Named by the invitee; null = not said (docs/decisions/028-delegates-and-companions.md). */
  companionNames: string[] | null;
  /** A deputy's invitation: whom they stand in for. */
  deputyForInvitationId: string | null;
  status: InvitationStatus;
  respondedAt: Date | null;
  comment: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  withdrawnAt: Date | null;
  /** The last delivery failure report (it stands while `bouncedEmail` is still the person's address). */
  bouncedAt: Date | null;
  bounceReason: string | null;
  bouncedEmail: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface InvitationWithPerson extends Invitation {
  person: Person;
}

export const invitationSorts = ["name", "organization", "status", "answered"] as const;
export type InvitationSort = (typeof invitationSorts)[number];

export interface InvitationFilters {
  /**
   * A status among active invitations, "withdrawn" for the withdrawn ones, "bounced" for active ones whose email
   * bounced (and was not corrected since); default: all active ones.
   */
  status?: InvitationStatus | "withdrawn" | "bounced" | null;
  role?: InvitationRole | null;
  group?: string | null;
  /** Free text; diacritics and case are ignored; matches name, email or organization. */
  q?: string | null;
  /** false: `q` does not match emails (a reader who may not see them cannot probe them). Default true. */
  searchEmail?: boolean;
}

export interface InvitationListOptions extends InvitationFilters {
  sort?: InvitationSort;
  direction?: "asc" | "desc";
  limit: number;
  offset?: number;
}

function whereOf(eventId: string, f: InvitationFilters): { where: SQL; needsPeople: boolean } {
  const conditions: SQL[] = [eq(invitations.eventId, eventId)];
  if (f.status === "withdrawn") conditions.push(isNotNull(invitations.withdrawnAt));
  else if (f.status === "bounced") conditions.push(isNull(invitations.withdrawnAt), bounceStands);
  else {
    conditions.push(isNull(invitations.withdrawnAt));
    if (f.status) conditions.push(eq(invitations.status, f.status));
  }
  if (f.role) conditions.push(eq(invitations.role, f.role));
  if (f.group) conditions.push(eq(invitations.groupLabel, f.group));
  const pattern = attendeeSearchPattern(f.q);
  const regex = foldedSearchRegex(f.q);
  if (pattern && regex)
    conditions.push(
      f.searchEmail === false
        ? sql`(${people.nameSearch} like ${pattern} or ${people.organization} ~ ${regex})`
        : sql`(${people.nameSearch} like ${pattern}
      or lower(${people.email}) like ${pattern}
      or ${people.organization} ~ ${regex})`,
    );
  return { where: and(...conditions) ?? sql`true`, needsPeople: pattern !== null || f.status === "bounced" };
}

/** Vietnamese lists go by given name, the last word of the full name: "Nguyễn Hồng Chuyên" sorts under C. */
const givenName = sql`split_part(${people.nameSearch}, ' ', -1)`;
const statusRank = sql`case ${invitations.status} when 'accepted' then 0 when 'tentative' then 1 when 'declined' then 2 when 'sent' then 3 else 4 end`;

/** Names and organizations A→Z, statuses accepted first, answers most recent first. */
export function defaultDirection(sort: InvitationSort): "asc" | "desc" {
  return sort === "answered" ? "desc" : "asc";
}

function orderOf(sort: InvitationSort, direction: "asc" | "desc"): SQL[] {
  const dir = (e: SQL | typeof people.nameSearch) => (direction === "desc" ? desc(e) : asc(e));
  const byName = [dir(givenName), dir(people.nameSearch)];
  switch (sort) {
    case "name":
      return [...byName, asc(invitations.id)];
    case "organization":
      return [
        direction === "desc" ? sql`lower(${people.organization}) desc nulls last` : sql`lower(${people.organization}) asc nulls last`,
        ...byName,
        asc(invitations.id),
      ];
    case "status":
      return [dir(statusRank), ...byName, asc(invitations.id)];
    case "answered":
      return [
        direction === "asc" ? sql`${invitations.respondedAt} asc nulls last` : sql`${invitations.respondedAt} desc nulls last`,
        ...byName,
        asc(invitations.id),
      ];
  }
}

/**
 * One page of an event's invitations with the people, plus the number of matching invitations. Offset
 * paging: the sort keys live on `people`, so a page sorts the event's matching rows (top-N for early pages;
 * the index proposed in bench/README.md makes the first pages index-ordered). The total counts
 * `invitations` alone unless a search needs the people, and is not counted at all for a short last page.
 */
export async function listEventInvitations(
  db: Db,
  eventId: string,
  options: InvitationListOptions,
): Promise<{ items: InvitationWithPerson[]; total: number }> {
  const { where, needsPeople } = whereOf(eventId, options);
  const sort = options.sort ?? "name";
  const order = orderOf(sort, options.direction ?? defaultDirection(sort));
  const offset = options.offset ?? 0;
  const items = await db
    .select(withPersonColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(where)
    .orderBy(...order)
    .limit(options.limit)
    .offset(offset);
  // A short page is the last one: its end is the total, no second scan needed (most searches end here).
  const total =
    items.length < options.limit && (items.length > 0 || offset === 0) ? offset + items.length : await countWhere(db, where, needsPeople);
  return { items, total };
}

async function countWhere(db: Db, where: SQL, needsPeople: boolean): Promise<number> {
  const query = needsPeople
    ? db
        .select({ n: sql<number>`count(*)::int` })
        .from(invitations)
        .innerJoin(people, eq(people.id, invitations.personId))
        .where(where)
    : db.select({ n: sql<number>`count(*)::int` }).from(invitations).where(where);
  const [row] = await query;
  return row?.n ?? 0;
}

export async function countEventInvitationsMatching(db: Db, eventId: string, filters: InvitationFilters): Promise<number> {
  const { where, needsPeople } = whereOf(eventId, filters);
  return countWhere(db, where, needsPeople);
}

/** The ids of all matching invitations in list order (for the export and the print view), at most `limit`. */
export async function listEventInvitationIds(
  db: Db,
  eventId: string,
  options: InvitationListOptions,
): Promise<string[]> {
  const { where } = whereOf(eventId, options);
  const rows = await db
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(where)
    .orderBy(...orderOf(options.sort ?? "name", options.direction ?? defaultDirection(options.sort ?? "name")))
    .limit(options.limit)
    .offset(options.offset ?? 0);
  return rows.map((r) => r.id);
}

/** Invitations with their people, in the order of `ids` (unknown ids are left out). */
export async function getInvitationsByIds(db: Db, ids: readonly string[]): Promise<InvitationWithPerson[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(withPersonColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(inArray(invitations.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is InvitationWithPerson => !!r);
}

export async function getInvitation(db: Db, id: string): Promise<InvitationWithPerson | null> {
  const [row] = await getInvitationsByIds(db, [id]);
  return row ?? null;
}

export async function findInvitation(db: Db, eventId: string, personId: string): Promise<Invitation | null> {
  const [row] = await db
    .select(invitationColumns)
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), eq(invitations.personId, personId)));
  return row ?? null;
}

export type StatusCounts = Record<InvitationStatus, number> & {
  active: number;
  withdrawn: number;
  /** Active invitations whose email bounced and was not corrected since (counted in their status too). */
  bounced: number;
};

/** Active invitations by status, the active total and the withdrawn ones (never counted as active). */
export async function countEventInvitations(db: Db, eventId: string): Promise<StatusCounts> {
  const rows = await db
    .select({
      status: invitations.status,
      withdrawn: sql<boolean>`${invitations.withdrawnAt} is not null`,
      n: sql<number>`count(*)::int`,
    })
    .from(invitations)
    .where(eq(invitations.eventId, eventId))
    .groupBy(invitations.status, sql`${invitations.withdrawnAt} is not null`);
  const [bounced] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt), isNotNull(invitations.bouncedAt), bounceStands));
  const counts: StatusCounts = { not_sent: 0, sent: 0, accepted: 0, declined: 0, tentative: 0, active: 0, withdrawn: 0, bounced: bounced?.n ?? 0 };
  for (const row of rows) {
    if (row.withdrawn) counts.withdrawn += row.n;
    else {
      counts[row.status] += row.n;
      counts.active += row.n;
    }
  }
  return counts;
}

/** The group/table labels used on the event, for the filter (at most `limit`). */
export async function listEventGroups(db: Db, eventId: string, limit = 300): Promise<string[]> {
  const rows = await db
    .selectDistinct({ group: invitations.groupLabel })
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), isNotNull(invitations.groupLabel)))
    .orderBy(asc(invitations.groupLabel))
    .limit(limit);
  return rows.map((r) => r.group).filter((g): g is string => g !== null);
}

export interface InvitationValues {
  role: InvitationRole;
  groupLabel: string | null;
  plusOnes: number;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
}

export async function insertInvitation(db: Db, eventId: string, personId: string, values: InvitationValues): Promise<string> {
  const [row] = await db
    .insert(invitations)
    .values({ eventId, personId, ...values })
    .returning({ id: invitations.id });
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export async function updateInvitation(db: Db, id: string, values: InvitationValues): Promise<void> {
  await db
    .update(invitations)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(invitations.id, id));
}

/** Sets withdrawnAt unless it is set already; the invitation as it is now, or null when it was already withdrawn. */
export async function markInvitationWithdrawn(db: Db, id: string, at: Date): Promise<Invitation | null> {
  const [row] = await db
    .update(invitations)
    .set({ withdrawnAt: at, updatedAt: at })
    .where(and(eq(invitations.id, id), isNull(invitations.withdrawnAt)))
    .returning(invitationColumns);
  return row ?? null;
}

/** Invitation fields from an import: null keeps the stored value (or takes the default for a new invitation). */
export interface InvitationMergeValues {
  personId: string;
  role: InvitationRole | null;
  groupLabel: string | null;
  plusOnes: number | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
}

/** Inserts the invitations that do not exist yet; returns the person ids that got one. */
export async function insertMissingInvitations(db: Db, eventId: string, rows: readonly InvitationMergeValues[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await db.execute<{ person_id: string }>(sql`
    insert into invitations (event_id, person_id, role, group_label, plus_ones, dietary_needs, access_needs)
    select ${eventId}::uuid, v.person_id, coalesce(v.role, 'guest')::invitation_role, v.group_label,
           coalesce(v.plus_ones, 0), v.dietary_needs, v.access_needs
    from unnest(
      ${uuidArray(rows.map((r) => r.personId))}, ${textArray(rows.map((r) => r.role))},
      ${textArray(rows.map((r) => r.groupLabel))}, ${intArray(rows.map((r) => r.plusOnes))},
      ${textArray(rows.map((r) => r.dietaryNeeds))}, ${textArray(rows.map((r) => r.accessNeeds))}
    ) as v(person_id, role, group_label, plus_ones, dietary_needs, access_needs)
    on conflict (event_id, person_id) do nothing
    returning person_id
  `);
  return new Set(rowsOf<{ person_id: string }>(result).map((r) => r.person_id));
}

/** Updates existing invitations of the event by person; returns which of them are withdrawn (they stay so). */
export async function mergeIntoInvitations(
  db: Db,
  eventId: string,
  rows: readonly InvitationMergeValues[],
): Promise<{ personId: string; withdrawn: boolean }[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ person_id: string; withdrawn: boolean }>(sql`
    update invitations i set
      role = coalesce(v.role::invitation_role, i.role),
      group_label = coalesce(v.group_label, i.group_label),
      plus_ones = coalesce(v.plus_ones, i.plus_ones),
      dietary_needs = coalesce(v.dietary_needs, i.dietary_needs),
      access_needs = coalesce(v.access_needs, i.access_needs),
      updated_at = now()
    from unnest(
      ${uuidArray(rows.map((r) => r.personId))}, ${textArray(rows.map((r) => r.role))},
      ${textArray(rows.map((r) => r.groupLabel))}, ${intArray(rows.map((r) => r.plusOnes))},
      ${textArray(rows.map((r) => r.dietaryNeeds))}, ${textArray(rows.map((r) => r.accessNeeds))}
    ) as v(person_id, role, group_label, plus_ones, dietary_needs, access_needs)
    where i.event_id = ${eventId}::uuid and i.person_id = v.person_id
    returning i.person_id, i.withdrawn_at is not null as withdrawn
  `);
  return rowsOf<{ person_id: string; withdrawn: boolean }>(result).map((r) => ({ personId: r.person_id, withdrawn: r.withdrawn }));
}
