import { z } from "zod";
import { documentKinds, timePrecisions, type DocumentKind, type TimePrecision } from "../ceremony/types";
import { isInstantInBounds, isValidTimeZone, localInputToInstant } from "../dates/phrasing";
import { objectWithChecks, withChecks } from "../forms/all-at-once";
import { optionalLine, optionalPositiveInt, optionalText, requiredLine, uuid } from "../forms/fields";

/** Client-safe: shared by the event form (browser) and its action and the JSON API (server). */
export const eventKinds = ["signing_ceremony", "conference", "meeting", "reception", "other"] as const;
export type EventKind = (typeof eventKinds)[number];
export const eventStatuses = ["draft", "scheduled", "completed", "cancelled"] as const;
export type EventStatus = (typeof eventStatuses)[number];
/** Statuses a person may pick in the form; cancelling has its own confirmed action. */
export const editableStatuses = ["draft", "scheduled", "completed"] as const;
export const defaultTimeZone = "Asia/Ho_Chi_Minh";

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

/** A document of the event as the event's own input names it: its parties are organizations (each a side). */
export interface DocumentInput {
  kind: DocumentKind;
  title: string;
  titleEn: string | null;
  periodStart: number | null;
  periodEnd: number | null;
  aims: string | null;
  /** The parties in signing order, by organization (a side is made for each that is not one yet). */
  partyIds: string[];
  originals: number | null;
  languages: string[];
}

export interface EventInput {
  title: string;
  /** The English title (English outputs); null = the Vietnamese one, marked. Undefined = leave as it is. */
  titleEn?: string | null;
  kind: EventKind;
  status: (typeof editableStatuses)[number];
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** "date": only the date of startsAt counts (stored as 00:00 local time). */
  startPrecision: TimePrecision;
  venueName: string | null;
  venueNameEn?: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  description: string | null;
  occasion: string | null;
  occasionEn: string | null;
  context: string | null;
  contextEn: string | null;
  hostOrganizationId: string | null;
  partnerOrganizationIds: string[];
  capacity: number | null;
  /** Undefined = leave the documents as they are (the event form does not edit them). */
  documents?: DocumentInput[];
}

/** The event form's limits, one source for the schema, the inputs' maxLength and their counters. */
export const EVENT_TITLE_MAX = 200;
export const VENUE_NAME_MAX = 200;
export const VENUE_ADDRESS_MAX = 300;
export const VENUE_ROOM_MAX = 100;
export const EVENT_DESCRIPTION_MAX = 5000;
export const OCCASION_MAX = 500;
export const DOCUMENT_TITLE_MAX = 300;
export const DOCUMENT_AIMS_MAX = 20000;

const occasionFields = {
  occasion: optionalLine(OCCASION_MAX),
  occasionEn: optionalLine(OCCASION_MAX),
  context: optionalLine(OCCASION_MAX),
  contextEn: optionalLine(OCCASION_MAX),
};

/** "2024-03-13" or "2024-03-13T17:00" with a date-only precision: the end of that date (23:59). */
function endInput(value: string, precision: TimePrecision): string {
  const date = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  return precision === "date" && date ? `${date}T23:59` : value;
}

/** "2024-03-12" or "2024-03-12T08:00" with a date-only precision: 00:00 of that date. */
function startInput(value: string, precision: TimePrecision): string {
  const date = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  return precision === "date" && date ? `${date}T00:00` : value;
}

const eventFormFields = {
  title: requiredLine(EVENT_TITLE_MAX),
  titleEn: optionalLine(EVENT_TITLE_MAX),
  kind: z.enum(eventKinds, { errorMap: () => ({ message: "errors.choice" }) }),
  status: z.enum(editableStatuses, { errorMap: () => ({ message: "errors.choice" }) }),
  startsAt: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  endsAt: z.string({ required_error: "errors.required" }).min(1, "errors.required"),
  timeZone,
  startPrecision: z
    .union([z.enum(timePrecisions), z.literal(false), z.literal(""), z.undefined()], { errorMap: () => ({ message: "errors.choice" }) })
    .transform((v): TimePrecision => (v === "date" ? "date" : "time")),
  venueName: optionalLine(VENUE_NAME_MAX),
  venueNameEn: optionalLine(VENUE_NAME_MAX),
  venueAddress: optionalLine(VENUE_ADDRESS_MAX),
  venueRoom: optionalLine(VENUE_ROOM_MAX),
  description: optionalText(EVENT_DESCRIPTION_MAX),
  ...occasionFields,
  hostOrganizationId: optionalUuid,
  partnerOrganizationIds: uuidList,
  capacity: optionalPositiveInt(1_000_000),
};

function formInstants(v: { timeZone?: string; startsAt?: string; endsAt?: string; startPrecision?: TimePrecision }) {
  const zone = v.timeZone !== undefined && isValidTimeZone(v.timeZone) ? v.timeZone : null;
  const startsAt = zone && v.startsAt ? localInputToInstant(startInput(v.startsAt, v.startPrecision ?? "time"), zone) : null;
  const endsAt = zone && v.endsAt ? localInputToInstant(endInput(v.endsAt, v.startPrecision ?? "time"), zone) : null;
  return { zone, startsAt, endsAt };
}

/**
 * The event form: every value is what an HTML form sends (strings), times as wall-clock in the zone.
 * Every error of a submission is reported at once: the cross-field rules (end after start, host not a partner)
 * run even while other fields are wrong (app/domain/forms/all-at-once.ts).
 */
export const eventFormSchema = objectWithChecks(
  eventFormFields,
  (v, ctx) => {
    const { zone, startsAt, endsAt } = formInstants(v);
    if (zone && v.startsAt && !startsAt) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "errors.dateTime" });
    if (zone && v.endsAt && !endsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.dateTime" });
    if (startsAt && endsAt && endsAt <= startsAt)
      ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
    if (v.hostOrganizationId && v.partnerOrganizationIds?.includes(v.hostOrganizationId))
      ctx.addIssue({ code: "custom", path: ["partnerOrganizationIds"], message: "errors.duplicatePartner" });
  },
  (v): EventInput => {
    const { startsAt, endsAt } = formInstants(v);
    return {
      title: v.title,
      titleEn: v.titleEn,
      kind: v.kind,
      status: v.status,
      startsAt: startsAt ?? new Date(NaN),
      endsAt: endsAt ?? new Date(NaN),
      timeZone: v.timeZone,
      startPrecision: v.startPrecision,
      venueName: v.venueName,
      venueNameEn: v.venueNameEn,
      venueAddress: v.venueAddress,
      venueRoom: v.venueRoom,
      description: v.description,
      occasion: v.occasion,
      occasionEn: v.occasionEn,
      context: v.context,
      contextEn: v.contextEn,
      hostOrganizationId: v.hostOrganizationId,
      partnerOrganizationIds: v.partnerOrganizationIds,
      capacity: v.capacity,
    };
  },
);

export type EventFormValues = z.input<typeof eventFormSchema>;

// ---------------------------------------------------------------------------------------------------
// JSON API: instants as ISO 8601 with an offset, venue and documents as objects.

/** An ISO 8601 instant with an offset, in the years 1900–2200 (docs/decisions/024-bad-input.md). */
export const isoInstant = z
  .string({ required_error: "errors.required", invalid_type_error: "errors.dateTime" })
  .datetime({ offset: true, message: "errors.dateTime" })
  .transform((s) => new Date(s))
  .refine(isInstantInBounds, "errors.dateRange");

/** A language code of an original: "vi", "en", "zh", "lo", "km", "zh-Hans". */
export const languageCode = z
  .string({ invalid_type_error: "errors.invalid" })
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, "errors.language");

const apiDocumentObject = z
  .object({
    kind: z.enum(documentKinds, { errorMap: () => ({ message: "errors.choice" }) }).default("agreement"),
    title: requiredLine(DOCUMENT_TITLE_MAX),
    titleEn: optionalLine(DOCUMENT_TITLE_MAX),
    periodStart: optionalYear,
    periodEnd: optionalYear,
    aims: optionalText(DOCUMENT_AIMS_MAX),
    partyIds: uuidList,
    originals: optionalPositiveInt(100),
    languages: z.array(languageCode).max(10).default([]),
  })
  .strict();

/** One document of the API; the period's order is reported with the field errors, in one answer. */
export const apiDocument = withChecks(apiDocumentObject.shape, apiDocumentObject, (v, ctx) => {
  if (v.periodStart != null && v.periodEnd != null && v.periodEnd < v.periodStart)
    ctx.addIssue({ code: "custom", path: ["periodEnd"], message: "errors.periodOrder" });
}).transform((v): DocumentInput => ({ ...v, languages: [...new Set(v.languages)] }));

const apiVenue = z
  .object({
    name: optionalLine(VENUE_NAME_MAX),
    nameEn: optionalLine(VENUE_NAME_MAX).optional(),
    address: optionalLine(VENUE_ADDRESS_MAX),
    room: optionalLine(VENUE_ROOM_MAX),
  })
  .strict();

const eventApiCreateObject = z
  .object({
    title: requiredLine(EVENT_TITLE_MAX),
    titleEn: optionalLine(EVENT_TITLE_MAX).optional(),
    kind: z.enum(eventKinds, { errorMap: () => ({ message: "errors.choice" }) }),
    status: z.enum(editableStatuses, { errorMap: () => ({ message: "errors.choice" }) }).default("draft"),
    startsAt: isoInstant,
    endsAt: isoInstant,
    timeZone: timeZone.default(defaultTimeZone),
    startPrecision: z.enum(timePrecisions, { errorMap: () => ({ message: "errors.choice" }) }).default("time"),
    venue: apiVenue.nullish(),
    description: optionalText(EVENT_DESCRIPTION_MAX),
    ...occasionFields,
    hostOrganizationId: optionalUuid,
    partnerOrganizationIds: uuidList,
    capacity: optionalPositiveInt(1_000_000),
    documents: z.array(apiDocument).max(20).optional(),
  })
  .strict();

/** The create body; the cross-field rules are reported with the field errors, in one answer. */
export const eventApiCreateSchema = withChecks(eventApiCreateObject.shape, eventApiCreateObject, (v, ctx) => {
  if (v.startsAt && v.endsAt && !(v.endsAt > v.startsAt))
    ctx.addIssue({ code: "custom", path: ["endsAt"], message: "errors.endBeforeStart" });
  if (v.hostOrganizationId && v.partnerOrganizationIds?.includes(v.hostOrganizationId))
    ctx.addIssue({ code: "custom", path: ["partnerOrganizationIds"], message: "errors.duplicatePartner" });
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
  (input.documents ?? []).forEach((d, i) => {
    if (d.periodStart !== null && d.periodEnd !== null && d.periodEnd < d.periodStart)
      issues.push({ path: `documents.${i}.periodEnd`, message: "errors.periodOrder" });
  });
  return issues;
}

