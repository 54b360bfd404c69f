/**
 * Invitations and directory entries as the API answers them (docs/api.md, "Invitations", "People"; the schemas:
 * app/domain/api/resources.ts), and the API's names for the attendee form's fields (`name` is the form's
 * `fullName`, `group` its `groupLabel`).
 */
import type { InvitationJson, PersonDetailJson, PersonJson } from "~/domain/api/resources";
import type { ImportRowError } from "~/domain/attendees/import";
import { invitationJsonPersonalKeys, omitFields, personJsonPersonalKeys } from "~/domain/privacy/personal-data";
import { translateError } from "~/i18n/i18n";
import type { InvitationWithPerson } from "~/models/invitations.server";
import type { listPersonInvitations, Person } from "~/models/people.server";
import { isoUtc, isoUtcOrNull, timestampsToJson } from "./iso.server";
import { personFieldsToJson } from "./people.server";

/** API field → form field, for the fields a client may send. */
export const formNameOf = {
  honorific: "honorific",
  name: "fullName",
  positions: "positions",
  organization: "organization",
  email: "email",
  phone: "phone",
  language: "language",
  notes: "notes",
  role: "role",
  group: "groupLabel",
  plusOnes: "plusOnes",
  dietaryNeeds: "dietaryNeeds",
  accessNeeds: "accessNeeds",
} as const;
const apiNameOf: Record<string, string> = Object.fromEntries(Object.entries(formNameOf).map(([api, form]) => [form, api]));

/** Form-keyed messages (or zod errors) → the API's field names. */
export function apiFields(fields: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) out[apiNameOf[key] ?? key] ??= message;
  return out;
}

/**
 * A directory entry. `personal`: whether the reader may see contact details and notes (docs/decisions/
 * 017-personal-data.md); without it those keys are absent, not null.
 */
export function personToJson(p: Person, personal: boolean): PersonJson {
  const json: PersonJson = { id: p.id, ...personFieldsToJson(p) };
  return personal ? json : omitFields(json, personJsonPersonalKeys);
}

/** An invitation; without `personal` the contact details, notes, needs and comment are absent. */
export function invitationToJson(i: InvitationWithPerson, personal: boolean): InvitationJson {
  const json: InvitationJson = {
    id: i.id,
    eventId: i.eventId,
    personId: i.personId,
    ...personFieldsToJson(i.person),
    role: i.role,
    group: i.groupLabel,
    plusOnes: i.plusOnes,
    dietaryNeeds: i.dietaryNeeds,
    accessNeeds: i.accessNeeds,
    status: i.status,
    respondedAt: isoUtcOrNull(i.respondedAt),
    comment: i.comment,
    withdrawnAt: isoUtcOrNull(i.withdrawnAt),
    companionNames: i.companionNames,
    deputyForInvitationId: i.deputyForInvitationId,
    bounce: bounceOf(i, personal),
    ...timestampsToJson(i),
  };
  return personal ? json : omitFields(json, invitationJsonPersonalKeys);
}

/** A bounce that still stands (the bounced address is still the person's); its reason names the address: personal. */
function bounceOf(i: InvitationWithPerson, personal: boolean): InvitationJson["bounce"] {
  const stands = i.bouncedAt && i.bouncedEmail && i.person.email && i.bouncedEmail.toLowerCase() === i.person.email.toLowerCase();
  if (!stands || !i.bouncedAt) return null;
  return personal ? { at: isoUtc(i.bouncedAt), reason: i.bounceReason } : { at: isoUtc(i.bouncedAt) };
}

/** A directory entry with the invitations of that person. */
export function personDetailToJson(
  person: Person,
  invitations: Awaited<ReturnType<typeof listPersonInvitations>>,
  personal: boolean,
): PersonDetailJson {
  return {
    ...personToJson(person, personal),
    invitations: invitations.map((i) => ({
      id: i.invitationId,
      eventId: i.eventId,
      eventTitle: i.eventTitle,
      eventStartsAt: isoUtc(i.eventStartsAt),
      role: i.role,
      status: i.status,
      withdrawnAt: isoUtcOrNull(i.withdrawnAt),
    })),
  };
}

/** An import's row errors, with the API's field names. */
export function importRowErrorsToJson(errors: readonly ImportRowError[]) {
  return errors.map((e) => ({
    row: e.rowNumber,
    field: e.field === null ? null : (Object.keys(apiFields({ [e.field]: "" }))[0] ?? e.field),
    message: translateError("en", e.message),
  }));
}
