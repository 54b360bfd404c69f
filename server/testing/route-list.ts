/**
 * The app's routes read from app/routes (Remix v2 flat routes, folder form): each folder → its URL pattern,
 * whether it has an action, which API methods it serves, and the form field and query names its source
 * mentions. The fuzz suite (server/bad-input.server.test.ts) generates its requests from this list, so a new
 * route file is fuzzed without anyone adding it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface RouteInfo {
  /** The folder name under app/routes, e.g. "events.$eventId_.door_.sync". */
  name: string;
  /** Remix's route id: "routes/<name>". */
  id: string;
  /** URL segments: literal text, ":param" or "*" (splat). */
  segments: string[];
  params: string[];
  hasAction: boolean;
  hasLoader: boolean;
  /** A page route whose action reads a JSON body (the door's sync, the attendee import's chunks). */
  readsJson: boolean;
  isApi: boolean;
  /** The handleApi methods (API routes); for page routes POST when there is an action. */
  methods: string[];
  /** Names the source (the route folder's files) uses for form fields. */
  fieldNames: string[];
  /** Values compared with `intent` in the source. */
  intents: string[];
  /** Query parameter names the source reads. */
  queryNames: string[];
}

/** Splits a flat-route name on dots that are not inside [] escapes. */
export function splitRouteName(name: string): string[] {
  const parts: string[] = [];
  let current = "";
  let depth = 0;
  for (const c of name) {
    if (c === "[") depth++;
    if (c === "]") depth--;
    if (c === "." && depth === 0) {
      parts.push(current);
      current = "";
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** A flat-route name → URL segments ("events.$eventId_.door_.sync" → ["events", ":eventId", "door", "sync"]). */
export function routeSegments(name: string): string[] {
  const out: string[] = [];
  for (const raw of splitRouteName(name)) {
    if (raw === "_index") continue;
    if (raw.startsWith("_")) continue; // a pathless layout
    const part = raw.endsWith("_") ? raw.slice(0, -1) : raw; // "events_" opts out of nesting, same URL
    if (part === "$") out.push("*");
    else if (part.startsWith("$")) out.push(`:${part.slice(1)}`);
    else out.push(part.replace(/\[([^\]]*)\]/g, "$1"));
  }
  return out;
}

function sourcesOf(dir: string): string {
  if (!statSync(dir).isDirectory()) return readFileSync(dir, "utf8");
  return readdirSync(dir)
    .filter((f) => /\.(tsx?|ts)$/.test(f) && !f.includes(".test."))
    .map((f) => readFileSync(path.join(dir, f), "utf8"))
    .join("\n");
}

function all(source: string, pattern: RegExp): string[] {
  return [...new Set([...source.matchAll(pattern)].map((m) => m[1]).filter((v): v is string => !!v))].sort();
}

export function readRoutes(routesDir: string): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const entry of readdirSync(routesDir).sort()) {
    if (entry.startsWith(".")) continue;
    const full = path.join(routesDir, entry);
    const isDir = statSync(full).isDirectory();
    if (isDir && !["route.tsx", "route.ts", "route.jsx", "route.js"].some((f) => existsSync(path.join(full, f)))) continue;
    const name = isDir ? entry : entry.replace(/\.(tsx?|jsx?)$/, "");
    const routeFile = isDir
      ? (["route.tsx", "route.ts"].map((f) => path.join(full, f)).find((f) => existsSync(f)) ?? "")
      : full;
    const routeSource = readFileSync(routeFile, "utf8");
    const source = sourcesOf(full);
    const segments = routeSegments(name);
    const isApi = segments[0] === "api";
    const hasAction = /export\s+(async\s+)?function\s+action\b|export\s+const\s+action\b/.test(routeSource);
    const hasLoader = /export\s+(async\s+)?function\s+loader\b|export\s+const\s+loader\b/.test(routeSource);
    const apiMethods = all(routeSource, /\b(GET|POST|PUT|PATCH|DELETE)\s*:/g);
    routes.push({
      name,
      id: `routes/${name}`,
      segments,
      params: segments.filter((s) => s.startsWith(":")).map((s) => s.slice(1)),
      hasAction,
      hasLoader,
      readsJson: !isApi && /request\.json\(\)|readJson\(request\)|JSON\.parse\(text\)/.test(routeSource),
      isApi,
      methods: isApi && apiMethods.length > 0 ? apiMethods : hasAction ? ["POST"] : [],
      fieldNames: all(source, /\bname=["'{`]+([A-Za-z][\w.[\]]*)["'}`]/g),
      intents: all(source, /intent\s*===\s*["']([\w-]+)["']/g).concat(all(source, /name="intent"\s+value="([\w-]+)"/g)),
      queryNames: all(source, /searchParams\.get(?:All)?\(\s*["'](\w+)["']/g),
    });
  }
  return routes;
}
