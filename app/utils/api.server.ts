/**
 * The JSON API's HTTP plumbing: JSON answers, one error format, JSON bodies read and parsed with the route's zod
 * schema, the error mapper, routing by method, and list paging (?limit=, the offset cursor). Bearer authentication is app/services/api-auth.server.ts; the
 * JSON shapes of the resources are app/services/api-presenters/ (docs/decisions/033-api-layers.md).
 *
 * Every answer is JSON. Errors look like
 *   {"error": {"code": "invalid", "message": "…", "fields": {"endsAt": "The end must be after the start."}}}
 * with English messages (field paths are dotted: "agreement.periodEnd"). A ServiceError's status comes from the
 * one table (statusOf, app/utils/action-kit.server.ts), the same for pages and the API.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ZodError, type z, type ZodIssue } from "zod";
import { badTextMessage, findIllFormedText, isWellFormedText } from "~/domain/text/well-formed";
import { translateError } from "~/i18n/i18n";
import { attempt, statusOf } from "./action-kit.server";
import { isServiceError, type ServiceError } from "./errors";

export type ApiErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "invalid"
  | "internal";

const codeByStatus: Record<number, ApiErrorCode> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "method_not_allowed",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "invalid",
  500: "internal",
};

const noStore = { "Cache-Control": "no-store" };

const utf8 = new TextEncoder();

/**
 * The body goes out with its Content-Length: the compression middleware (server/index.ts) then leaves a small answer
 * (under 1 KiB: most single resources and every error) as it is — without the length, Remix streams the body and
 * every answer paid a zlib stream of its own.
 */
export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  if (text === undefined) return Response.json(body, { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
  const bytes = utf8.encode(text);
  return new Response(bytes, {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json", "Content-Length": String(bytes.byteLength), ...noStore, ...init.headers },
  });
}


/** A JSON error response: `{"error": {"code", "message", "fields"}}`. Throw it or return it. */
export function apiError(
  status: number,
  message: string,
  fields: Record<string, string> = {},
  headers: Record<string, string> = {},
): Response {
  const code = codeByStatus[status] ?? (status >= 500 ? "internal" : "bad_request");
  return apiJson({ error: { code, message, fields } }, { status, headers });
}

/** A JSON error with keys beside `error` (e.g. the invitation that already exists, the current text to merge). */
export function apiErrorWith(
  status: number,
  message: string,
  extra: Record<string, unknown>,
  headers: Record<string, string> = {},
): Response {
  const code = codeByStatus[status] ?? (status >= 500 ? "internal" : "bad_request");
  return apiJson({ error: { code, message, fields: {} }, ...extra }, { status, headers });
}

/** 204 No Content (a DELETE done). */
export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { ...noStore, ...headers } });
}

export const messages = {
  unauthenticated: "Authentication required: send the header Authorization: Bearer <token>.",
  invalidToken: "The API token is invalid, revoked, or belongs to a deactivated account.",
  forbidden: "Your account is not allowed to do this.",
  notFound: "Not found.",
  eventNotFound: "No event with this id.",
  invalid: "Please correct the fields listed in error.fields.",
  internal: "The server ran into a problem. Please try again in a few minutes.",
} as const;

// ---------------------------------------------------------------------------------------------------
// Request bodies

export const MAX_BODY_BYTES = 1024 * 1024;

function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const type = header.split(";")[0]?.trim().toLowerCase() ?? "";
  return type === "application/json" || (type.startsWith("application/") && type.endsWith("+json"));
}

/**
 * The request's JSON object body. Throws 415 when Content-Type is not JSON, 413 when over 1 MiB,
 * 400 when the body is not valid JSON or not a JSON object.
 */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
  if (!isJsonContentType(request.headers.get("Content-Type")))
    throw apiError(415, "Send the body as JSON with the header Content-Type: application/json.");
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw apiError(413, "The request body is larger than 1 MiB.");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) throw apiError(413, "The request body is larger than 1 MiB.");
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw apiError(400, "The request body is not valid UTF-8.");
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw apiError(400, "The request body is not valid JSON.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw apiError(400, "The request body must be a JSON object.");
  assertWellFormedJson(body);
  return body as Record<string, unknown>;
}

/**
 * The request's JSON body parsed with the route's zod schema: 415/413/400 as readJson, 422 naming each field
 * that is wrong (`message` replaces the general one, e.g. to show the expected body).
 */
export async function readJsonAs<S extends z.ZodTypeAny>(request: Request, schema: S, message?: string): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(zodFields(parsed.error), message);
  return parsed.data as z.output<S>;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The text rule (docs/decisions/024-bad-input.md) for a parsed JSON body: a string holding a NUL or a lone
 * surrogate ("\u0000", "\ud800") is refused with 422 naming its field, never stored or silently replaced.
 */
export function assertWellFormedJson(body: unknown): void {
  const field = findIllFormedText(body);
  if (field !== null) throw validationError({ [field]: translateError("en", badTextMessage) });
}

/**
 * A query parameter obeying the text rule, or null when absent; NUL or a lone surrogate → 400 naming it.
 * (server/request-guards.ts already refuses such addresses before Remix; this keeps loaders safe on their own.)
 */
export function apiQueryParam(request: Request | URL, name: string): string | null {
  const value = (request instanceof URL ? request : new URL(request.url)).searchParams.get(name);
  if (value !== null && !isWellFormedText(value))
    throw apiError(400, `The query parameter ${name} is not valid.`, { [name]: translateError("en", badTextMessage) });
  return value;
}

// ---------------------------------------------------------------------------------------------------
// Errors

/** Field names the services use for the HTML form, as the API calls them. */
const apiFieldNames: Record<string, string> = {
  venueName: "venue.name",
  venueNameEn: "venue.nameEn",
  venueAddress: "venue.address",
  venueRoom: "venue.room",
};

/** i18n-keyed field errors → English messages keyed by the API's field paths. */
export function translateFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) out[apiFieldNames[key] ?? key] ??= translateError("en", message);
  return out;
}

function issueFields(issue: ZodIssue): [string, string][] {
  if (issue.code === "unrecognized_keys")
    return issue.keys.map((key) => [[...issue.path, key].join("."), "Unknown field."]);
  const path = issue.path.join(".") || "_body";
  return [[path, translateError("en", issue.message)]];
}

/** Zod issues → English messages keyed by dotted path, first message per field. */
export function zodFields(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) for (const [path, message] of issueFields(issue)) out[path] ??= message;
  return out;
}

export function validationError(fields: Record<string, string>, message: string = messages.invalid): Response {
  return apiError(422, message, fields);
}

/** What a route may say instead of a ServiceError's own words: its message, its fields, keys beside `error`. */
export interface ApiErrorWording {
  message?: string;
  fields?: Record<string, string>;
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * A ServiceError as the JSON error answer. Its status is the one table's (statusOf); its message and fields are the
 * service's i18n keys in English unless `wording` gives the API's own.
 */
export function serviceErrorResponse(error: ServiceError, wording: ApiErrorWording = {}): Response {
  const status = statusOf(error);
  const message =
    wording.message ?? (error.code === "invalid" && error.message === "form.fixErrors" ? messages.invalid : translateError("en", error.message));
  return apiJson(
    { error: { code: codeByStatus[status] ?? "conflict", message, fields: wording.fields ?? translateFields(error.fields) }, ...wording.extra },
    { status, headers: wording.headers },
  );
}

/**
 * Runs a service call (the kit's `attempt`); a ServiceError is thrown on as its JSON answer, worded by `wording` when
 * it returns something for that error (its status always the table's). Anything else is thrown on unchanged.
 */
export async function withApiWording<T>(run: () => Promise<T>, wording: (error: ServiceError) => ApiErrorWording | null): Promise<T> {
  const outcome = await attempt(run);
  if (outcome.ok) return outcome.value;
  throw serviceErrorResponse(outcome.error, wording(outcome.error) ?? {});
}

/** The `data({code}, {status})` values thrown by checkEventPermission and friends (not Responses). */
function thrownDataStatus(error: unknown): number | null {
  if (typeof error !== "object" || error === null) return null;
  const candidate = error as { type?: unknown; init?: unknown };
  if (candidate.type !== "DataWithResponseInit") return null;
  const init = candidate.init as { status?: unknown } | null | undefined;
  return typeof init?.status === "number" ? init.status : 200;
}

/** Whatever a handler threw → a JSON error response. Unexpected errors are logged and become a bare 500. */
export function toApiErrorResponse(error: unknown): Response {
  if (error instanceof Response) {
    if (error.status >= 300 && error.status < 400) return apiError(401, messages.unauthenticated);
    return error;
  }
  if (isServiceError(error)) return serviceErrorResponse(error);
  if (error instanceof ZodError) return validationError(zodFields(error));
  const status = thrownDataStatus(error);
  if (status !== null) {
    if (status === 404) return apiError(404, messages.notFound);
    if (status === 403) return apiError(403, messages.forbidden);
    if (status === 400) return apiError(400, "Bad request.");
    if (status >= 400 && status < 500) return apiError(status, "The request was refused.");
  }
  console.error("API error:", error);
  return apiError(500, messages.internal);
}

// ---------------------------------------------------------------------------------------------------
// Routing by method

export type ApiMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type ApiHandler = (args: LoaderFunctionArgs) => Promise<Response>;

/**
 * Calls the handler for the request's method (HEAD uses GET) and turns anything it throws into a JSON
 * error. Use from both the loader and the action of a resource route, so every method lands here:
 *   export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
 *   export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
 */
export async function handleApi(args: LoaderFunctionArgs, handlers: Partial<Record<ApiMethod, ApiHandler>>) {
  const allowed = Object.keys(handlers) as ApiMethod[];
  const allow = [...allowed, ...(handlers.GET ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const method = args.request.method.toUpperCase();
  if (method === "OPTIONS") return new Response(null, { status: 204, headers: { Allow: allow, ...noStore } });
  const handler = method === "HEAD" ? handlers.GET : handlers[method as ApiMethod];
  if (!handler) return apiError(405, `Method ${method} is not allowed here. Allowed: ${allow}.`, {}, { Allow: allow });
  try {
    return await handler(args);
  } catch (error) {
    return toApiErrorResponse(error);
  }
}

/** For /api/* paths no route serves. */
export function apiNotFound(): Response {
  return apiError(404, "No such API endpoint. See docs/api.md.");
}

// ---------------------------------------------------------------------------------------------------
// Versions

/**
 * The version the client expects to change, from `If-Match: "3"` (or `W/"3"`, `*` = any) or `?version=3`.
 * Undefined when neither is sent; throws 400 when one is malformed.
 */
export function expectedVersion(request: Request): number | undefined {
  const version = versionToken(request, {
    pattern: /^\d{1,9}$/,
    header: 'If-Match must be the event\'s version in quotes, e.g. If-Match: "3".',
    query: ["The version query parameter must be a whole number.", "Must be a whole number."],
  });
  return version === undefined ? undefined : Number(version);
}

/**
 * The version token of If-Match or ?version= as it is sent (`pattern` says what one looks like); the resources
 * whose versions are not numbers (the agenda's) read theirs through this too.
 */
export function versionToken(
  request: Request,
  messages: { pattern: RegExp; header: string; query: [message: string, field: string] },
): string | undefined {
  const header = request.headers.get("If-Match")?.trim();
  if (header) {
    if (header === "*") return undefined;
    const token = /^(?:W\/)?"?([^"]*)"?$/.exec(header)?.[1];
    if (!token || !messages.pattern.test(token)) throw apiError(400, messages.header);
    return token;
  }
  const query = new URL(request.url).searchParams.get("version");
  if (query === null) return undefined;
  if (!messages.pattern.test(query)) throw apiError(400, messages.query[0], { version: messages.query[1] });
  return query;
}

// ---------------------------------------------------------------------------------------------------
// Lists: ?limit=&cursor= with an opaque offset cursor (the invitations and people lists)

export function readLimit(search: URLSearchParams, fallback = 50): number {
  const raw = search.get("limit");
  if (raw === null) return fallback;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1 || Number(raw) > 100)
    throw apiError(400, "limit must be a whole number from 1 to 100.", { limit: "Must be a whole number from 1 to 100." });
  return Number(raw);
}

/** base64url of ["o", offset]: the position after the last item of the previous page. */
export function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify(["o", offset]), "utf8").toString("base64url");
}

export function readOffsetCursor(search: URLSearchParams): number {
  const raw = search.get("cursor");
  if (raw === null || raw === "") return 0;
  const bad = () => apiError(400, "The cursor is not one this API made: send nextCursor unchanged.", { cursor: "Not a cursor of this list." });
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(raw)) throw bad();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw bad();
  }
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== "o" || !Number.isInteger(value[1]) || (value[1] as number) < 0 || (value[1] as number) > 10_000_000)
    throw bad();
  return value[1] as number;
}
