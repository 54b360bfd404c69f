/**
 * Databases for integration tests (*.server.test.ts). Each call returns a fresh, migrated database of its own:
 *  - project "pglite":   a PGlite loaded from the dump that db/testing.global-setup.ts made once (≈ 0.3 s);
 *  - project "postgres": `CREATE DATABASE t_… TEMPLATE signet_tpl_…` on the TEST_DATABASE_URL server,
 *                        dropped again by close().
 * Call it once per file:
 *
 *   let database: Database;
 *   beforeAll(async () => { database = await testDatabase(); });
 *   afterAll(() => database.close());
 *
 * A database a file forgets to close is closed after the file by db/testing.setup.ts.
 *
 * Most service tests also need someone to act as, and check the ServiceErrors a call must fail with:
 *
 *   let database: Database; let db: Db; let actor: Actor;
 *   beforeAll(async () => ({ database, db, actor } = await testDatabaseWithActor({ name: "Cán bộ tổ chức" })));
 *   afterAll(() => database.close());
 *   …
 *   const error = await expectServiceError(proposeDeputy(db, …), "conflict", "rsvp.closed.started");
 */
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import postgres from "postgres";
import { expect, inject } from "vitest";
import { ServiceError, type ServiceErrorCode } from "../app/utils/errors";
import { newPGlite, openDatabase, type Database, type Db } from "./client.server";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of the gzipped tarball of a migrated PGlite data dir (project "pglite"). */
    signetPgliteDump?: string;
    /** Name of the migrated template database on the TEST_DATABASE_URL server (project "postgres"). */
    signetPgTemplate?: string;
  }
}

export type TestDriver = "pglite" | "postgres";

export function testDriver(): TestDriver {
  const driver = process.env.SIGNET_TEST_DRIVER;
  if (driver === "pglite" || driver === "postgres") return driver;
  throw new Error(
    "testDatabase() needs SIGNET_TEST_DRIVER=pglite|postgres, which the vitest projects set for *.server.test.ts files",
  );
}

/** A random, lower-case identifier suffix that is safe to splice into SQL. */
export function randomSuffix(): string {
  return randomBytes(6).toString("hex");
}

/** The URL of another database on the same server. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A connection to the server's maintenance database, for CREATE/DROP DATABASE. */
export function adminConnection(url: string) {
  return postgres(url, { max: 1, onnotice: () => {} });
}

const open = new Set<Database>();

export async function testDatabase(): Promise<Database> {
  const database = testDriver() === "pglite" ? await freshPglite() : await freshPostgres();
  let closing: Promise<void> | undefined;
  const tracked: Database = {
    ...database,
    close: () => {
      open.delete(tracked);
      closing ??= database.close();
      return closing;
    },
  };
  open.add(tracked);
  return tracked;
}

/** Closes what a test file left open (registered by db/testing.setup.ts). */
export async function closeOpenTestDatabases(): Promise<void> {
  await Promise.all([...open].map((d) => d.close()));
}

async function freshPglite(): Promise<Database> {
  const dump = inject("signetPgliteDump");
  if (!dump) throw new Error("no PGlite dump provided: is db/testing.global-setup.ts the project's globalSetup?");
  const pglite = newPGlite(undefined, { loadDataDir: new Blob([await readFile(dump)]) });
  await pglite.waitReady;
  return openDatabase({ pglite });
}

async function freshPostgres(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  const template = inject("signetPgTemplate");
  if (!url || !template) throw new Error("project postgres needs TEST_DATABASE_URL and the template from globalSetup");
  const name = `t_${randomSuffix()}`;
  const admin = adminConnection(url);
  try {
    await admin.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const database = openDatabase({ url: withDatabaseName(url, name), max: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = adminConnection(url);
      try {
        await dropper.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

/** Who a service test acts as: a user made through the real accounts service (db/factories). */
export interface TestActor {
  id: string;
  name: string;
}

/** A fresh database (testDatabase) and a user in it to act as: the start most service test files share. */
export async function testDatabaseWithActor(user: { name?: string } = {}): Promise<{ database: Database; db: Db; actor: TestActor }> {
  const database = await testDatabase();
  // Loaded here, not at the top: db/testing.setup.ts imports this file for every test file, factories need services.
  const { createUser } = await import("./factories");
  const created = await createUser(database.db, user);
  return { database, db: database.db, actor: { id: created.id, name: created.name } };
}

/**
 * Asserts that `promise` rejects with a ServiceError of `code` (and `message`, when given) and returns the error,
 * for checks of its `fields`. A resolved promise or any other error fails the test.
 */
export async function expectServiceError(promise: Promise<unknown>, code: ServiceErrorCode, message?: string): Promise<ServiceError> {
  const outcome = await promise.then(
    (value: unknown) => ({ rejected: false as const, value }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error(`expected a ServiceError "${code}", but the call succeeded with ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(ServiceError);
  const error = outcome.error as ServiceError;
  expect({ code: error.code, message: message === undefined ? undefined : error.message }).toEqual({ code, message });
  return error;
}
