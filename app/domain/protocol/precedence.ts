import { foldForSearch } from "../text/search";
import { defaultPositionRanks, type PositionRank } from "./position-ranks";

export interface PrecedenceCandidate {
  id: string;
  positions: string[];
  /** A military or police rank standing before the name ("Đại tá") counts like a position; "đồng chí"/"ông"/"bà" do not. */
  honorific?: string | null;
  /** Which side of the ceremony they belong to: the host organization's or a guest. */
  side: "host" | "guest" | null;
  /** The order they were entered in (earlier first among unknown or equal positions). */
  entryOrder: number;
}

export type PrecedenceReason =
  | { kind: "rank"; position: string; rank: number; level: PositionRank["level"] }
  | { kind: "unknown" }
  | { kind: "manual" };

export interface PrecedencePlace {
  id: string;
  /** 1 = first. */
  place: number;
  reason: PrecedenceReason;
  /** What separated this person from the one above when their positions rank the same. */
  tieBreak: "side" | "entryOrder" | null;
  /**
   * None of their positions is in the rank table: they are placed after everyone known, which may well be wrong
   * (an unknown provincial deputy commander below a district secretary). The organizer sees this and resolves it
   * (a hand-made order, or the table extended), rather than a silent guess.
   */
  rankUnknown: boolean;
}

export interface PrecedenceOptions {
  table?: PositionRank[];
  /** Among equal positions: guests before hosts (courtesy, the default) or hosts first. */
  equalsFirst?: "guests" | "hosts";
}

/** The best (lowest) rank among a person's positions, with the position that earned it. */
export function rankOf(positions: string[], table: PositionRank[] = defaultPositionRanks): PrecedenceReason {
  let best: Extract<PrecedenceReason, { kind: "rank" }> | null = null;
  for (const position of positions) {
    const folded = foldForSearch(position);
    const entry = table.find((e) => e.match.test(folded));
    if (entry && (!best || entry.rank < best.rank)) best = { kind: "rank", position: position.trim(), rank: entry.rank, level: entry.level };
  }
  return best ?? { kind: "unknown" };
}

/**
 * Proposes the order of precedence: known positions by rank (central before provincial before district),
 * then unknown positions; among equals, guests before hosts (or as configured); then the order of entry.
 */
export function proposePrecedence(candidates: PrecedenceCandidate[], options: PrecedenceOptions = {}): PrecedencePlace[] {
  const table = options.table ?? defaultPositionRanks;
  const sideOrder = (side: PrecedenceCandidate["side"]) => {
    const first = options.equalsFirst === "hosts" ? "host" : "guest";
    return side === first ? 0 : side === null ? 1 : 2;
  };
  const ranked = candidates.map((c) => ({ c, reason: rankOf(c.honorific?.trim() ? [...c.positions, c.honorific.trim()] : c.positions, table) }));
  const rankValue = (r: PrecedenceReason) => (r.kind === "rank" ? r.rank : Number.POSITIVE_INFINITY);
  ranked.sort((a, b) => {
    const ra = rankValue(a.reason);
    const rb = rankValue(b.reason);
    if (ra !== rb) return ra < rb ? -1 : 1; // not ra - rb: Infinity - Infinity is NaN
    if (a.reason.kind === "rank") {
      const bySide = sideOrder(a.c.side) - sideOrder(b.c.side);
      if (bySide !== 0) return bySide;
    }
    return a.c.entryOrder - b.c.entryOrder;
  });
  return ranked.map(({ c, reason }, i) => {
    const prev = ranked[i - 1];
    let tieBreak: PrecedencePlace["tieBreak"] = null;
    if (prev && rankValue(prev.reason) === rankValue(reason)) {
      tieBreak = reason.kind === "rank" && sideOrder(prev.c.side) !== sideOrder(c.side) ? "side" : "entryOrder";
    }
    return { id: c.id, place: i + 1, reason, tieBreak, rankUnknown: reason.kind === "unknown" };
  });
}

/**
 * Applies a hand-made order: the ids in `manual` come first in that order (reason "manual"), everyone else
 * keeps the proposed order after them. Unknown ids in `manual` are ignored.
 */
export function applyManualOrder(proposed: PrecedencePlace[], manual: string[]): PrecedencePlace[] {
  const byId = new Map(proposed.map((p) => [p.id, p]));
  const seen = new Set<string>();
  const out: PrecedencePlace[] = [];
  for (const id of manual) {
    if (!byId.has(id) || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, place: 0, reason: { kind: "manual" }, tieBreak: null, rankUnknown: byId.get(id)?.rankUnknown ?? false });
  }
  for (const p of proposed) if (!seen.has(p.id)) out.push(p);
  return out.map((p, i) => ({ ...p, place: i + 1 }));
}

/** Moves one id to a 1-based place, shifting the others down; a place past the end puts it last. */
export function moveToPlace(order: string[], id: string, place: number): string[] {
  const rest = order.filter((x) => x !== id);
  const index = Math.min(Math.max(1, Math.floor(place)), rest.length + 1) - 1;
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}
