/**
 * Dignitaries of an event and their order of precedence: load -> app/domain/protocol -> persist.
 *
 * The order is either the proposal from the table of position ranks (no dignitary has a manual place) or a
 * hand-made order (every dignitary has one, 1…n: this service always writes the whole order, so the
 * "pinned places" reading of manual_place used elsewhere gives the same order). Every write that depends on
 * the order locks the event row, and a save made from an outdated list (its version differs) is refused as
 * a contradictory edit.
 */
import { positionRanks } from "~/utils/position-ranks.server";
import type { Db } from "#db/client.server";
import { emailKey, nameSearchOf } from "~/domain/attendees/dedupe";
import { englishAddress, fullAddress, shortAddress } from "~/domain/protocol/address";
import type { DignitaryInput, EqualsFirst } from "~/domain/protocol/dignitary.schema";
import { moveToPlace } from "~/domain/protocol/precedence";
import {
  checkSubmittedOrder,
  inferSide,
  insertByProposal,
  precedenceVersion,
  resolvePrecedence,
  type ResolvedPlace,
} from "~/domain/protocol/precedence-list";
import { recordAudit } from "~/models/audit.server";
import {
  deleteDignitaryRow,
  eventOrganizationNames,
  findDignitaryIdByInvitation,
  getInvitationCandidate,
  getProtocolEvent,
  insertDignitary,
  isActiveStaff,
  listDignitaryRows,
  lockProtocolEvent,
  nextEntryOrder,
  setInvitationRole,
  setManualPlaces,
  setPrecedenceEqualsFirst,
  updateDignitaryRow,
  type DignitaryRow,
  type DignitaryValues,
  type ProtocolEvent,
} from "~/models/dignitaries.server";
import { findInvitation, insertInvitation } from "~/models/invitations.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";
import { lockDirectory, savePeople } from "./invitations.server";

export interface Addresses {
  full: string;
  short: string;
  english: string;
}

export interface DignitaryView extends DignitaryRow, Omit<ResolvedPlace, "id"> {
  /** The forms of address in use (an override where there is one). */
  address: Addresses;
  /** The generated forms, whatever the overrides. */
  generated: Addresses;
}

export interface PrecedenceView {
  event: ProtocolEvent;
  /** In precedence order. */
  dignitaries: DignitaryView[];
  /** The order is hand-made. */
  manual: boolean;
  /** Send it back with a reordering: a different current version means someone changed the list meanwhile. */
  version: string;
}

export function generatedAddresses(d: { honorific: string | null; name: string; positions: string[] }): Addresses {
  return { full: fullAddress(d), short: shortAddress(d), english: englishAddress(d) };
}

function toView(event: ProtocolEvent, rows: DignitaryRow[]): PrecedenceView {
  const resolved = resolvePrecedence(rows, { equalsFirst: event.precedenceEqualsFirst, table: positionRanks() });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const list = resolved.places.map((p): DignitaryView => {
    const row = byId.get(p.id)!;
    const generated = generatedAddresses(row);
    const { id: _id, ...place } = p;
    return {
      ...row,
      ...place,
      generated,
      address: {
        full: row.fullAddressOverride ?? generated.full,
        short: row.shortAddressOverride ?? generated.short,
        english: row.englishAddressOverride ?? generated.english,
      },
    };
  });
  const order = list.map((d) => d.id);
  return {
    event,
    dignitaries: list,
    manual: resolved.manual,
    version: precedenceVersion(order, resolved.manual, event.precedenceEqualsFirst),
  };
}

/** The event's dignitaries in precedence order, with reasons, forms of address and the list's version. */
export async function loadPrecedence(db: Db, eventId: string): Promise<PrecedenceView> {
  const event = await getProtocolEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  return toView(event, await listDignitaryRows(db, eventId));
}

/** Inside a transaction: locks the event, refuses a cancelled one and an outdated version. */
async function lockForChange(tx: Db, eventId: string, expectedVersion?: string | null) {
  const event = await lockProtocolEvent(tx, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
  const view = toView(event, await listDignitaryRows(tx, eventId));
  if (expectedVersion && expectedVersion !== view.version) throw new ServiceError("conflict", "protocol.errors.staleOrder");
  return view;
}

async function checkEscort(tx: Db, escortUserId: string | null | undefined) {
  if (escortUserId && !(await isActiveStaff(tx, escortUserId)))
    throw new ServiceError("invalid", "form.fixErrors", { escortUserId: "protocol.errors.escortUnknown" });
}

function checkPrecedence(precedence: number, count: number) {
  if (precedence < 1 || precedence > count)
    throw new ServiceError("invalid", "form.fixErrors", { precedence: `protocol.errors.precedenceRange?max=${count}` });
}

function valuesOf(input: DignitaryInput): DignitaryValues {
  return {
    honorific: input.honorific,
    name: input.name,
    positions: input.positions,
    organization: input.organization,
    delegation: input.delegation,
    side: input.side ?? null,
    arrivalAt: input.arrivalAt,
    escortUserId: input.escortUserId,
    notes: input.notes,
    fullAddressOverride: input.fullAddressOverride,
    shortAddressOverride: input.shortAddressOverride,
    englishAddressOverride: input.englishAddressOverride,
  };
}

/**
 * Places a newcomer: at an explicit place (the order becomes hand-made, the others move down), or in a
 * hand-made order right after whoever precedes them in the proposal. A proposed order needs nothing.
 */
async function placeNewcomer(tx: Db, eventId: string, before: PrecedenceView, newId: string, precedence: number | undefined) {
  const after = toView(before.event, await listDignitaryRows(tx, eventId));
  const current = before.dignitaries.map((d) => d.id);
  if (precedence !== undefined) {
    checkPrecedence(precedence, current.length + 1);
    await setManualPlaces(tx, eventId, moveToPlace(current, newId, precedence));
  } else if (before.manual) {
    const proposed = [...after.dignitaries].sort((a, b) => a.proposedPlace - b.proposedPlace).map((d) => d.id);
    await setManualPlaces(tx, eventId, insertByProposal(current, proposed, newId));
  }
}

async function inferredSide(tx: Db, event: ProtocolEvent, organization: string | null) {
  const names = await eventOrganizationNames(tx, event.id, event.hostOrganizationId);
  return inferSide(organization, names.host, names.guests);
}

export interface CreateOptions {
  /** 1-based place to put them at (the order becomes hand-made). */
  precedence?: number;
  /** The list version the caller saw; a different current version is a conflict. */
  expectedVersion?: string | null;
}

/**
 * Adds a dignitary: finds the person in the directory (by email, else name + organization) or creates them,
 * reuses their invitation to this event or creates one with the role "dignitary", and stores the snapshot of
 * honorific, name and positions for this event. Someone who is a dignitary already is a conflict.
 */
export async function createDignitary(
  db: Db,
  actor: Actor,
  eventId: string,
  input: DignitaryInput,
  options: CreateOptions = {},
): Promise<DignitaryView> {
  const id = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId, options.expectedVersion);
    if (options.precedence !== undefined) checkPrecedence(options.precedence, before.dignitaries.length + 1);
    await checkEscort(tx, input.escortUserId);
    await lockDirectory(tx);
    const { personIds } = await savePeople(tx, [
      {
        honorific: input.honorific,
        fullName: input.name,
        nameSearch: nameSearchOf(input.name),
        positions: input.positions.length ? input.positions : null,
        organization: input.organization,
        email: emailKey(input.email),
        phone: null,
        language: null,
        notes: null,
      },
    ]);
    const personId = personIds[0]!;
    const invitationId = await invitationFor(tx, eventId, personId);
    const side = input.side ?? (await inferredSide(tx, before.event, input.organization));
    const newId = await insertDignitary(tx, {
      ...valuesOf(input),
      side,
      eventId,
      invitationId,
      entryOrder: await nextEntryOrder(tx, eventId),
    });
    await placeNewcomer(tx, eventId, before, newId, options.precedence);
    await recordAudit(tx, {
      actor,
      action: "dignitary.create",
      entityType: "dignitary",
      entityId: newId,
      eventId,
      details: { title: input.name, ...(options.precedence !== undefined ? { precedence: options.precedence } : {}) },
    });
    return newId;
  });
  return viewOf(db, eventId, id);
}

/** The person's invitation to the event (its role becomes "dignitary" if it was "guest"), or a new one. */
async function invitationFor(tx: Db, eventId: string, personId: string): Promise<string> {
  const existing = await findInvitation(tx, eventId, personId);
  if (!existing)
    return insertInvitation(tx, eventId, personId, { role: "dignitary", groupLabel: null, plusOnes: 0, dietaryNeeds: null, accessNeeds: null });
  if (existing.withdrawnAt) throw new ServiceError("conflict", "protocol.errors.invitationWithdrawn");
  if (await findDignitaryIdByInvitation(tx, existing.id)) throw new ServiceError("conflict", "protocol.errors.alreadyDignitary");
  if (existing.role === "guest") await setInvitationRole(tx, existing.id, "dignitary");
  return existing.id;
}

/** Makes an existing invitation a dignitary, taking honorific, name, positions and organization from the directory. */
export async function markInvitationAsDignitary(db: Db, actor: Actor, eventId: string, invitationId: string): Promise<DignitaryView> {
  const id = await db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId);
    const candidate = await getInvitationCandidate(tx, eventId, invitationId);
    if (!candidate) throw new ServiceError("not_found", "protocol.errors.invitationNotFound");
    if (candidate.withdrawn) throw new ServiceError("conflict", "protocol.errors.invitationWithdrawn");
    if (await findDignitaryIdByInvitation(tx, invitationId)) throw new ServiceError("conflict", "protocol.errors.alreadyDignitary");
    if (candidate.role === "guest") await setInvitationRole(tx, invitationId, "dignitary");
    const newId = await insertDignitary(tx, {
      honorific: candidate.honorific,
      name: candidate.fullName,
      positions: candidate.positions,
      organization: candidate.organization,
      delegation: null,
      side: await inferredSide(tx, before.event, candidate.organization),
      arrivalAt: null,
      escortUserId: null,
      notes: null,
      fullAddressOverride: null,
      shortAddressOverride: null,
      englishAddressOverride: null,
      eventId,
      invitationId,
      entryOrder: await nextEntryOrder(tx, eventId),
    });
    await placeNewcomer(tx, eventId, before, newId, undefined);
    await recordAudit(tx, {
      actor,
      action: "dignitary.create",
      entityType: "dignitary",
      entityId: newId,
      eventId,
      details: { title: candidate.fullName, invitationId },
    });
    return newId;
  });
  return viewOf(db, eventId, id);
}

async function viewOf(db: Db, eventId: string, id: string): Promise<DignitaryView> {
  const view = await loadPrecedence(db, eventId);
  const found = view.dignitaries.find((d) => d.id === id);
  if (!found) throw new ServiceError("not_found", "protocol.errors.notFound");
  return found;
}

export async function getDignitaryView(db: Db, eventId: string, id: string): Promise<DignitaryView | null> {
  const view = await loadPrecedence(db, eventId);
  return view.dignitaries.find((d) => d.id === id) ?? null;
}

export type DignitaryChange = Partial<Omit<DignitaryInput, "email">> & { precedence?: number };

/**
 * Changes a dignitary's snapshot (only the fields given); `precedence` moves them to that place, which makes
 * the order hand-made. The person in the directory is not changed: these are the event's own records.
 */
export async function updateDignitary(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  change: DignitaryChange,
  options: { expectedVersion?: string | null } = {},
): Promise<DignitaryView> {
  await db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId, options.expectedVersion);
    const current = before.dignitaries.find((d) => d.id === id);
    if (!current) throw new ServiceError("not_found", "protocol.errors.notFound");
    const { precedence, ...fields } = change;
    await checkEscort(tx, fields.escortUserId);
    if (precedence !== undefined) checkPrecedence(precedence, before.dignitaries.length);
    const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<DignitaryValues>;
    const changed = (Object.keys(values) as (keyof DignitaryValues)[]).filter(
      (k) => JSON.stringify(values[k]) !== JSON.stringify(current[k]),
    );
    if (changed.length) await updateDignitaryRow(tx, id, values);
    if (precedence !== undefined && precedence !== current.place)
      await setManualPlaces(
        tx,
        eventId,
        moveToPlace(
          before.dignitaries.map((d) => d.id),
          id,
          precedence,
        ),
      );
    if (changed.length || (precedence !== undefined && precedence !== current.place))
      await recordAudit(tx, {
        actor,
        action: "dignitary.update",
        entityType: "dignitary",
        entityId: id,
        eventId,
        details: { title: values.name ?? current.name, changed: [...changed, ...(precedence !== undefined ? ["precedence"] : [])] },
      });
  });
  return viewOf(db, eventId, id);
}

/**
 * Removes someone from the dignitaries. Their invitation stays (a "dignitary" role goes back to "guest"), and
 * so do their seats; a hand-made order closes the gap.
 */
export async function removeDignitary(
  db: Db,
  actor: Actor,
  eventId: string,
  id: string,
  options: { expectedVersion?: string | null } = {},
): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId, options.expectedVersion);
    const current = before.dignitaries.find((d) => d.id === id);
    if (!current) throw new ServiceError("not_found", "protocol.errors.notFound");
    await deleteDignitaryRow(tx, id);
    const candidate = await getInvitationCandidate(tx, eventId, current.invitationId);
    if (candidate?.role === "dignitary") await setInvitationRole(tx, current.invitationId, "guest");
    if (before.manual)
      await setManualPlaces(
        tx,
        eventId,
        before.dignitaries.map((d) => d.id).filter((x) => x !== id),
      );
    await recordAudit(tx, { actor, action: "dignitary.delete", entityType: "dignitary", entityId: id, eventId, details: { title: current.name } });
    return { name: current.name };
  });
}

/**
 * Saves a whole hand-made order. `version` is the list's version when the person loaded it: if the list has
 * changed since (someone reordered, added or removed a dignitary, or changed the tie rule), nothing is saved
 * and the answer is a conflict, "contradictory precedence edits".
 */
export async function saveManualOrder(db: Db, actor: Actor, eventId: string, ids: string[], version: string): Promise<PrecedenceView> {
  await db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId, version);
    const check = checkSubmittedOrder(
      before.dignitaries.map((d) => d.id),
      ids,
    );
    if (check === "duplicate") throw new ServiceError("invalid", "protocol.errors.orderDuplicate", { ids: "protocol.errors.orderDuplicate" });
    if (check === "mismatch") throw new ServiceError("conflict", "protocol.errors.staleOrder");
    await setManualPlaces(tx, eventId, ids);
    await recordAudit(tx, { actor, action: "dignitary.order", entityType: "event", entityId: eventId, eventId, details: { count: ids.length } });
  });
  return loadPrecedence(db, eventId);
}

/** Back to the proposal from the position table. */
export async function resetToProposedOrder(db: Db, actor: Actor, eventId: string, version?: string | null): Promise<PrecedenceView> {
  await db.transaction(async (tx) => {
    await lockForChange(tx, eventId, version);
    await setManualPlaces(tx, eventId, null);
    await recordAudit(tx, { actor, action: "dignitary.orderReset", entityType: "event", entityId: eventId, eventId });
  });
  return loadPrecedence(db, eventId);
}

/** Among equal ranks: guests first (courtesy, the default) or hosts first. */
export async function setEqualsFirst(db: Db, actor: Actor, eventId: string, value: EqualsFirst): Promise<PrecedenceView> {
  await db.transaction(async (tx) => {
    const before = await lockForChange(tx, eventId);
    if (before.event.precedenceEqualsFirst === value) return;
    await setPrecedenceEqualsFirst(tx, eventId, value);
    await recordAudit(tx, { actor, action: "dignitary.equalsFirst", entityType: "event", entityId: eventId, eventId, details: { value } });
  });
  return loadPrecedence(db, eventId);
}

/**
 * A deputy stands in for a dignitary ("thay mặt"): a dignitary of their own, with their OWN honorific, name and position
 * (precedence ranks them by it, not by the principal's), in the principal's side and delegation (the block they sit
 * in). Call inside the transaction that withdrew the principal's invitation, so the principal has left the list.
 * docs/decisions/028-delegates-and-companions.md.
 */
export async function addDeputyDignitary(
  tx: Db,
  eventId: string,
  deputy: { invitationId: string; honorific: string | null; name: string; positions: string[]; organization: string | null },
  principal: { sideId: string | null; delegation: string | null; organization: string | null },
): Promise<string> {
  const before = await lockForChange(tx, eventId);
  const newId = await insertDignitary(tx, {
    honorific: deputy.honorific,
    name: deputy.name,
    positions: deputy.positions,
    organization: deputy.organization ?? principal.organization,
    delegation: principal.delegation,
    side: null,
    sideId: principal.sideId,
    arrivalAt: null,
    escortUserId: null,
    notes: null,
    fullAddressOverride: null,
    shortAddressOverride: null,
    englishAddressOverride: null,
    eventId,
    invitationId: deputy.invitationId,
    entryOrder: await nextEntryOrder(tx, eventId),
  });
  await placeNewcomer(tx, eventId, before, newId, undefined);
  return newId;
}
