import { asc, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { organizations } from "#db/schema/index";

export const organizationColumns = {
  id: organizations.id,
  nameVi: organizations.nameVi,
  nameEn: organizations.nameEn,
  shortName: organizations.shortName,
  parentId: organizations.parentId,
};

export type Organization = { id: string; nameVi: string; nameEn: string | null; shortName: string | null; parentId: string | null };

export function listOrganizations(db: Db): Promise<Organization[]> {
  return db.select(organizationColumns).from(organizations).orderBy(asc(organizations.nameVi));
}

export async function findExistingOrganizationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: organizations.id }).from(organizations).where(inArray(organizations.id, ids));
  return new Set(rows.map((r) => r.id));
}

export async function organizationNameTaken(db: Db, nameVi: string): Promise<boolean> {
  const rows = await db
    .select({ id: organizations.id })
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
