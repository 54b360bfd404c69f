import { z } from "zod";
import { isInstantInBounds, localInputToInstant } from "../dates/phrasing";
import { line, optionalLine, optionalText, requiredLine } from "~/domain/forms/fields";

/**
 * Client-safe: the dignitary form (browser and action) and the JSON API bodies. Messages are i18n keys.
 */
export const ceremonySides = ["host", "guest"] as const;
export type CeremonySide = (typeof ceremonySides)[number];
export const equalsFirstChoices = ["guests", "hosts"] as const;
export type EqualsFirst = (typeof equalsFirstChoices)[number];

export const MAX_POSITIONS = 10;
export const MAX_POSITION_LENGTH = 200;
export const DIGNITARY_NAME_MAX = 200;
export const DIGNITARY_HONORIFIC_MAX = 50;
export const DIGNITARY_ORGANIZATION_MAX = 300;
export const DIGNITARY_DELEGATION_MAX = 200;
export const DIGNITARY_NOTES_MAX = 2000;
export const FULL_ADDRESS_MAX = 600;
export const SHORT_ADDRESS_MAX = 200;

/** Suggestions for the honorific field: words of address, military and academic ranks. */
export const honorificSuggestions = [
  "đồng chí",
  "ông",
  "bà",
  "Đại tướng",
  "Thượng tướng",
  "Trung tướng",
  "Thiếu tướng",
  "Đại tá",
  "GS.TS.",
  "PGS.TS.",
  "TS.",
] as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/;

/** Checks a list of positions; messages name the (1-based) line at fault. */
function checkPositions(list: string[], ctx: z.RefinementCtx): string[] | typeof z.NEVER {
  if (list.length > MAX_POSITIONS) {
    ctx.addIssue({ code: "custom", message: `protocol.errors.tooManyPositions?max=${MAX_POSITIONS}` });
    return z.NEVER;
  }
  for (const [i, p] of list.entries()) {
    if (CONTROL.test(p)) {
      ctx.addIssue({ code: "custom", message: `protocol.errors.positionControlChars?line=${i + 1}` });
      return z.NEVER;
    }
    if (p.length > MAX_POSITION_LENGTH) {
      ctx.addIssue({ code: "custom", message: `protocol.errors.positionTooLong?line=${i + 1}&max=${MAX_POSITION_LENGTH}` });
      return z.NEVER;
    }
  }
  return list;
}

/** The form's textarea: one position per line; blank lines dropped, inner runs of spaces collapsed. */
export function positionsFromText(text: string): string[] {
  return text
    .normalize("NFC")
    .split(/\r\n|\r|\n/)
    .map((s) => s.replace(/[ \u00a0]+/g, " ").trim())
    .filter(Boolean);
}

const positionsText = z
  .union([z.string(), z.null(), z.undefined()], { invalid_type_error: "errors.invalid" })
  .transform((v, ctx) => checkPositions(positionsFromText(v ?? ""), ctx));

/** JSON: an array of strings, each one position (blank ones are refused rather than guessed at). */
const positionsArray = z
  .array(z.string({ invalid_type_error: "protocol.errors.positionsArray" }), {
    invalid_type_error: "protocol.errors.positionsArray",
  })
  .transform((list, ctx) => {
    const trimmed = list.map((p) => p.normalize("NFC").replace(/[ \u00a0]+/g, " ").trim());
    const blank = trimmed.findIndex((p) => p === "");
    if (blank >= 0) {
      ctx.addIssue({ code: "custom", message: `protocol.errors.positionBlank?line=${blank + 1}` });
      return z.NEVER;
    }
    return checkPositions(trimmed, ctx);
  });

const name = requiredLine(DIGNITARY_NAME_MAX).transform((s) => s.replace(/\s+/g, " "));

const email = z
  .union([line(254), z.null(), z.undefined()])
  .transform((s) => (s ? s.toLowerCase() : null))
  .refine((s) => s === null || z.string().email().safeParse(s).success, "errors.email");

const optionalUuid = z
  .union([z.literal(""), z.string().uuid("errors.invalid"), z.null(), z.undefined()])
  .transform((v) => (v ? v : null));

export interface DignitaryInput {
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
  delegation: string | null;
  /**
   * The coarse host/guest choice: the JSON API only (kept for its clients, docs/api.md). Absent = on create, inferred
   * from the organization; on change, the person's side stays as it is.
   */
  side?: CeremonySide | null;
  arrivalAt: Date | null;
  escortUserId: string | null;
  notes: string | null;
  email: string | null;
  fullAddressOverride: string | null;
  shortAddressOverride: string | null;
  englishAddressOverride: string | null;
}

/** Wall-clock time in the event's zone, or blank; checked on its own so its error comes with the others. */
const arrivalAt = (timeZone: string) =>
  z.union([z.string(), z.null(), z.undefined()]).transform((v, ctx): Date | null => {
    const text = (v ?? "").trim();
    if (!text) return null;
    const instant = localInputToInstant(text, timeZone);
    if (!instant) {
      ctx.addIssue({ code: "custom", message: "errors.dateTime" });
      return z.NEVER;
    }
    return instant;
  });

const formFields = (timeZone: string) => ({
  honorific: optionalLine(DIGNITARY_HONORIFIC_MAX),
  name,
  positions: positionsText,
  organization: optionalLine(DIGNITARY_ORGANIZATION_MAX),
  delegation: optionalLine(DIGNITARY_DELEGATION_MAX),
  // No `side` here: the form used to offer a coarse host/guest select beside the "Bên và vai trò" form's side
  // select (the person's side_id) — two controls for one fact. The side is chosen there or on the ceremony page;
  // a new person joins the side their organization belongs to. The JSON API still accepts `side` (backward
  // compatible, docs/api.md), see dignitaryApiCreateSchema / dignitaryApiPatchSchema.
  arrivalAt: arrivalAt(timeZone),
  escortUserId: optionalUuid,
  notes: optionalText(DIGNITARY_NOTES_MAX),
  email,
  fullAddressOverride: optionalLine(FULL_ADDRESS_MAX),
  shortAddressOverride: optionalLine(SHORT_ADDRESS_MAX),
  englishAddressOverride: optionalLine(FULL_ADDRESS_MAX),
});

/**
 * The add/edit form; `arrivalAt` is wall-clock time in the event's zone ("2017-10-19T13:30"). Every rule is a
 * field's own, so one parse reports every error (no object-level rule waits for the others to pass).
 */
export function dignitaryFormSchema(timeZone: string) {
  return z.object(formFields(timeZone)) satisfies z.ZodType<DignitaryInput, z.ZodTypeDef, unknown>;
}

export type DignitaryFormValues = z.input<ReturnType<typeof dignitaryFormSchema>>;

// ---------------------------------------------------------------------------------------------------
// JSON API

const isoInstant = z
  .union([
    z
      .string({ invalid_type_error: "errors.dateTime" })
      .datetime({ offset: true, message: "errors.dateTime" })
      .transform((s) => new Date(s))
      .refine(isInstantInBounds, "errors.dateRange"),
    z.null(),
  ])
  .optional();

const precedence = z
  .number({ invalid_type_error: "protocol.errors.precedence" })
  .int("protocol.errors.precedence")
  .min(1, "protocol.errors.precedence")
  .max(10_000, "protocol.errors.precedence");

const apiAddressOverrides = z
  .object({ full: optionalLine(FULL_ADDRESS_MAX), short: optionalLine(SHORT_ADDRESS_MAX), english: optionalLine(FULL_ADDRESS_MAX) })
  .partial()
  .strict();

export const dignitaryApiCreateSchema = z
  .object({
    honorific: optionalLine(DIGNITARY_HONORIFIC_MAX),
    name,
    positions: positionsArray.default([]),
    organization: optionalLine(DIGNITARY_ORGANIZATION_MAX),
    delegation: optionalLine(DIGNITARY_DELEGATION_MAX),
    side: z.enum(ceremonySides, { errorMap: () => ({ message: "errors.choice" }) }).nullish(),
    arrivalAt: isoInstant,
    escortUserId: z.string().uuid("errors.invalid").nullish(),
    notes: optionalText(DIGNITARY_NOTES_MAX),
    email,
    precedence: precedence.optional(),
    addressOverrides: apiAddressOverrides.nullish(),
  })
  .strict();
export type DignitaryApiCreate = z.output<typeof dignitaryApiCreateSchema>;

export const dignitaryApiPatchSchema = z
  .object({
    honorific: optionalLine(DIGNITARY_HONORIFIC_MAX),
    name,
    positions: positionsArray,
    organization: optionalLine(DIGNITARY_ORGANIZATION_MAX),
    delegation: optionalLine(DIGNITARY_DELEGATION_MAX),
    side: z.enum(ceremonySides, { errorMap: () => ({ message: "errors.choice" }) }).nullable(),
    arrivalAt: isoInstant,
    escortUserId: z.string().uuid("errors.invalid").nullable(),
    notes: optionalText(DIGNITARY_NOTES_MAX),
    precedence,
    addressOverrides: apiAddressOverrides.nullable(),
  })
  .partial()
  .strict();
export type DignitaryApiPatch = z.output<typeof dignitaryApiPatchSchema>;

// ---------------------------------------------------------------------------------------------------
// Ordering

const uuid = z.string().uuid("errors.invalid");

/** The full order a person arranged, with the version of the list they loaded. */
export const precedenceOrderSchema = z.object({
  ids: z.union([uuid, z.array(uuid)]).transform((v) => (Array.isArray(v) ? v : [v])),
  version: z.string().regex(/^[0-9a-f]{16}$/, "errors.invalid"),
});

export const equalsFirstSchema = z.object({
  equalsFirst: z.enum(equalsFirstChoices, { errorMap: () => ({ message: "errors.choice" }) }),
});
