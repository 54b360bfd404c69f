import { and, asc, eq, getTableColumns, gt, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import { invitationCounts, invitationGroups, invitations, people } from "#db/schema/index";
import type { InvitationRole, InvitationStatus } from "~/domain/attendees/attendee.schema";
import { bounceStands } from "./inbound.server";
import { intArray, peopleMatching, rowsOf, textArray, uuidArray, type Person } from "./people.server";
import { invitationColumns, personColumns, pickColumns } from "./columns";

/** Invitations of an event with the invited person's details: queries only. */

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

/** A row's place in the list order: the values of the sort's keys, the invitation id last (see `sortKeys`). */
export type ListKey = (string | number | null)[];

/** Keyset paging: the page after (`next`) or before (`previous`) the row with this key, in the list order. */
export interface ListCursor {
  direction: "next" | "previous";
  key: ListKey;
}

export interface InvitationListOptions extends InvitationFilters {
  sort?: InvitationSort;
  direction?: "asc" | "desc";
  limit: number;
  /** Offset paging (the API's cursors); the attendee page pages by `cursor`. Ignored when `cursor` is given. */
  offset?: number;
  cursor?: ListCursor | null;
}

export interface InvitationPage {
  items: InvitationWithPerson[];
  /** The number of matching invitations (all pages). */
  total: number;
  /** The keys of the page's first and last rows (null on an empty page): the cursors of the pages around it. */
  firstKey: ListKey | null;
  lastKey: ListKey | null;
  hasPrevious: boolean;
  hasNext: boolean;
  /** A cursor was given but did not fit the sort, or pointed past the rows there are: this is the first page. */
  restarted: boolean;
}

interface Where {
  where: SQL;
  needsPeople: boolean;
  /** The filters alone decide the total from the kept counts (invitation_counts). */
  kept: "active" | InvitationStatus | "withdrawn" | null;
  /** The search matched no one: nothing to list. */
  none: boolean;
  /**
   * The search is a list of at most SEARCH_IDS_MAX people and no filter reads `people`: the matching rows are few,
   * so a page reads them all anyway (to sort them) and counts them in the same query.
   */
  bounded: boolean;
}

/** Above this many people matching a search, the search is a filter of the event's rows instead of a list of ids. */
const SEARCH_IDS_MAX = 2000;

function searchOf(f: InvitationFilters): SQL | null {
  return peopleMatching(f.q, { email: f.searchEmail !== false });
}

/**
 * The conditions of the filters. A search first lists the people of the directory who match (one pass over
 * `people`, the same for a small event as for a large one); up to SEARCH_IDS_MAX of them, the event's rows are
 * then found by (event_id, person_id) instead of reading every row of the event.
 */
async function whereOf(db: Db, eventId: string, f: InvitationFilters): Promise<Where> {
  const conditions: SQL[] = [eq(invitations.eventId, eventId)];
  if (f.status === "withdrawn") conditions.push(isNotNull(invitations.withdrawnAt));
  else if (f.status === "bounced") conditions.push(isNull(invitations.withdrawnAt), bounceStands);
  else {
    conditions.push(isNull(invitations.withdrawnAt));
    if (f.status) conditions.push(eq(invitations.status, f.status));
  }
  if (f.role) conditions.push(eq(invitations.role, f.role));
  if (f.group) conditions.push(eq(invitations.groupLabel, f.group));
  const search = searchOf(f);
  let needsPeople = f.status === "bounced";
  let none = false;
  let bounded = false;
  if (search) {
    const matched = await db.select(pickColumns(personColumns, ["id"])).from(people).where(search).limit(SEARCH_IDS_MAX + 1);
    if (matched.length <= SEARCH_IDS_MAX) {
      none = matched.length === 0;
      bounded = !needsPeople;
      conditions.push(sql`${invitations.personId} = any(${uuidArray(matched.map((m) => m.id))})`);
    } else {
      conditions.push(search);
      needsPeople = true;
    }
  }
  const kept = search || f.role || f.group || f.status === "bounced" ? null : (f.status ?? "active");
  return { where: and(...conditions) ?? sql`true`, needsPeople, kept, none, bounded };
}

const statusRank = sql`case ${invitations.status} when 'accepted' then 0 when 'tentative' then 1 when 'declined' then 2 when 'sent' then 3 else 4 end`;

/** Names and organizations A→Z, statuses accepted first, answers most recent first. */
export function defaultDirection(sort: InvitationSort): "asc" | "desc" {
  return sort === "answered" ? "desc" : "asc";
}

/** One key of a list order: its SQL, how a cursor's value is cast back, whether it can be null (then last). */
interface SortKey {
  expr: SQL | AnyPgColumn;
  cast: "text" | "int" | "timestamptz" | "uuid";
  nullable: boolean;
  desc: boolean;
}

/**
 * Each sort's keys, the invitation id last so that the order is total (a cursor names exactly one place).
 * Vietnamese lists go by given name, the last word of the full name: "Nguyễn Hồng Chuyên" sorts under C; the
 * name keys are the person's, copied onto the invitation (sort_given, sort_name) so that the name order is one
 * index of the event (invitations_event_name_order_idx).
 */
function sortKeys(sort: InvitationSort, direction: "asc" | "desc"): SortKey[] {
  const desc = direction === "desc";
  const names: SortKey[] = [
    { expr: invitations.sortGiven, cast: "text", nullable: false, desc },
    { expr: invitations.sortName, cast: "text", nullable: false, desc },
  ];
  const id: SortKey = { expr: invitationColumns.id, cast: "uuid", nullable: false, desc };
  switch (sort) {
    case "name":
      return [...names, id];
    case "organization":
      return [{ expr: sql`lower(${people.organization})`, cast: "text", nullable: true, desc }, ...names, id];
    case "status":
      return [{ expr: statusRank, cast: "int", nullable: false, desc }, ...names, id];
    case "answered":
      return [{ expr: invitations.respondedAt, cast: "timestamptz", nullable: true, desc }, ...names, id];
  }
}

/** Whether a sort's keys read the person (then the page is chosen after the join). */
const keysNeedPeople = (sort: InvitationSort) => sort === "organization";

/** Nullable keys put their nulls last in the list order (first when the order is walked backwards). */
function orderOf(keys: SortKey[], backwards = false): SQL[] {
  return keys.map((k) => {
    const desc = k.desc !== backwards;
    const nulls = k.nullable ? (backwards ? sql` nulls first` : sql` nulls last`) : sql``;
    return sql`${k.expr} ${desc ? sql`desc` : sql`asc`}${nulls}`;
  });
}

const isUuidText = (v: unknown) => typeof v === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);

/** Whether a cursor's key has the sort's shape (a stale or forged one gives the first page instead of an error). */
function keyFits(keys: SortKey[], key: ListKey): boolean {
  if (!Array.isArray(key) || key.length !== keys.length) return false;
  return keys.every((k, i) => {
    const v = key[i];
    if (v === null) return k.nullable;
    switch (k.cast) {
      case "text":
        return typeof v === "string" && v.length <= 1000;
      case "int":
        return typeof v === "number" && Number.isInteger(v) && Math.abs(v) < 1_000_000;
      case "uuid":
        return isUuidText(v);
      case "timestamptz":
        return typeof v === "string" && v.length <= 40 && !Number.isNaN(Date.parse(v));
    }
  });
}

/**
 * The rows after `key` in the order `keys` (walked backwards: before it). Keys that are never null and all go
 * the same way compare as one row, `(a, b, id) > (x, y, z)`, which a B-tree index walks from the cursor on;
 * otherwise the comparison is spelt out key by key, nulls last.
 */
function afterKey(keys: SortKey[], key: ListKey, backwards: boolean): SQL {
  const value = (i: number) => sql`${key[i]}::${sql.raw(keys[i]!.cast)}`;
  const greater = (k: SortKey) => k.desc === backwards; // the order goes up along this key
  const first = keys[0]!;
  if (keys.every((k) => !k.nullable && k.desc === first.desc)) {
    const left = sql.join(keys.map((k) => sql`${k.expr}`), sql`, `);
    const right = sql.join(keys.map((_, i) => value(i)), sql`, `);
    return greater(first) ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`;
  }
  let out: SQL | null = null;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    const v = key[i];
    let after: SQL;
    let equal: SQL;
    if (v === null) {
      // Nulls are last: nothing comes after them going forwards; going backwards, every value does.
      after = backwards ? sql`${k.expr} is not null` : sql`false`;
      equal = sql`${k.expr} is null`;
    } else {
      const beyond = greater(k) ? sql`${k.expr} > ${value(i)}` : sql`${k.expr} < ${value(i)}`;
      after = k.nullable && !backwards ? sql`(${beyond} or ${k.expr} is null)` : beyond;
      equal = sql`${k.expr} = ${value(i)}`;
    }
    out = out ? sql`(${after} or (${equal} and ${out}))` : after;
  }
  return out ?? sql`true`;
}

/** The row's key, read in SQL so that it compares as the database compares (collation, microseconds). */
const keyColumn = (keys: SortKey[]) => sql<string>`json_build_array(${sql.join(keys.map((k) => sql`${k.expr}`), sql`, `)})::text`;

/**
 * One page of an event's invitations with the people, plus the number of matching invitations. Keyset paging
 * when a cursor is given (the page walks the sort from the cursor's row: a deep page costs what the first one
 * does), offset paging otherwise. The total comes from the kept counts when the filters are a status at most,
 * is not counted for a short first page, and otherwise counts the matching rows.
 */
export async function listEventInvitations(db: Db, eventId: string, options: InvitationListOptions): Promise<InvitationPage> {
  const filters = await whereOf(db, eventId, options);
  const sort = options.sort ?? "name";
  const keys = sortKeys(sort, options.direction ?? defaultDirection(sort));
  const cursor = options.cursor && keyFits(keys, options.cursor.key) ? options.cursor : null;
  const restarted = !!options.cursor && !cursor;
  const empty: InvitationPage = { items: [], total: 0, firstKey: null, lastKey: null, hasPrevious: false, hasNext: false, restarted };
  if (filters.none) return empty;

  const pageOf = async (at: ListCursor | null, offset: number) => {
    const backwards = at?.direction === "previous";
    const after = at ? afterKey(keys, at.key, backwards) : undefined;
    const order = orderOf(keys, backwards);
    const selection = { ...withPersonColumns, listKey: keyColumn(keys) };
    let rows: (InvitationWithPerson & { listKey: string; listTotal?: number })[];
    if (filters.bounded) {
      // A bounded search: the event's matching rows are at most SEARCH_IDS_MAX, and sorting them reads them all, so
      // they are counted in the same pass (a window over all of them, before the cursor and the limit) instead of by
      // a second query that finds them again; the people are read for the page's rows only when the order does not
      // need them.
      // Subqueries named "invitations", so that the columns, keys and filters read them as they read the table.
      const all = getTableColumns(invitations);
      const counted = db
        .select({ ...all, listTotal: sql<number>`count(*) over ()::int`.as("list_total") })
        .from(invitations)
        .where(filters.where)
        .as("invitations");
      if (keysNeedPeople(sort)) {
        rows = await db
          .select({ ...selection, listTotal: counted.listTotal })
          .from(counted)
          .innerJoin(people, eq(people.id, invitations.personId))
          .where(after)
          .orderBy(...order)
          .limit(options.limit + 1)
          .offset(at ? 0 : offset);
      } else {
        const chosen = db
          .select({ ...all, listTotal: counted.listTotal })
          .from(counted)
          .where(after)
          .orderBy(...order)
          .limit(options.limit + 1)
          .offset(at ? 0 : offset)
          .as("invitations");
        rows = await db
          .select({ ...selection, listTotal: chosen.listTotal })
          .from(chosen)
          .innerJoin(people, eq(people.id, invitations.personId))
          .orderBy(...order);
      }
    } else {
      // One query: at bench sizes both planners walk the name-order index (or, with a status, the status-and-name
      // index) and fetch each row's person by key. Choosing the page on invitations first and then reading rows and
      // people by id was tried: the 1,000-row page was 5.3× the plain query on PostgreSQL against 1.45× for this (two
      // runs at load 38–44 and 22–29: not a clean comparison).
      rows = await db
        .select(selection)
        .from(invitations)
        .innerJoin(people, eq(people.id, invitations.personId))
        .where(after ? and(filters.where, after) : filters.where)
        .orderBy(...order)
        .limit(options.limit + 1)
        .offset(at ? 0 : offset);
    }
    const more = rows.length > options.limit;
    const page = rows.slice(0, options.limit);
    if (backwards) page.reverse();
    return { page, more, total: rows[0]?.listTotal };
  };

  let offset = cursor ? 0 : Math.max(0, options.offset ?? 0);
  let { page, more, total: counted } = await pageOf(cursor, offset);
  let hasPrevious = cursor ? (cursor.direction === "previous" ? more : true) : offset > 0;
  let hasNext = cursor?.direction === "previous" ? true : more;
  let fromStart = !cursor && offset === 0;
  let restart = restarted;
  // A cursor past the rows there are (they were withdrawn, the filters changed) or a short page going back:
  // the first page, rather than an empty or partial one.
  if (cursor && (page.length === 0 || (cursor.direction === "previous" && page.length < options.limit))) {
    ({ page, more, total: counted } = await pageOf(null, 0));
    offset = 0;
    hasPrevious = false;
    hasNext = more;
    fromStart = true;
    restart = true;
  }
  const items = page.map(({ listKey: _, listTotal: __, ...item }) => item);
  const total =
    filters.kept !== null
      ? await keptTotal(db, eventId, filters.kept)
      : counted !== undefined
        ? counted
        : fromStart && !more
        ? items.length
        : !cursor && !more && items.length > 0
          ? offset + items.length
          : await countWhere(db, filters.where, filters.needsPeople);
  const keyOf = (row: { listKey: string } | undefined) => (row ? (JSON.parse(row.listKey) as ListKey) : null);
  return { items, total, firstKey: keyOf(page[0]), lastKey: keyOf(page[page.length - 1]), hasPrevious, hasNext, restarted: restart };
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

async function keptCounts(db: Db, eventId: string) {
  const [row] = await db.select().from(invitationCounts).where(eq(invitationCounts.eventId, eventId));
  return row ?? { notSent: 0, sent: 0, accepted: 0, declined: 0, tentative: 0, withdrawn: 0 };
}

async function keptTotal(db: Db, eventId: string, which: NonNullable<Where["kept"]>): Promise<number> {
  const c = await keptCounts(db, eventId);
  switch (which) {
    case "active":
      return c.notSent + c.sent + c.accepted + c.declined + c.tentative;
    case "not_sent":
      return c.notSent;
    default:
      return c[which];
  }
}

export async function countEventInvitationsMatching(db: Db, eventId: string, filters: InvitationFilters): Promise<number> {
  const where = await whereOf(db, eventId, filters);
  if (where.none) return 0;
  if (where.kept !== null) return keptTotal(db, eventId, where.kept);
  return countWhere(db, where.where, where.needsPeople);
}

/** The ids of all matching invitations in list order (for the export and the print view), at most `limit`. */
export async function listEventInvitationIds(
  db: Db,
  eventId: string,
  options: InvitationListOptions,
): Promise<string[]> {
  const { where, none } = await whereOf(db, eventId, options);
  if (none) return [];
  const sort = options.sort ?? "name";
  const rows = await db
    .select(pickColumns(invitationColumns, ["id"]))
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(where)
    .orderBy(...orderOf(sortKeys(sort, options.direction ?? defaultDirection(sort))))
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

/**
 * Active invitations by status, the active total and the withdrawn ones (never counted as active): the kept
 * counts (one row, invitation_counts), and the standing bounces read from the event's bounced rows only.
 */
export async function countEventInvitations(db: Db, eventId: string): Promise<StatusCounts> {
  const [c, [bounced]] = await Promise.all([
    keptCounts(db, eventId),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(invitations)
      .innerJoin(people, eq(people.id, invitations.personId))
      .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt), isNotNull(invitations.bouncedAt), bounceStands)),
  ]);
  const active = c.notSent + c.sent + c.accepted + c.declined + c.tentative;
  return {
    not_sent: c.notSent,
    sent: c.sent,
    accepted: c.accepted,
    declined: c.declined,
    tentative: c.tentative,
    active,
    withdrawn: c.withdrawn,
    bounced: bounced?.n ?? 0,
  };
}

/**
 * The group/table labels used on the event (withdrawn invitations included), for the filter, at most `limit`, in
 * label order: the kept labels of the event (invitation_groups, migration 0023), one short walk of its primary key
 * whatever the number of invitations, instead of a probe of the event's rows per label.
 */
export async function listEventGroups(db: Db, eventId: string, limit = 300): Promise<string[]> {
  const rows = await db
    .select({ label: invitationGroups.groupLabel })
    .from(invitationGroups)
    .where(and(eq(invitationGroups.eventId, eventId), gt(invitationGroups.invitations, 0)))
    .orderBy(asc(invitationGroups.groupLabel))
    .limit(limit);
  return rows.map((r) => r.label);
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
    .returning(pickColumns(invitationColumns, ["id"]));
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

/**
 * Inserts the invitations that do not exist yet; returns the person ids that got one. The name order's keys are read
 * from the person in the same statement (one primary-key probe each; `offset 0` keeps it a probe, never a hash join
 * over the directory), so the per-row trigger has nothing left to look up (migration 0025). A person id that is not
 * in the directory keeps '' and so goes through the trigger and the foreign key, which refuses it, as before.
 */
export async function insertMissingInvitations(db: Db, eventId: string, rows: readonly InvitationMergeValues[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const result = await db.execute<{ person_id: string }>(sql`
    insert into invitations (event_id, person_id, role, group_label, plus_ones, dietary_needs, access_needs, sort_given, sort_name)
    select ${eventId}::uuid, v.person_id, coalesce(v.role, 'guest')::invitation_role, v.group_label,
           coalesce(v.plus_ones, 0), v.dietary_needs, v.access_needs,
           coalesce(split_part(p.name_search, ' ', -1), ''), coalesce(p.name_search, '')
    from unnest(
      ${uuidArray(rows.map((r) => r.personId))}, ${textArray(rows.map((r) => r.role))},
      ${textArray(rows.map((r) => r.groupLabel))}, ${intArray(rows.map((r) => r.plusOnes))},
      ${textArray(rows.map((r) => r.dietaryNeeds))}, ${textArray(rows.map((r) => r.accessNeeds))}
    ) as v(person_id, role, group_label, plus_ones, dietary_needs, access_needs)
    left join lateral (select people.name_search from people where people.id = v.person_id offset 0) p on true
    on conflict (event_id, person_id) do nothing
    returning person_id
  `);
  return new Set(rowsOf<{ person_id: string }>(result).map((r) => r.person_id));
}

/**
 * Updates existing invitations of the event by person; returns each of them (changed or not) and whether it is
 * withdrawn (it stays so). An invitation whose fields would all stay as they are is not written (no new row version,
 * index entries, updated_at or count trigger work): a re-import of the same file changes nothing.
 */
export async function mergeIntoInvitations(
  db: Db,
  eventId: string,
  rows: readonly InvitationMergeValues[],
): Promise<{ personId: string; withdrawn: boolean }[]> {
  if (rows.length === 0) return [];
  const merged = sql`coalesce(v.role::invitation_role, i.role), coalesce(v.group_label, i.group_label),
    coalesce(v.plus_ones, i.plus_ones), coalesce(v.dietary_needs, i.dietary_needs), coalesce(v.access_needs, i.access_needs)`;
  // The final SELECT reads the rows as they were before the UPDATE (one snapshot); withdrawn_at is not among the
  // fields written, so what it answers is what the UPDATE leaves.
  const result = await db.execute<{ person_id: string; withdrawn: boolean }>(sql`
    with v as (
      select * from unnest(
        ${uuidArray(rows.map((r) => r.personId))}, ${textArray(rows.map((r) => r.role))},
        ${textArray(rows.map((r) => r.groupLabel))}, ${intArray(rows.map((r) => r.plusOnes))},
        ${textArray(rows.map((r) => r.dietaryNeeds))}, ${textArray(rows.map((r) => r.accessNeeds))}
      ) as v(person_id, role, group_label, plus_ones, dietary_needs, access_needs)
    ), changed as (
      update invitations i set
        (role, group_label, plus_ones, dietary_needs, access_needs) = (${merged}),
        updated_at = now()
      from v
      where i.event_id = ${eventId}::uuid and i.person_id = v.person_id
        and (i.role, i.group_label, i.plus_ones, i.dietary_needs, i.access_needs) is distinct from (${merged})
    )
    select i.person_id, i.withdrawn_at is not null as withdrawn
    from v join invitations i on i.event_id = ${eventId}::uuid and i.person_id = v.person_id
  `);
  return rowsOf<{ person_id: string; withdrawn: boolean }>(result).map((r) => ({ personId: r.person_id, withdrawn: r.withdrawn }));
}
