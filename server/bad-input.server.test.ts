/**
 * Bad input is never a 500 (docs/decisions/024-bad-input.md): ≥ 500 generated malformed requests across every
 * form and API route (the route list comes from app/routes, so a new route is fuzzed too), sent in-process to the
 * real Remix handler as an admin, an organizer and anonymously, on PGlite and on PostgreSQL. A request fails the
 * suite when it is answered 5xx, logs an error, sends an invalid Location header, or is refused (4xx) but changed
 * data anyway (row counts and a checksum of every table, before and after).
 *
 * Deterministic: the generator is seeded (FUZZ_SEED to try another seed); FUZZ_BUDGET caps the request count.
 */
import path from "node:path";
import { matchRoutes, type AgnosticRouteObject } from "@remix-run/router";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "~/models/people.server";
import { createAppHarness, root, type ActorName, type AppHarness, type HarnessIds } from "./testing/app-harness.server";
import { appRoutes, fillPattern, type AppRoute } from "./testing/routes.server";

/** The fuzz suite's three actors of the harness's ten. */
type Role = Extract<ActorName, "admin" | "organizer" | "anonymous">;

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const BUDGET = Number(process.env.FUZZ_BUDGET ?? 600);

let app: AppHarness;
let routes: AppRoute[];
/** Targets: every route with an action or under /api/ (their loaders too), and every page's loader. */
let writeRoutes: AppRoute[];
beforeAll(async () => {
  app = await createAppHarness();
  routes = appRoutes(app.build, path.join(root, "app", "routes"));
  writeRoutes = routes.filter((r) => r.hasAction || r.isApi);
}, 180_000);
afterAll(() => app?.close());

// ---------------------------------------------------------------------------------------------------
// Filling a route's URL

function paramValue(name: string, ids: HarnessIds): string {
  const values: Record<string, string> = {
    eventId: ids.eventId,
    itemId: ids.agendaItemId,
    dignitaryId: ids.dignitaryId,
    invitationId: ids.invitationId,
    photoId: ids.photoId,
    summaryId: ids.summaryId,
    version: ids.summaryVersion,
    webhookId: ids.webhookId,
    deliveryId: ids.deliveryId,
    organizationId: ids.organizationId,
    personId: ids.personId,
    messageId: ids.mailMessageId,
    token: ids.invitationToken,
    slug: ids.summarySlug,
    section: "no-such-section",
    revision: ids.photoRevision,
    file: "thumb.webp",
  };
  return values[name] ?? ids.missingId;
}

/** The route's URL with seeded ids; `override` values (malformed on purpose) go in as they are. */
function fillPath(route: AppRoute, ids: HarnessIds, override: Record<string, string> = {}): string {
  const values = Object.fromEntries(route.params.map((p) => [p, paramValue(p, ids)]));
  return fillPattern(route.pattern, { ...values, "*": "x" }, override);
}

// ---------------------------------------------------------------------------------------------------
// The generator

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface FuzzCase {
  label: string;
  as: Role;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** Values already percent-encoded for a form body or a query. */
const badFormValues = [
  "%00",
  "abc%00def",
  "%ED%A0%80", // a lone surrogate as CESU-8: not UTF-8
  "%ED%BF%BF",
  "%FF%FE",
  "%C0%AF",
  "%zz",
  "99999999999999999999",
  "-1",
  "0",
  "1e309",
  "NaN",
  "1.5",
  "10000-01-01T00%3A00",
  "9999-12-31T23%3A59",
  "0001-01-01T00%3A00",
  "2024-02-30T25%3A61",
  "%2B275760-09-13T00%3A00",
  "zzz-unknown-enum",
  "__proto__",
  "",
  "%20%20",
  "%0D%0ALocation%3A%20%2F%2Fevil.example",
  "%2F%2Fevil.example",
  "%2F%5Cevil.example",
  "%2F%C4%91%C6%B0%E1%BB%9Dng",
  "true",
  "%5B%5D",
  // Cursors that decode to instants PostgreSQL cannot hold, and to a huge offset.
  Buffer.from(JSON.stringify(["-271821-04-20T00:00:00.000Z", "00000000-0000-4000-8000-000000000000"])).toString("base64url"),
  Buffer.from(JSON.stringify(["o", 1e300])).toString("base64url"),
];

/** JSON values (as JSON text) of every wrong type and edge. */
const badJsonValues = [
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"x\\udfff"',
  "99999999999999999999",
  "1e309",
  "-1",
  "0",
  "1.5",
  "null",
  "true",
  "[]",
  "{}",
  '[{"a":1}]',
  '"10000-01-01T00:00:00Z"',
  '"+275760-09-13T00:00:00Z"',
  '"0001-01-01T00:00:00Z"',
  '"2024-02-30T25:61:00Z"',
  '"not-a-date"',
  '"zzz-unknown-enum"',
  '"00000000-0000-4000-8000-000000000000"',
  '"not-a-uuid"',
  '""',
  '"\\r\\nX: y"',
];

/** Field names the JSON API schemas use (a superset; each route gets a random handful). */
const apiFieldPool = [
  "title",
  "titleEn",
  "kind",
  "status",
  "startsAt",
  "endsAt",
  "timeZone",
  "venue",
  "description",
  "capacity",
  "hostOrganizationId",
  "partnerOrganizationIds",
  "version",
  "name",
  "nameVi",
  "nameEn",
  "shortName",
  "parentId",
  "email",
  "fullName",
  "honorific",
  "positions",
  "organization",
  "role",
  "rsvp",
  "personId",
  "invitationId",
  "dignitaryId",
  "durationMinutes",
  "order",
  "startsAtOffset",
  "language",
  "body",
  "bodyMarkdown",
  "lang",
  "to",
  "comment",
  "captionVi",
  "captionEn",
  "url",
  "events",
  "active",
  "rows",
  "scans",
  "code",
  "limit",
  "page",
  "sides",
  "documents",
  "seats",
  "tables",
];

const commonQueryNames = ["q", "page", "limit", "offset", "cursor", "version", "redirectTo", "from", "to", "sort", "status", "lang"];

const huge = (n: number) => "x".repeat(n);

/**
 * Nearly valid bodies for some JSON routes: one field at a time is replaced by a bad value (or dropped), so the
 * bad value gets past the checks of the others and reaches deeper (services, SQL, the audit log).
 */
function jsonTemplates(ids: HarnessIds): Record<string, { method: string; body: Record<string, unknown> }[]> {
  return {
    "api.v1.events._index": [
      {
        method: "POST",
        body: {
          title: "Lễ ký kết",
          kind: "meeting",
          startsAt: "2030-01-01T02:00:00Z",
          endsAt: "2030-01-01T03:00:00Z",
          timeZone: "Asia/Ho_Chi_Minh",
          capacity: 10,
        },
      },
    ],
    "api.v1.events.$eventId.agenda._index": [
      { method: "POST", body: { title: "Phát biểu", startsAt: "2017-10-19T07:00:00Z", durationMinutes: 10, kind: "other" } },
    ],
    "api.v1.events.$eventId.dignitaries._index": [{ method: "POST", body: { name: "Ông A", positions: ["Bí thư"], precedence: 1 } }],
    "api.v1.press-summaries.$summaryId._index": [
      { method: "PATCH", body: { title: "Tin lễ ký kết", byline: "Phóng viên", version: Number(ids.summaryVersion) } },
    ],
    "api.v1.press-summaries.$summaryId.transition": [{ method: "POST", body: { to: "in_review", comment: "Xem giúp", version: 1 } }],
    "api.v1.events.$eventId.photos.$photoId": [{ method: "PATCH", body: { captionVi: "Ảnh", position: 1, version: 1 } }],
    "api.v1.organizations._index": [{ method: "POST", body: { nameVi: "Sở thử", nameEn: "Test department", shortName: "ST" } }],
    "api.v1.glossary": [{ method: "POST", body: { vi: "Sở thử", en: "Test department" } }],
    "events.$eventId_.door_.sync": [
      {
        method: "POST",
        body: {
          deviceId: "door-1",
          scans: [{ nonce: "6f1c2c7e-0d7e-4c7a-9d7e-1a2b3c4d5e6f", scannedAt: "2017-10-19T07:00:00Z", invitationId: ids.invitationId }],
        },
      },
    ],
    "events.$eventId.attendees_.import.rows": [
      { method: "POST", body: { rows: [{ rowNumber: 2, values: { fullName: "Ông B", email: "b@example.vn" } }] } },
    ],
  };
}

function generate(): FuzzCase[] {
  const random = prng(SEED);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const role = (): Role => {
    const r = random();
    return r < 0.45 ? "admin" : r < 0.8 ? "organizer" : "anonymous";
  };
  const ids = app.ids;
  const cases: FuzzCase[] = [];
  const form = { "Content-Type": "application/x-www-form-urlencoded" };
  const json = { "Content-Type": "application/json" };

  for (const route of writeRoutes) {
    // A page's index route takes a form post only with ?index (Remix adds it to <Form>); resource routes without.
    const url = `${fillPath(route, ids)}${route.name.endsWith("._index") && !route.isApi && route.hasAction ? "?index" : ""}`;
    const write = route.methods.filter((m) => m !== "GET");
    for (const method of write) {
      const base = { method, path: url };
      const tag = `${method} ${route.name}`;
      // Wrong or missing content types, unreadable bodies.
      cases.push({ ...base, as: role(), label: `${tag}: no Content-Type` });
      cases.push({ ...base, as: role(), label: `${tag}: text/plain`, headers: { "Content-Type": "text/plain" }, body: "a=b" });
      cases.push({
        ...base,
        as: role(),
        label: `${tag}: multipart without boundary`,
        headers: { "Content-Type": "multipart/form-data" },
        body: "--x\r\n",
      });
      cases.push({
        ...base,
        as: role(),
        label: `${tag}: broken multipart`,
        headers: { "Content-Type": "multipart/form-data; boundary=zzz" },
        body: '--zzz\r\nContent-Disposition: form-data; name="intent"\r\n\r\n%00\u0000',
      });
      if (route.isApi || route.readsJson) {
        for (const template of jsonTemplates(ids)[route.name]?.filter((t) => t.method === method) ?? []) {
          const keys = Object.keys(template.body);
          for (const key of keys) {
            for (let i = 0; i < 3; i++) {
              const bad = i === 2 && random() < 0.5 ? null : pick(badJsonValues);
              const entries = keys
                .filter((k) => k !== key || bad !== null)
                .map((k) => `${JSON.stringify(k)}:${k === key ? bad : JSON.stringify(template.body[k])}`);
              const body = `{${entries.join(",")}}`;
              cases.push({ ...base, as: i === 1 ? "organizer" : "admin", label: `${tag}: ${body.slice(0, 160)}`, headers: json, body });
            }
          }
          // The bad value one level down: inside the first element of each array of objects.
          for (const [key, value] of Object.entries(template.body)) {
            if (!Array.isArray(value) || typeof value[0] !== "object" || value[0] === null) continue;
            for (const inner of Object.keys(value[0] as object)) {
              const element = `{${Object.entries(value[0] as object)
                .map(([k, v]) => `${JSON.stringify(k)}:${k === inner ? pick(badJsonValues) : JSON.stringify(v)}`)
                .join(",")}}`;
              const body = JSON.stringify({ ...template.body, [key]: "__X__" }).replace('"__X__"', `[${element}]`);
              cases.push({ ...base, as: "admin", label: `${tag}: ${body.slice(0, 160)}`, headers: json, body });
            }
          }
        }
        for (const body of ["{", "[1,2]", "null", '"text"', `{"a":"${huge(2_000_000)}"}`])
          cases.push({ ...base, as: role(), label: `${tag}: JSON ${body.slice(0, 12)}`, headers: json, body });
        cases.push({
          ...base,
          as: role(),
          label: `${tag}: JSON body not UTF-8`,
          headers: json,
          body: new Uint8Array([0x7b, 0x22, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
        });
        cases.push({ ...base, as: role(), label: `${tag}: form instead of JSON`, headers: form, body: "title=x" });
        for (let i = 0; i < 6; i++) {
          const fields = Array.from({ length: 1 + Math.floor(random() * 5) }, () => pick(apiFieldPool));
          const parts = fields.map((f) => `${JSON.stringify(f)}:${pick(badJsonValues)}`);
          if (random() < 0.3) parts.push(`"extraField${i}":${pick(badJsonValues)}`);
          if (random() < 0.2) parts.push(`"${pick(apiFieldPool)}":"${huge(100_000)}"`);
          const body = `{${parts.join(",")}}`;
          cases.push({ ...base, as: role(), label: `${tag}: ${body.slice(0, 120)}`, headers: json, body });
        }
      } else {
        cases.push({ ...base, as: role(), label: `${tag}: JSON instead of a form`, headers: json, body: '{"intent":"x"}' });
        cases.push({ ...base, as: role(), label: `${tag}: broken escapes`, headers: form, body: "%zz=%&intent=%E0%A4" });
        const intents: (string | null)[] = route.intents.length > 0 ? route.intents : [null];
        const names = route.fieldNames.filter((n) => n !== "intent");
        for (const intent of intents) {
          for (let i = 0; i < 2; i++) {
            const chosen = names.filter(() => random() < 0.6);
            const pairs = chosen.map((n) => `${encodeURIComponent(n)}=${pick(badFormValues)}`);
            if (intent) pairs.unshift(`intent=${intent}`);
            if (random() < 0.4) pairs.push(`extra${i}=${pick(badFormValues)}`);
            if (random() < 0.15 && names.length > 0) pairs.push(`${pick(names)}=${huge(300_000)}`);
            const body = pairs.join("&");
            cases.push({ ...base, as: role(), label: `${tag}: ${body.slice(0, 120)}`, headers: form, body });
          }
          // Only the intent: every other field missing.
          if (intent) cases.push({ ...base, as: role(), label: `${tag}: intent=${intent} alone`, headers: form, body: `intent=${intent}` });
        }
        const nulField = pick(names.length > 0 ? names : ["intent"]);
        cases.push({ ...base, as: "admin", label: `${tag}: NUL in ${nulField}`, headers: form, body: `${intents[0] ? `intent=${intents[0]}&` : ""}${nulField}=a%00b` });
        cases.push({ ...base, as: "organizer", label: `${tag}: surrogate in ${nulField}`, headers: form, body: `${intents[0] ? `intent=${intents[0]}&` : ""}${nulField}=%ED%A0%80` });
        cases.push({ ...base, as: "admin", label: `${tag}: body over the limit`, headers: form, body: `a=${huge(2_200_000)}` });
      }
    }
  }

  // Loaders: bad query values and bad path params, on every route that has a loader.
  for (const route of routes.filter((r) => r.hasLoader || r.isApi)) {
    const names = [...new Set([...route.queryNames, ...commonQueryNames])];
    for (let i = 0; i < 2; i++) {
      const query = names
        .filter(() => random() < 0.35)
        .map((n) => `${n}=${pick(badFormValues)}`)
        .join("&");
      const url = `${fillPath(route, app.ids)}?${query || `q=${pick(badFormValues)}`}`;
      cases.push({ method: "GET", path: url, as: role(), label: `GET ${url.slice(0, 160)}` });
    }
    for (const param of route.params) {
      const bad = pick(["%00", "%ED%A0%80", "99999999999999999999", "not-a-uuid", huge(3000), "%2E%2E", "%zz", "a%0Ab"]);
      const url = fillPath(route, app.ids, { [param]: bad });
      cases.push({ method: "GET", path: url, as: role(), label: `GET ${url.slice(0, 160)}` });
    }
  }
  // The examples of issue 11, always.
  cases.push({ method: "POST", path: "/login", as: "anonymous", label: "POST /login without a body" });
  cases.push({ method: "GET", path: "/events?q=%00", as: "organizer", label: "GET /events?q=%00" });
  cases.push({ method: "GET", path: "/press/%00", as: "anonymous", label: "GET /press/%00" });
  cases.push({ method: "GET", path: "/login?redirectTo=%0D%0A%2F%2Fevil", as: "anonymous", label: "redirectTo with CRLF" });
  cases.push({
    method: "PATCH",
    path: `/api/v1/events/${app.ids.eventId}?version=99999999999999999999`,
    as: "admin",
    label: "PATCH version=99999999999999999999",
    headers: json,
    body: '{"title":"x"}',
  });
  cases.push({
    method: "POST",
    path: "/api/v1/events",
    as: "admin",
    label: "POST an event in year 9999 lasting a year past 10000",
    headers: json,
    body: '{"title":"Năm 9999","kind":"meeting","startsAt":"9999-12-31T23:00:00Z","endsAt":"10000-06-01T00:00:00Z","timeZone":"Asia/Ho_Chi_Minh"}',
  });
  cases.push({
    method: "POST",
    path: "/api/v1/events",
    as: "admin",
    label: "POST an event with a lone surrogate in its title",
    headers: json,
    body: '{"title":"\\ud800","kind":"meeting","startsAt":"2030-01-01T00:00:00Z","endsAt":"2030-01-01T01:00:00Z","timeZone":"Asia/Ho_Chi_Minh"}',
  });
  // A fixed sample within the budget, the issue's examples always kept.
  const fixed = cases.slice(-7);
  const rest = cases.slice(0, -7);
  while (rest.length + fixed.length > BUDGET) rest.splice(Math.floor(random() * rest.length), 1);
  return [...rest, ...fixed];
}

// ---------------------------------------------------------------------------------------------------
// Data snapshots

/** Tables a refused request may still write: the signed-in session's last-seen time, failed sign-in counters. */
const writableOnRefusal = new Set(["sessions", "api_tokens", "login_failures", "login_challenges", "password_reset_requests"]);

let snapshotSql: ReturnType<typeof sql.raw> | null = null;
async function snapshot(): Promise<Map<string, string>> {
  if (!snapshotSql) {
    const tables = rowsOf<{ t: string }>(
      await app.db.execute(
        sql`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
      ),
    )
      .map((r) => r.t)
      .filter((t) => !writableOnRefusal.has(t) && /^[a-z_]+$/.test(t));
    snapshotSql = sql.raw(
      tables
        .map((t) => `select '${t}' as t, count(*)::text || ':' || coalesce(sum(hashtext(x::text)::bigint), 0)::text as v from "${t}" x`)
        .join(" union all "),
    );
  }
  const rows = rowsOf<{ t: string; v: string }>(await app.db.execute(snapshotSql));
  return new Map(rows.map((r) => [r.t, r.v]));
}

function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after.keys()].filter((t) => before.get(t) !== after.get(t));
}

// ---------------------------------------------------------------------------------------------------

describe("the route list", () => {
  it("is generated from app/routes and fuzzes every route file with an action or under api.*", () => {
    const built = Object.values(app.build.routes).filter((r): r is NonNullable<typeof r> => !!r);
    const withAction = built.filter((r) => r.id !== "root" && (r.module.action || r.id.startsWith("routes/api.")));
    const targeted = new Set(writeRoutes.map((r) => r.id));
    expect(withAction.map((r) => r.id).filter((id) => !targeted.has(id))).toEqual([]);
    expect(writeRoutes.length).toBeGreaterThan(60);

    // Each generated URL reaches the route it was made for (the flat-route mapping is right).
    type Node = AgnosticRouteObject & { id: string };
    const byParent = new Map<string, Node[]>();
    for (const r of built) {
      const node = { id: r.id, path: r.path, index: r.index, caseSensitive: r.caseSensitive } as Node;
      const key = r.parentId ?? "";
      byParent.set(key, [...(byParent.get(key) ?? []), node]);
    }
    const tree = (parent: string): Node[] =>
      (byParent.get(parent) ?? []).map((n) => (n.index ? n : ({ ...n, children: tree(n.id) } as Node)));
    const wrong: string[] = [];
    for (const route of routes) {
      const url = fillPath(route, app.ids);
      // A layout's own URL reaches its index child: the layout is then in the chain of matches.
      const chain = (matchRoutes(tree(""), url) ?? []).map((m) => m.route.id);
      if (!chain.includes(route.id)) wrong.push(`${route.name} → ${url} → ${chain.at(-1) ?? "nothing"}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("bad input", () => {
  it("≥ 500 malformed requests: never a 5xx, never a logged error, refusals change no data", async () => {
    const cases = generate();
    expect(cases.length).toBeGreaterThanOrEqual(Math.min(500, BUDGET));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    const originalError = console.error;
    let logged: string[] = [];
    console.error = (...args: unknown[]) => {
      logged.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(" ").slice(0, 300));
    };
    const started = Date.now();
    try {
      let before = await snapshot();
      for (const c of cases) {
        logged = [];
        const headers = new Headers(c.headers);
        const body = c.body === undefined ? undefined : typeof c.body === "string" ? c.body : c.body.slice().buffer;
        let status: number;
        let location: string | null = null;
        try {
          const response = await app.fetch(new Request(app.url(c.path), { method: c.method, headers, body }), { as: c.as });
          status = response.status;
          location = response.headers.get("Location");
          await response.arrayBuffer();
        } catch (error) {
          status = 599;
          logged.push(`threw: ${error instanceof Error ? error.message : String(error)}`);
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        const after = await snapshot();
        const who = `[${c.as}] ${c.label}`;
        if (status >= 500) failures.push(`${status} ${who}${logged.length ? ` — ${logged[0]}` : ""}`);
        else if (logged.length) failures.push(`logged an error (${status}) ${who}: ${logged[0]}`);
        if (location !== null && !/^[\u0021-\u007e]+$/.test(location)) failures.push(`bad Location ${JSON.stringify(location)} ${who}`);
        if (location !== null && (/^\/\/|^\/\\/.test(location) || (/^https?:\/\//.test(location) && !location.startsWith(`${app.origin}/`))))
          failures.push(`off-site Location ${location} ${who}`);
        if (status >= 400) {
          const changed = changedTables(before, after);
          if (changed.length) failures.push(`refused (${status}) but changed ${changed.join(", ")}: ${who}`);
        }
        before = after;
      }
    } finally {
      console.error = originalError;
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `bad input: ${cases.length} requests in ${seconds.toFixed(1)} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(failures).toEqual([]);
    // The default budget stays well under the limit on 2 cores; a larger FUZZ_BUDGET gets more time.
  }, Math.max(170_000, BUDGET * 200));
});
