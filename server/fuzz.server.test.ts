/**
 * Bad input, never a 500: generated malformed requests against every form and API route of the build (the route
 * list comes from app/routes through the compiler's manifest, so a new route is fuzzed too), on PGlite and, with
 * TEST_DATABASE_URL, on PostgreSQL. Fails on any 5xx, on any console.error (vitest.setup.ts: the request handler
 * logs what it did not expect), and, for the requests that are malformed beyond doubt (bad bytes, NUL, unpaired
 * surrogates, wrong content types, bad JSON), on any change to a table. Each request runs in its own rolled-back
 * transaction (server/testing/app-harness.server.ts). The field names each route is fuzzed with are read from
 * its own sources (form inputs, the schemas it imports). See docs/testing.md.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "#db/client.server";
import { testDatabase } from "#db/testing";
import {
  appHandler,
  appRoutes,
  buildApp,
  fillPattern,
  makeRequest,
  seedWorld,
  type AppRoute,
  type World,
} from "./testing/app-harness.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------------------------------------------------------
// What each route is fuzzed with: field names and intents from its own sources.

function routeSources(routeId: string): string {
  const dir = path.join(root, "app", "routes", routeId);
  const files = readdirSync(dir).filter((f) => /\.(tsx?|ts)$/.test(f) && !f.includes(".test."));
  let text = files.map((f) => readFileSync(path.join(dir, f), "utf8")).join("\n");
  // The schemas (and form modules) it imports from app/: their object keys are field names too.
  for (const match of text.matchAll(/from "~\/((?:domain|routes)\/[^"]+\.schema)"/g))
    text += `\n${readFileSync(path.join(root, "app", `${match[1]}.ts`), "utf8")}`;
  for (const match of text.matchAll(/from "\.\/([^"]+\.schema)"/g))
    text += `\n${readFileSync(path.join(dir, `${match[1]}.ts`), "utf8")}`;
  return text;
}

function fieldsOf(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/name="([A-Za-z][\w.]*)"/g)) names.add(m[1] ?? "");
  for (const m of source.matchAll(/\.get(?:All)?\("([A-Za-z][\w]*)"\)/g)) names.add(m[1] ?? "");
  for (const m of source.matchAll(/^\s{2,8}([a-z][A-Za-z0-9]*): (?:z\.|requiredLine|optionalLine|optionalText|line|optional|uuid|[a-z]\w*[,(])/gm))
    names.add(m[1] ?? "");
  names.delete("");
  return [...names].slice(0, 40);
}

function intentsOf(source: string): string[] {
  const intents = new Set<string>();
  for (const m of source.matchAll(/intent\s*===\s*"([\w-]+)"/g)) intents.add(m[1] ?? "");
  for (const m of source.matchAll(/name="intent"\s+value="([\w-]+)"/g)) intents.add(m[1] ?? "");
  for (const m of source.matchAll(/case "([\w-]+)":/g)) intents.add(m[1] ?? "");
  intents.delete("");
  return [...intents].slice(0, 12);
}

// ---------------------------------------------------------------------------------------------------------------
// Malformed values

const HUGE = "ê".repeat(120_000);
const FORM = "application/x-www-form-urlencoded";

/** Form bodies no browser sends: the request is refused, and nothing may change. */
const refusedFormBodies: { name: string; contentType: string | null; body: (fields: string[], intent: string | null) => BodyInit }[] = [
  { name: "NUL in every field", contentType: FORM, body: (f, i) => formBody(f, i, "a%00b") },
  { name: "invalid UTF-8 in every field", contentType: FORM, body: (f, i) => formBody(f, i, "%ED%A0%80") },
  { name: "raw invalid bytes", contentType: FORM, body: (f, i) => Buffer.concat([Buffer.from(formBody(f, i, "x")), Buffer.from([0x26, 0x61, 0x3d, 0xc3, 0x28, 0xff])]) },
  { name: "no Content-Type", contentType: null, body: (f, i) => formBody(f, i, "x") },
  { name: "text/plain", contentType: "text/plain", body: (f, i) => formBody(f, i, "x") },
  { name: "JSON to a form", contentType: "application/json", body: () => '{"intent":' },
  { name: "broken multipart", contentType: "multipart/form-data; boundary=zzz", body: () => "--zzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n" },
  { name: "multipart without boundary", contentType: "multipart/form-data", body: () => "a=b" },
  { name: "NUL in a field name", contentType: FORM, body: (f, i) => `${formBody(f, i, "x")}&%00=1` },
];

/** Form values a person might send by mistake (or a script on purpose): any answer but a 5xx. */
const oddFormValues: { name: string; value: string }[] = [
  { name: "huge", value: encodeURIComponent(HUGE) },
  { name: "empty", value: "" },
  { name: "unknown enum", value: "zzz-unknown" },
  { name: "huge number", value: "99999999999999999999" },
  { name: "negative", value: "-1" },
  { name: "float", value: "1e309" },
  { name: "bad date", value: "2024-13-45T25:61" },
  { name: "year 10000", value: "10000-01-01T00:00" },
  { name: "year 9999 end", value: "9999-12-31T23:59" },
  { name: "newline", value: "%2Fevents%0D%0ALocation%3A%20x" },
  { name: "non-ASCII path", value: "%2Fs%E1%BB%B1-ki%E1%BB%87n" },
  { name: "uuid-ish", value: "00000000-0000-0000-0000-00000000000" },
  { name: "lone low surrogate as FFFD", value: "%EF%BF%BD" },
];

function formBody(fields: string[], intent: string | null, value: string): string {
  const parts = fields.map((f) => `${encodeURIComponent(f)}=${value}`);
  // Two of each: a field sent twice (checkbox-like) where one is expected.
  parts.push(...fields.slice(0, 3).map((f) => `${encodeURIComponent(f)}=${value}`));
  if (intent !== null) parts.push(`intent=${encodeURIComponent(intent)}`);
  parts.push("zzzExtra=1");
  return parts.join("&");
}

/** JSON bodies that are refused beyond doubt. */
const refusedJsonBodies: { name: string; contentType: string | null; body: (fields: string[]) => BodyInit }[] = [
  { name: "bad JSON", contentType: "application/json", body: () => '{"title": ' },
  { name: "not an object", contentType: "application/json", body: () => "[1,2]" },
  { name: "a string", contentType: "application/json", body: () => '"x"' },
  { name: "form to the API", contentType: FORM, body: (f) => formBody(f, null, "x") },
  { name: "text/plain", contentType: "text/plain", body: (f) => jsonOf(f, "x") },
  { name: "no Content-Type", contentType: null, body: (f) => jsonOf(f, "x") },
  { name: "NUL everywhere", contentType: "application/json", body: (f) => jsonOf(f, "a\u0000b") },
  { name: "lone surrogate everywhere", contentType: "application/json", body: (f) => jsonOf(f, "\\ud800").replaceAll("\\\\ud800", "\\ud800") },
  { name: "lone low surrogate in a key", contentType: "application/json", body: (f) => `{"\\udfff": 1, ${jsonOf(f, "x").slice(1)}` },
  { name: "invalid UTF-8 bytes", contentType: "application/json", body: (f) => Buffer.concat([Buffer.from(`{"${f[0] ?? "a"}": "`), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]) },
  { name: "over 1 MiB", contentType: "application/json", body: (f) => JSON.stringify({ [f[0] ?? "a"]: "x".repeat(1_100_000) }) },
];

function jsonOf(fields: string[], value: unknown): string {
  return JSON.stringify(Object.fromEntries(fields.map((f) => [f.split(".")[0] ?? f, value])));
}

/** JSON values of the wrong kind: any answer but a 5xx. */
const oddJsonValues: { name: string; value: unknown; raw?: string }[] = [
  { name: "number", value: 1e308 },
  { name: "huge integer literal", value: 0, raw: "99999999999999999999" },
  { name: "negative", value: -1 },
  { name: "float", value: 1.5 },
  { name: "boolean", value: true },
  { name: "null", value: null },
  { name: "array", value: ["zzz", 1] },
  { name: "object", value: { zzz: 1 } },
  { name: "unknown enum", value: "zzz-unknown" },
  { name: "huge string", value: "ê".repeat(200_000) },
  { name: "year 10000", value: "10000-01-01T00:00:00Z" },
  { name: "end of year 9999", value: "9999-12-31T23:59:00+00:00" },
  { name: "impossible date", value: "2024-02-30T10:00:00+07:00" },
  { name: "far past", value: "0001-01-01T00:00:00Z" },
  { name: "uuid of nothing", value: "00000000-0000-4000-8000-000000000000" },
  { name: "FFFD", value: "\ufffd" },
];

/** Query strings for GET: any answer but a 5xx. */
const oddQueries = [
  "q=%00",
  "q=%ED%A0%80",
  `q=${"x".repeat(20_000)}`,
  "page=-1&limit=99999999999999999999&cursor=%00&tab=zzz",
  "version=99999999999999999999&from=10000-01-01&date=2024-13-45",
  "redirectTo=%2Fevents%0AX%3A1",
  "redirectTo=%2Fs%E1%BB%B1-ki%E1%BB%87n",
  "q=%zz&status=%FF",
];

// ---------------------------------------------------------------------------------------------------------------

let database: Database;
let world: World;
let build: ServerBuild;
let removeBuild: () => void;
let send: ReturnType<typeof appHandler>;

beforeAll(async () => {
  ({ build, remove: removeBuild } = await buildApp(`fuzz-${process.env.SIGNET_TEST_DRIVER}`));
  send = appHandler(build);
  database = await testDatabase();
  world = await seedWorld(database);
}, 120_000);

afterAll(async () => {
  removeBuild?.();
  world?.cleanup();
  await database?.close();
});

interface Case {
  route: AppRoute;
  method: string;
  url: string;
  contentType: string | null;
  body: BodyInit | null;
  what: string;
  mustNotChange: boolean;
}

function apiMethods(allow: string | null): string[] {
  return (allow ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m));
}

/** `count` items of `list`, starting at `offset` and wrapping: over all routes, every kind is sent. */
function rotate<T>(list: readonly T[], offset: number, count: number): T[] {
  return Array.from({ length: Math.min(count, list.length) }, (_, i) => list[(offset + i) % list.length] as T);
}

async function casesFor(route: AppRoute, n: number): Promise<Case[]> {
  const url = fillPattern(route.pattern, { ...world.params, ...world.routeParams[route.id] });
  const cases: Case[] = [];
  const get = (query: string, what: string, mustNotChange: boolean) =>
    cases.push({ route, method: "GET", url: query, contentType: null, body: null, what, mustNotChange });
  if (route.hasLoader || route.hasComponent)
    for (const query of rotate(oddQueries, n * 2, 2)) get(`${url}?${query}`, `GET ?${query.slice(0, 40)}`, false);
  // A NUL in the path itself.
  get(`${url}/%00`, "NUL path segment", true);
  if (!route.hasAction) return cases;
  const source = routeSources(route.id);
  const fields = fieldsOf(source);
  const add = (method: string, target: string, contentType: string | null, body: BodyInit, what: string, mustNotChange: boolean) =>
    cases.push({ route, method, url: target, contentType, body, what, mustNotChange });
  if (route.isApi) {
    const options = await send(world, makeRequest("OPTIONS", url, { headers: world.headersOf.admin }));
    apiMethods(options.headers.get("Allow")).forEach((method, m) => {
      for (const bad of rotate(refusedJsonBodies, n + m, 6)) add(method, url, bad.contentType, bad.body(fields), bad.name, true);
      for (const odd of rotate(oddJsonValues, (n + m) * 4, 4)) {
        const body = odd.raw ? jsonOf(fields, 0).replaceAll(":0", `:${odd.raw}`) : jsonOf(fields, odd.value);
        add(method, url, "application/json", body, `every field ${odd.name}`, false);
      }
      add(method, url, "application/json", "{}", "missing fields", false);
      add(method, `${url}?version=99999999999999999999`, "application/json", "{}", "huge version", false);
    });
    return cases;
  }
  const target = route.index ? `${url}?index` : url;
  const intents = intentsOf(source);
  const each: (string | null)[] = intents.length ? intents : [null];
  each.forEach((intent) => {
    const nul = refusedFormBodies[0];
    if (nul) add("POST", target, nul.contentType, nul.body(fields, intent), `${intent ?? "-"}: ${nul.name}`, true);
  });
  rotate(refusedFormBodies, n, 5).forEach((bad, k) => {
    const intent = each[k % each.length] ?? null;
    add("POST", target, bad.contentType, bad.body(fields, intent), `${intent ?? "-"}: ${bad.name}`, true);
  });
  rotate(oddFormValues, n * 5, 5).forEach((odd, k) => {
    const intent = each[(k + 1) % each.length] ?? null;
    add("POST", target, FORM, formBody(fields, intent, odd.value), `${intent ?? "-"}: every field ${odd.name}`, false);
  });
  return cases;
}

describe("malformed requests", () => {
  it("never get a 5xx, and the ones refused beyond doubt change nothing", async () => {
    const all = appRoutes(build);
    expect(all.length).toBeGreaterThan(80);
    // FUZZ_ROUTES=<regex> narrows the run to some routes while working on them.
    const only = process.env.FUZZ_ROUTES ? new RegExp(process.env.FUZZ_ROUTES) : null;
    const routes = only ? all.filter((r) => only.test(r.id)) : all;
    const problems: string[] = [];
    let count = 0;
    for (const [n, route] of routes.entries()) {
      for (const c of await casesFor(route, n)) {
        count++;
        const headers: Record<string, string> = { ...world.headersOf.admin };
        if (c.contentType) headers["Content-Type"] = c.contentType;
        const answer = await send(world, makeRequest(c.method, c.url, { headers, body: c.body }), { checkData: c.mustNotChange });
        if (answer.status >= 500) problems.push(`${answer.status} ${c.method} ${c.url.slice(0, 80)} (${route.id}) ${c.what}: ${answer.body.slice(0, 200)}`);
        if (c.mustNotChange && answer.changed.length)
          problems.push(`changed ${answer.changed.join(", ")}: ${c.method} ${c.url} (${route.id}) ${c.what} → ${answer.status}`);
      }
    }
    expect(problems).toEqual([]);
    if (!only) expect(count).toBeGreaterThanOrEqual(500);
    console.log(`fuzz: ${count} malformed requests to ${routes.length} routes`);
  }, 600_000);
});
