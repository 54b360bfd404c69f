/**
 * The operator CLI as an operator runs it (a child process, `tsx server/cli.ts`), against its own database:
 * PGlite in a temporary DATA_DIR, or a fresh database on the TEST_DATABASE_URL server. Then the token it printed
 * is looked up the way the API does, to check that its scopes, event and expiry are what the options said.
 */
import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "#db/client.server";
import { createEvent } from "#db/factories";
import { adminConnection, randomSuffix, testDriver, withDatabaseName } from "#db/testing";
import { findUserByEmail } from "~/models/users.server";
import { getApiTokenGrant } from "~/services/accounts.server";
import { tokenRefusal } from "~/services/api-auth.server";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules/.bin/tsx");

let env: NodeJS.ProcessEnv;
let open: () => Database;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  if (testDriver() === "postgres") {
    const server = process.env.TEST_DATABASE_URL!;
    const name = `t_cli_${randomSuffix()}`;
    const admin = adminConnection(server);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
    await admin.end({ timeout: 5 });
    const url = withDatabaseName(server, name);
    env = { ...base, DATABASE_URL: url };
    open = () => openDatabase({ url, max: 2 });
    cleanup = async () => {
      const again = adminConnection(server);
      await again.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await again.end({ timeout: 5 });
    };
  } else {
    const dir = await mkdtemp(path.join(tmpdir(), "signet-cli-"));
    env = { ...base, DATA_DIR: dir };
    open = () => openDatabase({ dataDir: path.join(dir, "pglite") });
    cleanup = () => rm(dir, { recursive: true, force: true });
  }
}, 60_000);

afterAll(() => cleanup());

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ["server/cli.ts", ...args], { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** The token on the last line of the CLI's output, as the API would see it (with its grant). */
async function grantOf(stdout: string, now?: Date) {
  const token = stdout.trim().split("\n").at(-1)!;
  expect(token).toMatch(/^sgt_/);
  const database = open();
  try {
    return await getApiTokenGrant(database.db, token, now);
  } finally {
    await database.close();
  }
}

const email = "van-thu@signet.test";
const get = new Request("http://x/api/v1/organizations");
const post = new Request("http://x/api/v1/organizations", { method: "POST" });

describe("npm run signet -- token:create", () => {
  it("refuses an unknown account, then makes a read-write token without expiry by default", async () => {
    const none = await cli("token:create", "--email", email);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`No active account with the email ${email}.`);

    const user = await cli("user:create", "--email", email, "--name", "Văn thư", "--role", "organizer");
    expect(user.code, user.stderr).toBe(0);

    const made = await cli("token:create", "--email", email);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("read+write, no expiry");
    const found = await grantOf(made.stdout);
    expect(found?.user.email).toBe(email);
    expect(found?.grant).toMatchObject({ scopes: ["read", "write"], eventId: null });
    expect(tokenRefusal(found!.grant, post)).toBeNull();
    // No expiry: still valid in ten years.
    expect(await grantOf(made.stdout, new Date(Date.now() + 3650 * 86_400_000))).not.toBeNull();
  }, 120_000);

  it("--scopes read --expires-days 30: reads, may not write, and stops after 30 days", async () => {
    const made = await cli("token:create", "--email", email, "--scopes", "read", "--expires-days", "30", "--name", "Cổng thông tin");
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain("read, expires in 30 days");
    const found = await grantOf(made.stdout);
    expect(found?.grant.scopes).toEqual(["read"]);
    expect(tokenRefusal(found!.grant, get)).toBeNull();
    expect(tokenRefusal(found!.grant, post)).toBe('This token does not have the "write" scope.');
    expect(await grantOf(made.stdout, new Date(Date.now() + 29 * 86_400_000))).not.toBeNull();
    expect(await grantOf(made.stdout, new Date(Date.now() + 31 * 86_400_000))).toBeNull();
  }, 120_000);

  it("--event: only that event's paths; an event that does not exist is refused", async () => {
    const missing = await cli("token:create", "--email", email, "--event", "6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("No event with the id 6f1c2b9e-3a4d-4e5f-8a9b-0c1d2e3f4a5b.");

    const database = open();
    let eventId: string;
    try {
      const user = (await findUserByEmail(database.db, email))!;
      eventId = (await createEvent(database.db, { id: user.id, name: user.name })).id;
    } finally {
      await database.close();
    }
    const made = await cli("token:create", "--email", email, "--event", eventId, "--scopes", "read,write");
    expect(made.code, made.stderr).toBe(0);
    const found = await grantOf(made.stdout);
    expect(found?.grant).toMatchObject({ scopes: ["read", "write"], eventId });
    expect(tokenRefusal(found!.grant, new Request(`http://x/api/v1/events/${eventId}/invitations`))).toBeNull();
    expect(tokenRefusal(found!.grant, get)).toContain(`only reaches /api/v1/events/${eventId}`);
  }, 120_000);

  it("a bad option: exit 1 with the message and the usage, nothing stored", async () => {
    const bad = await cli("token:create", "--email", email, "--scopes", "admin");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("--scopes must be read, write or read,write");
    expect(bad.stderr).toContain("Usage:");
    expect(bad.stdout).toBe("");
  }, 60_000);
});
