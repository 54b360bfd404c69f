/**
 * The invitations and people API's shared steps (docs/api.md): bodies checked with the attendee form's own schema
 * (attendeeFormSchema) under the API's field names, refusing fields it does not know; list queries and cursors; the
 * invitation of the URL. The JSON shapes are app/services/api-presenters/invitations.server.ts.
 */
import type { AppLoadContext } from "@remix-run/node";
import { attendeeFormSchema, invitationRoles, invitationStatuses, type AttendeeInput } from "~/domain/attendees/attendee.schema";
import { getInvitation, invitationSorts, type InvitationSort, type InvitationWithPerson } from "~/models/invitations.server";
import type { Person } from "~/models/people.server";
import { apiFields, formNameOf } from "~/services/api-presenters/invitations.server";
import { isUuid } from "~/services/auth.server";
import { apiError, apiQueryParam, validationError, zodFields } from "~/utils/api.server";

type ApiField = keyof typeof formNameOf;
const personFields = ["honorific", "name", "positions", "organization", "email", "phone", "language", "notes"] as const satisfies readonly ApiField[];

const readOnly = new Set(["id", "eventId", "personId", "status", "respondedAt", "comment", "withdrawnAt", "companionNames", "deputyForInvitationId", "bounce", "createdAt", "updatedAt", "rsvpUrl", "invitations"]);

function checkKeys(body: Record<string, unknown>, allowed: readonly string[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const key of Object.keys(body)) {
    if (allowed.includes(key)) continue;
    fields[key] = readOnly.has(key) ? "Read-only field: it cannot be set through the API." : "Unknown field.";
  }
  if ("positions" in body && body.positions !== null && !(Array.isArray(body.positions) && body.positions.every((p) => typeof p === "string")))
    fields.positions = "Send positions as an array of strings, in the order they are read.";
  return fields;
}

type ApiValues = Partial<Record<ApiField, unknown>>;

function parseAttendee(values: ApiValues, extraFields: Record<string, string>): AttendeeInput {
  const form: Record<string, unknown> = {};
  for (const [api, formName] of Object.entries(formNameOf)) if (values[api as ApiField] !== undefined) form[formName] = values[api as ApiField];
  const parsed = attendeeFormSchema.safeParse(form);
  const fields = { ...(parsed.success ? {} : apiFields(zodFields(parsed.error))), ...extraFields };
  if (Object.keys(fields).length > 0 || !parsed.success) throw validationError(fields);
  return parsed.data;
}

/** POST body → the form's input. `name` is required; `role` defaults to guest, `language` to vi. */
export function attendeeInputFromCreate(body: Record<string, unknown>): AttendeeInput {
  const keys = checkKeys(body, Object.keys(formNameOf));
  return parseAttendee({ role: "guest", language: "vi", plusOnes: 0, ...body }, keys);
}

/** The API's view of what is stored, as a PATCH starts from it. */
function storedValues(i: InvitationWithPerson): Record<ApiField, unknown> {
  return {
    ...storedPersonValues(i.person),
    role: i.role,
    group: i.groupLabel,
    plusOnes: i.plusOnes,
    dietaryNeeds: i.dietaryNeeds,
    accessNeeds: i.accessNeeds,
  };
}

function storedPersonValues(p: Person): Record<(typeof personFields)[number], unknown> {
  return {
    honorific: p.honorific,
    name: p.fullName,
    positions: p.positions,
    organization: p.organization,
    email: p.email,
    phone: p.phone,
    language: p.language,
    notes: p.notes,
  };
}

/** PATCH body merged into the stored invitation (absent keeps, null clears), checked as the edit form is. */
export function attendeeInputFromPatch(current: InvitationWithPerson, body: Record<string, unknown>): AttendeeInput {
  const keys = checkKeys(body, Object.keys(formNameOf));
  return parseAttendee({ ...storedValues(current), ...body }, keys);
}

/** A people-directory PATCH: the person's fields only, merged into what is stored. */
export function personValuesFromPatch(current: Person, body: Record<string, unknown>): AttendeeInput {
  const keys = checkKeys(body, personFields);
  // The invitation fields are not the directory's: fixed values satisfy the shared schema and are ignored.
  return parseAttendee({ ...storedPersonValues(current), ...body, role: "guest", plusOnes: 0 }, keys);
}

// ---------------------------------------------------------------------------------------------------
// Lists: ?limit=&cursor= with an opaque offset cursor

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

const oneOf = <T extends string>(values: readonly T[], name: string, raw: string | null): T | null => {
  if (raw === null || raw === "") return null;
  const found = values.find((v) => v === raw);
  if (!found) throw apiError(400, `Unknown ${name}: use one of ${values.join(", ")}.`, { [name]: `Use one of ${values.join(", ")}.` });
  return found;
};

export interface InvitationListQuery {
  status: (typeof invitationStatuses)[number] | "withdrawn" | null;
  role: (typeof invitationRoles)[number] | null;
  group: string | null;
  q: string | null;
  sort: InvitationSort;
  limit: number;
  offset: number;
}

export function readInvitationListQuery(url: URL): InvitationListQuery {
  const s = url.searchParams;
  const text = (name: string, max: number) => {
    const v = (apiQueryParam(url, name) ?? "").trim();
    if (v.length > max) throw apiError(400, `${name} is longer than ${max} characters.`, { [name]: `At most ${max} characters.` });
    return v || null;
  };
  return {
    status: oneOf([...invitationStatuses, "withdrawn"] as const, "status", s.get("status")),
    role: oneOf(invitationRoles, "role", s.get("role")),
    group: text("group", 100),
    q: text("q", 200),
    sort: oneOf(invitationSorts, "sort", s.get("sort")) ?? "name",
    limit: readLimit(s),
    offset: readOffsetCursor(s),
  };
}

export function idParam(value: string | undefined, notFound: () => Response): string {
  if (!value || !isUuid(value)) throw notFound();
  return value;
}

export const invitationNotFound = () => apiError(404, "No invitation with this id at this event.");

/** The invitation of the URL, or a 404 (unknown id, not a UUID, or an invitation of another event). */
export async function loadInvitation(context: AppLoadContext, eventId: string, raw: string | undefined): Promise<InvitationWithPerson> {
  const invitation = await getInvitation(context.db, idParam(raw, invitationNotFound));
  if (!invitation || invitation.eventId !== eventId) throw invitationNotFound();
  return invitation;
}
