/**
 * Runs once per vitest project (in the main process) before any *.server.test.ts file:
 *  - "pglite" (and "faults"): migrates one in-memory PGlite and dumps its data dir to a tarball in os.tmpdir();
 *  - "postgres": creates signet_tpl_<random> on the TEST_DATABASE_URL server and migrates it.
 * Teardown removes the tarball / drops the template.
 */
import { rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { newPGlite, openDatabase } from "./client.server";
import { adminConnection, randomSuffix, withDatabaseName } from "./testing";

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === "pglite" || project.name === "faults") return setupPglite(project);
  if (project.name === "postgres") return setupPostgres(project);
  throw new Error(`db/testing.global-setup.ts: unknown project "${project.name}"`);
}

async function setupPglite(project: TestProject) {
  const pglite = newPGlite();
  const database = openDatabase({ pglite });
  let file: string | undefined;
  try {
    await database.migrate();
    const dump = await pglite.dumpDataDir("gzip");
    file = path.join(os.tmpdir(), `signet-pglite-${process.pid}-${randomSuffix()}.tar.gz`);
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await database.close();
  }
  project.provide("signetPgliteDump", file);
  return async () => {
    if (file) await rm(file, { force: true });
  };
}

async function setupPostgres(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("project postgres needs TEST_DATABASE_URL");
  const template = `signet_tpl_${randomSuffix()}`;
  const admin = adminConnection(url);
  const drop = async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await admin.unsafe(`CREATE DATABASE "${template}"`);
    const database = openDatabase({ url: withDatabaseName(url, template), max: 1 });
    try {
      await database.migrate();
    } finally {
      // No session may stay connected to a template, or CREATE DATABASE … TEMPLATE refuses.
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  project.provide("signetPgTemplate", template);
  return drop;
}
