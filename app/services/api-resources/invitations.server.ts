/**
 * The invitations and people API's shared steps (docs/api.md): bodies checked with the attendee form's own schema
 * (attendeeFormSchema) under the API's field names, refusing fields it does not know; the invitations list query; the
 * invitation of the URL. The JSON shapes are app/services/api-presenters/invitations.server.ts.
 */
import type { AppLoadContext } from "@remix-run/node";
import { attendeeFormSchema, invitationRoles, invitationStatuses, type AttendeeInput } from "~/domain/attendees/attendee.schema";
import { getInvitation, invitationSorts, type InvitationSort, type InvitationWithPerson } from "~/models/invitations.server";
import type { Person } from "~/models/people.server";
import { apiFields, formNameOf } from "~/services/api-presenters/invitations.server";
import { apiError, apiQueryParam, readLimit, readOffsetCursor, validationError, zodFields } from "~/utils/api.server";
import { idParam } from "./params.server";

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
// The invitations list: filters, sort, ?limit=&cursor= (readLimit and the offset cursor: app/utils/api.server.ts)

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

export const invitationNotFound = () => apiError(404, "No invitation with this id at this event.");

/** The invitation of the URL, or a 404 (unknown id, not a UUID, or an invitation of another event). */
export async function loadInvitation(context: AppLoadContext, eventId: string, raw: string | undefined): Promise<InvitationWithPerson> {
  const invitation = await getInvitation(context.db, idParam(raw, invitationNotFound));
  if (!invitation || invitation.eventId !== eventId) throw invitationNotFound();
  return invitation;
}
