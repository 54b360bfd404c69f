/**
 * The OpenAPI document covers the API: every route folder under app/routes/api.v1.* and every method it
 * answers (asked the way a client would: OPTIONS, whose Allow header handleApi builds from the handlers) has an
 * operation, and every operation has a route. The schemas compile as JSON Schema 2020-12.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi.server";

const routesDir = path.resolve(__dirname, "../routes");

/** app/routes folder name → OpenAPI path: "api.v1.events.$eventId.cancel" → "/api/v1/events/{eventId}/cancel". */
export function folderToPath(folder: string): string {
  const segments = folder.replace(/\[(.*?)\]/g, (_m, literal: string) => literal.replace(/\./g, "\u2063")).split(".");
  return (
    "/" +
    segments
      .filter((s) => s !== "_index")
      .map((s) => s.replace(/\u2063/g, "."))
      // A trailing "_" only opts out of the parent's layout ("$personId_.export"): not part of the URL.
      .map((s) => (s.length > 1 && s.endsWith("_") ? s.slice(0, -1) : s))
      .map((s) => (s === "$" ? "{subpath}" : s.startsWith("$") ? `{${s.slice(1)}}` : s))
      .join("/")
  );
}

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>>; components: object };

describe("the OpenAPI document", () => {
  const doc = openApiDocument() as Doc;
  const folders = readdirSync(routesDir).filter((f) => f.startsWith("api.v1."));

  it("is OpenAPI 3.1", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(folders.length).toBeGreaterThan(30);
  });

  it("maps route folders to paths", () => {
    expect(folderToPath("api.v1.events.$eventId._index")).toBe("/api/v1/events/{eventId}");
    expect(folderToPath("api.v1.openapi[.json]")).toBe("/api/v1/openapi.json");
    expect(folderToPath("api.v1.events.$eventId.ceremony.$")).toBe("/api/v1/events/{eventId}/ceremony/{subpath}");
    expect(folderToPath("api.v1.people.$personId_.export")).toBe("/api/v1/people/{personId}/export");
  });

  it.each(readdirSync(routesDir).filter((f) => f.startsWith("api.v1.")))("describes every method of %s", async (folder) => {
    const mod = (await import(pathToFileURL(path.join(routesDir, folder, "route.ts")).href)) as {
      loader: (args: unknown) => Promise<Response>;
    };
    const response = await mod.loader({ request: new Request("http://x/", { method: "OPTIONS" }), params: {}, context: {} });
    const methods = (response.headers.get("Allow") ?? "")
      .split(",")
      .map((m) => m.trim().toLowerCase())
      .filter((m) => m && m !== "head" && m !== "options");
    expect(methods.length).toBeGreaterThan(0);
    const operations = doc.paths[folderToPath(folder)];
    expect(operations, `${folderToPath(folder)} is not in the document`).toBeDefined();
    expect(Object.keys(operations ?? {}).sort()).toEqual(methods.sort());
  });

  it("has no operation without a route", () => {
    const routed = new Set(folders.map(folderToPath));
    expect(Object.keys(doc.paths).filter((p) => !routed.has(p))).toEqual([]);
  });

  it("closes every object it answers: an undocumented field fails validation", () => {
    const open: string[] = [];
    const walk = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (typeof node !== "object" || node === null) return;
      const schema = node as Record<string, unknown>;
      if (schema.type === "object" && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(schema)) walk(value, `${where}.${key}`);
    };
    for (const [p, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations))
        for (const [status, response] of Object.entries(op.responses) as [string, { content?: Record<string, { schema: object }> }][])
          if (p !== "/api/v1/openapi.json") walk(response.content?.["application/json"]?.schema, `${method} ${p} ${status}`);
    walk(doc.components, "components");
    expect(open).toEqual([]);
  });

  it("describes each resource field by field (no bare object without properties)", () => {
    const bare: string[] = [];
    for (const [p, operations] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(operations))
        for (const [status, response] of Object.entries(op.responses) as [string, { content?: Record<string, { schema: { type?: string; properties?: object; anyOf?: unknown } } > }][]) {
          const schema = response.content?.["application/json"]?.schema;
          if (schema && schema.type === "object" && !schema.properties && p !== "/api/v1/openapi.json") bare.push(`${method} ${p} ${status}`);
        }
    expect(bare).toEqual([]);
  });

  it("compiles every response schema as JSON Schema 2020-12", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "doc", components: doc.components } as object);
    const seen = new Set<string>();
    for (const operations of Object.values(doc.paths))
      for (const op of Object.values(operations))
        for (const response of Object.values(op.responses) as { content?: Record<string, { schema: object }> }[]) {
          const schema = response.content?.["application/json"]?.schema;
          const text = schema ? JSON.stringify(schema).replace(/"#\/components/g, '"doc#/components') : null;
          if (!text || seen.has(text)) continue;
          seen.add(text);
          ajv.compile(JSON.parse(text) as object);
        }
    expect(seen.size).toBeGreaterThan(10);
  });
});
