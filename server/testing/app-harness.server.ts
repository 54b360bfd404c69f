/**
 * The whole app in-process, for tests that speak HTTP to it without a port: the production build
 * (`remix build`, made here when missing or older than the sources) behind @remix-run/node's request handler,
 * one seeded test database (db/testing.ts: PGlite or the postgres project's server), and staff and invitees
 * who are already signed in.
 *
 *   const app = await createAppHarness();
 *   const res = await app.fetch("/events/" + app.ids.eventId, { as: "viewer" });
 *   await app.close();
 *
 * Actors are created once (one scrypt hash shared by every account, sessions inserted directly rather than
 * through the throttled login form). `fetch` adds the actor's credentials: the session cookie on pages, the
 * bearer token on /api/…, the personal-link cookie for invitees. With `rollback: true` the request runs in a
 * database transaction that is rolled back afterwards (the body is read inside it), so a test can send many
 * mutating requests to one database; `inspect` then sees the transaction before the rollback.
 *
 * Requests first pass the same pre-Remix guards as server/index.ts (server/request-guards.ts: a malformed
 * address is answered 400 there). The rest of what the Express server adds in front of Remix (security headers,
 * the cross-origin refusal, compression, static files) is not here.
 *
 * Used by the authorization matrix (server/authorization-matrix.server.test.ts, every actor) and the bad-input
 * fuzz suite (server/bad-input.server.test.ts: admin, organizer, anonymous). Only for *.server.test.ts files
 * (the pglite and postgres vitest projects).
 */
import { mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { createRequestHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation } from "#db/factories";
import { seedDemo } from "#db/seed";
import { SEED_EVENT_UID } from "#db/seed-ids";
import {
  agendaItems,
  apiTokens,
  dignitaries,
  events,
  invitations,
  mailMessages,
  organizations,
  passwordResetTokens,
  photos,
  pressSummaries,
  sessions,
  users,
} from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { addEventMember } from "~/models/events.server";
import { findUserByEmail, insertUser } from "~/models/users.server";
import { insertEndpoint, insertMessageWithDeliveries } from "~/models/webhooks.server";
import { createApiToken, createSession } from "~/services/accounts.server";
import { createCalendarFeed } from "~/services/calendar.server";
import { issueInvitationToken } from "~/services/invitation-links.server";
import { fileSystemStorage } from "~/services/storage.server";
import { hashPassword, randomToken, sha256 } from "~/utils/crypto.server";
import { secretBox } from "~/utils/secret-box.server";
import { sessionCookie } from "~/utils/session.server";
import { invitationCookie } from "~/components/invitation/invitation-cookie.server";
import { buildDirectories, ensureBuild } from "../build";
import { guardRequest } from "../request-guards";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Who sends a request. Staff sign in with a session (pages) and a token of both scopes (API). */
export const actors = [
  "anonymous",
  "viewer",
  /** Organizer (global role) who owns another event and has no place on the event under test. */
  "otherOrganizer",
  /** Communications staff on the event's team (member role communications). */
  "commsOnTeam",
  /** Communications staff not on the event's team. */
  "commsOffTeam",
  /** The organizer who owns the event under test. */
  "organizer",
  "admin",
  /** Not staff: holds the personal-link cookie of an invitation to another event. */
  "otherInvitee",
  /** The event's organizer through a token with the "read" scope only (API). */
  "readToken",
  /** The event's organizer through a token limited to the other event (API). */
  "otherEventToken",
] as const;
export type ActorName = (typeof actors)[number];

export const PASSWORD = "matrix-password-1";

export interface HarnessIds {
  /** The event under test (the demo ceremony): owned by `organizer`, `commsOnTeam` on its team. */
  eventId: string;
  /** Owned by `otherOrganizer`; `otherInvitee` is invited to it. */
  otherEventId: string;
  invitationId: string;
  /** The personal link token of `invitationId` (for /i/<token>). */
  invitationToken: string;
  otherInvitationId: string;
  otherInvitationToken: string;
  personId: string;
  otherPersonId: string;
  dignitaryId: string;
  agendaItemId: string;
  photoId: string;
  photoRevision: string;
  photoFile: string;
  summaryId: string;
  summarySlug: string;
  summaryVersion: string;
  organizationId: string;
  /** A webhook endpoint of the event under test, with one delivery. */
  webhookId: string;
  deliveryId: string;
  /** An endpoint for every event (administrators only). */
  globalWebhookId: string;
  mailMessageId: string;
  /** The organizer's calendar feed token (/calendar/<token>). */
  calendarToken: string;
  /** A password reset link token of the viewer (/reset-password/<token>). */
  resetToken: string;
  /** Account ids of the staff actors. */
  users: Record<"viewer" | "otherOrganizer" | "commsOnTeam" | "commsOffTeam" | "organizer" | "admin", string>;
  /** A well-formed id that exists nowhere. */
  missingId: string;
}

export interface FetchOptions {
  as?: ActorName;
  /** Which credentials to send; default: the token on /api/…, the cookies elsewhere. */
  via?: "cookie" | "token" | "both";
  /** Run the request in a transaction that is rolled back afterwards (the body is buffered inside it). */
  rollback?: boolean;
  /** With rollback: called with the transaction after the response, before the rollback. */
  inspect?: (tx: Db, response: Response) => Promise<void>;
}

export interface AppHarness {
  fetch(request: Request | string, options?: FetchOptions): Promise<Response>;
  db: Db;
  kind: Database["kind"];
  ids: HarnessIds;
  /** The loaded production build (its route manifest: server/testing/routes.server.ts). */
  build: ServerBuild;
  /** An absolute URL on the harness's origin ("/events?q=x" → "http://signet.test/events?q=x"). */
  url(pathAndQuery: string): string;
  /** The emails of the staff actors (their password is PASSWORD). */
  emails: Record<keyof HarnessIds["users"], string>;
  origin: string;
  close(): Promise<void>;
}

export const ORIGIN = "http://signet.test";

// ---------------------------------------------------------------------------------------------------
// The build: `remix build` into build/ (SIGNET_BUILD_DIR moves it), the same one the browser tests use; made
// only when missing or older than the sources, and by one process at a time: the pglite and postgres projects
// of `npm test` run the same files at once, and a lock directory under .cache/ keeps them from building together.

async function loadBuild(): Promise<ServerBuild> {
  const serverDir = buildDirectories(root).server;
  const lock = path.join(root, ".cache", `${path.relative(root, serverDir).replace(/[\\/]/g, "_") || "build"}.build-lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another run builds; a lock older than five minutes was left by a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone meanwhile */
      }
      if (waited > 180_000) throw new Error(`waited 3 minutes for ${lock}`);
      await sleep(200);
    }
  }
  let file: string;
  try {
    const log = console.log;
    // ensureBuild says "Building Signet…": not for the test output.
    console.log = () => {};
    try {
      file = ensureBuild(root);
    } finally {
      console.log = log;
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ServerBuild;
}

// ---------------------------------------------------------------------------------------------------

export async function createAppHarness(): Promise<AppHarness> {
  const [build, database] = await Promise.all([loadBuild(), testDatabase()]);
  const db = database.db;
  const media = mkdtempSync(path.join(os.tmpdir(), "signet-harness-"));
  const storage = fileSystemStorage(media);
  const box = secretBox(randomToken(32));
  const cookieSecrets = [randomToken(16)];

  // The demo ceremony: organizations, its organizer (owner) and communications member, dignitaries, agenda,
  // photos, a published press summary.
  await seedDemo(db, { storage });
  const passwordHash = await hashPassword(PASSWORD);
  const seeded = async (email: string) => {
    const user = await findUserByEmail(db, email);
    if (!user) throw new Error(`seed account ${email} missing`);
    await db.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    return user;
  };
  const addStaff = (email: string, name: string, role: "viewer" | "organizer" | "communications") =>
    insertUser(db, { email, name, role, passwordHash });
  const admin = await seeded("admin@signet.local");
  const organizer = await seeded("tochuc@signet.local");
  const commsOnTeam = await seeded("danganh@signet.local");
  const viewer = await addStaff("viewer@signet.test", "Người xem", "viewer");
  const otherOrganizer = await addStaff("other-organizer@signet.test", "Tổ chức sự kiện khác", "organizer");
  const commsOffTeam = await addStaff("comms-off@signet.test", "Truyền thông ngoài nhóm", "communications");
  const staff = { viewer, otherOrganizer, commsOnTeam, commsOffTeam, organizer, admin };

  const [event] = await db.select({ id: events.id }).from(events).where(eq(events.calendarUid, SEED_EVENT_UID));
  if (!event) throw new Error("demo event missing");
  const eventId = event.id;
  const other = await createEvent(db, { id: otherOrganizer.id, name: otherOrganizer.name }, { title: "Hội nghị khác" });
  // commsOnTeam is on the demo event's team already (seedDemo); the other event has its own.
  await addEventMember(db, other.id, commsOffTeam.id, "communications");

  const first = async <T>(rows: Promise<T[]>, what: string): Promise<T> => {
    const [row] = await rows;
    if (!row) throw new Error(`harness: no ${what} in the seed`);
    return row;
  };
  const invitation = await first(
    db.select({ id: invitations.id, personId: invitations.personId }).from(invitations).where(eq(invitations.eventId, eventId)).orderBy(asc(invitations.createdAt)).limit(1),
    "invitation",
  );
  const invitationToken = await issueInvitationToken(db, invitation.id);
  const otherInvitation = await createInvitation(db, { eventId: other.id, status: "sent" });
  const otherInvitationToken = await issueInvitationToken(db, otherInvitation.invitation.id);
  const dignitary = await first(db.select({ id: dignitaries.id }).from(dignitaries).where(eq(dignitaries.eventId, eventId)).limit(1), "dignitary");
  const agendaItem = await first(db.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.eventId, eventId)).limit(1), "agenda item");
  const photo = await first(
    db.select({ id: photos.id, revision: photos.revision }).from(photos).where(eq(photos.eventId, eventId)).limit(1),
    "photo (seedDemo with storage)",
  );
  const summary = await first(
    db
      .select({ id: pressSummaries.id, slug: pressSummaries.slug, version: pressSummaries.version })
      .from(pressSummaries)
      .where(and(eq(pressSummaries.eventId, eventId), eq(pressSummaries.status, "published"))),
    "published press summary",
  );
  const organization = await first(db.select({ id: organizations.id }).from(organizations).limit(1), "organization");

  const webhookId = crypto.randomUUID();
  await insertEndpoint(db, {
    id: webhookId,
    url: "https://hooks.example.com/signet",
    description: "matrix",
    eventTypes: ["invitation.responded"],
    eventId,
    ownerId: organizer.id,
    includePersonalData: false,
    secretSealed: box.seal("whsec_matrix", `webhook:${webhookId}`),
  });
  const globalWebhookId = crypto.randomUUID();
  await insertEndpoint(db, {
    id: globalWebhookId,
    url: "https://hooks.example.com/all",
    description: "matrix, every event",
    eventTypes: ["invitation.responded"],
    eventId: null,
    ownerId: admin.id,
    includePersonalData: false,
    secretSealed: box.seal("whsec_matrix_all", `webhook:${globalWebhookId}`),
  });
  const webhookMessageId = await insertMessageWithDeliveries(
    db,
    { type: "invitation.responded", eventId, data: { eventId }, personalData: null, occurredAt: new Date() },
    [webhookId],
  );
  const delivery = await first(
    db.execute<{ id: string }>(sql`select id from webhook_deliveries where message_id = ${webhookMessageId}`).then(rowsOf<{ id: string }>),
    "webhook delivery",
  );

  const mail = await first(
    db
      .insert(mailMessages)
      .values({ idempotencyKey: `matrix:${randomToken(8)}`, kind: "other", to: "khach@signet.test", subject: "Thư thử", text: "Nội dung", html: "<p>Nội dung</p>", status: "sent", deliveredVia: "mailbox" })
      .returning({ id: mailMessages.id }),
    "mail message",
  );
  const calendar = await createCalendarFeed(db, { id: organizer.id, name: organizer.name });
  const resetToken = randomToken(32);
  await db.insert(passwordResetTokens).values({ userId: viewer.id, tokenHash: sha256(resetToken), expiresAt: new Date(Date.now() + 3_600_000) });

  // Credentials. Sessions are inserted as the login would (createSession); lastSeenAt slightly ahead, so that a
  // long run never "touches" them (an UPDATE a test of "nothing written" would otherwise see).
  const ahead = new Date(Date.now() + 10 * 60_000);
  const context = (dbForRequest: Db): AppLoadContext => ({
    db: dbForRequest,
    dbKind: database.kind,
    // Through the request's own connection: inside a rollback transaction the pool's other connection (PGlite
    // has one) would wait for the transaction to end.
    pingDb: async () => {
      await dbForRequest.execute(sql`select 1`);
    },
    clientIp: "203.0.113.7",
    cookieSecrets,
    secureCookies: false,
    appUrl: ORIGIN,
    storage,
    secretBox: box,
    cspNonce: "harness-nonce",
  });
  const cookieContext = context(db);
  const credentials = new Map<ActorName, { cookie?: string; token?: string }>();
  for (const [name, user] of Object.entries(staff) as [keyof typeof staff, { id: string }][]) {
    const sessionId = await createSession(db, user.id, { ip: "203.0.113.7", userAgent: "harness" }, ahead);
    const token = await createApiToken(db, user.id, "harness");
    credentials.set(name, { cookie: await sessionCookie(cookieContext).serialize(sessionId), token });
  }
  credentials.set("readToken", { token: await createApiToken(db, organizer.id, "harness read", { scopes: ["read"] }) });
  credentials.set("otherEventToken", { token: await createApiToken(db, organizer.id, "harness other event", { eventId: other.id }) });
  credentials.set("otherInvitee", { cookie: await invitationCookie(cookieContext).serialize(otherInvitationToken) });
  credentials.set("anonymous", {});
  // Tokens are touched (lastUsedAt) at most once a minute: mark them used in the future for the same reason.
  await db.update(apiTokens).set({ lastUsedAt: ahead });
  await db.update(sessions).set({ lastSeenAt: ahead });

  const handler = createRequestHandler(build, "production");

  const prepare = (input: Request | string, options: FetchOptions): Request => {
    const request = typeof input === "string" ? new Request(new URL(input, ORIGIN)) : input;
    const actor = options.as ?? "anonymous";
    const creds = credentials.get(actor);
    if (!creds) throw new Error(`harness: unknown actor "${actor}"`);
    const api = new URL(request.url).pathname.startsWith("/api/");
    const via = options.via ?? (api ? "token" : "cookie");
    const headers = new Headers(request.headers);
    if (creds.cookie && via !== "token") {
      const jar = [headers.get("Cookie"), creds.cookie.split(";")[0]].filter(Boolean).join("; ");
      headers.set("Cookie", jar);
    }
    if (creds.token && via !== "cookie") headers.set("Authorization", `Bearer ${creds.token}`);
    return new Request(request, { headers });
  };

  const buffered = async (response: Response): Promise<Response> => {
    const type = response.headers.get("Content-Type") ?? "";
    // A live stream (Server-Sent Events) never ends: its status and headers are the answer.
    if (type.startsWith("text/event-stream")) {
      await response.body?.cancel();
      return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    }
    const body = response.body && response.status !== 204 && response.status !== 304 ? await response.arrayBuffer() : null;
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  class Rollback extends Error {}

  return {
    db,
    kind: database.kind,
    build,
    origin: ORIGIN,
    url: (pathAndQuery) => new URL(pathAndQuery, ORIGIN).toString(),
    emails: Object.fromEntries(Object.entries(staff).map(([k, u]) => [k, u.email])) as AppHarness["emails"],
    ids: {
      eventId,
      otherEventId: other.id,
      invitationId: invitation.id,
      invitationToken,
      otherInvitationId: otherInvitation.invitation.id,
      otherInvitationToken,
      personId: invitation.personId,
      otherPersonId: otherInvitation.person.id,
      dignitaryId: dignitary.id,
      agendaItemId: agendaItem.id,
      photoId: photo.id,
      photoRevision: photo.revision,
      photoFile: "web.jpg",
      summaryId: summary.id,
      summarySlug: summary.slug,
      summaryVersion: String(summary.version),
      organizationId: organization.id,
      webhookId,
      deliveryId: delivery.id,
      globalWebhookId,
      mailMessageId: mail.id,
      calendarToken: calendar.token,
      resetToken,
      users: Object.fromEntries(Object.entries(staff).map(([k, u]) => [k, u.id])) as HarnessIds["users"],
      missingId: "00000000-0000-4000-8000-000000000000",
    },
    async fetch(input, options = {}) {
      const request = prepare(input, options);
      const refused = guardRequest(request);
      if (refused) return buffered(refused);
      if (!options.rollback) return buffered(await handler(request, context(db)));
      let result: Response | undefined;
      try {
        await db.transaction(async (tx) => {
          result = await buffered(await handler(request, context(tx as unknown as Db)));
          if (options.inspect) await options.inspect(tx as unknown as Db, result.clone());
          throw new Rollback();
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
      if (!result) throw new Error("harness: no response");
      return result;
    },
    async close() {
      await database.close();
      rmSync(media, { recursive: true, force: true });
    },
  };
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
