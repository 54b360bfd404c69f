import { asc, desc, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, invitations, organizationMatchKey, people } from "#db/schema/index";
import type { AttendeeLanguage } from "~/domain/attendees/attendee.schema";
import { attendeeSearchPattern } from "~/domain/attendees/search";
import type { Invitation } from "./invitations.server";
import { eventColumns, invitationColumns, personColumns, pickColumns } from "./columns";

/**
 * The people directory: queries only. Bulk writes go through `unnest` over array parameters (one statement
 * per batch, whatever its size), since building 10k-row inserts with drizzle's builder costs as much as
 * running them. Arrays travel as PostgreSQL array literals in a text parameter and are cast in SQL, which
 * works the same with postgres.js and PGlite.
 */

export interface Person {
  id: string;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  email: string | null;
  phone: string | null;
  language: AttendeeLanguage;
  notes: string | null;
}

/** A person's fields as written; null in a merge means "keep what is stored". */
export interface PersonValues {
  honorific: string | null;
  fullName: string;
  nameSearch: string;
  positions: string[] | null;
  organization: string | null;
  email: string | null;
  phone: string | null;
  language: AttendeeLanguage | null;
  notes: string | null;
}

/** A PostgreSQL array literal ('{"a","b",NULL}') for a text parameter cast to an array type in SQL. */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const items = values.map((v) => {
    if (v === null) return "NULL";
    if (typeof v === "number") return String(v);
    return `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

export const textArray = (values: readonly (string | null)[]): SQL => sql`${arrayLiteral(values)}::text::text[]`;
export const uuidArray = (values: readonly string[]): SQL => sql`${arrayLiteral(values)}::text::uuid[]`;
export const intArray = (values: readonly (number | null)[]): SQL => sql`${arrayLiteral(values)}::text::int[]`;

/** Positions cross the array boundary as one text per person, joined with the unit separator (never in a position). */
const POSITION_SEPARATOR = "\u001f";
const positionsText = (positions: string[] | null) => (positions === null ? null : positions.join(POSITION_SEPARATOR));

export async function getPerson(db: Db, id: string): Promise<Person | null> {
  const [row] = await db.select(personColumns).from(people).where(eq(people.id, id));
  return row ?? null;
}

export interface PersonCandidate {
  id: string;
  fullName: string;
  nameSearch: string;
  organization: string | null;
  email: string | null;
}

/**
 * Everyone who could be one of the given people, in one statement: the same email (case-insensitive), or the same
 * folded name and the same organization key (`organizationMatchKey`, computed by the database on both sides; the
 * exact rule is the caller's, app/domain/attendees/dedupe.ts). Oldest first, so a choice between equals is stable.
 */
export async function findPeopleByEmailOrName(
  db: Db,
  keys: { emails: readonly string[]; names: readonly { nameSearch: string; organization: string | null }[] },
): Promise<PersonCandidate[]> {
  if (keys.emails.length === 0 && keys.names.length === 0) return [];
  // One index probe per key: `offset 0` keeps each LATERAL subquery a subquery, so the planner cannot turn the
  // probes into a hash join over the whole directory (it did, for 500 names: a sequential scan of 100,000 people
  // per chunk; and PGlite, which has no autovacuum, may have no statistics at all right after a big import).
  // The organization's key is computed once per distinct organization (a file names a few organizations many times),
  // in a subquery that `offset 0` keeps apart: pulled up, it was computed again for every probe, ≈ 12 µs each
  // (normalize, translate over the fold table, regexp_replace): 60 of the 75 ms that 5,000 names took.
  const result = await db.execute<CandidateRow>(sql`
    select p.id, p.full_name, p.name_search, p.organization, p.email, p.created_at
    from unnest(${textArray([...keys.emails])}) as k(email)
    cross join lateral (
      select id, full_name, name_search, organization, email, created_at from people
      where lower(people.email) = k.email offset 0
    ) p
    union
    select p.id, p.full_name, p.name_search, p.organization, p.email, p.created_at
    from unnest(${textArray(keys.names.map((n) => n.nameSearch))}, ${textArray(keys.names.map((n) => n.organization ?? ""))}) as k(name_search, organization)
    join (
      select o.organization, ${organizationMatchKey(sql`o.organization`)} as match_key
      from unnest(${textArray([...new Set(keys.names.map((n) => n.organization ?? ""))])}) as o(organization)
      offset 0
    ) o on o.organization = k.organization
    cross join lateral (
      select id, full_name, name_search, organization, email, created_at from people
      where people.name_search = k.name_search
        and ${organizationMatchKey(sql`people.organization`)} = o.match_key
      offset 0
    ) p
  `);
  return rowsOf<CandidateRow>(result)
    .map((r) => ({ row: r, created: new Date(r.created_at).getTime() }))
    .sort((a, b) => a.created - b.created || a.row.id.localeCompare(b.row.id))
    .map(({ row: r }) => ({ id: r.id, fullName: r.full_name, nameSearch: r.name_search, organization: r.organization, email: r.email }));
}

type CandidateRow = {
  id: string;
  full_name: string;
  name_search: string;
  organization: string | null;
  email: string | null;
  created_at: Date | string;
};

/**
 * Inserts new people with the ids given. A row whose email was taken in the meantime updates that person
 * instead (the same merge as mergeIntoPeople). Returns the id each email ended up with.
 */
export async function insertPeople(db: Db, rows: readonly (PersonValues & { id: string })[]): Promise<{ id: string; email: string | null }[]> {
  if (rows.length === 0) return [];
  const result = await db.execute<{ id: string; email: string | null }>(sql`
    insert into people (id, honorific, full_name, name_search, positions, organization, email, phone, language, notes)
    select v.id, v.honorific, v.full_name, v.name_search, coalesce(string_to_array(v.positions, chr(31)), '{}'::text[]),
           v.organization, v.email, v.phone, coalesce(v.language, 'vi')::locale, v.notes
    from unnest(
      ${uuidArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.honorific))},
      ${textArray(rows.map((r) => r.fullName))}, ${textArray(rows.map((r) => r.nameSearch))},
      ${textArray(rows.map((r) => positionsText(r.positions)))}, ${textArray(rows.map((r) => r.organization))},
      ${textArray(rows.map((r) => r.email))}, ${textArray(rows.map((r) => r.phone))},
      ${textArray(rows.map((r) => r.language))}, ${textArray(rows.map((r) => r.notes))}
    ) as v(id, honorific, full_name, name_search, positions, organization, email, phone, language, notes)
    on conflict (lower(email)) where email is not null do update set
      honorific = coalesce(excluded.honorific, people.honorific),
      full_name = excluded.full_name,
      name_search = excluded.name_search,
      positions = case when cardinality(excluded.positions) > 0 then excluded.positions else people.positions end,
      organization = coalesce(excluded.organization, people.organization),
      phone = coalesce(excluded.phone, people.phone),
      notes = coalesce(excluded.notes, people.notes),
      updated_at = now()
    returning id, email
  `);
  return rowsOf(result);
}

/**
 * Updates existing people by id; null fields keep their stored value, the name is always written. A person whose
 * fields would all stay as they are is not written at all (no new row version, index entries or updated_at): a
 * re-import of the same file changes nothing.
 */
export async function mergeIntoPeople(db: Db, rows: readonly (PersonValues & { id: string })[]): Promise<void> {
  if (rows.length === 0) return;
  // The new values read the target row itself (not a second scan of people), so a concurrent edit of the person is
  // re-read before the merge, as before.
  const merged = sql`
    coalesce(v.honorific, p.honorific), v.full_name, v.name_search,
    coalesce(string_to_array(v.positions, chr(31)), p.positions), coalesce(v.organization, p.organization),
    coalesce(v.email, p.email), coalesce(v.phone, p.phone), coalesce(v.language::locale, p.language), coalesce(v.notes, p.notes)`;
  await db.execute(sql`
    update people p set
      (honorific, full_name, name_search, positions, organization, email, phone, language, notes) = (${merged}),
      updated_at = now()
    from unnest(
      ${uuidArray(rows.map((r) => r.id))}, ${textArray(rows.map((r) => r.honorific))},
      ${textArray(rows.map((r) => r.fullName))}, ${textArray(rows.map((r) => r.nameSearch))},
      ${textArray(rows.map((r) => positionsText(r.positions)))}, ${textArray(rows.map((r) => r.organization))},
      ${textArray(rows.map((r) => r.email))}, ${textArray(rows.map((r) => r.phone))},
      ${textArray(rows.map((r) => r.language))}, ${textArray(rows.map((r) => r.notes))}
    ) as v(id, honorific, full_name, name_search, positions, organization, email, phone, language, notes)
    where p.id = v.id
      and (p.honorific, p.full_name, p.name_search, p.positions, p.organization, p.email, p.phone, p.language, p.notes)
          is distinct from (${merged})
  `);
}

/** Writes every field of one person (the edit form shows them all, so an empty field clears). */
export async function replacePerson(db: Db, id: string, values: PersonValues): Promise<void> {
  await db
    .update(people)
    .set({
      honorific: values.honorific,
      fullName: values.fullName,
      nameSearch: values.nameSearch,
      positions: values.positions ?? [],
      organization: values.organization,
      email: values.email,
      phone: values.phone,
      language: values.language ?? "vi",
      notes: values.notes,
      updatedAt: new Date(),
    })
    .where(eq(people.id, id));
}

export async function findPersonIdByEmail(db: Db, email: string): Promise<string | null> {
  const [row] = await db
    .select(pickColumns(personColumns, ["id"]))
    .from(people)
    .where(sql`lower(${people.email}) = ${email.toLowerCase()}`)
    .orderBy(asc(people.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** db.execute answers { rows } on PGlite and an array on postgres.js. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}

// ---------------------------------------------------------------------------------------------------
// The directory as a list (the API's /people), and where a person is invited.

/**
 * The people a search finds: the folded query ("nguyen hong chuyen", app/domain/attendees/search.ts) inside the
 * folded name, the folded organization or the email, each read through its trigram index (migration 0022,
 * decision 019). Null for a blank query. `email: false` leaves the email out (a list whose reader may not see
 * emails).
 */
export function peopleMatching(q: string | null | undefined, options: { email?: boolean } = {}): SQL | null {
  const pattern = attendeeSearchPattern(q);
  if (!pattern) return null;
  const email = options.email === false ? sql`` : sql` or lower(${people.email}) like ${pattern}`;
  return sql`(${people.nameSearch} like ${pattern} or ${people.organizationSearch} like ${pattern}${email})`;
}

/**
 * One page of the directory, by given name like the attendee lists, with the number of matches. `q` ignores
 * diacritics and case and matches the name, the email or the organization.
 */
export async function listPeople(
  db: Db,
  options: { q?: string | null; limit: number; offset: number },
): Promise<{ items: Person[]; total: number }> {
  const where = peopleMatching(options.q) ?? sql`true`;
  const [items, [count]] = await Promise.all([
    db
      .select(personColumns)
      .from(people)
      .where(where)
      .orderBy(sql`split_part(${people.nameSearch}, ' ', -1)`, asc(people.nameSearch), asc(people.id))
      .limit(options.limit)
      .offset(options.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(people).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export interface PersonInvitation {
  invitationId: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  eventOwnerId: string | null;
  role: Invitation["role"];
  status: Invitation["status"];
  withdrawnAt: Date | null;
}

/** The person's invitations with their events, newest event first. */
export async function listPersonInvitations(db: Db, personId: string): Promise<PersonInvitation[]> {
  return db
    .select({
      invitationId: invitationColumns.id,
      eventId: eventColumns.id,
      eventTitle: eventColumns.title,
      eventStartsAt: eventColumns.startsAt,
      eventOwnerId: eventColumns.createdBy,
      ...pickColumns(invitationColumns, ["role", "status", "withdrawnAt"]),
    })
    .from(invitations)
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(invitations.personId, personId))
    .orderBy(desc(events.startsAt), asc(events.id));
}
