import { z } from "zod";
import { isValidTimeZone, localInputToInstant } from "../dates/phrasing";
import { filledIn, objectWithChecks, withChecks } from "../forms/all-at-once";

/** Client-safe: shared by the event form (browser) and its action and the JSON API (server). */
export const eventKinds = ["signing_ceremony", "conference", "meeting", "reception", "other"] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventStatuses = ["draft", "scheduled", "completed", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** Statuses a person may pick in the form; cancelling has its own confirmed action. */
export const editableStatuses = ["draft", "scheduled", "completed"] as const;
export const defaultTimeZone = "Asia/Ho_Chi_Minh";

// Messages are i18n keys; "?max=200" carries parameters for the translation.
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_OR_NEWLINE = /[\u0000-\u001F\u007F]/;

export const line = (max: number) =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.invalid" })
    // One encoding for Vietnamese letters (text pasted from Word may arrive decomposed), so names compare equal.
    .transform((s) => s.normalize("NFC").trim())
    .pipe(z.string().max(max, `errors.tooLong?max=${max}`))
    .refine((s) => !CONTROL_OR_NEWLINE.test(s), "errors.controlChars");

export const requiredLine = (max: number) => line(max).pipe(z.string().min(1, "errors.required"));

export const optionalLine = (max: number) =>
  z
    .union([line(max), z.null(), z.undefined()])
    .transform((s) => (s ? s : null));

export const optionalText = (max: number) =>
  z
    .union([
      z
        .string({ invalid_type_error: "errors.invalid" })
        .transform((s) => s.normalize("NFC").trim())
        .pipe(z.string().max(max, `errors.tooLong?max=${max}`))
        .refine((s) => !CONTROL.test(s), "errors.controlChars"),
      z.null(),
      z.undefined(),
    ])
    .transform((s) => (s ? s.replace(/\r\n?/g, "\n") : null));

const uuid = z.string().uuid("errors.invalid");

/** "" → null; "12" → 12; anything else → an error. Accepts numbers too (JSON API). */
export const optionalPositiveInt = (max: number) =>
  z
    .union([z.string(), z.number(), z.null(), z.undefined()])
    .transform((v, ctx) => {
      if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
      const n = typeof v === "number" ? v : /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.number" });
        return z.NEVER;
      }
      return n;
    });

const optionalYear = z
  .union([z.string(), z.number(), z.null(), z.undefined()])
  .transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) return null;
    const n = typeof v === "number" ? v : /^\s*\d{4}\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 1900 || n > 2200) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.year" });
      return z.NEVER;
    }
    return n;
  });

const timeZone = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .refine((tz) => isValidTimeZone(tz), "errors.timeZone");

const optionalUuid = z
  .union([z.literal(""), uuid, z.null(), z.undefined()])
  .transform((v) => (v ? v : null));

// A checkbox group sends a list; a single checkbox left unticked reads as false (react-hook-form), "" or nothing.
const uuidList = z
  .union([uuid, z.array(uuid), z.literal(false), z.literal(""), z.undefined(), z.null()])
  .transform((v) => [...new Set(v == null || v === false || v === "" ? [] : Array.isArray(v) ? v : [v])]);

export interface AgreementInput {
  title: string;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  partyIds: string[];
  originals: number | null;
}

export interface EventInput {
  title: string;
  kind: EventKind;
  status: (typeof editableStatuses)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  venueName: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  description: string | null;
  hostOrganizationId: string | null;
  partnerOrganizationIds: string[];
  capacity: number | null;
  agreement: AgreementInput | null;
}

/** The event form's limits, one source for the schema, the inputs' maxLength and their counters. */
export const EVENT_TITLE_MAX = 200;
export const VENUE_NAME_MAX = 200;
export const VENUE_ADDRESS_MAX = 300;
export const VENUE_ROOM_MAX = 100;
export const EVENT_DESCRIPTION_MAX = 5000;
export const AGREEMENT_TITLE_MAX = 300;
export const AGREEMENT_AIMS_MAX = 20000;

const agreementFields = {
  agreementTitle: optionalLine(AGREEMENT_TITLE_MAX),
  agreementPeriodStart: optionalYear,
  agreementPeriodEnd: optionalYear,
  agreementAims: optionalText(AGREEMENT_AIMS_MAX),
  agreementPartyIds: uuidList,
  agreementOriginals: optionalPositiveInt(100),
};

const eventFormFields = {
  title: requiredLine(EVENT_TITLE_MAX),
  kind: z.enum(eventKinds, { errorMap: () => ({ message: "errors.choice" }) }),
  status: z.enum(editableStatuses, { errorMap: () => ({ message: "errors.choice" }) }),
  startsAt: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  endsAt: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  timeZone,
  venueName: optionalLine(VENUE_NAME_MAX),
  venueAddress: optionalLine(VENUE_ADDRESS_MAX),
  venueRoom: optionalLine(VENUE_ROOM_MAX),
  description: optionalText(EVENT_DESCRIPTION_MAX),
  hostOrganizationId: optionalUuid,
  partnerOrganizationIds: uuidList,
  capacity: optionalPositiveInt(1_000_000),
  ...agreementFields,
};

/**
 * The event form: every value is what an HTML form sends (strings), times as wall-clock in the zone.
 * Every error of a submission is reported at once: the cross-field rules (end after start, the period's order,
 * the agreement's title) run even while other fields are wrong.
 */
export const eventFormSchema = objectWithChecks(
  eventFormFields,
  (v, ctx, raw) => {
    const startsAt = v.timeZone && v.startsAt ? localInputToInstant(v.startsAt, v.timeZone) : null;
    const endsAt = v.timeZone && v.endsAt ? localInputToInstant(v.endsAt, v.timeZone) : null;
    if (v.timeZone && v.startsAt && !startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.dateTime" });
    if (v.timeZone && v.endsAt && !endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.dateTime" });
    if (startsAt && endsAt && endsAt <= startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
    if (v.hostOrganizationId && v.partnerOrganizationIds?.includes(v.hostOrganizationId))
      ctx.addIssue({ code: "custom", path: ["partnerOrganizationIds"], message: "errors.duplicatePartner" });
    if (
      v.agreementPeriodStart != null &&
      v.agreementPeriodEnd != null &&
      v.agreementPeriodEnd < v.agreementPeriodStart
    )
      ctx.addIssue({ code: "custom", path: ["agreementPeriodEnd"], message: "errors.periodOrder" });
    // What was typed counts as filled in, even where it is itself wrong (a year "20x0").
    const anyAgreement = (
      ["agreementPeriodStart", "agreementPeriodEnd", "agreementAims", "agreementPartyIds", "agreementOriginals"] as const
    ).some((key) => filledIn(raw[key]));
    if (v.kind === "signing_ceremony" && anyAgreement && v.agreementTitle === null)
      ctx.addIssue({ code: "custom", path: ["agreementTitle"], message: "errors.required" });
  },
  (v): EventInput => ({
    title: v.title,
    kind: v.kind,
    status: v.status,
    startsAt: localInputToInstant(v.startsAt, v.timeZone) ?? new Date(NaN),
    endsAt: localInputToInstant(v.endsAt, v.timeZone) ?? new Date(NaN),
    timeZone: v.timeZone,
    venueName: v.venueName,
    venueAddress: v.venueAddress,
    venueRoom: v.venueRoom,
    description: v.description,
    hostOrganizationId: v.hostOrganizationId,
    partnerOrganizationIds: v.partnerOrganizationIds,
    capacity: v.capacity,
    agreement: agreementFrom(v),
  }),
);

export type EventFormValues = z.input<typeof eventFormSchema>;

function agreementFrom(v: {
  kind: EventKind;
  agreementTitle: string | null;
  agreementPeriodStart: number | null;
  agreementPeriodEnd: number | null;
  agreementAims: string | null;
  agreementPartyIds: string[];
  agreementOriginals: number | null;
}): AgreementInput | null {
  if (v.kind !== "signing_ceremony" || !v.agreementTitle) return null;
  return {
    title: v.agreementTitle,
    periodStart: v.agreementPeriodStart,
    periodEnd: v.agreementPeriodEnd,
    aims: v.agreementAims,
    partyIds: v.agreementPartyIds,
    originals: v.agreementOriginals,
  };
}

// ---------------------------------------------------------------------------------------------------
// JSON API: instants as ISO 8601 with an offset, venue and agreement as objects.

const isoInstant = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.dateTime" })
  .datetime({ offset: true, message: "errors.dateTime" })
  .transform((s) => new Date(s));

const apiAgreement = z
  .object({
    title: requiredLine(AGREEMENT_TITLE_MAX),
    periodStart: optionalYear,
    periodEnd: optionalYear,
    aims: optionalText(AGREEMENT_AIMS_MAX),
    partyIds: uuidList,
    originals: optionalPositiveInt(100),
  })
  .strict();

const apiVenue = z
  .object({ name: optionalLine(VENUE_NAME_MAX), address: optionalLine(VENUE_ADDRESS_MAX), room: optionalLine(VENUE_ROOM_MAX) })
  .strict();

const eventApiCreateObject = z
  .object({
    title: requiredLine(EVENT_TITLE_MAX),
    kind: z.enum(eventKinds, { errorMap: () => ({ message: "errors.choice" }) }),
    status: z.enum(editableStatuses, { errorMap: () => ({ message: "errors.choice" }) }).default("draft"),
    startsAt: isoInstant,
    endsAt: isoInstant,
    timeZone: timeZone.default(defaultTimeZone),
    venue: apiVenue.nullish(),
    description: optionalText(EVENT_DESCRIPTION_MAX),
    hostOrganizationId: optionalUuid,
    partnerOrganizationIds: uuidList,
    capacity: optionalPositiveInt(1_000_000),
    agreement: apiAgreement.nullish(),
  })
  .strict();

/** The create body; the cross-field rules are reported with the field errors, in one answer. */
export const eventApiCreateSchema = withChecks(eventApiCreateObject.shape, eventApiCreateObject, (v, ctx) => {
  if (v.startsAt && v.endsAt && !(v.endsAt > v.startsAt))
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
  if (v.hostOrganizationId && v.partnerOrganizationIds?.includes(v.hostOrganizationId))
    ctx.addIssue({ code: "custom", path: ["partnerOrganizationIds"], message: "errors.duplicatePartner" });
  const a = v.agreement;
  if (a && a.periodStart !== null && a.periodEnd !== null && a.periodEnd < a.periodStart)
    ctx.addIssue({ code: "custom", path: ["agreement", "periodEnd"], message: "errors.periodOrder" });
});

export type EventApiCreate = z.output<typeof eventApiCreateSchema>;

export const eventApiPatchSchema = eventApiCreateObject.partial().strict();
export type EventApiPatch = z.output<typeof eventApiPatchSchema>;

/** Checks the cross-field rules of a complete input (used after merging a PATCH into the stored event). */
export function eventInputIssues(input: EventInput): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!(input.endsAt > input.startsAt)) issues.push({ path: "endsAt", message: "errors.endBeforeStart" });
  if (input.hostOrganizationId && input.partnerOrganizationIds.includes(input.hostOrganizationId))
    issues.push({ path: "partnerOrganizationIds", message: "errors.duplicatePartner" });
  const a = input.agreement;
  if (a && a.periodStart !== null && a.periodEnd !== null && a.periodEnd < a.periodStart)
    issues.push({ path: "agreement.periodEnd", message: "errors.periodOrder" });
  return issues;
}

/** Field errors keyed by the dotted path, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
