import { foldForSearch } from "../text/search";
import { fingerprint } from "../text/fingerprint";
import { moveToPlace, proposePrecedence, type PrecedenceOptions, type PrecedencePlace, type PrecedenceReason } from "./precedence";

/**
 * The order of precedence of one event's dignitaries as stored: the proposal from the position table, or
 * a hand-made order (every dignitary has a `manualPlace`). Pure: the services load rows, call this, persist.
 */
export interface StoredDignitary {
  id: string;
  positions: string[];
  /** A military/police rank before the name counts for the rank (precedence.ts). */
  honorific?: string | null;
  side: "host" | "guest" | null;
  entryOrder: number;
  /** 1 = first; null = the proposal decides. */
  manualPlace: number | null;
}

export type RankReason = Exclude<PrecedenceReason, { kind: "manual" }>;

export interface ResolvedPlace {
  id: string;
  /** 1 = first. */
  place: number;
  /** Where the position table alone would put them. */
  proposedPlace: number;
  /** What earned the place: the manual order when they were moved away from the proposal, else the rank. */
  reason: PrecedenceReason;
  /** The rank their positions earn (or unknown), whatever the order. */
  rankReason: RankReason;
  /** What separated them from the one above in the proposal when their positions rank the same. */
  tieBreak: PrecedencePlace["tieBreak"];
  /** Placed by hand somewhere else than the proposal would. */
  moved: boolean;
  /** No position of theirs is in the rank table (precedence.ts PrecedencePlace.rankUnknown). */
  rankUnknown: boolean;
  /**
   * The organizer still has to look at this place: the rank is unknown and the order is the proposal's guess
   * (no hand-made order saved). Saving the order (or extending the table) resolves it.
   */
  needsReview: boolean;
}

export interface ResolvedPrecedence {
  places: ResolvedPlace[];
  /** Ids whose place the organizer still has to confirm (needsReview), in order. */
  unresolved: string[];
  /** The order is hand-made (saved by a person), not the proposal. */
  manual: boolean;
}

export function resolvePrecedence(rows: StoredDignitary[], options: PrecedenceOptions = {}): ResolvedPrecedence {
  const proposed = proposePrecedence(rows, options);
  const byId = new Map(proposed.map((p) => [p.id, p]));
  // Each hand-placed dignitary moves to their place, lowest place first (ties by entry): with a whole order
  // stored (1…n, as the services write it) this is exactly that order; with only some places set, the others
  // keep their proposed order around them.
  const pinned = rows
    .filter((r): r is StoredDignitary & { manualPlace: number } => r.manualPlace !== null)
    .sort((a, b) => a.manualPlace - b.manualPlace || a.entryOrder - b.entryOrder);
  let order = proposed.map((p) => p.id);
  for (const r of pinned) order = moveToPlace(order, r.id, r.manualPlace);
  const manual = pinned.length > 0;
  const places = order.map((id, index): ResolvedPlace => {
    const p = { id, place: index + 1 };
    const original = byId.get(p.id);
    const r = original?.reason;
    const rankReason: RankReason = r && r.kind !== "manual" ? r : { kind: "unknown" };
    const proposedPlace = original?.place ?? p.place;
    const moved = manual && proposedPlace !== p.place;
    return {
      id: p.id,
      place: p.place,
      proposedPlace,
      reason: moved ? { kind: "manual" } : rankReason,
      rankReason,
      tieBreak: original?.tieBreak ?? null,
      moved,
      rankUnknown: rankReason.kind === "unknown",
      needsReview: rankReason.kind === "unknown" && !manual,
    };
  });
  return { places, manual, unresolved: places.filter((p) => p.needsReview).map((p) => p.id) };
}

/**
 * Where a newcomer goes in a hand-made order: right after the person who precedes them in the proposal (so a
 * Bí thư added late is not sent to the end), or first when nobody does.
 */
export function insertByProposal(order: string[], proposedOrder: string[], newId: string): string[] {
  const rest = order.filter((id) => id !== newId);
  const at = proposedOrder.indexOf(newId);
  const inRest = new Set(rest);
  for (let i = at - 1; i >= 0; i--) {
    const before = proposedOrder[i];
    if (before !== undefined && inRest.has(before)) {
      const index = rest.indexOf(before) + 1;
      return [...rest.slice(0, index), newId, ...rest.slice(index)];
    }
  }
  return at < 0 ? [...rest, newId] : [newId, ...rest];
}

/** Moves one id up (delta -1) or down (+1) in an order; at an end, nothing changes. */
export function moveBy(order: string[], id: string, delta: number): string[] {
  const from = order.indexOf(id);
  if (from < 0) return order;
  const to = Math.min(Math.max(0, from + delta), order.length - 1);
  if (to === from) return order;
  const next = order.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/**
 * An Up/Down button of a list without JavaScript ("<id>:up" or "<id>:down") applied to the order submitted with
 * it: the new order; the same array when the step goes past an end (nothing to save); null when the value is
 * malformed or names an id not in the order.
 */
export function applyStep(order: string[], move: string): string[] | null {
  const [id = "", direction, ...rest] = move.split(":");
  if (rest.length > 0 || !order.includes(id) || (direction !== "up" && direction !== "down")) return null;
  return moveBy(order, id, direction === "up" ? -1 : 1);
}

/**
 * What a reorderable list's form submitted: the order as sent (drag and drop, or "Save order"), or, when an
 * Up/Down button without JavaScript sent `move`, that step applied to it. "unchanged" when the step goes past an
 * end (nothing to save), "invalid" when `move` is malformed.
 */
export function submittedOrder(order: string[], move: unknown): { ids: string[] } | "unchanged" | "invalid" {
  if (move === undefined || move === null) return { ids: order };
  if (typeof move !== "string") return "invalid";
  const moved = applyStep(order, move);
  if (!moved) return "invalid";
  return moved === order ? "unchanged" : { ids: moved };
}

export type OrderCheck = "ok" | "duplicate" | "mismatch";

/**
 * A submitted full order against the current dignitaries: "duplicate" when an id repeats, "mismatch" when it
 * does not name exactly the current dignitaries (someone added or removed one meanwhile).
 */
export function checkSubmittedOrder(current: readonly string[], submitted: readonly string[]): OrderCheck {
  if (new Set(submitted).size !== submitted.length) return "duplicate";
  if (submitted.length !== current.length) return "mismatch";
  const known = new Set(current);
  return submitted.every((id) => known.has(id)) ? "ok" : "mismatch";
}

/**
 * A short fingerprint of the order as a person saw it (ids in order, whether it is hand-made, the tie
 * setting). A save that carries an older fingerprint is a contradictory edit.
 */
export function precedenceVersion(order: readonly string[], manual: boolean, equalsFirst: string): string {
  return fingerprint(`${equalsFirst}|${manual ? "m" : "p"}|${order.join(",")}`);
}

/**
 * Which side of the ceremony an organization belongs to, when nobody said: the host organization's own people
 * are "host", the other agreement parties' and partners' people "guest"; anyone else unknown (null).
 * Names compare folded (no diacritics, no case), full or short name.
 */
export function inferSide(
  organization: string | null,
  host: readonly (string | null)[],
  guests: readonly (string | null)[],
): "host" | "guest" | null {
  const org = organization ? foldForSearch(organization) : "";
  if (!org) return null;
  const matches = (names: readonly (string | null)[]) => names.some((n) => !!n && foldForSearch(n) === org);
  if (matches(host)) return "host";
  if (matches(guests)) return "guest";
  return null;
}
