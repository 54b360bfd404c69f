/**
 * The whole app in-process for integration tests: the production Remix build (built once into
 * .cache/app-harness-build, rebuilt only when a source is newer), Remix's own request handler, a fresh test
 * database (db/testing.ts: PGlite or the TEST_DATABASE_URL server) with the demo seed, and one signed-in
 * account per role.
 *
 *   const app = await createAppHarness();
 *   const response = await app.fetch(new Request(app.url("/events")), { as: "organizer" });
 *   …
 *   await app.close();
 *
 * `as` signs the request in: a session cookie for pages and forms, a bearer token for /api/*; "anonymous"
 * sends neither. Requests go through the same pre-Remix guards as server/index.ts (server/request-guards.ts).
 * Only for *.server.test.ts files (the pglite and postgres vitest projects).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { sql, type SQL } from "drizzle-orm";
import type { Database, Db } from "#db/client.server";
import { createUser } from "#db/factories";
import { seedDemo } from "#db/seed";
import { SEED_EVENT_UID, SEED_TRIPARTITE_UID } from "#db/seed-ids";
import { testDatabase } from "#db/testing";
import { addEventMember } from "~/models/events.server";
import { insertInvitationToken } from "~/models/invitation-tokens.server";
import { rowsOf } from "~/models/people.server";
import { createApiToken, createSession } from "~/services/accounts.server";
import { fileSystemStorage } from "~/services/storage.server";
import { randomToken, sha256 } from "~/utils/crypto.server";
import { secretBox } from "~/utils/secret-box.server";
import { sessionCookie } from "~/utils/session.server";
import "~/utils/context.server";
import { ensureBuild } from "../build";
import { guardRequest } from "../request-guards";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export type Role = "admin" | "organizer" | "anonymous";
export const roles: readonly Role[] = ["admin", "organizer", "anonymous"];

/** Real ids from the seeded database, to fill route params. */
export interface HarnessIds {
  eventId: string;
  /** The second seeded event (the tripartite ceremony). */
  otherEventId: string;
  invitationId: string;
  dignitaryId: string;
  agendaItemId: string;
  photoId: string;
  photoRevision: string;
  summaryId: string;
  summarySlug: string;
  summaryVersion: string;
  organizationId: string;
  personId: string;
  userId: string;
  messageId: string;
  webhookId: string;
  deliveryId: string;
  /** A raw personal invitation link token (/i/<token>). */
  invitationToken: string;
  /** A well-formed id that exists nowhere. */
  missingId: string;
}

export interface AppHarness {
  /** Sends one request to the Remix handler, signed in `as` the given role (default anonymous). */
  fetch(request: Request, options?: { as?: Role }): Promise<Response>;
  /** An absolute URL on the harness's origin. */
  url(pathAndQuery: string): string;
  origin: string;
  /** The loaded production build (its routes, for tests that check the route list). */
  build: ServerBuild;
  db: Db;
  database: Database;
  ids: HarnessIds;
  close(): Promise<void>;
}

const BUILD_DIR = ".cache/app-harness-build";

/**
 * `remix build` into .cache/app-harness-build unless it is up to date; a lock directory keeps two vitest workers
 * (the pglite and postgres projects run the same file at once) from building into it together.
 */
export function ensureHarnessBuild(): string {
  const lock = path.join(root, ".cache", "app-harness-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`app harness: waited 3 minutes for ${lock}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  const previous = process.env.SIGNET_BUILD_DIR;
  process.env.SIGNET_BUILD_DIR = BUILD_DIR;
  try {
    return ensureBuild(root);
  } finally {
    if (previous === undefined) delete process.env.SIGNET_BUILD_DIR;
    else process.env.SIGNET_BUILD_DIR = previous;
    rmSync(lock, { recursive: true, force: true });
  }
}

let buildPromise: Promise<ServerBuild> | undefined;
function loadBuild(): Promise<ServerBuild> {
  buildPromise ??= (async () => {
    const file = ensureHarnessBuild();
    return (await import(/* @vite-ignore */ `${pathToFileURL(file).href}?t=${statSync(file).mtimeMs}`)) as ServerBuild;
  })();
  return buildPromise;
}

/** The first row's text column "v" of a query, or null. */
async function one(db: Db, query: SQL): Promise<string | null> {
  const row = rowsOf<{ v: unknown }>(await db.execute(query))[0];
  return row?.v === undefined || row.v === null ? null : String(row.v);
}

export async function createAppHarness(options: { seed?: boolean } = {}): Promise<AppHarness> {
  const [build, database] = await Promise.all([loadBuild(), testDatabase()]);
  const db = database.db;
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), "signet-harness-media-"));
  const storage = fileSystemStorage(mediaDir);
  if (options.seed !== false) await seedDemo(db, { storage });

  const origin = "http://localhost:3999";
  const context: AppLoadContext = {
    db,
    dbKind: database.kind,
    pingDb: database.ping,
    clientIp: "127.0.0.1",
    cookieSecrets: ["app-harness-secret"],
    secureCookies: false,
    appUrl: origin,
    storage,
    secretBox: secretBox(randomToken(32)),
  };
  const handler = createRequestHandler(build, "production");

  const admin = await createUser(db, { role: "admin", email: "harness-admin@signet.test", name: "Harness admin" });
  const organizer = await createUser(db, {
    role: "organizer",
    email: "harness-organizer@signet.test",
    name: "Harness organizer",
  });
  const credentials: Record<Exclude<Role, "anonymous">, { cookie: string; token: string }> = {
    admin: { cookie: "", token: "" },
    organizer: { cookie: "", token: "" },
  };
  for (const [role, user] of [
    ["admin", admin],
    ["organizer", organizer],
  ] as const) {
    const sessionId = await createSession(db, user.id, { ip: "127.0.0.1", userAgent: "app-harness" });
    const cookie = (await sessionCookie(context).serialize(sessionId)).split(";")[0] ?? "";
    credentials[role] = { cookie, token: await createApiToken(db, user.id, "app-harness") };
  }

  const ids = await collectIds(db, options.seed !== false);
  if (options.seed !== false) {
    await insertInvitationToken(db, ids.invitationId, sha256(ids.invitationToken));
    // The organizer is on the seeded event's team (so its forms get past the permission check).
    await addEventMember(db, ids.eventId, organizer.id, "organizer");
  }

  return {
    origin,
    build,
    db,
    database,
    ids,
    url: (p) => new URL(p, origin).toString(),
    async fetch(request, { as = "anonymous" } = {}) {
      const headers = new Headers(request.headers);
      if (as !== "anonymous") {
        const { cookie, token } = credentials[as];
        if (new URL(request.url).pathname.startsWith("/api/")) {
          if (!headers.has("Authorization")) headers.set("Authorization", `Bearer ${token}`);
        } else headers.set("Cookie", [cookie, headers.get("Cookie")].filter(Boolean).join("; "));
      }
      const init: RequestInit & { duplex?: "half" } = { method: request.method, headers, redirect: "manual" };
      if (request.body) {
        init.body = request.body;
        init.duplex = "half";
      }
      const signed = new Request(request.url, init);
      const refused = guardRequest(signed);
      if (refused) return refused;
      return handler(signed, { ...context, cspNonce: randomToken(16) });
    },
    async close() {
      await database.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

async function collectIds(db: Db, seeded: boolean): Promise<HarnessIds> {
  const missingId = "00000000-0000-4000-8000-000000000000";
  const ids: HarnessIds = {
    eventId: missingId,
    otherEventId: missingId,
    invitationId: missingId,
    dignitaryId: missingId,
    agendaItemId: missingId,
    photoId: missingId,
    photoRevision: "1",
    summaryId: missingId,
    summarySlug: "missing",
    summaryVersion: "1",
    organizationId: missingId,
    personId: missingId,
    userId: missingId,
    messageId: missingId,
    webhookId: missingId,
    deliveryId: missingId,
    invitationToken: randomToken(24),
    missingId,
  };
  if (!seeded) return ids;
  const event = await one(db, sql`select id as v from events where calendar_uid = ${SEED_EVENT_UID}`);
  if (!event) throw new Error("app harness: the seed has no event");
  ids.eventId = event;
  ids.otherEventId = (await one(db, sql`select id as v from events where calendar_uid = ${SEED_TRIPARTITE_UID}`)) ?? missingId;
  const inEvent = (table: string) =>
    one(db, sql`select id as v from ${sql.identifier(table)} where event_id = ${event} order by id limit 1`);
  ids.invitationId = (await inEvent("invitations")) ?? missingId;
  ids.dignitaryId = (await inEvent("dignitaries")) ?? missingId;
  ids.agendaItemId = (await inEvent("agenda_items")) ?? missingId;
  ids.photoId = (await inEvent("photos")) ?? missingId;
  ids.photoRevision = (await one(db, sql`select revision as v from photos where id = ${ids.photoId}`)) ?? "1";
  ids.summaryId = (await inEvent("press_summaries")) ?? missingId;
  ids.summarySlug = (await one(db, sql`select slug as v from press_summaries where id = ${ids.summaryId}`)) ?? "missing";
  ids.summaryVersion =
    (await one(db, sql`select max(version) as v from press_summary_versions where summary_id = ${ids.summaryId}`)) ?? "1";
  ids.organizationId = (await one(db, sql`select id as v from organizations order by id limit 1`)) ?? missingId;
  ids.personId = (await one(db, sql`select id as v from people order by id limit 1`)) ?? missingId;
  ids.userId = (await one(db, sql`select id as v from users order by created_at limit 1`)) ?? missingId;
  ids.messageId = (await one(db, sql`select id as v from mail_messages order by id limit 1`)) ?? missingId;
  ids.webhookId = (await one(db, sql`select id as v from webhook_endpoints order by id limit 1`)) ?? missingId;
  ids.deliveryId = (await one(db, sql`select id as v from webhook_deliveries order by id limit 1`)) ?? missingId;
  return ids;
}
