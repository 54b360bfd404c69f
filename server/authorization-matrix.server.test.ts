/**
 * The authorization matrix: every route of the build (from app/routes, through the compiler's manifest) × every
 * method it answers × every actor, against the answer expected in one table (server/authorization-matrix.ts).
 * A route without a row fails, and so does a row for a route that no longer exists. Each request carries an
 * empty but well-formed body (an empty form, `{}` for the API), so an actor who may not act must get 401/403/302
 * — never the 422 of a validation that ran first. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL; every
 * request is rolled back (server/testing/app-harness.server.ts). MATRIX_PRINT=1 prints the observed table.
 */
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/client.server";
import { testDatabase } from "#db/testing";
import { expectedAnswers } from "./authorization-matrix";
import {
  actors,
  appHandler,
  appRoutes,
  buildApp,
  fillPattern,
  makeRequest,
  seedWorld,
  type AppRoute,
  type World,
} from "./testing/app-harness.server";

let database: Database;
let world: World;
let build: ServerBuild;
let removeBuild: () => void;
let send: ReturnType<typeof appHandler>;

beforeAll(async () => {
  ({ build, remove: removeBuild } = await buildApp(`matrix-${process.env.SIGNET_TEST_DRIVER}`));
  send = appHandler(build);
  database = await testDatabase();
  world = await seedWorld(database);
}, 120_000);

afterAll(async () => {
  removeBuild?.();
  world?.cleanup();
  await database?.close();
});

/** The methods a route answers: GET for a loader, POST for a page's action, the API's own Allow list. */
async function methodsOf(route: AppRoute, url: string): Promise<string[]> {
  if (route.isApi) {
    const options = await send(world, makeRequest("OPTIONS", url, { headers: world.headersOf.admin }));
    const allow = options.headers.get("Allow");
    if (!allow) return ["GET"];
    return allow
      .split(",")
      .map((m) => m.trim())
      .filter((m) => m !== "HEAD" && m !== "OPTIONS");
  }
  return [...(route.hasLoader || route.hasComponent ? ["GET"] : []), ...(route.hasAction ? ["POST"] : [])];
}

function requestFor(route: AppRoute, method: string, url: string, headers: Record<string, string>) {
  if (method === "GET") return makeRequest("GET", url, { headers });
  if (route.isApi) return makeRequest(method, url, { headers: { ...headers, "Content-Type": "application/json" }, body: "{}" });
  // A form on an index route posts to ?index (without it the parent layout gets the POST).
  return makeRequest(method, route.index ? `${url}?index` : url, {
    headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
  });
}

describe("authorization matrix", () => {
  it("every route × method × actor answers as the table says", async () => {
    const routes = appRoutes(build);
    const observed: Record<string, Record<string, string>> = {};
    const problems: string[] = [];
    for (const route of routes) {
      const url = fillPattern(route.pattern, { ...world.params, ...world.routeParams[route.id] });
      const row: Record<string, string> = {};
      for (const method of await methodsOf(route, url)) {
        const answers: number[] = [];
        for (const actor of actors) answers.push((await send(world, requestFor(route, method, url, world.headersOf[actor]))).status);
        row[method] = answers.join(" ");
      }
      observed[route.id] = row;
      if (process.env.MATRIX_PRINT) console.log(`  "${route.id}": ${JSON.stringify(row)},`);
      const expected = expectedAnswers[route.id];
      if (!expected) {
        problems.push(`no row for the new route ${route.id}: add  "${route.id}": ${JSON.stringify(row)},`);
        continue;
      }
      for (const method of new Set([...Object.keys(row), ...Object.keys(expected)])) {
        if (row[method] !== expected[method])
          problems.push(`${route.id} ${method}: expected ${expected[method] ?? "(no such method)"}, got ${row[method] ?? "(not answered)"}`);
      }
    }
    for (const id of Object.keys(expectedAnswers))
      if (!observed[id]) problems.push(`the table has a row for ${id}, which is no longer a route`);
    expect(problems).toEqual([]);
  }, 900_000);
});
