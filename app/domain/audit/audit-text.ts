/**
 * One entry of the change history in words, in the reader's language: what was done, which fields changed,
 * and which record it was. Every action the code writes has its label `audit.action.<action>`; every field
 * a service lists as changed has one below; an action or a field this code does not know reads as "other"
 * rather than as a raw key.
 */
import type { AgendaItemInput } from "~/domain/agenda/agenda-item.schema";
import type { EventInput } from "~/domain/events/event.schema";
import { isMessageKey, type MessageKey, type TranslateParams } from "~/i18n/i18n";

type Translate = (key: MessageKey, params?: TranslateParams) => string;

export interface AuditEntryFacts {
  action: string;
  entityType: string;
  details: Record<string, unknown> | null;
}

export interface AuditEntryText {
  action: string;
  changed: string | null;
  record: string;
}

/** The event's fields; `agreement` is the single agreement of entries written before the ceremony model. */
const eventFields: Record<keyof EventInput | "agreement", MessageKey> = {
  title: "event.field.title",
  titleEn: "event.field.titleEn",
  venueNameEn: "event.field.venueNameEn",
  kind: "event.field.kind",
  status: "event.field.status",
  startsAt: "event.field.startsAt",
  endsAt: "event.field.endsAt",
  timeZone: "event.field.timeZone",
  venueName: "event.field.venueName",
  venueAddress: "event.field.venueAddress",
  venueRoom: "event.field.venueRoom",
  description: "event.field.description",
  hostOrganizationId: "event.field.host",
  partnerOrganizationIds: "event.field.partners",
  capacity: "event.field.capacity",
  startPrecision: "event.field.startPrecision",
  occasion: "event.field.occasion",
  occasionEn: "event.field.occasionEn",
  context: "event.field.context",
  contextEn: "event.field.contextEn",
  documents: "event.section.agreement",
  agreement: "event.section.agreement",
};

const agendaItemFields: Record<keyof AgendaItemInput | "position", MessageKey> = {
  startsAt: "agenda.field.startsAt",
  durationMinutes: "agenda.field.durationMinutes",
  title: "agenda.field.title",
  titleEn: "agenda.field.titleEn",
  kind: "agenda.field.kind",
  responsibleUserId: "agenda.field.responsible",
  speakerInvitationId: "agenda.field.speaker",
  place: "agenda.field.place",
  notes: "agenda.field.notes",
  keyPoints: "agenda.field.keyPoints",
  position: "audit.field.position",
};

/** The fields of a dignitary's record (models/dignitaries DignitaryValues) and its place. */
const dignitaryFields: Record<string, MessageKey> = {
  honorific: "protocol.field.honorific",
  name: "protocol.field.name",
  positions: "protocol.field.positions",
  organization: "protocol.field.organization",
  delegation: "protocol.field.delegation",
  side: "protocol.field.side",
  sideId: "protocol.field.side",
  arrivalAt: "protocol.field.arrivalAt",
  escortUserId: "protocol.field.escort",
  notes: "protocol.field.notes",
  fullAddressOverride: "audit.field.fullAddress",
  shortAddressOverride: "audit.field.shortAddress",
  englishAddressOverride: "audit.field.englishAddress",
  precedence: "audit.field.precedence",
};

/** The person and invitation fields of the guest form. */
const invitationFields: Record<string, MessageKey> = {
  honorific: "attendees.field.honorific",
  fullName: "attendees.field.fullName",
  positions: "attendees.field.positions",
  organization: "attendees.field.organization",
  email: "attendees.field.email",
  phone: "attendees.field.phone",
  language: "attendees.field.language",
  notes: "attendees.field.notes",
  role: "attendees.field.role",
  groupLabel: "attendees.field.groupLabel",
  plusOnes: "attendees.field.plusOnes",
  dietaryNeeds: "attendees.field.dietaryNeeds",
  accessNeeds: "attendees.field.accessNeeds",
};

const photoFields: Record<string, MessageKey> = {
  captionVi: "photos.field.captionVi",
  captionEn: "photos.field.captionEn",
  credit: "photos.field.credit",
  includeInPress: "photos.field.includeInPress",
  isCover: "photos.field.isCover",
  tags: "photos.tags.title",
  position: "audit.field.position",
};

/** Field labels by the record type whose changes list them. */
export const auditFieldLabels: Record<string, Record<string, MessageKey>> = {
  event: eventFields,
  agenda_item: agendaItemFields,
  dignitary: dignitaryFields,
  invitation: invitationFields,
  person: invitationFields,
  photo: photoFields,
};

export function auditActionKey(action: string): MessageKey {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? key : "audit.action.other";
}

export function auditRecordKey(entityType: string): MessageKey {
  const key = `audit.record.${entityType}`;
  return isMessageKey(key) ? key : "audit.record.other";
}

export function auditFieldKey(entityType: string, field: string): MessageKey {
  return auditFieldLabels[entityType]?.[field] ?? "audit.field.other";
}

/** What the entry names the record by: its title, the guest's or file's name … whatever it carries. */
function recordName(entry: AuditEntryFacts, t: Translate): string | null {
  const d = entry.details ?? {};
  if (d.defaultLayout === true || (entry.action === "seating.table.create" && d.title === "default layout"))
    return t("audit.detail.defaultLayout");
  for (const key of ["title", "fullName", "guest", "filename", "nameVi", "member", "email", "to"]) {
    const value = d[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return null;
}

export function describeAuditEntry(entry: AuditEntryFacts, t: Translate): AuditEntryText {
  const changedList = Array.isArray(entry.details?.changed)
    ? (entry.details.changed as unknown[]).filter((f): f is string => typeof f === "string")
    : [];
  const labels = [...new Set(changedList.map((f) => t(auditFieldKey(entry.entityType, f))))];
  const name = recordName(entry, t);
  const type = t(auditRecordKey(entry.entityType));
  return {
    action: t(auditActionKey(entry.action)),
    changed: labels.length ? t("audit.changed", { fields: labels.join(", ") }) : null,
    record: name ? `${type}: ${name}` : type,
  };
}
