import { and, asc, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { dignitaries, events, organizations, people } from "#db/schema/index";
import { rowsOf } from "./people.server";
import { eventColumns, organizationColumns, pickColumns } from "./columns";

export type Organization = { id: string; nameVi: string; nameEn: string | null; shortName: string | null; parentId: string | null };

export function listOrganizations(db: Db): Promise<Organization[]> {
  return db.select(organizationColumns).from(organizations).orderBy(asc(organizations.nameVi));
}

export async function findExistingOrganizationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select(pickColumns(organizationColumns, ["id"])).from(organizations).where(inArray(organizations.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function organizationNameTaken(db: Db, nameVi: string): Promise<boolean> {
  const rows = await db
    .select(pickColumns(organizationColumns, ["id"]))
    .from(organizations)
    .where(sql`lower(${organizations.nameVi}) = lower(${nameVi})`)
    .limit(1);
  return rows.length > 0;
}

export async function insertOrganization(
  db: Db,
  values: { nameVi: string; nameEn: string | null; shortName: string | null; parentId: string | null },
): Promise<Organization> {
  const [row] = await db.insert(organizations).values(values).returning(organizationColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function getOrganization(db: Db, id: string): Promise<Organization | null> {
  const [row] = await db.select(organizationColumns).from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

/** Another organization (not `exceptId`) with this Vietnamese name, ignoring case. */
export async function organizationNameTakenByOther(db: Db, nameVi: string, exceptId: string): Promise<boolean> {
  const rows = await db
    .select(pickColumns(organizationColumns, ["id"]))
    .from(organizations)
    .where(and(sql`lower(${organizations.nameVi}) = lower(${nameVi})`, ne(organizations.id, exceptId)))
    .limit(1);
  return rows.length > 0;
}

/** The ids of the organization's ancestors, nearest first (a parent cannot be one of its own descendants). */
export async function listOrganizationAncestorIds(db: Db, id: string): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from organizations where id = ${id}::uuid
      union all
      select o.id, o.parent_id, up.depth + 1 from organizations o join up on o.id = up.parent_id where up.depth < 100
    )
    select id from up where depth > 0 order by depth
  `);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export async function updateOrganizationRow(
  db: Db,
  id: string,
  values: { nameVi: string; nameEn: string | null; shortName: string | null; parentId: string | null },
): Promise<Organization | null> {
  const [row] = await db.update(organizations).set(values).where(eq(organizations.id, id)).returning(organizationColumns);
  return row ?? null;
}

export async function deleteOrganizationRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(organizations).where(eq(organizations.id, id)).returning(pickColumns(organizationColumns, ["id"]));
  return rows.length > 0;
}

export interface OrganizationUsage {
  /** Events it hosts, is a side of, or is a party to a document of (at most `limit` each, with the total). */
  host: { total: number; events: { id: string; title: string }[] };
  partner: { total: number; events: { id: string; title: string }[] };
  agreementParty: { total: number; events: { id: string; title: string }[] };
  /** Organizations that have it as their parent. */
  children: { total: number; organizations: { id: string; nameVi: string }[] };
  /** People of the directory whose organization is written as its name or short name (ignoring case). */
  people: number;
  /** Dignitaries (event records) whose organization is written so. */
  dignitaries: number;
}

export function organizationInUse(u: OrganizationUsage): boolean {
  return u.host.total + u.partner.total + u.agreementParty.total + u.children.total + u.people + u.dignitaries > 0;
}

/** Everywhere an organization is referred to: by id (events, agreements, parents) or by its written name. */
export async function findOrganizationUsage(db: Db, org: Organization, limit = 5): Promise<OrganizationUsage> {
  const eventsWhere = async (where: SQL) => {
    const rows = await db
      .select({ ...pickColumns(eventColumns, ["id", "title"]), total: sql<number>`count(*) over ()::int` })
      .from(events)
      .where(where)
      .orderBy(desc(events.startsAt), asc(events.id))
      .limit(limit);
    return { total: rows[0]?.total ?? 0, events: rows.map(({ id, title }) => ({ id, title })) };
  };
  const names = [org.nameVi, org.shortName].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  const [host, partner, agreementParty, childRows, peopleCount, dignitaryCount] = await Promise.all([
    eventsWhere(eq(events.hostOrganizationId, org.id)),
    // A side of the ceremony other than the host's own (the host is mirrored as a side of its event).
    eventsWhere(
      sql`${events.id} in (select event_id from event_sides where organization_id = ${org.id}::uuid)
          and ${events.hostOrganizationId} is distinct from ${org.id}::uuid`,
    ),
    eventsWhere(
      sql`${events.id} in (select d.event_id from document_parties p
                           join event_documents d on d.id = p.document_id
                           join event_sides s on s.id = p.side_id
                           where s.organization_id = ${org.id}::uuid)`,
    ),
    db
      .select({ ...pickColumns(organizationColumns, ["id", "nameVi"]), total: sql<number>`count(*) over ()::int` })
      .from(organizations)
      .where(eq(organizations.parentId, org.id))
      .orderBy(asc(organizations.nameVi))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(people)
      .where(inArray(sql`lower(${people.organization})`, names)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(dignitaries)
      .where(inArray(sql`lower(${dignitaries.organization})`, names)),
  ]);
  return {
    host,
    partner,
    agreementParty,
    children: { total: childRows[0]?.total ?? 0, organizations: childRows.map(({ id, nameVi }) => ({ id, nameVi })) },
    people: peopleCount[0]?.n ?? 0,
    dignitaries: dignitaryCount[0]?.n ?? 0,
  };
}
