import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { users } from "#db/schema/index";
import type { UserRole } from "~/domain/access/permissions";
import type { Locale } from "~/i18n/i18n";
import { userColumns } from "./columns";

export type User = { id: string; email: string; name: string; role: UserRole; locale: Locale; active: boolean; createdAt: Date };

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .where(sql`lower(${users.email}) = lower(${email})`);
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  const [row] = await db.select(userColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export function listUsers(db: Db): Promise<(User & { totpEnabledAt: Date | null })[]> {
  return db
    .select({ ...userColumns, totpEnabledAt: users.totpEnabledAt })
    .from(users)
    .orderBy(asc(users.name));
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function insertUser(
  db: Db,
  values: { email: string; name: string; role: UserRole; passwordHash: string; locale?: Locale },
): Promise<User> {
  const [row] = await db.insert(users).values(values).returning(userColumns);
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function setUserLocale(db: Db, id: string, locale: Locale) {
  await db.update(users).set({ locale }).where(eq(users.id, id));
}

export async function findPasswordHash(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, id));
  return row?.passwordHash ?? null;
}

export async function updatePasswordHash(db: Db, id: string, passwordHash: string, at: Date): Promise<void> {
  await db.update(users).set({ passwordHash, passwordChangedAt: at }).where(eq(users.id, id));
}

/** Deactivated at `at` (or active again); false when there is no such account. */
export async function updateUserActive(db: Db, id: string, active: boolean, at: Date): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ active, deactivatedAt: active ? null : at })
    .where(eq(users.id, id))
    .returning({ id: userColumns.id });
  return updated.length > 0;
}

/** False when there is no such account. */
export async function updateUserRole(db: Db, id: string, role: UserRole): Promise<boolean> {
  const updated = await db.update(users).set({ role }).where(eq(users.id, id)).returning({ id: userColumns.id });
  return updated.length > 0;
}
