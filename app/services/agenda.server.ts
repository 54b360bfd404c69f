/**
 * The agenda (run of show): load -> app/domain/agenda -> persist, in one transaction per change with the
 * event's row locked, so changes of one event's agenda apply one after the other.
 *
 * Optimistic concurrency without a version column: an item's version is its updatedAt (every write raises
 * it), the agenda's version a hash of its items' ids and versions. A change carries the version its author
 * saw; if the item (or, for moves and the template, the agenda) changed since, it is refused with a conflict.
 */
import { createHash } from "node:crypto";
import type { Db } from "#db/client.server";
import { endOf, signingCeremonyTemplate, templateAt } from "~/domain/agenda/agenda";
import {
  changeTiming,
  insertItem,
  issuesByItem,
  moveTo,
  reorder,
  sameOrder,
  type ItemIssue,
} from "~/domain/agenda/agenda-edit";
import { keyPointsFromText, keyPointsToText, type AgendaItemInput } from "~/domain/agenda/agenda-item.schema";
import type { Locale } from "~/domain/dates/phrasing";
import { recordAudit } from "~/models/audit.server";
import {
  deleteAgenda,
  deleteAgendaItem as deleteAgendaItemRow,
  findActiveInvitation,
  findActiveUserId,
  getAgendaEvent,
  insertAgendaItems,
  listAgenda,
  lockAgendaEvent,
  updateAgendaItem as updateAgendaItemRow,
  type AgendaEvent,
  type AgendaItemRow,
  type AgendaItemValues,
} from "~/models/agenda.server";
import type { Actor } from "~/domain/access/permissions";
import { ServiceError } from "~/utils/errors";

export interface AgendaItemView extends Omit<AgendaItemRow, "keyPoints"> {
  endsAt: Date;
  keyPoints: string[];
  issues: ItemIssue[];
  /** Send it back to change or delete this item. */
  version: string;
}

export interface AgendaView {
  event: AgendaEvent;
  items: AgendaItemView[];
  /** Send it back to reorder the agenda or insert the template. */
  version: string;
}

export function itemVersion(item: { updatedAt: Date }): string {
  return item.updatedAt.getTime().toString(36);
}

export function agendaVersion(items: { id: string; updatedAt: Date }[]): string {
  const text = items
    .map((x) => `${x.id}:${itemVersion(x)}`)
    .sort()
    .join(",");
  return createHash("sha256").update(text).digest("base64url").slice(0, 16);
}

export function toAgendaView(event: AgendaEvent, rows: AgendaItemRow[]): AgendaView {
  const issues = issuesByItem(rows, event);
  return {
    event,
    version: agendaVersion(rows),
    items: rows.map((row) => ({
      ...row,
      endsAt: endOf(row),
      keyPoints: keyPointsFromText(row.keyPoints),
      issues: issues.get(row.id) ?? [],
      version: itemVersion(row),
    })),
  };
}

export async function getAgendaView(db: Db, eventId: string): Promise<AgendaView> {
  const event = await getAgendaEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  return toAgendaView(event, await listAgenda(db, eventId));
}

export interface Expected {
  /** The agenda's version the change was based on (moves, the template; optional for the rest). */
  agendaVersion?: string;
  /** The item's version (changes and deletion of one item). */
  itemVersion?: string;
}

/** A later updatedAt than `previous`, even within the same millisecond, so every write changes the version. */
function bump(previous: Date | null, now: Date): Date {
  return previous && previous.getTime() >= now.getTime() ? new Date(previous.getTime() + 1) : now;
}

async function begin(tx: Db, eventId: string, expected: Expected) {
  const event = await lockAgendaEvent(tx, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  if (event.status === "cancelled") throw new ServiceError("conflict", "agenda.errors.cancelled");
  const rows = await listAgenda(tx, eventId);
  if (expected.agendaVersion !== undefined && expected.agendaVersion !== agendaVersion(rows))
    throw new ServiceError("conflict", "agenda.errors.stale");
  return { event, rows };
}

function checkItemVersion(row: AgendaItemRow, expected: Expected) {
  if (expected.itemVersion !== undefined && expected.itemVersion !== itemVersion(row))
    throw new ServiceError("conflict", "agenda.errors.staleItem");
}

/** Refuses a speaker who is not (or no longer) invited to this event and a responsible user who is not active. */
async function checkPeople(
  db: Db,
  eventId: string,
  input: { speakerInvitationId?: string | null; responsibleUserId?: string | null },
  current?: { speakerInvitationId: string | null; responsibleUserId: string | null },
) {
  const fields: Record<string, string> = {};
  const speaker = input.speakerInvitationId;
  if (speaker && speaker !== current?.speakerInvitationId && !(await findActiveInvitation(db, eventId, speaker)))
    fields.speakerInvitationId = "agenda.errors.speakerNotInvited";
  const responsible = input.responsibleUserId;
  if (responsible && responsible !== current?.responsibleUserId && !(await findActiveUserId(db, responsible)))
    fields.responsibleUserId = "agenda.errors.unknownUser";
  if (Object.keys(fields).length) throw new ServiceError("invalid", "form.fixErrors", fields);
}

/** Writes the new order and times of `next` (in agenda order) for the rows whose position or times changed. */
async function saveTimings(
  tx: Db,
  eventId: string,
  before: AgendaItemRow[],
  next: { id: string; startsAt: Date; durationMinutes: number }[],
  now: Date,
  skip: Set<string> = new Set(),
) {
  const old = new Map(before.map((r) => [r.id, r]));
  for (const [position, item] of next.entries()) {
    const row = old.get(item.id);
    if (!row || skip.has(item.id)) continue;
    if (row.position === position && row.startsAt.getTime() === item.startsAt.getTime() && row.durationMinutes === item.durationMinutes)
      continue;
    await updateAgendaItemRow(tx, eventId, item.id, {
      position,
      startsAt: item.startsAt,
      durationMinutes: item.durationMinutes,
      updatedAt: bump(row.updatedAt, now),
    });
  }
}

export type NewAgendaItem = Omit<AgendaItemInput, "startsAt" | "titleEn"> & { startsAt: Date | null; titleEn?: string | null };

/**
 * Adds an item at the 0-based `index` (null: by its start time, or last). Without a start it begins when the
 * item before it ends; later items move forward only as needed not to overlap it.
 */
export async function addAgendaItem(
  db: Db,
  actor: Actor,
  eventId: string,
  input: NewAgendaItem,
  options: { index?: number | null; expected?: Expected } = {},
): Promise<{ view: AgendaView; id: string }> {
  const id = await db.transaction(async (tx) => {
    const { event, rows } = await begin(tx, eventId, options.expected ?? {});
    await checkPeople(tx, eventId, input);
    const placeholder = "\u0000new";
    const { items: next, index } = insertItem(
      rows.map((r) => ({ id: r.id, startsAt: r.startsAt, durationMinutes: r.durationMinutes })),
      { id: placeholder, startsAt: input.startsAt, durationMinutes: input.durationMinutes },
      options.index ?? null,
      event.startsAt,
    );
    const now = new Date();
    await saveTimings(tx, eventId, rows, next, now);
    const [newId] = await insertAgendaItems(tx, eventId, [
      {
        ...itemValues(input),
        position: index,
        startsAt: next[index]!.startsAt,
        updatedAt: now,
      },
    ]);
    if (!newId) throw new Error("insert returned no row");
    await recordAudit(tx, {
      actor,
      action: "agenda.item.create",
      entityType: "agenda_item",
      entityId: newId,
      eventId,
      details: { title: input.title },
    });
    return newId;
  });
  return { view: await getAgendaView(db, eventId), id };
}

function itemValues(input: Omit<NewAgendaItem, "startsAt">) {
  return {
    durationMinutes: input.durationMinutes,
    title: input.title,
    titleEn: input.titleEn ?? null,
    kind: input.kind,
    responsibleUserId: input.responsibleUserId,
    speakerInvitationId: input.speakerInvitationId,
    place: input.place,
    notes: input.notes,
    keyPoints: input.keyPoints.length ? keyPointsToText(input.keyPoints) : null,
  };
}

export type AgendaItemChange = Partial<AgendaItemInput> & {
  /** Move the item to this 0-based index (the agenda is then laid out back to back). */
  index?: number;
};

const fieldNames = [
  "startsAt",
  "durationMinutes",
  "title",
  "titleEn",
  "kind",
  "responsibleUserId",
  "speakerInvitationId",
  "place",
  "notes",
  "keyPoints",
] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Changes one item. A new start or duration cascades to the items after it (their gaps kept); a new index
 * moves it and lays the agenda out back to back. Nothing changed: nothing written.
 */
export async function updateAgendaItem(
  db: Db,
  actor: Actor,
  eventId: string,
  itemId: string,
  change: AgendaItemChange,
  expected: Expected = {},
): Promise<AgendaView> {
  await db.transaction(async (tx) => {
    const { rows } = await begin(tx, eventId, expected);
    const row = rows.find((r) => r.id === itemId);
    if (!row) throw new ServiceError("not_found", "agenda.errors.itemNotFound");
    checkItemVersion(row, expected);
    const current: AgendaItemInput = {
      startsAt: row.startsAt,
      durationMinutes: row.durationMinutes,
      title: row.title,
      titleEn: row.titleEn,
      kind: row.kind,
      responsibleUserId: row.responsibleUserId,
      speakerInvitationId: row.speakerInvitationId,
      place: row.place,
      notes: row.notes,
      keyPoints: keyPointsFromText(row.keyPoints),
    };
    const merged: AgendaItemInput = { ...current };
    for (const key of fieldNames) if (change[key] !== undefined) Object.assign(merged, { [key]: change[key] });
    const changed: string[] = fieldNames.filter((k) => !sameValue(current[k], merged[k]));
    const currentIndex = rows.indexOf(row);
    const moving = change.index !== undefined && Math.min(Math.max(change.index, 0), rows.length - 1) !== currentIndex;
    if (moving) changed.push("position");
    if (changed.length === 0) return;
    await checkPeople(tx, eventId, merged, row);

    const now = new Date();
    const timings = rows.map((r) => ({ id: r.id, startsAt: r.startsAt, durationMinutes: r.durationMinutes }));
    let next = changeTiming(timings, itemId, { startsAt: merged.startsAt, durationMinutes: merged.durationMinutes });
    if (moving) next = moveTo(next, itemId, change.index!);
    const mine = next.find((x) => x.id === itemId)!;
    await updateAgendaItemRow(tx, eventId, itemId, {
      ...itemValues(merged),
      position: next.indexOf(mine),
      startsAt: mine.startsAt,
      updatedAt: bump(row.updatedAt, now),
    });
    await saveTimings(tx, eventId, rows, next, now, new Set([itemId]));
    await recordAudit(tx, {
      actor,
      action: "agenda.item.update",
      entityType: "agenda_item",
      entityId: itemId,
      eventId,
      details: { title: merged.title, changed },
    });
  });
  return getAgendaView(db, eventId);
}

/** Deletes one item; the others keep their times (the gap stays) and close up their positions. */
export async function deleteAgendaItem(
  db: Db,
  actor: Actor,
  eventId: string,
  itemId: string,
  expected: Expected = {},
): Promise<AgendaView> {
  await db.transaction(async (tx) => {
    const { rows } = await begin(tx, eventId, expected);
    const row = rows.find((r) => r.id === itemId);
    if (!row) throw new ServiceError("not_found", "agenda.errors.itemNotFound");
    checkItemVersion(row, expected);
    await deleteAgendaItemRow(tx, eventId, itemId);
    const rest = rows.filter((r) => r.id !== itemId);
    await saveTimings(tx, eventId, rest, rest, new Date());
    await recordAudit(tx, {
      actor,
      action: "agenda.item.delete",
      entityType: "agenda_item",
      entityId: itemId,
      eventId,
      details: { title: row.title },
    });
  });
  return getAgendaView(db, eventId);
}

/** Puts the agenda in `order` (all item ids) and lays it out back to back from its first start. */
export async function reorderAgenda(
  db: Db,
  actor: Actor,
  eventId: string,
  order: string[],
  expected: Expected = {},
): Promise<AgendaView> {
  await db.transaction(async (tx) => {
    const { rows } = await begin(tx, eventId, expected);
    const ids = new Set(rows.map((r) => r.id));
    if (order.length !== rows.length || new Set(order).size !== order.length || order.some((id) => !ids.has(id)))
      throw new ServiceError("conflict", "agenda.errors.orderMismatch");
    if (sameOrder(rows, order)) return;
    const next = reorder(rows.map((r) => ({ id: r.id, startsAt: r.startsAt, durationMinutes: r.durationMinutes })), order);
    await saveTimings(tx, eventId, rows, next, new Date());
    await recordAudit(tx, { actor, action: "agenda.reorder", entityType: "agenda", entityId: eventId, eventId });
  });
  return getAgendaView(db, eventId);
}

/** Moves one item a place up or down (the keyboard's way to reorder); at the top or bottom nothing moves. */
export async function moveAgendaItem(
  db: Db,
  actor: Actor,
  eventId: string,
  itemId: string,
  direction: "up" | "down",
  expected: Expected = {},
): Promise<AgendaView> {
  const view = await getAgendaView(db, eventId);
  const index = view.items.findIndex((x) => x.id === itemId);
  if (index < 0) throw new ServiceError("not_found", "agenda.errors.itemNotFound");
  const to = direction === "up" ? index - 1 : index + 1;
  if (to < 0 || to >= view.items.length) {
    if (expected.agendaVersion !== undefined && expected.agendaVersion !== view.version)
      throw new ServiceError("conflict", "agenda.errors.stale");
    return view;
  }
  const order = view.items.map((x) => x.id).filter((id) => id !== itemId);
  order.splice(to, 0, itemId);
  return reorderAgenda(db, actor, eventId, order, expected);
}

export function templateTitles(locale: Locale) {
  return signingCeremonyTemplate.map((t) => t.title[locale]);
}

/**
 * Inserts the usual order of a Vietnamese signing ceremony, laid out from the event's start (arrival before
 * it). On an agenda that has items already, only with `replace` (after the person confirmed): they are removed.
 */
export async function insertSigningTemplate(
  db: Db,
  actor: Actor,
  eventId: string,
  locale: Locale,
  options: { replace?: boolean; expected?: Expected } = {},
): Promise<AgendaView> {
  await db.transaction(async (tx) => {
    const { event, rows } = await begin(tx, eventId, options.expected ?? {});
    if (rows.length > 0 && !options.replace)
      throw new ServiceError("conflict", `agenda.template.notEmpty?count=${rows.length}`);
    const replaced = rows.length > 0 ? await deleteAgenda(tx, eventId) : 0;
    const now = new Date();
    const values: AgendaItemValues[] = templateAt(event.startsAt).map((t, position) => ({
      position,
      startsAt: t.startsAt,
      durationMinutes: t.durationMinutes,
      title: t.title[locale],
      kind: t.kind,
      responsibleUserId: null,
      speakerInvitationId: null,
      place: null,
      notes: null,
      keyPoints: null,
      updatedAt: now,
    }));
    await insertAgendaItems(tx, eventId, values);
    await recordAudit(tx, {
      actor,
      action: "agenda.template",
      entityType: "agenda",
      entityId: eventId,
      eventId,
      details: { items: values.length, replaced },
    });
  });
  return getAgendaView(db, eventId);
}
