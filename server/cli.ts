/**
 * Operator CLI: `npm run signet -- <command> [options]`.
 *   user:create --email E --name N --role R [--password P]
 *   token:create --email E [--name LABEL] [--scopes read,write] [--event EVENT_ID] [--expires-days N]
 * Options are parsed in cli-options.ts.
 */
import path from "node:path";
import { databaseConfigFromEnv, openDatabase } from "#db/client.server";
import { getEventOwner } from "~/models/events.server";
import { findUserByEmail } from "~/models/users.server";
import { createApiToken, createUser } from "~/services/accounts.server";
import { isServiceError } from "~/services/errors";
import { translateError } from "~/i18n/i18n";
import { parseCli } from "./cli-options";
import { holderOf } from "./data-dir-lock";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const parsed = parseCli(process.argv.slice(2));
if ("error" in parsed) fail(parsed.error);

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
