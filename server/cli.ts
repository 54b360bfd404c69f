/**
 * Operator CLI: `npm run signet -- <command> [options]`.
 *   user:create --email E --name N --role R [--password P]
 *   token:create --email E [--name LABEL] [--scopes read,write] [--event EVENT_ID] [--expires-days N]
 *   storage:migrate --to s3://bucket/prefix?endpoint=… [--from file:./data/media]
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { databaseConfigFromEnv, openDatabase } from "#db/client.server";
import { userRoles } from "~/domain/access/permissions";
import { findUserByEmail } from "~/models/users.server";
import { createApiToken, createUser } from "~/services/accounts.server";
import { isServiceError } from "~/services/errors";
import { translateError } from "~/i18n/i18n";
import { copyStorage } from "~/services/storage-migrate.server";
import { storageFromUrl } from "~/services/storage.server";
import { holderOf } from "./data-dir-lock";

const usage = `Usage:
  npm run signet -- user:create --email E --name N --role admin|organizer|communications|viewer [--password P]
  npm run signet -- token:create --email E [--name LABEL] [--scopes read|write|read,write] [--event EVENT_ID] [--expires-days N]
  npm run signet -- storage:migrate --to s3://BUCKET/PREFIX?endpoint=URL&region=R&forcePathStyle=1 [--from file:./data/media]
    copies every stored photo file to the target and verifies each by SHA-256 (the source is left as it is)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [command, ...rest] = process.argv.slice(2);
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      scopes: { type: "string" },
      event: { type: "string" },
      "expires-days": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
    },
    strict: true,
  }));
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}

const userSchema = z.object({
  email: z.string({ required_error: "--email is required" }).trim().email("--email is not a valid address"),
  name: z.string({ required_error: "--name is required" }).trim().min(1, "--name is required").max(200),
  role: z.enum(userRoles, { errorMap: () => ({ message: `--role must be one of: ${userRoles.join(", ")}` }) }),
  password: z.string().min(12, "--password must be at least 12 characters").max(200).optional(),
});

if (command === "storage:migrate") {
  // Files only: the database is not opened (the server may keep running; uploads made meanwhile are copied by a
  // second run, which skips what is already there).
  const dataDir = path.resolve(process.env.DATA_DIR ?? "data");
  const region = process.env.AWS_REGION;
  const to = typeof values.to === "string" ? values.to : "";
  if (!to) fail(`--to is required\n\n${usage}`);
  let source, target;
  try {
    source = storageFromUrl(typeof values.from === "string" ? values.from : (process.env.STORAGE_URL ?? undefined), { dataDir, region });
    target = storageFromUrl(to, { dataDir, region });
  } catch (error) {
    fail(`${(error as Error).message}\n\n${usage}`);
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

if (command !== "user:create" && command !== "token:create") fail(usage);

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
try {
  await database.migrate();
  if (command === "user:create") {
    const parsed = userSchema.safeParse(values);
    if (!parsed.success) fail(`${parsed.error.issues.map((i) => i.message).join("\n")}\n\n${usage}`);
    const { user, password, generated } = await createUser(database.db, null, parsed.data);
    console.log(`Created ${user.role} ${user.email} (${user.name}).`);
    if (generated) console.log(`Password: ${password}`);
  } else {
    const email = typeof values.email === "string" ? values.email : "";
    if (!email) fail(`--email is required\n\n${usage}`);
    const user = await findUserByEmail(database.db, email);
    if (!user || !user.active) fail(`No active account with the email ${email}.`);
    const scopes = (typeof values.scopes === "string" ? values.scopes : "read,write").split(",").map((s) => s.trim());
    if (scopes.length === 0 || scopes.some((s) => s !== "read" && s !== "write")) fail(`--scopes must be read, write or read,write\n\n${usage}`);
    const eventId = typeof values.event === "string" ? values.event : null;
    if (eventId && !/^[0-9a-f-]{36}$/i.test(eventId)) fail(`--event must be an event id (a UUID)\n\n${usage}`);
    const days = typeof values["expires-days"] === "string" ? Number(values["expires-days"]) : null;
    if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 3650)) fail(`--expires-days must be a whole number from 1 to 3650\n\n${usage}`);
    const token = await createApiToken(database.db, user.id, typeof values.name === "string" ? values.name : "CLI", {
      scopes: [...new Set(scopes)] as ("read" | "write")[],
      eventId,
      expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
    });
    console.log(`API token for ${user.email} (shown once; keep it secret):`);
    console.log(token);
  }
} catch (error) {
  if (isServiceError(error)) fail(translateError("en", error.message));
  throw error;
} finally {
  await database.close();
}
