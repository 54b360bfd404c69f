import { decodeUrlComponent, decodeUtf8, hasForbiddenCharacters, safeKey } from "./text-input";

/** The largest urlencoded form this reads (multipart uploads have their own limits, in the photo services). */
export const MAX_FORM_BYTES = 4 * 1024 * 1024;

/**
 * The request's form, for every action: a form's Content-Type or 415, a body that parses or 400, and text that
 * follows docs/decisions/015-text-input.md (no NUL, no unpaired surrogate, UTF-8 bytes) or 422 naming the fields.
 * Thrown answers are JSON Responses `{code, fields?}`, shown in the user's language by the route's error boundary.
 */
export async function readForm(request: Request): Promise<FormData> {
  const type = (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let form: FormData;
  if (type === "application/x-www-form-urlencoded") {
    const declared = Number(request.headers.get("Content-Length") ?? "0");
    if (declared > MAX_FORM_BYTES) throw refusal(413, { code: "payload_too_large" });
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > MAX_FORM_BYTES) throw refusal(413, { code: "payload_too_large" });
    const text = decodeUtf8(bytes);
    if (text === null) throw invalidCharacters(["_form"]);
    form = new FormData();
    const bad: string[] = [];
    for (const pair of text.split("&")) {
      if (!pair) continue;
      const at = pair.indexOf("=");
      const name = decodeUrlComponent(at === -1 ? pair : pair.slice(0, at), true);
      const value = decodeUrlComponent(at === -1 ? "" : pair.slice(at + 1), true);
      if (name === null) bad.push("_form");
      else if (value === null) bad.push(name);
      else form.append(name, value);
    }
    if (bad.length) throw invalidCharacters(bad);
  } else if (type === "multipart/form-data") {
    try {
      form = await request.formData();
    } catch {
      throw refusal(400, { code: "bad_request" });
    }
  } else {
    throw refusal(415, { code: "unsupported_media_type" });
  }
  const bad = new Set<string>();
  for (const [key, value] of form.entries()) {
    if (hasForbiddenCharacters(key)) bad.add(safeKey(key));
    else if (typeof value === "string" && hasForbiddenCharacters(value)) bad.add(key);
  }
  if (bad.size) throw invalidCharacters([...bad]);
  return form;
}

function invalidCharacters(fields: string[]) {
  return refusal(422, { code: "invalid_characters", fields: [...new Set(fields)].slice(0, 10) });
}

/**
 * A thrown Response rather than data(): Remix hands it to the error boundary as route error data on pages, and
 * returns it as is from resource routes — without logging it as an unexpected error either way.
 */
function refusal(status: number, body: { code: string; fields?: string[] }): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * FormData → a plain object for zod: single values as strings, the named fields as string arrays.
 * Files and unknown repeats are ignored (the first value wins).
 */
export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (arrayFields.includes(key)) {
      out[key] = formData.getAll(key).filter((v): v is string => typeof v === "string");
    } else {
      const value = formData.get(key);
      if (typeof value === "string") out[key] = value;
    }
  }
  for (const key of arrayFields) out[key] ??= [];
  return out;
}

/**
 * The version a form was loaded at (the stale-edit guard): a whole number from 1, digits only. Anything else —
 * missing, "abc", "1.5", "1e3", " 2" — is null, and the caller answers 400 instead of saving without the guard.
 */
export function versionField(value: unknown): number | null {
  if (typeof value !== "string" || !/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}
