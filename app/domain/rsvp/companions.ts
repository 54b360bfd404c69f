import { z } from "zod";
import { MAX_PLUS_ONES } from "../attendees/attendee.schema";

/**
 * Companions ("người đi cùng"): the organizer allows an invitation up to `plusOnes` of them; the invitee says how many
 * actually come and names each one (a badge is printed per name). Client-safe: the invitee page's form and its action
 * share companionsFormSchema(allowed). docs/decisions/028-delegates-and-companions.md.
 */
export const COMPANION_NAME_MAX = 200;

/** The form's name fields: companion1 … companionN. */
export function companionField(index: number): `companion${number}` {
  return `companion${index + 1}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F]/;

const nameField = z
  .string({ invalid_type_error: "errors.invalid" })
  .nullish()
  .transform((v, ctx): string | null => {
    const s = (v ?? "").normalize("NFC").replace(/\s+/g, " ").trim();
    if (s.length > COMPANION_NAME_MAX) {
      ctx.addIssue({ code: "custom", message: `errors.tooLong?max=${COMPANION_NAME_MAX}` });
      return z.NEVER;
    }
    if (CONTROL_OR_NEWLINE.test(s)) {
      ctx.addIssue({ code: "custom", message: "errors.controlChars" });
      return z.NEVER;
    }
    return s || null;
  });

const nameFields = Object.fromEntries(Array.from({ length: MAX_PLUS_ONES }, (_, i) => [companionField(i), nameField])) as Record<
  `companion${number}`,
  typeof nameField
>;

/**
 * The companions form for an invitation that allows `allowed` companions: a count from 0 to `allowed` and a name for
 * each of the first `count` fields (the fields after them are ignored). Output: the names, in order.
 */
export function companionsFormSchema(allowed: number) {
  const max = Math.max(0, Math.min(MAX_PLUS_ONES, Math.floor(allowed)));
  return z
    .object({ companionCount: z.union([z.string(), z.number()]).nullish(), ...nameFields })
    .superRefine((v, ctx) => {
      const count = parseCount(v.companionCount);
      if (count === null || count > max) {
        ctx.addIssue({
          code: "custom",
          path: ["companionCount"],
          message: max === 0 ? "rsvp.companions.errors.noneAllowed" : `rsvp.companions.errors.count?max=${max}`,
        });
        return;
      }
      const names = v as unknown as Record<string, string | null>;
      for (let i = 0; i < count; i++)
        if (!names[companionField(i)]) ctx.addIssue({ code: "custom", path: [companionField(i)], message: "rsvp.companions.errors.name" });
    })
    .transform((v) => {
      const count = parseCount(v.companionCount) ?? 0;
      const names = v as unknown as Record<string, string | null>;
      return { names: Array.from({ length: count }, (_, i) => names[companionField(i)]!) };
    });
}

/** "2" → 2, "" → 0; anything but a whole number ≥ 0 → null. */
function parseCount(v: unknown): number | null {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : null;
  if (typeof v !== "string") return null;
  const s = v.trim();
  if (s === "") return 0;
  return /^\d{1,3}$/.test(s) ? Number(s) : null;
}

/** Whether a list of companions fits what the organizer allows (the service checks again, inside its transaction). */
export function companionsWithin(allowed: number, names: readonly string[]): boolean {
  return names.length <= Math.max(0, allowed) && names.every((n) => n.trim().length > 0);
}

/** Companions who come: the names given, never more than allowed now (the organizer may have lowered it since). */
export function companionsComing(invitation: { plusOnes: number; companionNames: readonly string[] | null }): string[] {
  return (invitation.companionNames ?? []).slice(0, Math.max(0, invitation.plusOnes));
}

/**
 * People expected: each invitation still coming (accepted, or not declined when `includeUnanswered`) counts its invitee and
 * the companions they named.
 */
export function expectedAttendance(
  rows: readonly { status: string; withdrawn: boolean; plusOnes: number; companionNames: readonly string[] | null }[],
): { invitees: number; companions: number; total: number } {
  let invitees = 0;
  let companions = 0;
  for (const r of rows) {
    if (r.withdrawn || r.status !== "accepted") continue;
    invitees += 1;
    companions += companionsComing(r).length;
  }
  return { invitees, companions, total: invitees + companions };
}
