/**
 * Operator CLI: `npm run signet -- <command> [options]`.
 *   user:create --email E --name N --role R [--password P]
 *   token:create --email E [--name LABEL] [--scopes read,write] [--event EVENT_ID] [--expires-days N]
 * Options are parsed in cli-options.ts.
 *   storage:migrate --to s3://bucket/prefix?endpoint=… [--from file:./data/media]
 */
import path from "node:path";
import { databaseConfigFromEnv, openDatabase } from "#db/client.server";
import { getEventOwner } from "~/models/events.server";
import { findUserByEmail } from "~/models/users.server";
import { createApiToken, createUser } from "~/services/accounts.server";
import { isServiceError } from "~/utils/errors";
import { translateError } from "~/i18n/i18n";
import { copyStorage } from "~/services/storage-migrate.server";
import { storageFromUrl } from "~/services/storage.server";
import { parseCli } from "./cli-options";
import { holderOf } from "./data-dir-lock";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const parsed = parseCli(process.argv.slice(2));
if ("error" in parsed) fail(parsed.error);

if (parsed.command === "storage:migrate") {
  // Files only: the database is not opened (the server may keep running; uploads made meanwhile are copied by a
  // second run, which skips what is already there).
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const region = process.env.AWS_REGION;
  const to = parsed.to;
  let source, target;
  try {
    source = storageFromUrl(parsed.from ?? process.env.STORAGE_URL ?? undefined, { dataDir, region });
    target = storageFromUrl(to, { dataDir, region });
  } catch (error) {
    fail((error as Error).message);
  }
  if (source.location === target.location) fail("--from and --to are the same storage.");
  console.log(`Copying ${source.location} → ${target.location} …`);
  let seen = 0;
  const report = await copyStorage(source, target, {
    onObject: (key, outcome) => {
      seen += 1;
      if (outcome === "failed") console.error(`  failed: ${key}`);
      else if (seen % 500 === 0) console.log(`  ${seen} files …`);
    },
  });
  console.log(
    `Copied and verified: ${report.copied} (${(report.bytes / 1024 / 1024).toFixed(1)} MiB); already there, same checksum: ${report.alreadyThere}; failed: ${report.failed.length}.`,
  );
  for (const f of report.failed) console.error(`  ${f.key}: ${f.reason}`);
  if (report.failed.length) fail("Some files were not copied: run the command again once the cause is fixed (copied files are skipped).");
  console.log(`Every file is in ${target.location}. Set STORAGE_URL=${to} and restart the server.`);
  process.exit(0);
}


const config = databaseConfigFromEnv();
if ("dataDir" in config) {
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const holder = holderOf(dataDir);
  if (holder)
    fail(
      `The Signet server (pid ${holder}) holds the embedded database in ${dataDir}; PGlite allows one process at a time.\n` +
        "Stop the server (Ctrl+C) and run this command again, or use DATABASE_URL with a PostgreSQL server.",
    );
}
const database = openDatabase(config);
let failure: string | null = null;
try {
  await database.migrate();
  if (parsed.command === "user:create") {
    const { user, password, generated } = await createUser(database.db, null, parsed.user);
    console.log(`Created ${user.role} ${user.email} (${user.name}).`);
    if (generated) console.log(`Password: ${password}`);
  } else {
    const options = parsed.token;
    const user = await findUserByEmail(database.db, options.email);
    if (!user || !user.active) failure = `No active account with the email ${options.email}.`;
    else if (options.eventId && !(await getEventOwner(database.db, options.eventId))) failure = `No event with the id ${options.eventId}.`;
    else {
      const token = await createApiToken(database.db, user.id, options.name, {
        scopes: options.scopes,
        eventId: options.eventId,
        expiresAt: options.expiresDays ? new Date(Date.now() + options.expiresDays * 86_400_000) : null,
      });
      const scope = `${options.scopes.join("+")}${options.eventId ? `, event ${options.eventId} only` : ""}${options.expiresDays ? `, expires in ${options.expiresDays} days` : ", no expiry"}`;
      console.log(`API token for ${user.email} (${scope}; shown once; keep it secret):`);
      console.log(token);
    }
  }
} catch (error) {
  if (!isServiceError(error)) throw error;
  failure = translateError("en", error.message);
} finally {
  await database.close();
}
if (failure) fail(failure);
