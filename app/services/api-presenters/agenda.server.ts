/** The agenda as the API answers it (docs/api.md, "Agenda"; the schema: app/domain/api/resources.ts). */
import type { AgendaItemJson } from "~/domain/api/resources";
import type { AgendaItemView, AgendaView } from "~/services/agenda.server";
import { isoInZone } from "./iso.server";

export function agendaItemToJson(item: AgendaItemView, position: number, zone: string): AgendaItemJson {
  return {
    id: item.id,
    position,
    startsAt: isoInZone(item.startsAt, zone),
    endsAt: isoInZone(item.endsAt, zone),
    durationMinutes: item.durationMinutes,
    title: item.title,
    titleEn: item.titleEn,
    kind: item.kind,
    speakerInvitationId: item.speakerInvitationId,
    responsibleUserId: item.responsibleUserId,
    place: item.place,
    notes: item.notes,
    keyPoints: item.keyPoints,
    issues: item.issues,
    version: item.version,
  };
}

/** The items in order, each with its 1-based position. */
export function agendaItemsToJson(view: AgendaView): AgendaItemJson[] {
  return view.items.map((item, i) => agendaItemToJson(item, i + 1, view.event.timeZone));
}
