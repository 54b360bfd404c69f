import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { AgnosticRouteObject } from "@remix-run/router";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { UNSAFE_flatRoutes as flatRoutes } from "@remix-run/dev";
import { describe, expect, it, vi } from "vitest";

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
    expect(source).toContain("const branchIndexCache = new WeakMap()");
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

// The router's ESM build is not patched (the server loads the CommonJS one): the algorithm as React Router ships it.
const reference = (await import(/* @vite-ignore */ path.join(path.dirname(routerPath), "router.js"))) as typeof import("@remix-run/router");

/** The app's own route tree, as Remix builds it from app/routes (remix.config.js's ignored files left out). */
function appTree(): AgnosticRouteObject[] {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const manifest = flatRoutes(path.join(root, "app"), ["**/.*", "**/*.test.{ts,tsx}", "**/*.schema.ts"]);
  const children = (parentId: string): AgnosticRouteObject[] =>
    Object.values(manifest)
      .filter((r) => (r.parentId ?? "root") === parentId && r.id !== "root")
      .map((r) => {
        const kids = children(r.id);
        return r.index
          ? { id: r.id, index: true as const, path: r.path, caseSensitive: r.caseSensitive }
          : { id: r.id, path: r.path, caseSensitive: r.caseSensitive, ...(kids.length ? { children: kids } : {}) };
      });
  return [{ id: "root", path: "", children: children("root") }];
}

/** Every path of the tree with its parameters filled in, and variants a visitor or a scanner might send. */
function pathsOf(tree: AgnosticRouteObject[]): string[] {
  const out = new Set<string>(["/", "", "//", "//events", "/events//x", "/%", "/%E0%A4%A", "/ÉVÉNEMENTS", "/\u212Aey", "/İnvitation", "/invitation%2Fx", "/a/b/c/d/e/f"]);
  const walk = (routes: AgnosticRouteObject[], prefix: string) => {
    for (const r of routes) {
      const full = [prefix, r.path ?? ""].filter(Boolean).join("/");
      const filled = full.replace(/:[\w-]+\??/g, "9f0c").replace(/\*/g, "a/b");
      for (const p of [filled, filled.toUpperCase(), `${filled}/`, `${filled}/extra`, `${filled}x`, filled.replace(/\?/g, "")]) out.add(`/${p}`);
      if (r.children) walk(r.children, full);
    }
  };
  walk(tree, "");
  return [...out];
}

describe("the first-segment index of the branches", () => {
  it("matches every path of the app's own routes as the unpatched router does", () => {
    // Malformed percent-encodings are among the paths: both routers warn about them, and match them as they are.
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const tree = appTree();
    const paths = pathsOf(tree);
    expect(paths.length).toBeGreaterThan(500);
    const show = (m: ReturnType<typeof router.matchRoutes>) => m?.map((x) => [x.route.id, x.params, x.pathname, x.pathnameBase]) ?? null;
    let matched = 0;
    for (const p of paths) {
      const got = router.matchRoutes(tree, p);
      expect(show(got), p).toEqual(show(reference.matchRoutes(tree, p)));
      if (got && got.at(-1)?.route.id !== "routes/$") matched++;
    }
    // Most of them reach their own route, not the catch-all: the comparison is not between two nulls.
    expect(matched).toBeGreaterThan(paths.length / 2);
    vi.restoreAllMocks();
  });
});
