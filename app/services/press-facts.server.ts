/**
 * The facts a press summary is drafted from (app/domain/press/types.ts PressFacts), read from the event's data:
 * the event, its host and partners in order, the agreement and its parties, the dignitaries in protocol
 * precedence order (loadPrecedence: the same order and forms of address as the protocol pages), the key points
 * of the agenda's speaking slots, and the photos chosen for the press in gallery order. Then
 * `draftPressSummary(facts, language)` (app/domain/press/draft.ts) writes the draft.
 */
import type { Db } from "#db/client.server";
import { keyPointsFromText } from "~/domain/agenda/agenda-item.schema";
import { draftPressSummary } from "~/domain/press/draft";
import type { PressDraft, PressFacts, PressLanguage, PressOrganization, PressSpeech } from "~/domain/press/types";
import { englishAddress, inlineAddress } from "~/domain/protocol/address";
import { listAgenda, getSpeakers } from "~/models/agenda.server";
import { getEventDetail, type OrganizationRef } from "~/models/events.server";
import { listPressPhotos } from "~/models/press-facts.server";
import { positionRanks } from "~/utils/position-ranks.server";
import { loadPrecedence } from "./dignitaries.server";
import { ServiceError } from "./errors";

function organization(o: OrganizationRef): PressOrganization {
  return { id: o.id, nameVi: o.nameVi, nameEn: o.nameEn };
}

export async function loadPressFacts(
  db: Db,
  eventId: string,
  options: { publishedOn: Date; byline: string | null },
): Promise<PressFacts> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const [precedence, agenda, photos] = await Promise.all([
    loadPrecedence(db, eventId),
    listAgenda(db, eventId),
    listPressPhotos(db, eventId),
  ]);

  const dignitaries = precedence.dignitaries.map((d) => ({
    id: d.id,
    invitationId: d.invitationId,
    honorific: d.honorific,
    name: d.name,
    positions: d.positions,
    englishAddress: d.address.english,
    delegation: d.delegation,
    organization: d.organization,
    addressVi: d.fullAddressOverride ? d.address.full : null,
  }));
  const dignitaryByInvitation = new Map(dignitaries.map((d) => [d.invitationId, d.id]));

  // Speaking slots: the agenda items whose key points are filled (the field exists to feed the press), in order.
  const slots = agenda
    .map((item) => ({ item, keyPoints: keyPointsFromText(item.keyPoints) }))
    .filter(({ item, keyPoints }) => keyPoints.length > 0 || item.kind === "speech");
  const otherSpeakerIds = slots
    .map(({ item }) => item.speakerInvitationId)
    .filter((id): id is string => !!id && !dignitaryByInvitation.has(id));
  const others = await getSpeakers(db, eventId, otherSpeakerIds);
  const table = positionRanks();
  const speeches = slots.map(({ item, keyPoints }): PressSpeech => {
    const invitationId = item.speakerInvitationId;
    const dignitaryId = invitationId ? (dignitaryByInvitation.get(invitationId) ?? null) : null;
    const other = invitationId && !dignitaryId ? others.get(invitationId) : undefined;
    return {
      agendaItemId: item.id,
      dignitaryId,
      speakerName: other ? (other.fullAddressOverride ?? inlineAddress(other)) : null,
      speakerEnglish: other ? (other.englishAddressOverride ?? englishAddress(other, table)) : null,
      keyPoints,
    };
  });

  return {
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      timeZone: event.timeZone,
      venueName: event.venueName,
      venueRoom: event.venueRoom,
      venueAddress: event.venueAddress,
      description: event.description,
    },
    hosts: [...(event.host ? [event.host] : []), ...event.partners].map(organization),
    sides: [],
    documents: event.agreement
      ? [
          {
            id: event.id,
            kind: "programme",
            title: event.agreement.title,
            periodStart: event.agreement.periodStart,
            periodEnd: event.agreement.periodEnd,
            aims: event.agreement.aims,
            parties: event.agreement.parties.map(organization),
            partySideIds: [],
          },
        ]
      : [],
    dignitaries,
    groupLines: [],
    speeches,
    photos: photos.map((p) => ({ id: p.id, captionVi: p.captionVi, captionEn: p.captionEn, credit: p.credit })),
    byline: options.byline,
    publishedOn: options.publishedOn,
  };
}

/** Facts, then the draft: what "Draft the report" does. */
export async function draftPressSummaryForEvent(
  db: Db,
  eventId: string,
  language: PressLanguage,
  options: { publishedOn: Date; byline: string | null },
): Promise<PressDraft> {
  return draftPressSummary(await loadPressFacts(db, eventId, options), language);
}
