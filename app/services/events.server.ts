import { randomUUID } from "node:crypto";
import type { Db } from "#db/client.server";
import type { Actor } from "~/domain/access/permissions";
import { calendarChange, raisesSequence } from "~/domain/calendar/change";
import type { EventInput } from "~/domain/events/event.schema";
import { foldForSearch } from "~/domain/text/search";
import { recordAudit } from "~/models/audit.server";
import {
  deleteDocuments,
  deleteSides,
  insertDocument,
  insertSide,
  listDocuments,
  listSides,
  setDocumentParties,
  updateDocument,
  updateSide,
} from "~/models/ceremony.server";
import {
  deleteEventRow,
  getEventDetail,
  insertEvent,
  lockEventStatus,
  markEventCancelled,
  updateEventRow,
  type EventDetail,
  type EventRowValues,
} from "~/models/events.server";
import { findExistingOrganizationIds } from "~/models/organizations.server";
import { ServiceError } from "~/utils/errors";
import { announceEventChange, settleEventChange, type EventChange } from "./event-changes.server";
import type { ObjectStorage } from "./storage.server";

async function checkOrganizationsExist(db: Db, input: EventInput) {
  const wanted = [
    ...(input.hostOrganizationId ? [input.hostOrganizationId] : []),
    ...input.partnerOrganizationIds,
    ...(input.documents ?? []).flatMap((d) => d.partyIds),
  ];
  const existing = await findExistingOrganizationIds(db, [...new Set(wanted)]);
  const fields: Record<string, string> = {};
  if (input.hostOrganizationId && !existing.has(input.hostOrganizationId))
    fields.hostOrganizationId = "errors.unknownOrganization";
  if (input.partnerOrganizationIds.some((id) => !existing.has(id)))
    fields.partnerOrganizationIds = "errors.unknownOrganization";
  (input.documents ?? []).forEach((d, i) => {
    if (d.partyIds.some((id) => !existing.has(id))) fields[`documents.${i}.partyIds`] = "errors.unknownOrganization";
  });
  if (Object.keys(fields).length) throw new ServiceError("invalid", "form.fixErrors", fields);
}

function eventColumnsFrom(input: EventInput): EventRowValues {
  return {
    title: input.title,
    ...(input.titleEn !== undefined ? { titleEn: input.titleEn } : {}),
    ...(input.venueNameEn !== undefined ? { venueNameEn: input.venueNameEn } : {}),
    titleSearch: foldForSearch(input.title),
    kind: input.kind,
    status: input.status,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    timeZone: input.timeZone,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    venueRoom: input.venueRoom,
    description: input.description,
    startPrecision: input.startPrecision,
    occasion: input.occasion,
    occasionEn: input.occasionEn,
    context: input.context,
    contextEn: input.contextEn,
    hostOrganizationId: input.hostOrganizationId,
    capacity: input.capacity,
  };
}

/**
 * The host and partners are the organizations of the host and guest sides: the host's side becomes (or stays)
 * the host side, each partner a guest side; host and guest sides of other organizations go (with their document
 * parties), except those a document names. Leaders' sides and sides named only by a label stay.
 * Then the documents, when given, replace the stored ones in order (the n-th keeps the n-th's id, so parties that
 * stay keep their signatories).
 */
async function writeRelations(tx: Db, eventId: string, input: EventInput) {
  const sides = await listSides(tx, [eventId]);
  const wanted: { organizationId: string; kind: "host" | "guest" }[] = [
    ...(input.hostOrganizationId ? [{ organizationId: input.hostOrganizationId, kind: "host" as const }] : []),
    ...input.partnerOrganizationIds.map((organizationId) => ({ organizationId, kind: "guest" as const })),
  ];
  const documentOrgs = new Set((input.documents ?? []).flatMap((d) => d.partyIds));
  for (const orgId of documentOrgs)
    if (!wanted.some((w) => w.organizationId === orgId)) wanted.push({ organizationId: orgId, kind: "guest" });
  // Sides a stored document names stay when the input leaves the documents alone.
  const partySides =
    input.documents === undefined ? new Set((await listDocuments(tx, [eventId])).flatMap((d) => d.partySideIds)) : new Set<string>();
  const keepOther = sides.filter((s) => s.kind === "leaders" || !s.organization || partySides.has(s.id));
  const gone = sides.filter((s) => !keepOther.includes(s) && !wanted.some((w) => w.organizationId === s.organization?.id));
  await deleteSides(
    tx,
    eventId,
    gone.map((s) => s.id),
  );
  const sideIdByOrg = new Map<string, string>();
  // Wanted sides first, in the input's order; then the kept ones in theirs.
  let order = 0;
  for (const w of wanted) {
    const existing = sides.find((s) => s.organization?.id === w.organizationId);
    if (existing) {
      await updateSide(tx, eventId, existing.id, {
        kind: existing.kind === "leaders" ? "leaders" : w.kind,
        organizationId: w.organizationId,
        labelVi: existing.labelVi,
        labelEn: existing.labelEn,
        headPersonId: existing.headPersonId,
        language: existing.language,
        order: order++,
      });
      sideIdByOrg.set(w.organizationId, existing.id);
    } else {
      const id = await insertSide(tx, eventId, {
        kind: w.kind,
        organizationId: w.organizationId,
        labelVi: null,
        labelEn: null,
        headPersonId: null,
        language: "vi",
        order: order++,
      });
      sideIdByOrg.set(w.organizationId, id);
    }
  }
  for (const s of keepOther.filter((k) => !wanted.some((w) => w.organizationId === k.organization?.id)).sort((a, b) => a.order - b.order))
    await updateSide(tx, eventId, s.id, {
      kind: s.kind,
      organizationId: s.organization?.id ?? null,
      labelVi: s.labelVi,
      labelEn: s.labelEn,
      headPersonId: s.headPersonId,
      language: s.language,
      order: order++,
    });
  if (input.documents === undefined) return;
  const stored = await listDocuments(tx, [eventId]);
  for (const [i, d] of input.documents.entries()) {
    const values = {
      kind: d.kind,
      title: d.title,
      titleEn: d.titleEn,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      aims: d.aims,
      originals: d.originals,
      languages: d.languages,
      order: i,
    };
    const existing = stored[i];
    const id = existing ? existing.id : await insertDocument(tx, eventId, values);
    if (existing) await updateDocument(tx, eventId, existing.id, values);
    await setDocumentParties(
      tx,
      id,
      d.partyIds.map((orgId) => sideIdByOrg.get(orgId)).filter((x): x is string => !!x),
    );
  }
  await deleteDocuments(
    tx,
    eventId,
    stored.slice(input.documents.length).map((d) => d.id),
  );
}

export async function createEvent(
  db: Db,
  actor: Actor,
  input: EventInput,
  options: { calendarUid?: string } = {},
): Promise<EventDetail> {
  await checkOrganizationsExist(db, input);
  const id = await db.transaction(async (tx) => {
    const eventId = await insertEvent(tx, {
      ...eventColumnsFrom(input),
      calendarUid: options.calendarUid ?? `${randomUUID()}@signet`,
      createdBy: actor.id,
    });
    await writeRelations(tx, eventId, input);
    await recordAudit(tx, {
      actor,
      action: "event.create",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { title: input.title },
    });
    return eventId;
  });
  const created = await getEventDetail(db, id);
  if (!created) throw new Error("created event not found");
  return created;
}

/** The stored event as an EventInput, so a partial change (API PATCH) can be merged and re-checked. */
export function eventToInput(event: EventDetail): EventInput {
  return {
    title: event.title,
    titleEn: event.titleEn,
    venueNameEn: event.venueNameEn,
    kind: event.kind,
    status: event.status === "cancelled" ? "draft" : event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    startPrecision: event.startPrecision,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueRoom: event.venueRoom,
    description: event.description,
    occasion: event.occasion,
    occasionEn: event.occasionEn,
    context: event.context,
    contextEn: event.contextEn,
    hostOrganizationId: event.hostOrganizationId,
    partnerOrganizationIds: event.partners.map((p) => p.id),
    capacity: event.capacity,
    documents: event.documents.map((d) => ({
      kind: d.kind,
      title: d.title,
      titleEn: d.titleEn,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      aims: d.aims,
      partyIds: d.partySideIds
        .map((sideId) => event.sides.find((s) => s.id === sideId)?.organization?.id)
        .filter((x): x is string => !!x),
      originals: d.originals,
      languages: d.languages,
    })),
  };
}

function changedFields(before: EventInput, after: EventInput): (keyof EventInput)[] {
  const keys = (Object.keys(after) as (keyof EventInput)[]).filter((k) => after[k] !== undefined);
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

/**
 * Saves a complete new state of the event. `expectedVersion` (from the form that was loaded) guards against
 * silently overwriting someone else's change made in between.
 */
export async function updateEvent(
  db: Db,
  actor: Actor,
  id: string,
  input: EventInput,
  expectedVersion?: number,
): Promise<EventDetail> {
  const current = await getEventDetail(db, id);
  if (!current) throw new ServiceError("not_found", "errors.notFound.title");
  if (current.status === "cancelled") throw new ServiceError("conflict", "event.cannotEditCancelled");
  await checkOrganizationsExist(db, input);
  const changed = changedFields(eventToInput(current), input);
  const values = eventColumnsFrom(input);
  // What the invitees' calendar entries show (app/domain/calendar/change.ts): a change there raises the SEQUENCE.
  const calendar = calendarChange(current, { ...current, ...values });
  await db.transaction(async (tx) => {
    const saved = await updateEventRow(tx, id, values, { expectedVersion, raiseSequence: raisesSequence(calendar), now: new Date() });
    if (!saved) throw new ServiceError("conflict", "errors.conflict");
    await writeRelations(tx, id, input);
    await recordAudit(tx, {
      actor,
      action: "event.update",
      entityType: "event",
      entityId: id,
      eventId: id,
      details: { changed },
    });
    await announceEventChange(tx, { kind: "updated", eventId: id, before: current, changed, version: current.version + 1, calendar });
  });
  const saved = await getEventDetail(db, id);
  if (!saved) throw new ServiceError("not_found", "errors.notFound.title");
  return saved;
}

export async function cancelEvent(db: Db, actor: Actor, id: string): Promise<EventDetail> {
  await db.transaction(async (tx) => {
    const current = await lockEventStatus(tx, id);
    if (!current) throw new ServiceError("not_found", "errors.notFound.title");
    if (current.status === "cancelled") throw new ServiceError("conflict", "event.alreadyCancelled");
    if (current.status === "completed") throw new ServiceError("conflict", "event.cannotCancelCompleted");
    const now = new Date();
    await markEventCancelled(tx, id, now);
    await recordAudit(tx, { actor, action: "event.cancel", entityType: "event", entityId: id, eventId: id });
    // METHOD:CANCEL to every invitee already invited; the webhook.
    await announceEventChange(tx, { kind: "cancelled", eventId: id, at: now });
  });
  const saved = await getEventDetail(db, id);
  if (!saved) throw new ServiceError("not_found", "errors.notFound.title");
  return saved;
}

/** Deletes a draft event, its rows (by cascade) and then its photo files. */
export async function deleteDraftEvent(db: Db, storage: ObjectStorage, actor: Actor, id: string): Promise<void> {
  const change: EventChange = { kind: "deleted", eventId: id };
  await db.transaction(async (tx) => {
    const current = await lockEventStatus(tx, id);
    if (!current) throw new ServiceError("not_found", "errors.notFound.title");
    if (current.status !== "draft") throw new ServiceError("conflict", "event.deleteOnlyDraft");
    await deleteEventRow(tx, id);
    await recordAudit(tx, {
      actor,
      action: "event.delete",
      entityType: "event",
      entityId: id,
      eventId: id,
      details: { title: current.title },
    });
    await announceEventChange(tx, change);
  });
  // After the commit: the photos' files (a failed delete leaves orphan files behind, never rows pointing at missing files).
  await settleEventChange(storage, change);
}
