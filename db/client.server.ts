import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite, type PGliteOptions } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { withStatementCache } from "./pglite-statements.server";
import { PGliteThread } from "./pglite-thread.server";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The one database type the app codes against, whichever driver is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DbKind = "pglite" | "postgres";

export interface Database {
  db: Db;
  kind: DbKind;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "migrations");

/**
 * Every embedded database is opened through here, with the extensions the migrations create (pg_trgm: the
 * directory's trigram indexes, decision 019). A data directory made with an extension cannot be opened without it,
 * so nothing calls `new PGlite` itself (ESLint says so).
 */
export function newPGlite(dataDir?: string, options: PGliteOptions = {}): PGlite {
  return new PGlite({ ...options, ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm, ...options.extensions } });
}

/**
 * `thread: true` runs the embedded database in a worker thread of its own (db/pglite-thread.server.ts, what the
 * server does); without it PGlite runs in the caller's thread (tests, scripts).
 */
export type DatabaseConfig = { url: string; max?: number } | { dataDir: string; thread?: boolean } | { pglite: PGlite };

/** Opens PostgreSQL via postgres.js when a URL is given, otherwise the embedded PGlite. */
export function openDatabase(config: DatabaseConfig): Database {
  if ("url" in config) {
    const client = postgres(config.url, { max: config.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      kind: "postgres",
      migrate: () => migrateOnce(config.url),
      ping: async () => {
        await client`select 1`;
      },
      close: () => client.end({ timeout: 5 }),
    };
  }
  if ("dataDir" in config && config.thread) {
    mkdirSync(config.dataDir, { recursive: true });
    const thread = new PGliteThread(config.dataDir);
    // The worker keeps each query text as a named prepared statement itself (withStatementCache, there).
    const threadDb = drizzlePglite({ client: thread as unknown as PGlite, schema });
    return {
      db: threadDb as unknown as Db,
      kind: "pglite",
      migrate: () => migratePglite(threadDb, { migrationsFolder }),
      ping: async () => {
        await thread.query("select 1");
      },
      close: () => thread.close(),
    };
  }
  let client: PGlite;
  if ("pglite" in config) {
    client = config.pglite;
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    client = newPGlite(config.dataDir);
  }
  // Each query text a named prepared statement, run in one call (db/pglite-statements.server.ts, decision 035).
  const pgliteDb = drizzlePglite(withStatementCache(client), { schema });
  return {
    db: pgliteDb as unknown as Db,
    kind: "pglite",
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    ping: async () => {
      await client.query("select 1");
    },
    close: () => client.close(),
  };
}

/**
 * Several app instances starting at once on one database must not apply the same migration twice: the first
 * takes an advisory lock (on a connection of its own, held for the whole run), the others wait for it and then
 * find nothing left to apply.
 */
async function migrateOnce(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(hashtext('signet.migrate'))`;
    await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder });
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The configuration the running app uses: DATABASE_URL, else PGlite under DATA_DIR (default ./data). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  return { dataDir: path.resolve(env.DATA_DIR ?? "data", "pglite") };
}
