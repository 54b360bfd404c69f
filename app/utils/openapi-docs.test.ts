/**
 * docs/api.md's examples are real answers: every complete one (a `# <status> {…}` line that parses as JSON, i.e.
 * not shortened with "…") must match what the OpenAPI document says its section's operation answers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi.server";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

const doc = openApiDocument() as Doc;
const text = readFileSync(path.resolve(__dirname, "../../docs/api.md"), "utf8");

/** The document's path for a heading's: the docs write `{id}` where the document names the parameter. */
function documentPath(written: string): string {
  const shape = (p: string) => p.replace(/\{\w+\}/g, "{}");
  return Object.keys(doc.paths).find((p) => shape(p) === shape(written)) ?? written;
}

/** The examples with the operations of the heading above them ("### Read — `GET|PATCH /api/v1/people/{personId}`"). */
function examples() {
  const found: { line: number; status: string; body: unknown; methods: string[]; path: string }[] = [];
  let methods: string[] = [];
  let route = "";
  text.split("\n").forEach((line, i) => {
    const heading = /^#{2,3} .*`([A-Z|]+) (\/api\/v1\/[^`\s]+)`/.exec(line);
    if (heading) {
      methods = heading[1]!.toLowerCase().split("|");
      route = documentPath(heading[2]!.replace(/\[.*\]$/, ""));
      return;
    }
    const example = /^# (\d{3}) (\{.*\})\s*$/.exec(line);
    // Shortened answers ("…" for ids, times, the rest) are not complete: only whole ones are checked.
    if (!example || !route || example[2]!.includes("…")) return;
    try {
      found.push({ line: i + 1, status: example[1]!, body: JSON.parse(example[2]!) as unknown, methods, path: route });
    } catch {
      // Shortened with "…": not a complete answer.
    }
  });
  return found;
}

describe("docs/api.md", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: doc.components } as object);
  const all = examples();

  it("has complete examples to check", () => {
    expect(all.length).toBeGreaterThan(10);
  });

  it.each(all.map((e) => [`line ${e.line}: ${e.methods.join("|").toUpperCase()} ${e.path} ${e.status}`, e] as const))("%s matches the document", (_name, e) => {
    const operations = doc.paths[e.path];
    expect(operations, `${e.path} is not in the OpenAPI document`).toBeDefined();
    const errors: string[] = [];
    const matched = e.methods.some((method) => {
      const schema = operations?.[method]?.responses[e.status]?.content?.["application/json"]?.schema;
      if (!schema) return false;
      const validate = ajv.compile(JSON.parse(JSON.stringify(schema).replace(/"#\/components/g, '"doc#/components')) as object);
      if (validate(e.body)) return true;
      errors.push(`${method}: ${ajv.errorsText(validate.errors)}`);
      return false;
    });
    expect(matched, errors.join("\n") || `no ${e.status} answer with a body for ${e.methods.join("|")} ${e.path}`).toBe(true);
  });
});
