/**
 * The whole app in-process, for the request-level suites (server/fuzz.server.test.ts,
 * server/authorization-matrix.server.test.ts): a production `remix build` of this checkout, its request
 * handler called with a load context on the test file's own database (PGlite or PostgreSQL, see db/testing.ts),
 * the demo seed, and one credential per actor.
 *
 * Every request runs inside a transaction that is rolled back afterwards, so a request that writes (by mistake
 * or by right) never changes what the next one sees, and the suite can ask, still inside the transaction,
 * whether the request changed any table.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import * as schema from "#db/schema/index";
import { seedDemo } from "#db/seed";
import { addEventMember } from "~/models/events.server";
import { createApiToken, createSession } from "~/services/accounts.server";
import { createCalendarFeed } from "~/services/calendar.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { fileSystemStorage } from "~/services/storage.server";
import { secretBox } from "~/utils/secret-box.server";
import { sessionCookie } from "~/utils/session.server";
import { invitationCookie } from "~/routes/invitation/invitation-cookie.server";
import { refuseMalformedUrl } from "../request-guards";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Builds this checkout into .builds/<name> (its own directory, so parallel projects never share one). */
export async function buildApp(name: string): Promise<{ build: ServerBuild; remove: () => void }> {
  const out = `.builds/${name}-${process.pid}`;
  const result = spawnSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production", SIGNET_BUILD_DIR: out },
  });
  if (result.status !== 0) throw new Error(`remix build failed:\n${result.stdout}\n${result.stderr}`);
  const build = (await import(/* @vite-ignore */ pathToFileURL(path.join(root, out, "index.js")).href)) as ServerBuild;
  return { build, remove: () => rmSync(path.join(root, out), { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------------------
// Routes, from the build's manifest (which the compiler made from app/routes): a new route is in the list at once.

export interface AppRoute {
  id: string;
  /** The URL pattern, e.g. "/events/:eventId/edit", "/api/*". */
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
  /** A page with a component (rather than a resource route). */
  hasComponent: boolean;
  /** An index route: a form posts to it with ?index (else the parent layout gets the POST). */
  index: boolean;
  isApi: boolean;
}

export function appRoutes(build: ServerBuild): AppRoute[] {
  const out: AppRoute[] = [];
  for (const route of Object.values(build.routes)) {
    if (!route || route.id === "root") continue;
    const segments: string[] = [];
    for (let r: typeof route | undefined = route; r && r.id !== "root"; r = r.parentId ? build.routes[r.parentId] : undefined)
      if (r.path) segments.unshift(r.path);
    const pattern = `/${segments.join("/")}`.replace(/\/+/g, "/");
    const module = route.module as { loader?: unknown; action?: unknown; default?: unknown };
    // Layouts without a loader or action answer nothing themselves (their index child does).
    if (!module.loader && !module.action && !route.index && build.routes && hasChildren(build, route.id)) continue;
    out.push({
      id: route.id.replace(/^routes\//, ""),
      pattern,
      hasLoader: typeof module.loader === "function",
      hasAction: typeof module.action === "function",
      hasComponent: typeof module.default === "function",
      index: route.index === true,
      isApi: pattern.startsWith("/api/"),
    });
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

function hasChildren(build: ServerBuild, id: string) {
  return Object.values(build.routes).some((r) => r?.parentId === id);
}

/** The pattern with its params filled in from `params` (":eventId" → params.eventId, "*" → params["*"]). */
export function fillPattern(pattern: string, params: Record<string, string>): string {
  return pattern
    .split("/")
    .map((segment) => {
      if (segment === "*") return params["*"] ?? "x";
      const optional = segment.endsWith("?");
      const name = segment.replace(/^:/, "").replace(/\?$/, "");
      if (!segment.startsWith(":")) return segment;
      const value = params[name];
      if (value === undefined) {
        if (optional) return "";
        throw new Error(`no value for :${name} in ${pattern}`);
      }
      return encodeURIComponent(value);
    })
    .join("/")
    .replace(/\/+$/, "") || "/";
}

// ---------------------------------------------------------------------------------------------------------------
// The world: the demo seed plus one credential per actor.

export const actors = [
  "anonymous",
  "viewer",
  "organizerOfOther",
  "commsOnTeam",
  "commsOffTeam",
  "organizer",
  "admin",
  "inviteeOfOther",
] as const;
export type ActorName = (typeof actors)[number];

export interface World {
  context: AppLoadContext;
  /** Path params that resolve to the demo ceremony's real records. */
  params: Record<string, string>;
  /** Params that differ for one route (its `:token` is another kind of token). */
  routeParams: Record<string, Record<string, string>>;
  /** Headers that make a request come from the actor (session cookie and bearer token for staff). */
  headersOf: Record<ActorName, Record<string, string>>;
  cleanup: () => void;
}

let ipCounter = 0;

export async function seedWorld(database: Database): Promise<World> {
  const db = database.db;
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), "signet-harness-media-"));
  const storage = fileSystemStorage(mediaDir);
  const context: AppLoadContext = {
    db,
    dbKind: database.kind,
    pingDb: database.ping,
    clientIp: "10.0.0.1",
    cookieSecrets: ["harness-secret"],
    secureCookies: false,
    appUrl: "http://localhost",
    storage,
    secretBox: secretBox("harness-encryption-key-harness-encryption-key"),
  };
  await seedDemo(db, { storage });
  const [demo] = await db
    .select({ id: schema.events.id, createdBy: schema.events.createdBy })
    .from(schema.events)
    .where(eq(schema.events.title, "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020"));
  if (!demo?.createdBy) throw new Error("demo ceremony missing");
  const eventId = demo.id;

  const user = async (role: "admin" | "organizer" | "communications" | "viewer", tag: string) =>
    createUser(db, { role, email: `harness-${tag}@signet.test`, name: `Harness ${tag}` });
  const viewer = await user("viewer", "viewer");
  const organizerOfOther = await user("organizer", "organizer-other");
  const commsOnTeam = await user("communications", "comms-on");
  const commsOffTeam = await user("communications", "comms-off");
  const admin = await user("admin", "admin");
  await addEventMember(db, eventId, commsOnTeam.id, "communications");
  const otherEvent = await createEvent(db, { id: organizerOfOther.id, name: organizerOfOther.name }, { title: "Sự kiện khác" });
  const { invitation: otherInvitation } = await createInvitation(db, { eventId: otherEvent.id });
  const otherToken = await issueInvitationToken(db, otherInvitation.id);

  const staff = async (id: string) => {
    const sessionId = await createSession(db, id, { ip: null, userAgent: null });
    return {
      Cookie: await sessionCookie(context).serialize(sessionId),
      Authorization: `Bearer ${await createApiToken(db, id, "harness")}`,
    };
  };
  const headersOf: Record<ActorName, Record<string, string>> = {
    anonymous: {},
    viewer: await staff(viewer.id),
    organizerOfOther: await staff(organizerOfOther.id),
    commsOnTeam: await staff(commsOnTeam.id),
    commsOffTeam: await staff(commsOffTeam.id),
    organizer: await staff(demo.createdBy),
    admin: await staff(admin.id),
    inviteeOfOther: { Cookie: await invitationCookie(context).serialize(otherToken) },
  };

  // Real ids of the demo ceremony's records, for the path params.
  const first = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new Error(`the demo seed has no ${what}`);
    return row;
  };
  const invitation = await first(
    db.select({ id: schema.invitations.id }).from(schema.invitations).where(eq(schema.invitations.eventId, eventId)).limit(1),
    "invitation",
  );
  const photo = await first(
    db.select({ id: schema.photos.id }).from(schema.photos).where(eq(schema.photos.eventId, eventId)).limit(1),
    "photo",
  );
  const summary = await first(
    db
      .select({ id: schema.pressSummaries.id, slug: schema.pressSummaries.slug })
      .from(schema.pressSummaries)
      .where(eq(schema.pressSummaries.eventId, eventId))
      .limit(1),
    "press summary",
  );
  const agendaItem = await first(
    db.select({ id: schema.agendaItems.id }).from(schema.agendaItems).where(eq(schema.agendaItems.eventId, eventId)).limit(1),
    "agenda item",
  );
  const dignitary = await first(
    db.select({ id: schema.dignitaries.id }).from(schema.dignitaries).where(eq(schema.dignitaries.eventId, eventId)).limit(1),
    "dignitary",
  );
  const organization = await first(db.select({ id: schema.organizations.id }).from(schema.organizations).limit(1), "organization");
  const person = await first(db.select({ id: schema.people.id }).from(schema.people).limit(1), "person");
  const invitationToken = await issueInvitationToken(db, invitation.id);
  const feed = await createCalendarFeed(db, { id: viewer.id, name: viewer.name });
  const params: Record<string, string> = {
    eventId,
    invitationId: invitation.id,
    photoId: photo.id,
    summaryId: summary.id,
    slug: summary.slug ?? "no-slug",
    version: "1",
    itemId: agendaItem.id,
    dignitaryId: dignitary.id,
    organizationId: organization.id,
    personId: person.id,
    messageId: "00000000-0000-4000-8000-000000000000",
    token: invitationToken,
    section: "overview",
    revision: "r1",
    file: "web.jpg",
    "*": "sides",
  };
  const routeParams = { "calendar.$token": { token: feed.token } };
  return { context, params, routeParams, headersOf, cleanup: () => rmSync(mediaDir, { recursive: true, force: true }) };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

class RolledBack extends Error {
  constructor(readonly result: { response: Response; body: string; changed: string[] }) {
    super("rolled back");
  }
}

export interface Answer {
  status: number;
  headers: Headers;
  body: string;
  /** Tables whose rows the request changed (compared inside its transaction, before the rollback). */
  changed: string[];
}

/** Tables a refused request may still touch: the sign-in bookkeeping. */
const bookkeeping = new Set(["sessions", "login_failures", "password_reset_requests", "login_challenges", "api_tokens"]);

export function appHandler(build: ServerBuild) {
  const handle = createRequestHandler(build, "production");
  let before: Map<string, string> | null = null;
  return async function send(world: World, request: Request, options: { checkData?: boolean } = {}): Promise<Answer> {
    if (options.checkData) before ??= await tableChecksums(world.context.db);
    const baseline = before;
    ipCounter += 1;
    try {
      await world.context.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const context = { ...world.context, db, clientIp: `10.9.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}` };
        const response = (await refuseMalformedUrl(request)) ?? (await handle(request, context));
        const body = await response.text();
        let changed: string[] = [];
        if (options.checkData && baseline) {
          const after = await tableChecksums(db);
          changed = [...after].filter(([table, sum]) => baseline.get(table) !== sum && !bookkeeping.has(table)).map(([t]) => t);
        }
        throw new RolledBack({ response, body, changed });
      });
    } catch (error) {
      if (error instanceof RolledBack) {
        const { response, body, changed } = error.result;
        return { status: response.status, headers: response.headers, body, changed };
      }
      throw error;
    }
    throw new Error("unreachable");
  };
}

/** One checksum per table: its row count and the sum of hashes of its rows. */
export async function tableChecksums(db: Db): Promise<Map<string, string>> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = rowsOf<{ table_name: string }>(tables).map((r) => r.table_name);
  const parts = names.map(
    (name) => sql`select ${name}::text as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as s from ${sql.identifier(name)} x`,
  );
  const result = await db.execute<{ t: string; s: string }>(sql.join(parts, sql` union all `));
  return new Map(rowsOf<{ t: string; s: string }>(result).map((r) => [r.t, r.s]));
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

export const BASE = "http://localhost";

/** A same-origin request as a browser or an API client would send it. */
export function makeRequest(
  method: string,
  url: string,
  init: { headers?: Record<string, string>; body?: BodyInit | null } = {},
): Request {
  const headers = new Headers({ Host: "localhost", Origin: BASE, ...init.headers });
  const hasBody = method !== "GET" && method !== "HEAD" && init.body !== undefined && init.body !== null;
  return new Request(url.startsWith("http") ? url : `${BASE}${url}`, {
    method,
    headers,
    body: hasBody ? init.body : undefined,
    redirect: "manual",
  });
}
