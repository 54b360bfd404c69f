/**
 * How the times of a run of show move when one item is added, changed or moved. Pure: the service loads the
 * items in their order (position), asks these functions for the new timings and saves what changed.
 *
 * - A change of an item's start or duration cascades: the items after it keep their distance to it (gaps
 *   kept, overlaps among later items closed), see `cascade`.
 * - A new item starts, unless told otherwise, when the one before it ends; the items after it move forward
 *   only as far as needed not to overlap it, so a break that has room for it is used.
 * - A move (drag and drop, move up/down) lays the agenda out back to back from its first start (`layOut`).
 * - Deleting an item moves nothing: the gap stays visible.
 */
import { agendaIssues, cascade, endOf, layOut, type AgendaKind, type AgendaTiming } from "./agenda";

function clamp(n: number, min: number, max: number) {
  return Math.min(Math.max(n, min), max);
}

/**
 * The 0-based index where an item starting at `startsAt` goes: after every item starting before it, so it
 * comes before an item starting at the same time (which then moves on: "insert here").
 */
export function indexForStart(items: AgendaTiming[], startsAt: Date): number {
  let index = 0;
  items.forEach((item, i) => {
    if (item.startsAt.getTime() < startsAt.getTime()) index = i + 1;
  });
  return index;
}

/** The start a new item gets at `index` when none is given: when the previous item ends, or `fallback`. */
export function defaultStartAt(items: AgendaTiming[], index: number, fallback: Date): Date {
  const i = clamp(index, 0, items.length);
  const previous = items[i - 1];
  if (previous) return endOf(previous);
  return items[0]?.startsAt ?? fallback;
}

/**
 * From `fromIndex` on, each item starts no earlier than the one before it ends; stops at the first item that
 * does not need to move, so items further down (and their own overlaps) are left alone.
 */
export function pushForward<T extends AgendaTiming>(items: T[], fromIndex: number): T[] {
  const out = items.map((x) => ({ ...x }));
  for (let i = Math.max(1, fromIndex); i < out.length; i++) {
    const prevEnd = endOf(out[i - 1]!);
    const item = out[i]!;
    if (item.startsAt.getTime() >= prevEnd.getTime()) break;
    item.startsAt = prevEnd;
  }
  return out;
}

/**
 * Inserts `item` at `index` (clamped; null = by its start time, or last when it has no start). Without a start
 * it begins when the previous item ends. Later items move forward only as needed.
 */
export function insertItem<T extends AgendaTiming>(
  items: T[],
  item: Omit<T, "startsAt"> & { startsAt: Date | null },
  index: number | null,
  fallbackStart: Date,
): { items: T[]; index: number } {
  const at =
    index === null ? (item.startsAt ? indexForStart(items, item.startsAt) : items.length) : clamp(index, 0, items.length);
  const placed = { ...item, startsAt: item.startsAt ?? defaultStartAt(items, at, fallbackStart) } as T;
  const list = [...items.slice(0, at), placed, ...items.slice(at)];
  return { items: pushForward(list, at + 1), index: at };
}

/** The item `id` gets a new start and/or duration; the items after it cascade (their gaps kept). */
export function changeTiming<T extends AgendaTiming>(
  items: T[],
  id: string,
  change: { startsAt?: Date; durationMinutes?: number },
): T[] {
  const index = items.findIndex((x) => x.id === id);
  if (index < 0) return items.map((x) => ({ ...x }));
  const previousEnds = items.map(endOf);
  const changed = items.map((x, i) =>
    i === index
      ? { ...x, startsAt: change.startsAt ?? x.startsAt, durationMinutes: change.durationMinutes ?? x.durationMinutes }
      : { ...x },
  );
  return cascade(changed, index, previousEnds);
}

/** The earliest start of the agenda (where a re-laid-out agenda begins), or null when empty. */
export function firstStart(items: AgendaTiming[]): Date | null {
  if (items.length === 0) return null;
  return new Date(Math.min(...items.map((x) => x.startsAt.getTime())));
}

/**
 * Puts the items in `order` (ids; ids not in the agenda are ignored, items missing from `order` keep their
 * relative order after it) and lays them out back to back from the agenda's first start.
 */
export function reorder<T extends AgendaTiming>(items: T[], order: string[]): T[] {
  const byId = new Map(items.map((x) => [x.id, x]));
  const seen = new Set<string>();
  const ordered: T[] = [];
  for (const id of order) {
    const item = byId.get(id);
    if (!item || seen.has(id)) continue;
    seen.add(id);
    ordered.push(item);
  }
  for (const item of items) if (!seen.has(item.id)) ordered.push(item);
  const start = firstStart(items);
  return start ? layOut(ordered, start) : ordered;
}

/** Moves the item `id` to the 0-based `index` (clamped), then lays the agenda out (see `reorder`). */
export function moveTo<T extends AgendaTiming>(items: T[], id: string, index: number): T[] {
  const ids = items.map((x) => x.id).filter((x) => x !== id);
  if (ids.length === items.length) return items.map((x) => ({ ...x }));
  const at = clamp(index, 0, ids.length);
  return reorder(items, [...ids.slice(0, at), id, ...ids.slice(at)]);
}

/** Whether an order is the same as the items' current order. */
export function sameOrder(items: { id: string }[], order: string[]): boolean {
  return items.length === order.length && items.every((x, i) => x.id === order[i]);
}

export type ItemIssue =
  | { kind: "overlap"; withId: string }
  | { kind: "pastEventEnd" }
  | { kind: "beforeEventStart" };

/**
 * The issues to show next to each item: an overlap on both items of the pair, and times outside the event.
 * Arrival and reception of guests (kind "arrival") naturally begins before the ceremony and is not flagged for it.
 */
export function issuesByItem(
  items: (AgendaTiming & { kind: AgendaKind })[],
  event: { startsAt: Date; endsAt: Date },
): Map<string, ItemIssue[]> {
  const kinds = new Map(items.map((x) => [x.id, x.kind]));
  const out = new Map<string, ItemIssue[]>(items.map((x) => [x.id, []]));
  const add = (id: string, issue: ItemIssue) => out.get(id)?.push(issue);
  for (const issue of agendaIssues(items, event)) {
    if (issue.kind === "overlap") {
      add(issue.itemId, { kind: "overlap", withId: issue.withId });
      add(issue.withId, { kind: "overlap", withId: issue.itemId });
    } else if (issue.kind === "beforeEventStart") {
      if (kinds.get(issue.itemId) !== "arrival") add(issue.itemId, { kind: "beforeEventStart" });
    } else add(issue.itemId, { kind: "pastEventEnd" });
  }
  return out;
}
