/** The ceremony's structure as the API answers it (docs/api.md, "Ceremony"; the schema: app/domain/api/ceremony-json.ts). */
import type { CeremonyJson } from "~/domain/api/ceremony-json";
import type { EventDetail } from "~/models/events.server";
import type { CeremonyView } from "~/services/ceremony.server";
import { documentFieldsToJson, sideToJson } from "./events.server";

/** Precision, occasion, sides, documents with signatories (from the event's detail), people, lines, proceedings. */
export function ceremonyToJson(eventId: string, view: CeremonyView, detail: EventDetail | null): CeremonyJson {
  const signatories = (documentId: string, sideId: string) =>
    detail?.documents.find((d) => d.id === documentId)?.parties.find((p) => p.sideId === sideId)?.signatoryIds ?? [];
  return {
    eventId,
    startPrecision: view.precision,
    occasion: view.occasion.occasionVi,
    occasionEn: view.occasion.occasionEn,
    context: view.occasion.contextVi,
    contextEn: view.occasion.contextEn,
    sides: view.sides.map(sideToJson),
    documents: view.documents.map((d) => ({
      ...documentFieldsToJson(d),
      partySideIds: d.partySideIds,
      parties: d.partySideIds.map((sideId) => ({ sideId, signatoryIds: signatories(d.id, sideId) })),
    })),
    people: view.people.map((p) => ({
      dignitaryId: p.id,
      sideId: p.sideId,
      roles: p.roles.map((r) => (r.kind === "signatory" ? { kind: r.kind, documentId: r.documentId, sideId: r.sideId } : { kind: r.kind })),
    })),
    attendanceLines: view.lines.map((l) => ({ id: l.id, textVi: l.textVi, textEn: l.textEn, sideId: l.sideId, place: l.place, order: l.order })),
    proceedings: view.proceedings.map((p) => ({ agendaItemId: p.agendaItemId, subjectVi: p.subjectVi, subjectEn: p.subjectEn, keyPoints: p.keyPoints })),
  };
}
