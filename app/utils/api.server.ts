/**
 * The JSON API's plumbing: bearer authentication, JSON bodies, one error format, and the event's JSON shape.
 *
 * Every answer is JSON. Errors look like
 *   {"error": {"code": "invalid", "message": "…", "fields": {"endsAt": "The end must be after the start."}}}
 * with English messages (field paths are dotted: "agreement.periodEnd").
 */
import type { AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";
import { DateTime } from "luxon";
import { ZodError, type ZodIssue } from "zod";
import {
  eventInputIssues,
  type EventApiCreate,
  type EventApiPatch,
  type EventInput,
} from "~/domain/events/event.schema";
import { badTextMessage, findIllFormedText, isWellFormedText } from "~/domain/text/well-formed";
import { isInstantInBounds } from "~/domain/dates/phrasing";
import { translateError } from "~/i18n/i18n";
import type { EventDetail } from "~/models/events.server";
import type { User } from "~/models/users.server";
import { isServiceError } from "~/utils/errors";
import { statusOf } from "./action-kit.server";
import { getApiGrant, isUuid } from "~/services/auth.server";

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

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...noStore, ...init.headers } });
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
// Authentication

/** The active staff member behind `Authorization: Bearer <token>`, or a 401 JSON response thrown. */
export async function requireApiUser(request: Request, context: AppLoadContext): Promise<User> {
  const found = await getApiGrant(request, context);
  if (found) {
    const refusal = tokenRefusal(found.grant, request);
    if (refusal) throw apiError(403, refusal);
    return found.user;
  }
  const sent = (request.headers.get("Authorization") ?? "").trim() !== "";
  throw apiError(401, sent ? messages.invalidToken : messages.unauthenticated, {}, {
    "WWW-Authenticate": sent ? 'Bearer realm="signet", error="invalid_token"' : 'Bearer realm="signet"',
  });
}

/**
 * What a token's scopes and event do not allow for this request, or null: "read" covers GET and HEAD,
 * "write" every other method; a token of one event reaches only /api/v1/events/<that event>/….
 */
export function tokenRefusal(grant: { scopes: string[]; eventId: string | null }, request: Request): string | null {
  const method = request.method.toUpperCase();
  const needs = method === "GET" || method === "HEAD" ? "read" : "write";
  if (!grant.scopes.includes(needs)) return `This token does not have the "${needs}" scope.`;
  if (grant.eventId) {
    const path = new URL(request.url).pathname;
    const prefix = `/api/v1/events/${grant.eventId}`;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return `This token only reaches ${prefix} and what is under it.`;
  }
  return null;
}

/** The actor the services record in the audit log. */
export function actorOf(user: User) {
  return { id: user.id, name: user.name };
}

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
  if (isServiceError(error)) {
    const status = statusOf(error);
    const message = error.code === "invalid" && error.message === "form.fixErrors" ? messages.invalid : translateError("en", error.message);
    return apiError(status, message, translateFields(error.fields));
  }
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
// Representations

/** An instant as ISO 8601 with the zone's offset at that moment, e.g. "2017-10-19T14:00:00+07:00". */
export function isoInZone(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}

export function isoUtc(date: Date): string {
  return DateTime.fromJSDate(date, { zone: "utc" }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}

export interface EventJson {
  id: string;
  title: string;
  titleEn: string | null;
  kind: EventDetail["kind"];
  status: EventDetail["status"];
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: { name: string | null; nameEn: string | null; address: string | null; room: string | null };
  description: string | null;
  capacity: number | null;
  hostOrganizationId: string | null;
  partnerOrganizationIds: string[];
  startPrecision: "time" | "date";
  occasion: string | null;
  occasionEn: string | null;
  context: string | null;
  contextEn: string | null;
  sides: SideJson[];
  documents: DocumentJson[];
  version: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}

export interface SideJson {
  id: string;
  kind: "host" | "guest" | "leaders";
  organizationId: string | null;
  organizationName: string | null;
  labelVi: string | null;
  labelEn: string | null;
  /** The head of delegation: a dignitary id. */
  headPersonId: string | null;
  language: string;
  order: number;
}

export interface DocumentJson {
  id: string;
  kind: EventDetail["documents"][number]["kind"];
  title: string;
  titleEn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  originals: number | null;
  languages: string[];
  order: number;
  /** In signing order; partyIds (organizations) repeats them for the input shape. */
  parties: { sideId: string; organizationId: string | null; signatoryIds: string[] }[];
  partyIds: string[];
}

export function sideToJson(side: EventDetail["sides"][number]): SideJson {
  return {
    id: side.id,
    kind: side.kind,
    organizationId: side.organization?.id ?? null,
    organizationName: side.organization?.nameVi ?? null,
    labelVi: side.labelVi,
    labelEn: side.labelEn,
    headPersonId: side.headPersonId,
    language: side.language,
    order: side.order,
  };
}

export function documentToJson(d: EventDetail["documents"][number], sides: EventDetail["sides"]): DocumentJson {
  const orgOf = (sideId: string) => sides.find((s) => s.id === sideId)?.organization?.id ?? null;
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    titleEn: d.titleEn,
    periodStart: d.periodStart,
    periodEnd: d.periodEnd,
    aims: d.aims,
    originals: d.originals,
    languages: d.languages,
    order: d.order,
    parties: d.parties.map((p) => ({ sideId: p.sideId, organizationId: orgOf(p.sideId), signatoryIds: p.signatoryIds })),
    partyIds: d.parties.map((p) => orgOf(p.sideId)).filter((x): x is string => !!x),
  };
}

export function eventToJson(detail: EventDetail): EventJson {
  return {
    id: detail.id,
    title: detail.title,
    titleEn: detail.titleEn,
    kind: detail.kind,
    status: detail.status,
    startsAt: isoInZone(detail.startsAt, detail.timeZone),
    endsAt: isoInZone(detail.endsAt, detail.timeZone),
    timeZone: detail.timeZone,
    venue: { name: detail.venueName, nameEn: detail.venueNameEn, address: detail.venueAddress, room: detail.venueRoom },
    description: detail.description,
    capacity: detail.capacity,
    hostOrganizationId: detail.hostOrganizationId,
    partnerOrganizationIds: detail.partners.map((p) => p.id),
    startPrecision: detail.startPrecision,
    occasion: detail.occasion,
    occasionEn: detail.occasionEn,
    context: detail.context,
    contextEn: detail.contextEn,
    sides: detail.sides.map(sideToJson),
    documents: detail.documents.map((d) => documentToJson(d, detail.sides)),
    version: detail.version,
    createdAt: isoUtc(detail.createdAt),
    updatedAt: isoUtc(detail.updatedAt),
    cancelledAt: detail.cancelledAt ? isoUtc(detail.cancelledAt) : null,
  };
}

/** The ETag of an event representation: its version, e.g. `"3"`. Send it back in If-Match. */
export function eventEtag(detail: { version: number }): string {
  return `"${detail.version}"`;
}

// ---------------------------------------------------------------------------------------------------
// Events: JSON input → EventInput, PATCH merging, cursors, versions

/** The create body (already parsed by eventApiCreateSchema) as the services' EventInput. */
export function eventInputFromApi(body: EventApiCreate): EventInput {
  return {
    title: body.title,
    titleEn: body.titleEn ?? null,
    venueNameEn: body.venue?.nameEn ?? null,
    kind: body.kind,
    status: body.status,
    startsAt: body.startsAt,
    endsAt: body.endsAt,
    timeZone: body.timeZone,
    startPrecision: body.startPrecision,
    venueName: body.venue?.name ?? null,
    venueAddress: body.venue?.address ?? null,
    venueRoom: body.venue?.room ?? null,
    description: body.description,
    occasion: body.occasion,
    occasionEn: body.occasionEn,
    context: body.context,
    contextEn: body.contextEn,
    hostOrganizationId: body.hostOrganizationId,
    partnerOrganizationIds: body.partnerOrganizationIds,
    capacity: body.capacity,
    documents: body.documents ?? [],
  };
}

/**
 * A parsed PATCH merged into the stored event: absent fields keep their value, `null` clears,
 * `venue` replaces the whole object, `documents` the whole list (the n-th document keeps its id and the
 * signatories of parties that stay).
 */
export function mergeEventPatch(current: EventInput, patch: EventApiPatch): EventInput {
  const merged: EventInput = { ...current };
  if (patch.title !== undefined) merged.title = patch.title;
  if (patch.titleEn !== undefined) merged.titleEn = patch.titleEn;
  if (patch.kind !== undefined) merged.kind = patch.kind;
  if (patch.status !== undefined) merged.status = patch.status;
  if (patch.startsAt !== undefined) merged.startsAt = patch.startsAt;
  if (patch.endsAt !== undefined) merged.endsAt = patch.endsAt;
  if (patch.timeZone !== undefined) merged.timeZone = patch.timeZone;
  if (patch.startPrecision !== undefined) merged.startPrecision = patch.startPrecision;
  if (patch.occasion !== undefined) merged.occasion = patch.occasion;
  if (patch.occasionEn !== undefined) merged.occasionEn = patch.occasionEn;
  if (patch.context !== undefined) merged.context = patch.context;
  if (patch.contextEn !== undefined) merged.contextEn = patch.contextEn;
  if (patch.venue !== undefined) {
    merged.venueName = patch.venue?.name ?? null;
    merged.venueNameEn = patch.venue?.nameEn ?? null;
    merged.venueAddress = patch.venue?.address ?? null;
    merged.venueRoom = patch.venue?.room ?? null;
  }
  if (patch.description !== undefined) merged.description = patch.description;
  if (patch.hostOrganizationId !== undefined) merged.hostOrganizationId = patch.hostOrganizationId;
  if (patch.partnerOrganizationIds !== undefined) merged.partnerOrganizationIds = patch.partnerOrganizationIds;
  if (patch.capacity !== undefined) merged.capacity = patch.capacity;
  merged.documents = patch.documents;
  return merged;
}

/** Cross-field rules on a complete input, as translated field errors (empty when all is well). */
export function eventApiIssues(input: EventInput): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of eventInputIssues(input)) fields[issue.path] ??= translateError("en", issue.message);
  if (input.documents?.length && input.kind !== "signing_ceremony")
    fields.documents ??= 'Only a signing ceremony (kind "signing_ceremony") can have documents.';
  return fields;
}

/** Opaque keyset cursor: base64url of `["<startsAt ISO>", "<id>"]` of the last event on a page. */
export function encodeEventCursor(event: { startsAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([event.startsAt.toISOString(), event.id]), "utf8").toString("base64url");
}

export function decodeEventCursor(cursor: string): { startsAt: Date; id: string } | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [startsAt, id] = value as unknown[];
  if (typeof startsAt !== "string" || typeof id !== "string" || !isUuid(id)) return null;
  const date = new Date(startsAt);
  if (!isInstantInBounds(date)) return null;
  return { startsAt: date, id };
}

/**
 * The version the client expects to change, from `If-Match: "3"` (or `W/"3"`, `*` = any) or `?version=3`.
 * Undefined when neither is sent; throws 400 when one is malformed.
 */
export function expectedVersion(request: Request): number | undefined {
  const header = request.headers.get("If-Match")?.trim();
  if (header) {
    if (header === "*") return undefined;
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
    if (!match?.[1]) throw apiError(400, 'If-Match must be the event\'s version in quotes, e.g. If-Match: "3".');
    return Number(match[1]);
  }
  const query = new URL(request.url).searchParams.get("version");
  if (query === null) return undefined;
  if (!/^\d{1,9}$/.test(query)) throw apiError(400, "The version query parameter must be a whole number.", { version: "Must be a whole number." });
  return Number(query);
}
