/**
 * The facts a press summary is drafted from (app/domain/press/types.ts PressFacts), read from the event's data:
 * the event (with its start precision, occasion and context), its host and partners in order, its sides (host,
 * guest, leaders), the documents with their parties, the dignitaries in protocol precedence order (loadPrecedence:
 * the same order and forms of address as the protocol pages) with their side and ceremony roles, the unnamed
 * attendance lines, the key points of the agenda's speaking slots and proceedings (a subject, no speaker), and the
 * photos chosen for the press in gallery order. Then `draftPressSummary(facts, language)`
 * (app/domain/press/draft.ts) writes the draft.
 */
import type { Db } from "#db/client.server";
import { keyPointsFromText } from "~/domain/agenda/agenda-item.schema";
import { attendedOnlyByDefault, keepAttended } from "~/domain/press/attended";
import { draftPressSummary } from "~/domain/press/draft";
import type { CeremonyRole } from "~/domain/ceremony/types";
import type { PressDraft, PressFacts, PressLanguage, PressOrganization, PressSide, PressSpeech } from "~/domain/press/types";
import { englishAddress, inlineAddress } from "~/domain/protocol/address";
import { listAgenda, getSpeakers } from "~/models/agenda.server";
import { listArrivedInvitationIds } from "~/models/door.server";
import { listAttendanceLines, listRoles, type SideRow } from "~/models/ceremony.server";
import { getEventDetail, type OrganizationRef } from "~/models/events.server";
import { listPressPhotos } from "~/models/press-facts.server";
import { loadPrecedence } from "./dignitaries.server";
import { ServiceError } from "~/utils/errors";

function organization(o: Pick<OrganizationRef, "id" | "nameVi" | "nameEn">): PressOrganization {
  return { id: o.id, nameVi: o.nameVi, nameEn: o.nameEn };
}

function pressSide(s: SideRow): PressSide {
  return { id: s.id, kind: s.kind, organization: s.organization ? organization(s.organization) : null, labelVi: s.labelVi, labelEn: s.labelEn, order: s.order };
}

/** A side as a party of a document: its organization, or (typed without one) its label as the name. */
function partyOf(s: SideRow): PressOrganization {
  return s.organization ? organization(s.organization) : { id: s.id, nameVi: s.labelVi ?? "", nameEn: s.labelEn };
}

export async function loadPressFacts(
  db: Db,
  eventId: string,
  options: { publishedOn: Date; byline: string | null; attendedOnly?: boolean },
): Promise<PressFacts> {
  const facts = await loadAllPressFacts(db, eventId, options);
  if (!options.attendedOnly) return facts;
  return keepAttended(facts, new Set(await listArrivedInvitationIds(db, eventId))).facts;
}

/**
 * Who the report may leave out: the event's dignitaries who were not checked in, and whether "attended only" is the
 * default now (the event has ended and the door recorded arrivals).
 */
export async function pressAttendance(db: Db, eventId: string, now: Date = new Date()) {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const [precedence, arrived] = await Promise.all([loadPrecedence(db, eventId), listArrivedInvitationIds(db, eventId)]);
  const present = new Set(arrived);
  return {
    attendedOnlyByDefault: attendedOnlyByDefault(event, arrived.length, now),
    arrivals: arrived.length,
    absent: precedence.dignitaries.filter((d) => !present.has(d.invitationId)).map((d) => d.address.short),
  };
}

async function loadAllPressFacts(
  db: Db,
  eventId: string,
  options: { publishedOn: Date; byline: string | null },
): Promise<PressFacts> {
  const event = await getEventDetail(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const [precedence, agenda, photos, roles, lines] = await Promise.all([
    loadPrecedence(db, eventId),
    listAgenda(db, eventId),
    listPressPhotos(db, eventId),
    listRoles(db, eventId),
    listAttendanceLines(db, [eventId]),
  ]);
  const rolesOf = new Map<string, CeremonyRole[]>();
  for (const r of roles) rolesOf.set(r.dignitaryId, [...(rolesOf.get(r.dignitaryId) ?? []), r.role]);

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
    sideId: d.sideId,
    roles: rolesOf.get(d.id) ?? [],
  }));
  const dignitaryByInvitation = new Map(dignitaries.map((d) => [d.invitationId, d.id]));

  // Speaking slots and proceedings: the agenda items whose key points are filled (the field exists to feed the
  // press), in order.
  const slots = agenda
    .map((item) => ({ item, keyPoints: keyPointsFromText(item.keyPoints) }))
    .filter(({ item, keyPoints }) => keyPoints.length > 0 || item.kind === "speech");
  const otherSpeakerIds = slots
    .map(({ item }) => item.speakerInvitationId)
    .filter((id): id is string => !!id && !dignitaryByInvitation.has(id));
  const others = await getSpeakers(db, eventId, otherSpeakerIds);
  const speeches = slots.map(({ item, keyPoints }): PressSpeech => {
    const invitationId = item.speakerInvitationId;
    const dignitaryId = invitationId ? (dignitaryByInvitation.get(invitationId) ?? null) : null;
    const other = invitationId && !dignitaryId ? others.get(invitationId) : undefined;
    return {
      agendaItemId: item.id,
      dignitaryId,
      speakerName: other ? (other.fullAddressOverride ?? inlineAddress(other)) : null,
      speakerEnglish: other ? (other.englishAddressOverride ?? englishAddress(other)) : null,
      keyPoints,
      subjectVi: item.subject,
      subjectEn: item.subjectEn,
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
      venueNameEn: event.venueNameEn,
      titleEn: event.titleEn,
      venueRoom: event.venueRoom,
      venueAddress: event.venueAddress,
      description: event.description,
      timePrecision: event.startPrecision,
      occasionVi: event.occasion,
      occasionEn: event.occasionEn,
      contextVi: event.context,
      contextEn: event.contextEn,
    },
    hosts: hostsOf(event.sides, event.host ? organization(event.host) : null),
    sides: event.sides.map(pressSide),
    documents: event.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      aims: d.aims,
      parties: d.partySideIds.flatMap((sideId) => {
        const side = event.sides.find((s) => s.id === sideId);
        return side ? [partyOf(side)] : [];
      }),
      partySideIds: d.partySideIds,
    })),
    dignitaries,
    groupLines: lines.map(({ eventId: _e, ...line }) => line),
    speeches,
    photos: photos.map((p) => ({ id: p.id, captionVi: p.captionVi, captionEn: p.captionEn, credit: p.credit })),
    byline: options.byline,
    publishedOn: options.publishedOn,
  };
}

/**
 * Who held the event, as the lead names them: the host organization, then the other host sides, then the guest
 * sides (the former partners), in the sides' order; sides without an organization and the leaders are not
 * organisers.
 */
function hostsOf(sides: SideRow[], host: PressOrganization | null): PressOrganization[] {
  const out: PressOrganization[] = host ? [host] : [];
  for (const kind of ["host", "guest"] as const)
    for (const s of sides)
      if (s.kind === kind && s.organization && !out.some((o) => o.id === s.organization!.id)) out.push(organization(s.organization));
  return out;
}

/** Facts, then the draft: what "Draft the report" does. */
export async function draftPressSummaryForEvent(
  db: Db,
  eventId: string,
  language: PressLanguage,
  options: { publishedOn: Date; byline: string | null; attendedOnly?: boolean },
): Promise<PressDraft> {
  return draftPressSummary(await loadPressFacts(db, eventId, options), language);
}
