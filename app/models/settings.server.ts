import { eq } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { settings } from "#db/schema/index";
import { settingColumns } from "./columns";

/** Returns the stored value, creating it with `make()` the first time (race-safe). */
export async function getOrCreateSetting(db: Db, key: string, make: () => string): Promise<string> {
  await db.insert(settings).values({ key, value: make() }).onConflictDoNothing();
  const [row] = await db.select(settingColumns).from(settings).where(eq(settings.key, key));
  if (!row) throw new Error(`setting ${key} missing`);
  return row.value;
}
