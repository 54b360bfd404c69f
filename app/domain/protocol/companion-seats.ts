/**
 * Companions in the seating plan (docs/decisions/028). A seat holds an invitation and a companion index: 0 = the
 * invitee, 1…n = the n-th companion they named. Pages and the plan speak of a seat's holder by one string key: the
 * invitation id for the invitee, "<invitation id>:<n>" for their n-th companion. Pure.
 */
import { z } from "zod";

export interface SeatHolder {
  invitationId: string;
  companionIndex: number;
}

/** The largest companion allowance (invitations.plus_ones is 0–20). */
export const MAX_COMPANIONS = 20;

export function holderKey(invitationId: string, companionIndex = 0): string {
  return companionIndex === 0 ? invitationId : `${invitationId}:${companionIndex}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The holder a key names; null for anything else. */
export function parseHolderKey(key: string): SeatHolder | null {
  const [id = "", index, ...rest] = key.trim().split(":");
  if (rest.length || !UUID.test(id)) return null;
  if (index === undefined) return { invitationId: id.toLowerCase(), companionIndex: 0 };
  if (!/^\d{1,2}$/.test(index)) return null;
  const n = Number(index);
  return n >= 1 && n <= MAX_COMPANIONS ? { invitationId: id.toLowerCase(), companionIndex: n } : null;
}

/** A holder key from a form field: the invitation's id, or "<id>:<n>" for a companion. */
export const holderKeySchema = z
  .string({ required_error: "errors.required" })
  .transform((v, ctx) => {
    const holder = parseHolderKey(v);
    if (!holder) {
      ctx.addIssue({ code: "custom", message: "errors.invalid" });
      return z.NEVER;
    }
    return holder;
  });

/** The keys of an invitee's companions who come: "<id>:1" … "<id>:<count>". */
export function companionKeys(invitationId: string, count: number): string[] {
  return Array.from({ length: Math.max(0, Math.min(count, MAX_COMPANIONS)) }, (_, i) => holderKey(invitationId, i + 1));
}

/**
 * The order the guest rows are filled in, companions included: each companion right after the person who brings
 * them. A dignitary already seated at a presidium leaves their companions at that point of the order, so they lead
 * the guest rows in precedence order. `seatedElsewhere` = the people who are not in the guest rows.
 */
export function withCompanions(order: readonly string[], companionsOf: Readonly<Record<string, readonly string[]>>, seatedElsewhere: ReadonlySet<string> = new Set()): string[] {
  return order.flatMap((id) => [...(seatedElsewhere.has(id) ? [] : [id]), ...(companionsOf[id] ?? [])]);
}
