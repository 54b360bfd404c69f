/**
 * The events API's bodies as the services' EventInput (docs/api.md, "Events"): the create body, a PATCH merged into
 * the stored event, and the cross-field rules as the API's English field errors. Pure.
 */
import { eventInputIssues, type EventApiCreate, type EventApiPatch, type EventInput } from "~/domain/events/event.schema";
import { translateError } from "~/i18n/i18n";

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
