/**
 * Validates real API answers against /api/v1/openapi.json (ajv, JSON Schema 2020-12): the status must be one
 * the document lists for that operation, and the body must match its schema (every object there is closed, so
 * an undocumented field fails). The `api` fixture (fixtures.ts) runs this on every /api/v1 answer of every
 * test; `loadContract` is the same check called by hand.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "@playwright/test";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

export type ContractCheck = (method: string, path: string, response: APIResponse) => Promise<void>;

function checker(doc: Doc): ContractCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: doc.components } as object);
  const cache = new Map<string, ValidateFunction>();

  return async function expectContract(method: string, path: string, response: APIResponse) {
    const operation = doc.paths[path]?.[method.toLowerCase()];
    expect(operation, `${method} ${path} is not in the OpenAPI document`).toBeDefined();
    const status = String(response.status());
    const documented = operation!.responses[status];
    expect(documented, `${method} ${path} answered ${status}, which the document does not list`).toBeDefined();
    const schema = documented!.content?.["application/json"]?.schema;
    if (!schema) {
      expect(await response.text(), `${method} ${path} ${status} should have no body`).toBe("");
      return;
    }
    const key = `${method} ${path} ${status}`;
    let validate = cache.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"doc#/components')) as object);
      cache.set(key, validate);
    }
    const body: unknown = await response.json();
    const ok = validate(body);
    expect(ok, `${key} does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 800)}`).toBe(true);
  };
}

async function fetchDoc(api: APIRequestContext): Promise<Doc> {
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  return (await response.json()) as Doc;
}

export async function loadContract(api: APIRequestContext): Promise<ContractCheck> {
  return checker(await fetchDoc(api));
}

/** Document paths as patterns, most literal segments first: /invitations/import before /invitations/{invitationId}. */
function matcher(doc: Doc) {
  const patterns = Object.keys(doc.paths)
    .map((template) => ({
      template,
      literals: template.split("/").filter((s) => s && !s.startsWith("{")).length,
      regex: new RegExp(
        "^" +
          template
            .split("/")
            .map((s) => (s === "{subpath}" ? ".+" : s.startsWith("{") ? "[^/]+" : s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
            .join("/") +
          "$",
      ),
    }))
    .sort((a, b) => b.literals - a.literals);
  return (pathname: string) => patterns.find((p) => p.regex.test(pathname))?.template ?? null;
}

const verbs = new Set(["get", "post", "put", "patch", "delete", "fetch"]);

/**
 * The request context with every /api/v1 answer checked against the document. Paths no route serves (404 from
 * the catch-all) and methods a path does not have (405) are not operations and are left to the tests; HEAD has
 * no body to check.
 */
let shared: Promise<{ doc: Doc; check: ContractCheck; templateOf: (pathname: string) => string | null }> | null = null;

export async function contractChecked(api: APIRequestContext): Promise<APIRequestContext> {
  // One document per worker (the server builds it once too): compiled validators are reused across tests.
  shared ??= fetchDoc(api).then((doc) => ({ doc, check: checker(doc), templateOf: matcher(doc) }));
  const { doc, check, templateOf } = await shared;
  return new Proxy(api, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (typeof prop !== "string" || !verbs.has(prop)) return (value as (...args: unknown[]) => unknown).bind(target);
      return async (url: string, options?: { method?: string }) => {
        const response = (await (value as (u: string, o?: object) => Promise<APIResponse>).call(target, url, options)) as APIResponse;
        const method = (prop === "fetch" ? (options?.method ?? "GET") : prop).toUpperCase();
        const pathname = new URL(response.url()).pathname;
        if (method === "HEAD" || !pathname.startsWith("/api/v1/") || pathname === "/api/v1/openapi.json") return response;
        const template = templateOf(pathname);
        if (!template) return response;
        if (!doc.paths[template]?.[method.toLowerCase()] && response.status() === 405) return response;
        await check(method, template, response);
        return response;
      };
    },
  });
}
