import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import { describe, expect, it } from "vitest";

// The server's copy of the router (CommonJS, as @remix-run/server-runtime loads it), carrying
// patches/@remix-run+router+*.patch: a route tree is flattened and ranked once, each route pattern compiled once
// (docs/decisions/034-route-matching-cache.md).
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const router = require(routerPath) as typeof import("@remix-run/router");

function tree(): AgnosticRouteObject[] {
  return [
    {
      id: "root",
      path: "",
      children: [
        { id: "home", index: true },
        { id: "events", path: "events", children: [{ id: "events-index", index: true }, { id: "event", path: ":eventId" }] },
        { id: "event-attendees", path: "events/:eventId/attendees" },
        { id: "invitation", path: "invitation" },
        { id: "INVITATION-upper", path: "INVITATION/exact", caseSensitive: true },
        { id: "invitation-lower", path: "invitation/exact" },
        { id: "api-checkins", path: "api/v1/events/:eventId/check-ins" },
        { id: "optional", path: "lang/:lang?/about" },
        { id: "splat", path: "*" },
      ],
    },
  ];
}

const paths = [
  "/",
  "/events",
  "/events/",
  "/events/9f0c",
  "/events/9f0c/attendees",
  "/invitation",
  "/Invitation",
  "/INVITATION/exact",
  "/invitation/EXACT",
  "/invitation/exact",
  "/api/v1/events/abc/check-ins",
  "/lang/about",
  "/lang/vi/about",
  "/khong-co-trang-nay",
  "/a/b/c",
];

const ids = (routes: AgnosticRouteObject[], path: string) =>
  router.matchRoutes(routes, path)?.map((m) => [m.route.id, m.params] as const) ?? null;

describe("route matching with the router's caches", () => {
  it("the installed router carries the patch (npm install runs patch-package)", () => {
    const source = readFileSync(routerPath, "utf8");
    expect(source).toContain("const rankedBranchesCache = new WeakMap()");
    expect(source).toContain("const compiledPaths = [new Map(), new Map(), new Map(), new Map()]");
  });

  it("a tree matched again and again answers as a fresh tree does, for every kind of path", () => {
    const shared = tree();
    for (let round = 0; round < 3; round++)
      for (const path of paths) expect(ids(shared, path), `${path}, round ${round}`).toEqual(ids(tree(), path));
  });

  it("the same pattern, case-sensitive or not, and as a prefix or to the end, is compiled apart", () => {
    const shared = tree();
    expect(ids(shared, "/INVITATION/exact")?.at(-1)?.[0]).toBe("INVITATION-upper");
    expect(ids(shared, "/Invitation/Exact")?.at(-1)?.[0]).toBe("invitation-lower");
    expect(router.matchPath({ path: "/events", end: false }, "/events/9f0c")?.pathname).toBe("/events");
    expect(router.matchPath({ path: "/events", end: true }, "/events/9f0c")).toBeNull();
    expect(router.matchPath({ path: "/Events", caseSensitive: true }, "/events")).toBeNull();
    expect(router.matchPath({ path: "/Events", caseSensitive: false }, "/events")?.pathname).toBe("/events");
  });

  it("two trees are ranked each by its own routes", () => {
    const a = tree();
    const b: AgnosticRouteObject[] = [{ id: "only", path: "invitation" }];
    expect(ids(a, "/invitation")?.at(-1)?.[0]).toBe("invitation");
    expect(ids(b, "/invitation")?.at(-1)?.[0]).toBe("only");
    expect(ids(b, "/events")).toBeNull();
    expect(ids(a, "/events")?.at(-1)?.[0]).toBe("events-index");
  });
});
