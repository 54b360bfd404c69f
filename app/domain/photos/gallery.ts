/**
 * The gallery's order and cover. Pure: the photos service loads the rows, asks these functions, persists.
 * Moving by one step and checking a submitted order are the precedence list's (app/domain/protocol/precedence-list).
 */
import { fingerprint } from "~/domain/text/fingerprint";

/**
 * A short fingerprint of the gallery's order as a person saw it (photo ids in order). Saving an order that
 * started from another fingerprint is a contradictory edit.
 */
export function galleryOrderVersion(order: readonly string[]): string {
  return fingerprint(`photos|${order.join(",")}`);
}

/**
 * Moves one photo to a 1-based place (clamped to the gallery), the API's `position`. Returns the new order.
 */
export function moveToPosition(order: readonly string[], id: string, position: number): string[] {
  const rest = order.filter((x) => x !== id);
  if (rest.length === order.length) return [...order];
  const at = Math.min(Math.max(1, Math.trunc(position)), order.length) - 1;
  rest.splice(at, 0, id);
  return rest;
}

/** Positions 1…n for the ids in order: only the ones that differ from `current` (id → position). */
export function changedPositions(order: readonly string[], current: ReadonlyMap<string, number>): { id: string; position: number }[] {
  return order
    .map((id, i) => ({ id, position: i + 1 }))
    .filter((p) => current.get(p.id) !== p.position);
}
