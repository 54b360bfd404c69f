import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { testDatabase } from "#db/testing";
import { sessionCookie } from "~/utils/session.server";
import { createSession, destroySession } from "./accounts.server";
import { checkApiEventPermission } from "./api-auth.server";
import { checkEventPermission, getUser, requireEventPermission } from "./auth.server";

let database: Database;
let db: Db;
let queries = 0;
let base: AppLoadContext;
/** A load context per HTTP request, as server/index.ts makes one. */
let context: AppLoadContext;
const nextRequest = () => (context = { ...base });
let cookie: string;
let sessionId: string;
let eventId: string;

/** The database as the app sees it, counting the statements it starts (select/insert/update/delete/execute). */
function counting(inner: Db): Db {
  return new Proxy(inner, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      if (["select", "insert", "update", "delete", "execute"].includes(String(property)))
        return (...args: unknown[]) => {
          queries += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      return value.bind(target);
    },
  });
}

const page = (method = "GET") => (nextRequest(), new Request("http://localhost/events/x", { method, headers: { Cookie: cookie } }));

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  const user = await createUser(db, { role: "organizer", email: "memo@signet.test" });
  const event = await createEvent(db, user);
  eventId = event.id;
  // lastSeenAt in the future: no "touch" UPDATE to count.
  sessionId = await createSession(db, user.id, { ip: "127.0.0.1", userAgent: "test" }, new Date(Date.now() + 60_000));
  base = { db: counting(db), cookieSecrets: ["secret"], secureCookies: false } as unknown as AppLoadContext;
  cookie = (await sessionCookie(base).serialize(sessionId)).split(";")[0]!;
});
afterAll(() => database.close());

describe("one lookup per page", () => {
  it("a reading request looks the session up once, however many loaders ask", async () => {
    const request = page();
    queries = 0;
    const [a, b, c] = await Promise.all([getUser(request, context), getUser(request, context), getUser(request, context)]);
    expect(a?.email).toBe("memo@signet.test");
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(queries).toBe(1);
    // A new request asks again.
    await getUser(page(), context);
    expect(queries).toBe(2);
  });

  it("a reading request loads each event's access once (the layout's loader and the page's)", async () => {
    const request = page();
    queries = 0;
    const layout = await requireEventPermission(request, context, eventId, "event:read");
    const leaf = await requireEventPermission(request, context, eventId, "event:update");
    expect(layout.event.id).toBe(eventId);
    expect(leaf.memberRole).toBe(layout.memberRole);
    expect(queries).toBe(3); // the session, the event's owner, the team role
  });

  it("an action's request never reuses an answer (it may have signed out), and its loaders look up afresh", async () => {
    const request = page("POST");
    queries = 0;
    await getUser(request, context);
    await getUser(request, context);
    expect(queries).toBe(2);
    // The loaders after an action in the same HTTP request: Remix gives them a GET copy, with the same context.
    const after = new Request(request.url, { headers: request.headers });
    await getUser(after, context);
    await getUser(after, context);
    expect(queries).toBe(3);
  });

  it("a session ended between two requests is seen by the next one", async () => {
    const before = page();
    const user = await getUser(before, context);
    expect(user).not.toBeNull();
    const other = await createSession(db, user!.id, { ip: "127.0.0.1", userAgent: "t" }, new Date(Date.now() + 60_000));
    await destroySession(db, sessionId);
    expect(await getUser(page(), context)).toBeNull();
    sessionId = other;
    cookie = (await sessionCookie(base).serialize(other)).split(";")[0]!;
    expect(await getUser(page(), context)).not.toBeNull();
  });
});

describe("someone outside the event's team", () => {
  it("is told on a page who can add them; the API's 403 (which has no such list) does not look them up", async () => {
    const stranger = await createUser(db, { role: "organizer", email: "stranger@signet.test" });
    nextRequest();
    queries = 0;
    type Thrown = { data: { code: string; teamManagers?: { email: string }[] }; init: { status: number } };
    const page = (await checkEventPermission(stranger, context, eventId, "event:update").catch((e: unknown) => e)) as Thrown;
    expect(page.init.status).toBe(403);
    expect(page.data.teamManagers?.map((m) => m.email)).toContain("memo@signet.test");
    expect(queries).toBe(3); // the event's owner, the team role, the team's managers

    nextRequest();
    queries = 0;
    const api = (await checkApiEventPermission(stranger, context, eventId, "event:update").catch((e: unknown) => e)) as Thrown;
    expect(api.init.status).toBe(403);
    expect(api.data).toEqual({ code: "forbidden" });
    expect(queries).toBe(2); // the event's owner, the team role
  });
});
