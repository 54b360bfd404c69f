/**
 * Starts Signet for the browser tests against a production build: a fresh database (PGlite under
 * e2e/.state, or a fresh PostgreSQL database when TEST_DATABASE_URL is set) with the demo seed and one
 * account per role; credentials and API tokens go to e2e/.state/accounts.json for the fixtures.
 */
import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { openDatabase } from "#db/client.server";
import { createUser } from "#db/factories";
import { seedDemo } from "#db/seed";
import { createApiToken } from "~/services/accounts.server";
import { fileSystemStorage } from "~/services/storage.server";
import { SERVER_NODE_FLAGS } from "../server/node-flags";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const state = process.env.E2E_STATE ? path.resolve(process.env.E2E_STATE) : path.join(root, "e2e", ".state");
rmSync(state, { recursive: true, force: true });
mkdirSync(state, { recursive: true });

let databaseUrl: string | undefined;
let e2eDatabase: string | undefined;
if (process.env.TEST_DATABASE_URL) {
  const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  // A database of this run's own, so two runs on one server never collide; dropped when the server stops.
  e2eDatabase = `signet_e2e_${process.pid}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${e2eDatabase}`);
  await admin.end();
  const url = new URL(process.env.TEST_DATABASE_URL);
  url.pathname = `/${e2eDatabase}`;
  databaseUrl = url.toString();
}
const dataDir = path.join(state, "data");
const database = openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: path.join(dataDir, "pglite") });
await database.migrate();
const demo = await seedDemo(database.db, { storage: fileSystemStorage(path.join(dataDir, "media")) });
const accounts: Record<string, { email: string; password: string; name: string; token: string; id: string }> = {};
for (const role of ["admin", "organizer", "communications", "viewer"] as const) {
  const user = await createUser(database.db, { role, email: `e2e-${role}@signet.test`, name: `E2E ${role}` });
  accounts[role] = {
    id: user.id,
    email: user.email,
    password: user.password,
    name: user.name,
    token: await createApiToken(database.db, user.id, "e2e"),
  };
}
// An account the login rate-limit test may lock without disturbing the others.
const lockout = await createUser(database.db, { role: "viewer", email: "e2e-lockout@signet.test", name: "E2E lockout" });
accounts.lockout = { id: lockout.id, email: lockout.email, password: lockout.password, name: lockout.name, token: "" };
writeFileSync(path.join(state, "accounts.json"), JSON.stringify({ accounts, demo }, null, 2));
await database.close();

const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", path.join(root, "server", "index.ts")], {
  cwd: root,
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? "3100",
    DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    TRUST_PROXY: "1",
    SIGNET_DEMO: "0",
    // One JSON line per request would bury the test report: warnings and errors only.
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    // The demo ceremony (2017) is past the default 365 days: a 100-year period keeps its contact details for the
    // other specs; e2e/privacy.spec.ts runs retention on events of the 1910s.
    RETENTION_DAYS: "36500",
    // The webhook tests run a receiver on loopback; the SSRF refusals are tested in vitest without it.
    WEBHOOK_ALLOW_PRIVATE: "1",
    // A slow receiver (webhooks.spec.ts) is given up on after 2 s rather than the default 10.
    WEBHOOK_TIMEOUT_MS: "2000",
  },
});
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", async (code) => {
  if (e2eDatabase && process.env.TEST_DATABASE_URL) {
    const admin = postgres(process.env.TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${e2eDatabase} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
  process.exit(code ?? 0);
});
