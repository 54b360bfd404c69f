/**
 * A read of a hot path, prepared once per database (what app/models/rsvp.server.ts does for the invitee page, for any
 * drizzle select whose parameters are placeholders of a checked form — ids, hashes — or whole numbers such as a LIMIT).
 *
 * PGlite plans every statement anew (its driver sends unnamed ones), on the one thread that serves every request:
 * there the statement is PREPAREd once in PGlite's single session and EXECUTEd with its values written in — each
 * checked against its pattern first (a UUID, a SHA-256 in hex: nothing that could end the literal) — and the rows
 * are mapped exactly as drizzle maps them (its own mapResultRow, with the query's fields and left-join map).
 * PostgreSQL needs none of this: postgres.js prepares the statement per connection (drizzle's named prepare).
 * Whenever the PGlite path cannot be taken (a value of another form, PREPARE refused, the statement gone or stale),
 * the query runs through drizzle, which plans each time but cannot go stale.
 */
import { PGlite, types } from "@electric-sql/pglite";
import { is, Placeholder, sql } from "drizzle-orm";
import * as drizzleUtils from "drizzle-orm/utils";
import type { Db } from "#db/client.server";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const HEX_SHA256 = /^[0-9a-f]{64}$/;

/**
 * drizzle's own row mapping (what its prepared queries call; exported by drizzle-orm/utils, left out of its typings).
 * Without it (another drizzle), every query takes drizzle's path.
 */
type FieldList = { path: string[]; field: unknown }[];
const mapResultRow = (drizzleUtils as unknown as { mapResultRow?: (fields: FieldList, row: unknown[], joins?: Record<string, boolean>) => unknown })
  .mapResultRow;
/** What drizzle's `.prepare(name)` gives (PgSelect and friends). */
interface Preparable<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R[]> };
}
/** The fields drizzle's prepared query keeps for mapping its rows (drizzle-orm/pglite/session.js). */
interface DrizzlePrepared<R> {
  execute(values?: Record<string, unknown>): Promise<R[]>;
  queryString?: string;
  params?: unknown[];
  fields?: FieldList;
  joinsNotNullableMap?: Record<string, boolean>;
  customResultMapper?: unknown;
}

// As drizzle's PGlite driver reads them: dates, times and their arrays as text, for the columns to map themselves.
const asText = (value: string) => value;
const pgliteParsers = {
  [types.TIMESTAMP]: asText,
  [types.TIMESTAMPTZ]: asText,
  [types.INTERVAL]: asText,
  [types.DATE]: asText,
  1231: asText, // numeric[]
  1115: asText, // timestamp[]
  1185: asText, // timestamptz[]
  1187: asText, // interval[]
  1182: asText, // date[]
};

export type PreparedRead<K extends string, R> = (db: Db, values: Record<K, string>) => Promise<R[]>;

/**
 * `build` makes the select with a placeholder per value (sql.placeholder(name)); `forms` says what each value must
 * look like to be written into PGlite's EXECUTE. The statement's name must be unique in the app.
 */
export function preparedRead<K extends string, R>(
  name: string,
  forms: Record<K, RegExp>,
  build: (db: Db, placeholders: Record<K, Placeholder<K>>) => Preparable<R>,
): PreparedRead<K, R> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a statement name: ${name}`);
  const keys = Object.keys(forms) as K[];
  const placeholders = Object.fromEntries(keys.map((key) => [key, sql.placeholder(key)])) as Record<K, Placeholder<K>>;
  const statement = `signet_${name}`;
  const drizzleQueries = new WeakMap<Db, DrizzlePrepared<R>>();
  // Per PGlite session: what EXECUTE is given, in order — a value's name, or a constant of the query written as it is
  // (a whole number: drizzle's LIMIT) — or null when the statement could not be prepared.
  const pgliteReady = new WeakMap<PGlite, Promise<(K | { constant: number })[] | null>>();

  const drizzleQuery = (db: Db): DrizzlePrepared<R> => {
    let query = drizzleQueries.get(db);
    if (!query) {
      query = build(db, placeholders).prepare(name) as DrizzlePrepared<R>;
      drizzleQueries.set(db, query);
    }
    return query;
  };

  const prepareOnPglite = (client: PGlite, query: DrizzlePrepared<R>): Promise<(K | { constant: number })[] | null> => {
    const order = (query.params ?? []).map((p) => {
      if (is(p, Placeholder)) return p.name in forms ? (p.name as K) : null;
      return typeof p === "number" && Number.isSafeInteger(p) ? { constant: p } : null;
    });
    // Only placeholders of the declared values and whole numbers (nothing else can be written in unchecked), and
    // drizzle's own field mapping (no custom mapper).
    if (!mapResultRow || !query.queryString || !query.fields || query.customResultMapper || order.some((arg) => arg === null))
      return Promise.resolve(null);
    return client.query(`prepare ${statement} as ${query.queryString}`).then(
      () => order as (K | { constant: number })[],
      () => null,
    );
  };

  async function onPglite(db: Db, client: PGlite, values: Record<K, string>): Promise<R[] | null> {
    for (const key of keys) if (!forms[key].test(values[key])) return null;
    const query = drizzleQuery(db);
    let ready = pgliteReady.get(client);
    if (!ready) {
      ready = prepareOnPglite(client, query);
      pgliteReady.set(client, ready);
    }
    const order = await ready;
    if (!order) return null;
    try {
      const args = order.map((arg) => (typeof arg === "object" ? String(arg.constant) : `'${values[arg]}'`)).join(", ");
      const result = await client.query<unknown[]>(`execute ${statement}(${args})`, [], { rowMode: "array", parsers: pgliteParsers });
      return result.rows.map((row) => mapResultRow!(query.fields!, row, query.joinsNotNullableMap) as R);
    } catch {
      // The statement is gone or stale (DEALLOCATE, a migration that changed a column under it): drizzle's path from
      // now on for this database.
      pgliteReady.set(client, Promise.resolve(null));
      return null;
    }
  }

  return async (db, values) => {
    const client = (db as unknown as { $client?: unknown }).$client;
    const rows = client instanceof PGlite ? await onPglite(db, client, values) : null;
    return rows ?? drizzleQuery(db).execute(values);
  };
}
