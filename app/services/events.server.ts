import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { agreementParties, agreements, eventPartners, events } from "#db/schema/index";
import type { EventInput } from "~/domain/events/event.schema";
import { foldForSearch } from "~/domain/text/search";
import { recordAudit } from "~/models/audit.server";
import { getEventDetail, type EventDetail } from "~/models/events.server";
import { findExistingOrganizationIds } from "~/models/organizations.server";
import { ServiceError } from "./errors";
import { deleteEventPhotoFiles } from "./photos.server";
import type { ObjectStorage } from "./storage.server";
import { mailFactsOf, queueEventCancellation, queueEventUpdate } from "./invitation-mail.server";

export interface Actor {
  id: string;
  name: string;
}

async function checkOrganizationsExist(db: Db, input: EventInput) {
  const wanted = [
    ...(input.hostOrganizationId ? [input.hostOrganizationId] : []),
    ...input.partnerOrganizationIds,
    ...(input.agreement?.partyIds ?? []),
  ];
  const existing = await findExistingOrganizationIds(db, [...new Set(wanted)]);
  const fields: Record<string, string> = {};
  if (input.hostOrganizationId && !existing.has(input.hostOrganizationId))
    fields.hostOrganizationId = "errors.unknownOrganization";
  if (input.partnerOrganizationIds.some((id) => !existing.has(id)))
    fields.partnerOrganizationIds = "errors.unknownOrganization";
  if (input.agreement?.partyIds.some((id) => !existing.has(id)))
    fields.agreementPartyIds = "errors.unknownOrganization";
  if (Object.keys(fields).length) throw new ServiceError("invalid", "form.fixErrors", fields);
}

function eventColumnsFrom(input: EventInput) {
  return {
    title: input.title,
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
    hostOrganizationId: input.hostOrganizationId,
    capacity: input.capacity,
  };
}

async function writeRelations(tx: Db, eventId: string, input: EventInput) {
  await tx.delete(eventPartners).where(eq(eventPartners.eventId, eventId));
  if (input.partnerOrganizationIds.length)
    await tx
      .insert(eventPartners)
      .values(input.partnerOrganizationIds.map((organizationId, position) => ({ eventId, organizationId, position })));
  // Settings the event form does not edit (the signing table's host side) survive an edit of the agreement.
  const [previous] = await tx.select({ hostSide: agreements.hostSide }).from(agreements).where(eq(agreements.eventId, eventId));
  await tx.delete(agreements).where(eq(agreements.eventId, eventId));
  const a = input.agreement;
  if (a) {
    await tx.insert(agreements).values({
      eventId,
      hostSide: previous?.hostSide ?? "right",
      title: a.title,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      aims: a.aims,
      originals: a.originals,
    });
    if (a.partyIds.length)
      await tx
        .insert(agreementParties)
        .values(a.partyIds.map((organizationId, position) => ({ eventId, organizationId, position })));
  }
}

export async function createEvent(
  db: Db,
  actor: Actor,
  input: EventInput,
  options: { calendarUid?: string } = {},
): Promise<EventDetail> {
  await checkOrganizationsExist(db, input);
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ ...eventColumnsFrom(input), calendarUid: options.calendarUid ?? `${randomUUID()}@signet`, createdBy: actor.id })
      .returning({ id: events.id });
    if (!row) throw new Error("insert returned no row");
    await writeRelations(tx, row.id, input);
    await recordAudit(tx, {
      actor,
      action: "event.create",
      entityType: "event",
      entityId: row.id,
      eventId: row.id,
      details: { title: input.title },
    });
    return row.id;
  });
  const created = await getEventDetail(db, id);
  if (!created) throw new Error("created event not found");
  return created;
}

/** The stored event as an EventInput, so a partial change (API PATCH) can be merged and re-checked. */
export function eventToInput(event: EventDetail): EventInput {
  return {
    title: event.title,
    kind: event.kind,
    status: event.status === "cancelled" ? "draft" : event.status,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    timeZone: event.timeZone,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueRoom: event.venueRoom,
    description: event.description,
    hostOrganizationId: event.hostOrganizationId,
    partnerOrganizationIds: event.partners.map((p) => p.id),
    capacity: event.capacity,
    agreement: event.agreement
      ? {
          title: event.agreement.title,
          periodStart: event.agreement.periodStart,
          periodEnd: event.agreement.periodEnd,
          aims: event.agreement.aims,
          partyIds: event.agreement.parties.map((p) => p.id),
          originals: event.agreement.originals,
        }
      : null,
  };
}

function changedFields(before: EventInput, after: EventInput): (keyof EventInput)[] {
  const keys = Object.keys(after) as (keyof EventInput)[];
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
  // What a calendar shows: a change here makes every attendee's calendar entry out of date.
  const calendarFields: (keyof EventInput)[] = ["title", "startsAt", "endsAt", "timeZone", "venueName", "venueAddress", "venueRoom"];
  const calendarChanged = changed.some((f) => calendarFields.includes(f));
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(events)
      .set({
        ...eventColumnsFrom(input),
        version: sql`${events.version} + 1`,
        ...(calendarChanged ? { calendarSequence: sql`${events.calendarSequence} + 1` } : {}),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(events.id, id),
          sql`${events.status} <> 'cancelled'`,
          expectedVersion !== undefined ? eq(events.version, expectedVersion) : undefined,
        ),
      )
      .returning({ id: events.id });
    if (updated.length === 0) throw new ServiceError("conflict", "errors.conflict");
    await writeRelations(tx, id, input);
    // Invitees' calendars are out of date: queue the METHOD:REQUEST update (new SEQUENCE) with the change.
    if (calendarChanged) await queueEventUpdate(tx, id, mailFactsOf(current));
    await recordAudit(tx, {
      actor,
      action: "event.update",
      entityType: "event",
      entityId: id,
      eventId: id,
      details: { changed },
    });
  });
  const saved = await getEventDetail(db, id);
  if (!saved) throw new ServiceError("not_found", "errors.notFound.title");
  return saved;
}

export async function cancelEvent(db: Db, actor: Actor, id: string): Promise<EventDetail> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: events.status })
      .from(events)
      .where(eq(events.id, id))
      .for("update");
    if (!current) throw new ServiceError("not_found", "errors.notFound.title");
    if (current.status === "cancelled") throw new ServiceError("conflict", "event.alreadyCancelled");
    if (current.status === "completed") throw new ServiceError("conflict", "event.cannotCancelCompleted");
    const now = new Date();
    await tx
      .update(events)
      .set({
        status: "cancelled",
        cancelledAt: now,
        updatedAt: now,
        version: sql`${events.version} + 1`,
        calendarSequence: sql`${events.calendarSequence} + 1`,
      })
      .where(eq(events.id, id));
    await queueEventCancellation(tx, id); // METHOD:CANCEL to every invitee already invited
    await recordAudit(tx, { actor, action: "event.cancel", entityType: "event", entityId: id, eventId: id });
  });
  const saved = await getEventDetail(db, id);
  if (!saved) throw new ServiceError("not_found", "errors.notFound.title");
  return saved;
}

/** Deletes a draft event, its rows (by cascade) and then its photo files. */
export async function deleteDraftEvent(db: Db, storage: ObjectStorage, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: events.status, title: events.title })
      .from(events)
      .where(eq(events.id, id))
      .for("update");
    if (!current) throw new ServiceError("not_found", "errors.notFound.title");
    if (current.status !== "draft") throw new ServiceError("conflict", "event.deleteOnlyDraft");
    await tx.delete(events).where(eq(events.id, id));
    await recordAudit(tx, {
      actor,
      action: "event.delete",
      entityType: "event",
      entityId: id,
      eventId: id,
      details: { title: current.title },
    });
  });
  // After the commit: a failed delete leaves orphan files behind, never rows pointing at missing files.
  await deleteEventPhotoFiles(storage, id);
}
