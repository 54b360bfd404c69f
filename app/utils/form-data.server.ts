import { data } from "@remix-run/node";
import { isWellFormedText } from "~/domain/text/well-formed";

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

// ---------------------------------------------------------------------------------------------------
// Reading a form body (docs/decisions/024-bad-input.md)

/** A form body larger than this is refused (413); file uploads go through their own upload handlers. */
export const MAX_FORM_BYTES = 2 * 1024 * 1024;

export type FormRefusal =
  | { code: "unsupported_form"; status: 415 }
  | { code: "bad_form"; status: 400 }
  | { code: "too_large"; status: 413 }
  | { code: "bad_text"; status: 422; field: string };

/** What a form route throws for a body it cannot read: the error boundary words it in the user's language. */
export function formRefusal(refusal: FormRefusal) {
  return data(refusal, { status: refusal.status, headers: { "Cache-Control": "no-store" } });
}

/** The media type of a Content-Type header, lower case, without parameters ("" when missing). */
export function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/** Throws 415 unless the request says it carries a form (urlencoded, or multipart with a boundary). */
export function requireFormContentType(request: Request, { multipart = true } = {}): "urlencoded" | "multipart" {
  const type = mediaType(request);
  if (type === "application/x-www-form-urlencoded") return "urlencoded";
  if (multipart && type === "multipart/form-data" && /;\s*boundary=/i.test(request.headers.get("Content-Type") ?? ""))
    return "multipart";
  throw formRefusal({ code: "unsupported_form", status: 415 });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Percent-decoding to bytes, "+" as space; null when a "%" is not followed by two hex digits. */
function percentDecode(raw: string): Uint8Array | null {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25) {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (c === 0x2b) bytes.push(0x20);
    else bytes.push(c & 0xff);
  }
  return new Uint8Array(bytes);
}

/**
 * An application/x-www-form-urlencoded body → FormData, strictly: a name or value whose bytes are not UTF-8
 * (a browser never sends those) or which holds a NUL or lone surrogate is refused with 422 naming the field,
 * instead of being silently replaced with "�". Exported for tests.
 */
export function parseUrlencodedStrict(body: Uint8Array): FormData {
  // The body itself is ASCII (percent-encoded); bytes ≥ 0x80 sent raw are decoded as UTF-8 too.
  let text: string;
  try {
    text = strictUtf8.decode(body);
  } catch {
    throw formRefusal({ code: "bad_form", status: 400 });
  }
  const form = new FormData();
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const rawName = eq >= 0 ? pair.slice(0, eq) : pair;
    const rawValue = eq >= 0 ? pair.slice(eq + 1) : "";
    const nameBytes = percentDecode(encodeRaw(rawName));
    let name: string;
    try {
      if (!nameBytes) throw new Error("bad escape");
      name = strictUtf8.decode(nameBytes);
    } catch {
      throw formRefusal({ code: "bad_form", status: 400 });
    }
    const field = isWellFormedText(name) ? name : "?";
    const valueBytes = percentDecode(encodeRaw(rawValue));
    if (!valueBytes) throw formRefusal({ code: "bad_text", status: 422, field });
    let value: string;
    try {
      value = strictUtf8.decode(valueBytes);
    } catch {
      throw formRefusal({ code: "bad_text", status: 422, field });
    }
    if (!isWellFormedText(name) || !isWellFormedText(value)) throw formRefusal({ code: "bad_text", status: 422, field });
    form.append(name, value);
  }
  return form;
}

/** Raw (unencoded) non-ASCII characters of a body → their UTF-8 bytes as %XX, so percentDecode sees bytes only. */
function encodeRaw(s: string): string {
  // eslint-disable-next-line no-control-regex -- ASCII is the point
  return /^[\u0000-\u007f]*$/.test(s) ? s : s.replace(/[^\u0000-\u007f]+/g, (m) => encodeURIComponent(m));
}

/** Checks the text fields of an already parsed FormData (multipart) against the text rule. */
export function assertWellFormedForm(form: FormData): FormData {
  for (const [name, value] of form.entries()) {
    if (!isWellFormedText(name)) throw formRefusal({ code: "bad_text", status: 422, field: "?" });
    if (typeof value === "string" && !isWellFormedText(value))
      throw formRefusal({ code: "bad_text", status: 422, field: name });
  }
  return form;
}

/**
 * The one way a route reads its form: instead of Node's TypeError (a 500 with a stack trace in the log) it
 * throws 415 for a missing or wrong Content-Type, 413 for a body over MAX_FORM_BYTES, 400 for a body that
 * cannot be parsed, and 422 naming the field for text that breaks the text rule (NUL, lone surrogate, bytes
 * that are not UTF-8). Routes with file uploads use their upload handler after requireFormContentType().
 */
export async function readForm(request: Request): Promise<FormData> {
  const kind = requireFormContentType(request);
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_FORM_BYTES) throw formRefusal({ code: "too_large", status: 413 });
  if (kind === "urlencoded") {
    let body: Uint8Array;
    try {
      body = new Uint8Array(await request.arrayBuffer());
    } catch {
      throw formRefusal({ code: "bad_form", status: 400 });
    }
    if (body.byteLength > MAX_FORM_BYTES) throw formRefusal({ code: "too_large", status: 413 });
    return parseUrlencodedStrict(body);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw formRefusal({ code: "bad_form", status: 400 });
  }
  return assertWellFormedForm(form);
}
