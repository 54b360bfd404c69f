/**
 * The app's routes as the matrix sees them: one entry per file or folder under app/routes (Remix v2 flat
 * routes), with its URL pattern and exports taken from the production build's route manifest.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";

export interface AppRoute {
  /** The file or folder name under app/routes, e.g. "events.$eventId_.door" — the matrix's key. */
  name: string;
  /** The URL pattern, e.g. "/events/:eventId/door" ("*" for a splat). */
  pattern: string;
  hasLoader: boolean;
  hasAction: boolean;
}

const ROUTE_MODULE = /\.(tsx?|jsx?)$/;
// remix.config.js ignoredRouteFiles
const IGNORED = [/^\./, /\.test\.(ts|tsx)$/, /\.schema\.ts$/];

/** The route names under app/routes, from the directory: folders with a route module, and flat route files. */
export function routeNames(routesDir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(routesDir)) {
    if (IGNORED.some((re) => re.test(entry))) continue;
    const full = path.join(routesDir, entry);
    if (statSync(full).isDirectory()) {
      if (readdirSync(full).some((f) => /^(route|index)\.(tsx?|jsx?)$/.test(f))) names.push(entry);
    } else if (ROUTE_MODULE.test(entry)) {
      names.push(entry.replace(ROUTE_MODULE, ""));
    }
  }
  return names.sort();
}

/** Each route name with what the build says about it; a name the build does not know is an error. */
export function appRoutes(build: ServerBuild, routesDir: string): AppRoute[] {
  const fullPath = (id: string): string => {
    const route = build.routes[id];
    if (!route) return "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    const own = route.path ?? "";
    return own ? `${parent.replace(/\/$/, "")}/${own}` : parent;
  };
  return routeNames(routesDir).map((name) => {
    const id = `routes/${name}`;
    const route = build.routes[id];
    if (!route) throw new Error(`app/routes/${name} is not in the build (stale build/ ?)`);
    return {
      name,
      pattern: fullPath(id) || "/",
      hasLoader: typeof route.module.loader === "function",
      hasAction: typeof route.module.action === "function",
    };
  });
}

/** The pattern with its parameters filled in; throws for a parameter without a value. */
export function fillPattern(pattern: string, values: Record<string, string>): string {
  return pattern.replace(/:([A-Za-z0-9_]+)|\*/g, (match, name: string | undefined) => {
    const key = name ?? "*";
    const value = values[key];
    if (value === undefined) throw new Error(`no value for ${match} in ${pattern}`);
    return key === "*" ? value : encodeURIComponent(value);
  });
}
