/** An event as the API answers it (docs/api.md, "Events"; the schema: app/domain/api/responses.ts, eventJsonSchema). */
import type { EventDetail } from "~/models/events.server";
import { isoInZone, isoUtcOrNull, timestampsToJson } from "./iso.server";

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

type DocumentFields = Omit<DocumentJson, "parties" | "partyIds">;

/** A ceremony document's own fields, as the event and the ceremony answers both begin it. */
export function documentFieldsToJson<D extends DocumentFields>(d: D): Pick<D, keyof DocumentFields> {
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
  };
}

export function documentToJson(d: EventDetail["documents"][number], sides: EventDetail["sides"]): DocumentJson {
  const orgOf = (sideId: string) => sides.find((s) => s.id === sideId)?.organization?.id ?? null;
  return {
    ...documentFieldsToJson(d),
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
    ...timestampsToJson(detail),
    cancelledAt: isoUtcOrNull(detail.cancelledAt),
  };
}

/** The ETag of an event representation: its version, e.g. `"3"`. Send it back in If-Match. */
export function eventEtag(detail: { version: number }): string {
  return `"${detail.version}"`;
}
