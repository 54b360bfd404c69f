/**
 * Every cell of server/authorization-matrix.ts against the production build, in-process (docs/testing.md).
 * One database for the file; every request runs in a transaction that is rolled back, and a refused request
 * must not have written a row (pg_stat_xact_user_tables: inserts, updates and deletes of the transaction).
 */
import { sql } from "drizzle-orm";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "#db/client.server";
import { apiActors, authorizationMatrix, defaultParams, pageActors, type Cell, type Expect, type Method, type Row } from "./authorization-matrix";
import { createAppHarness, type AppHarness, type HarnessIds } from "./testing/app-harness.server";
import { appRoutes, fillPattern, routeNames, type AppRoute } from "./testing/routes.server";

const routesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "app", "routes");

let app: AppHarness;
let routes: Map<string, AppRoute>;
beforeAll(async () => {
  app = await createAppHarness();
  routes = new Map(appRoutes(app.build, routesDir).map((r) => [r.name, r]));
}, 180_000);
afterAll(() => app?.close());

const isApi = (row: string) => row.startsWith("api.");

function urlFor(name: string, row: Row, cell: Cell, ids: HarnessIds): string {
  const route = routes.get(name);
  if (!route) throw new Error(`no route app/routes/${name}`);
  const values: Record<string, string> = {};
  for (const param of route.pattern.match(/:[A-Za-z0-9_]+|\*/g) ?? []) {
    const key = param === "*" ? "*" : param.slice(1);
    const source = row.params?.[key] ?? defaultParams[key];
    if (!source) throw new Error(`${name}: no value for ${param}; add it to the row's params`);
    const value = source.startsWith("=") ? source.slice(1) : ids[source as keyof HarnessIds];
    if (typeof value !== "string") throw new Error(`${name}: ids.${source} is not a string`);
    values[key] = value;
  }
  if (cell.splat !== undefined) values["*"] = cell.splat;
  const url = fillPattern(route.pattern, values);
  // A form posted to an index route says so (?index), or Remix gives it to the parent layout.
  return name.endsWith("_index") && !isApi(name) ? `${url}?index` : url;
}

function matches(expected: Expect, response: Response): boolean {
  const location = response.headers.get("Location") ?? "";
  const toLogin = response.status >= 300 && response.status < 400 && location.startsWith("/login");
  switch (expected) {
    case "ok":
      return response.status >= 200 && response.status < 300;
    case "redirect":
      return response.status >= 300 && response.status < 400 && !toLogin;
    case "login":
      return toLogin;
    case "invalid":
      return response.status === 400 || response.status === 422;
    default:
      return response.status === expected;
  }
}

const refusal = (expected: Expect) => expected === "login" || expected === 401 || expected === 403 || expected === 404;

/**
 * What the request's transaction wrote: nothing while PostgreSQL has given it no transaction id (every INSERT,
 * UPDATE or DELETE assigns one, in a savepoint too). Only then the tables, from pg_stat_xact_user_tables — on
 * PGlite these counters also hold earlier, rolled-back transactions, so they name suspects, not proof.
 */
async function writesOf(tx: Db): Promise<string[]> {
  const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
  const [xact] = rowsOf<{ xid: string | null }>(await tx.execute(sql`select pg_current_xact_id_if_assigned()::text as xid`));
  if (!xact?.xid) return [];
  const tables = rowsOf<{ relname: string }>(
    await tx.execute(sql`select relname from pg_stat_xact_user_tables where n_tup_ins + n_tup_upd + n_tup_del > 0 order by relname`),
  );
  return [`the database (its transaction got an id; tables with counted writes: ${tables.map((t) => t.relname).join(", ") || "none"})`];
}

function defaultBody(name: string): { type: string; text: string } {
  return isApi(name)
    ? { type: "application/json", text: "[]" }
    : { type: "application/x-www-form-urlencoded", text: "intent=__matrix_invalid__" };
}

describe("the route list", () => {
  it("has a row for every route file and a route file for every row", () => {
    const names = routeNames(routesDir);
    const missing = names.filter((n) => !(n in authorizationMatrix));
    const stale = Object.keys(authorizationMatrix).filter((n) => !names.includes(n));
    expect(
      missing.map((n) => `app/routes/${n} has no row in server/authorization-matrix.ts`),
      "add a row for each new route (docs/testing.md)",
    ).toEqual([]);
    expect(stale.map((n) => `server/authorization-matrix.ts has a row for "${n}", which is not in app/routes`)).toEqual([]);
  });

  it("lists exactly the methods each route answers", async () => {
    const problems: string[] = [];
    for (const [name, row] of Object.entries(authorizationMatrix)) {
      const route = routes.get(name);
      if (!route) continue; // reported above
      const listed = Object.keys(row.methods).sort();
      let answered: string[];
      if (isApi(name) && name !== "api.$") {
        // The API says which methods it takes (handleApi answers OPTIONS with Allow).
        const firstCell = Object.values(row.methods)[0] as Cell;
        const response = await app.fetch(new Request(new URL(urlFor(name, row, firstCell, app.ids), app.origin), { method: "OPTIONS" }), { as: "admin" });
        answered = (response.headers.get("Allow") ?? "").split(",").map((m) => m.trim()).filter((m) => m && m !== "HEAD" && m !== "OPTIONS");
        // The ceremony's one route takes each method on some sub-path: its Allow is per path.
        if (name === "api.v1.events.$eventId.ceremony.$") answered = listed;
      } else {
        answered = [...(route.hasLoader ? ["GET"] : []), ...(route.hasAction ? ["POST"] : [])];
      }
      answered.sort();
      if (listed.join() !== answered.join())
        problems.push(`${name}: the row lists ${listed.join(", ") || "nothing"}, the route answers ${answered.join(", ") || "nothing"}`);
      const actors = isApi(name) ? apiActors : pageActors;
      for (const [method, cell] of Object.entries(row.methods) as [Method, Cell][]) {
        const without = actors.filter((a) => cell.expect[a] === undefined);
        if (without.length) problems.push(`${name} ${method}: no expected answer for ${without.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("every route × method × actor", () => {
  for (const [name, row] of Object.entries(authorizationMatrix)) {
    for (const [method, cell] of Object.entries(row.methods) as [Method, Cell][]) {
      it(`${method} ${name}`, async () => {
        if (!routes.has(name)) return expect.fail(`app/routes/${name} does not exist (see "the route list")`);
        const url = urlFor(name, row, cell, app.ids);
        const wrong: string[] = [];
        for (const [actor, expected] of Object.entries(cell.expect) as [keyof Cell["expect"], Expect][]) {
          const body = method === "GET" ? undefined : (cell.body ?? defaultBody(name));
          const request = new Request(new URL(url, app.origin), {
            method,
            ...(body ? { body: body.text, headers: { "Content-Type": body.type } } : {}),
          });
          let written: string[] = [];
          const response = await app.fetch(request, {
            as: actor,
            rollback: true,
            inspect: async (tx) => {
              if (refusal(expected) && !cell.writes) written = await writesOf(tx);
            },
          });
          if (!matches(expected, response)) {
            const location = response.headers.get("Location");
            wrong.push(`${actor}: expected ${expected}, got ${response.status}${location ? ` → ${location}` : ""}`);
          }
          if (written.length) wrong.push(`${actor}: refused, yet wrote to ${written.join(", ")}`);
        }
        expect(wrong, `${method} ${url}`).toEqual([]);
      });
    }
  }
});

describe("another event's records under this event's address", () => {
  // docs/decisions/025-authorization-matrix.md: 404 for the event's own organizer and for admins, like an
  // unknown id; the request writes nothing.
  const cases: { method: Method; path: (ids: HarnessIds) => string; body?: { type: string; text: string } }[] = [
    { method: "GET", path: (ids) => `/events/${ids.eventId}/attendees/${ids.otherInvitationId}` },
    {
      method: "POST",
      path: (ids) => `/events/${ids.eventId}/attendees/${ids.otherInvitationId}`,
      body: { type: "application/x-www-form-urlencoded", text: "intent=withdraw" },
    },
    { method: "GET", path: (ids) => `/api/v1/events/${ids.eventId}/invitations/${ids.otherInvitationId}` },
    { method: "DELETE", path: (ids) => `/api/v1/events/${ids.eventId}/invitations/${ids.otherInvitationId}` },
    { method: "POST", path: (ids) => `/api/v1/events/${ids.eventId}/invitations/${ids.otherInvitationId}/regenerate-link` },
  ];
  for (const { method, path: pathOf, body } of cases) {
    it(`${method} ${pathOf({ eventId: ":eventId", otherInvitationId: ":otherInvitationId" } as HarnessIds)}`, async () => {
      const wrong: string[] = [];
      for (const actor of ["organizer", "admin"] as const) {
        const request = new Request(new URL(pathOf(app.ids), app.origin), {
          method,
          ...(body ? { body: body.text, headers: { "Content-Type": body.type } } : {}),
        });
        let written: string[] = [];
        const response = await app.fetch(request, { as: actor, rollback: true, inspect: async (tx) => void (written = await writesOf(tx)) });
        if (response.status !== 404) wrong.push(`${actor}: expected 404, got ${response.status}`);
        if (written.length) wrong.push(`${actor}: wrote to ${written.join(", ")}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
