/**
 * Validates real API answers against /api/v1/openapi.json (ajv, JSON Schema 2020-12): the status must be one
 * the document lists for that operation, and the body must match its schema.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { expect } from "./fixtures";

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>; components: object };

export async function loadContract(api: APIRequestContext) {
  const response = await api.get("/api/v1/openapi.json");
  expect(response.status()).toBe(200);
  const doc = (await response.json()) as Doc;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "doc", components: doc.components } as object);
  const cache = new Map<string, ValidateFunction>();

  /** Fails the test when `response` is not what the document says `method path` answers. */
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
    expect(ok, `${key}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`).toBe(true);
  };
}
