/**
 * The app's routes, for the tests that walk all of them (docs/testing.md): one entry per file or folder under
 * app/routes (Remix v2 flat routes). What Remix decides — the URL pattern, whether there is a loader or an
 * action — comes from the production build's route manifest; what only the source says — the API methods, a
 * JSON body, the form field, intent and query names it mentions — from the route folder's files.
 *
 * The authorization matrix (server/authorization-matrix.server.test.ts) keys its rows by `name`; the fuzz suite
 * (server/bad-input.server.test.ts) generates its requests from the source facts. A new route file is in both
 * without anyone listing it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { ServerBuild } from "@remix-run/node";

export interface AppRoute {
  /** The file or folder name under app/routes, e.g. "events.$eventId_.door_.sync" — the matrix's key. */
  name: string;
  /** Remix's route id: "routes/<name>". */
  id: string;
  /** The URL pattern, e.g. "/events/:eventId/door/sync" ("*" for a splat). */
  pattern: string;
  /** The pattern's parameter names, in order ("*" not included). */
  params: string[];
  hasLoader: boolean;
  hasAction: boolean;
  /** Under /api/. */
  isApi: boolean;
  /** The handleApi methods (API routes); for page routes POST when there is an action. */
  methods: string[];
  /** A page route whose action reads a JSON body (the door's sync, the attendee import's chunks). */
  readsJson: boolean;
  /** Names the source (the route folder's files) uses for form fields. */
  fieldNames: string[];
  /** Values compared with `intent` in the source. */
  intents: string[];
  /** Query parameter names the source reads. */
  queryNames: string[];
}

const ROUTE_MODULE = /\.(tsx?|jsx?)$/;
const FOLDER_MODULE = /^(route|index)\.(tsx?|jsx?)$/;
// remix.config.js ignoredRouteFiles
const IGNORED = [/^\./, /\.test\.(ts|tsx)$/, /\.schema\.ts$/];

/** The route names under app/routes, from the directory: folders with a route module, and flat route files. */
export function routeNames(routesDir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(routesDir)) {
    if (IGNORED.some((re) => re.test(entry))) continue;
    const full = path.join(routesDir, entry);
    if (statSync(full).isDirectory()) {
      if (readdirSync(full).some((f) => FOLDER_MODULE.test(f))) names.push(entry);
    } else if (ROUTE_MODULE.test(entry)) {
      names.push(entry.replace(ROUTE_MODULE, ""));
    }
  }
  return names.sort();
}

/** The route module's source and the source of every module beside it (a folder route's other files). */
function sourcesOf(routesDir: string, name: string): { route: string; all: string } {
  const folder = path.join(routesDir, name);
  let files: string[];
  let routeFile: string | undefined;
  if (statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    files = readdirSync(folder)
      .filter((f) => ROUTE_MODULE.test(f) && !f.includes(".test."))
      .map((f) => path.join(folder, f));
    routeFile = files.find((f) => FOLDER_MODULE.test(path.basename(f)));
  } else {
    files = readdirSync(routesDir)
      .filter((f) => ROUTE_MODULE.test(f) && f.replace(ROUTE_MODULE, "") === name)
      .map((f) => path.join(routesDir, f));
    routeFile = files[0];
  }
  if (!routeFile) throw new Error(`app/routes/${name}: no route module`);
  return { route: readFileSync(routeFile, "utf8"), all: files.map((f) => readFileSync(f, "utf8")).join("\n") };
}

function all(source: string, pattern: RegExp): string[] {
  return [...new Set([...source.matchAll(pattern)].map((m) => m[1]).filter((v): v is string => !!v))].sort();
}

/** Each route name with what the build and its source say about it; a name the build does not know is an error. */
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
    const pattern = fullPath(id) || "/";
    const source = sourcesOf(routesDir, name);
    const isApi = pattern.startsWith("/api/");
    const hasAction = typeof route.module.action === "function";
    const apiMethods = all(source.route, /\b(GET|POST|PUT|PATCH|DELETE)\s*:/g);
    return {
      name,
      id,
      pattern,
      params: [...pattern.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] as string),
      hasLoader: typeof route.module.loader === "function",
      hasAction,
      isApi,
      methods: isApi && apiMethods.length > 0 ? apiMethods : hasAction ? ["POST"] : [],
      readsJson: !isApi && /request\.json\(\)|readJson\(request\)|JSON\.parse\(text\)/.test(source.route),
      fieldNames: all(source.all, /\bname=["'{`]+([A-Za-z][\w.[\]]*)["'}`]/g),
      intents: all(source.all, /intent\s*===\s*["']([\w-]+)["']/g).concat(all(source.all, /name="intent"\s+value="([\w-]+)"/g)),
      queryNames: all(source.all, /searchParams\.get(?:All)?\(\s*["'](\w+)["']/g),
    };
  });
}

/**
 * The pattern with its parameters filled in (percent-encoded; the splat as it is); `raw` values go in as they
 * are, for addresses that are meant to be malformed. Throws for a parameter without a value.
 */
export function fillPattern(pattern: string, values: Record<string, string>, raw: Record<string, string> = {}): string {
  return pattern.replace(/:([A-Za-z0-9_]+)|\*/g, (match, name: string | undefined) => {
    const key = name ?? "*";
    if (raw[key] !== undefined) return raw[key];
    const value = values[key];
    if (value === undefined) throw new Error(`no value for ${match} in ${pattern}`);
    return key === "*" ? value : encodeURIComponent(value);
  });
}
