import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { sessions } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { createSession } from "~/services/accounts.server";
import { checkEventPermission, getUser, requireEventPermission } from "./auth.server";
import { sessionCookie } from "./session.server";

/** One page's loaders share what the request looked up; a new request, or a POST, asks the database again. */
describe("lookups per request", () => {
  let database: Database;
  let db: Db;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
  });
  afterAll(() => database.close());

  const contextOf = () => ({ db, cookieSecrets: ["test-secret-0123456789abcdef"], secureCookies: false }) as unknown as AppLoadContext;

  async function requestWithSession(context: AppLoadContext, sessionId: string, method = "GET") {
    const cookie = await sessionCookie(context).serialize(sessionId);
    return new Request("http://localhost/events", { method, headers: { Cookie: cookie.split(";")[0]! } });
  }

  it("a GET looks the session up once for all its loaders; the next request sees a signed-out session", async () => {
    const user = await createUser(db, { name: "Cán bộ" });
    const sessionId = await createSession(db, user.id, { ip: null, userAgent: null });
    const context = contextOf();
    const request = await requestWithSession(context, sessionId);
    expect((await getUser(request, context))?.id).toBe(user.id);
    await db.delete(sessions);
    // The same request (another loader of the same page): the answer it had.
    expect((await getUser(request, context))?.id).toBe(user.id);
    // A new request: signed out.
    const next = contextOf();
    expect(await getUser(await requestWithSession(next, sessionId), next)).toBeNull();
  });

  it("a POST asks every time (its action may sign in or out before its loaders run)", async () => {
    const user = await createUser(db);
    const sessionId = await createSession(db, user.id, { ip: null, userAgent: null });
    const context = contextOf();
    const request = await requestWithSession(context, sessionId, "POST");
    expect((await getUser(request, context))?.id).toBe(user.id);
    await db.delete(sessions);
    expect(await getUser(request, context)).toBeNull();
  });

  it("the event permission is read once per GET and user, and still refused to someone outside the team", async () => {
    const owner = await createUser(db, { role: "organizer" });
    const outsider = await createUser(db, { role: "viewer" });
    const event = await createEvent(db, owner, { title: "Lễ ký kết" });
    const sessionId = await createSession(db, owner.id, { ip: null, userAgent: null });
    const context = contextOf();
    const request = await requestWithSession(context, sessionId);
    const first = await requireEventPermission(request, context, event.id, "event:read");
    const second = await requireEventPermission(request, context, event.id, "event:read");
    expect(second.event).toEqual(first.event);
    const refused = await checkEventPermission(outsider, context, event.id, "attendees:manage", request).catch((e: unknown) => e);
    expect(refused).toMatchObject({ init: { status: 403 } });
  });
});
