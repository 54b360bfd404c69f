/**
 * A read of a hot path, prepared once per database: drizzle's named prepare, built once (its SQL text and field
 * mapping), executed with the values as bound parameters.
 *
 * PostgreSQL: postgres.js prepares the statement per connection. PGlite: the client drizzle is given keeps each
 * query text as a named prepared statement and runs it in one call (db/pglite-statements.server.ts, decision 035).
 * Before that cache, this module prepared the statement on PGlite itself and wrote each value, checked against a
 * pattern, into EXECUTE's text; with parameters bound by the protocol nothing is written into SQL.
 */
import type { Placeholder } from "drizzle-orm";
import { sql } from "drizzle-orm";
import type { Db } from "#db/client.server";

/** What drizzle's `.prepare(name)` gives (PgSelect and friends). */
interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R[]> };
}

export type PreparedRead<K extends string, R> = (db: Db, values: Record<K, string>) => Promise<R[]>;

/**
 * `build` makes the select with a placeholder per value (`p.<key>`); `keys` names them. The statement's name must be
 * unique in the app.
 */
export function preparedRead<K extends string, R>(
  name: string,
  keys: readonly K[],
  build: (db: Db, placeholders: Record<K, Placeholder<K>>) => Preparable<R>,
): PreparedRead<K, R> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a statement name: ${name}`);
  const placeholders = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as Record<K, Placeholder<K>>;
  const queries = new WeakMap<Db, { execute(values?: Record<string, unknown>): Promise<R[]> }>();
  return (db, values) => {
    let query = queries.get(db);
    if (!query) {
      query = build(db, placeholders).prepare(`signet_${name}`);
      queries.set(db, query);
    }
    return query.execute(values);
  };
}
