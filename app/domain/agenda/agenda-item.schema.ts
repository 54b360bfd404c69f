import { z } from "zod";
import { localInputToInstant } from "../dates/phrasing";
import { isoInstant } from "../events/event.schema";
import { line, optionalLine, optionalText, requiredLine } from "~/domain/forms/fields";
import { agendaKinds, type AgendaKind } from "./agenda";

/** Client-safe: shared by the agenda forms (browser), their action and the JSON API (server). */
export const AGENDA_TITLE_MAX = 200;
export const AGENDA_PLACE_MAX = 200;
export const AGENDA_NOTES_MAX = 2000;
export const AGENDA_KEY_POINT_MAX = 1000;
export const AGENDA_KEY_POINTS_MAX = 50;
/** A day: longer items are surely a typo (and the end would be hard to read). */
export const AGENDA_DURATION_MAX = 24 * 60;

export interface AgendaItemInput {
  startsAt: Date;
  durationMinutes: number;
  title: string;
  /** The English title (English letter, MC script, calendar, invitee page); null = the Vietnamese, marked. */
  titleEn: string | null;
  kind: AgendaKind;
  responsibleUserId: string | null;
  speakerInvitationId: string | null;
  place: string | null;
  notes: string | null;
  keyPoints: string[];
}

const durationMessage = `agenda.errors.duration?max=${AGENDA_DURATION_MAX}`;

/** A union that fails as a whole (e.g. `true` where a number or string is expected) says `message`. */
const unionMessage = (message: string): z.ZodErrorMap => (issue, ctx) => ({
  message: issue.code === "invalid_union" || issue.code === "invalid_type" ? message : ctx.defaultError,
});

/** Whole minutes, 1 … 1440; from a form (string) or JSON (number). */
export const durationMinutes = z
  .union([z.string(), z.number(), z.null(), z.undefined()], { errorMap: unionMessage(durationMessage) })
  .transform((v, ctx) => {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "errors.required" });
      return z.NEVER;
    }
    const n = typeof v === "number" ? v : /^\s*[-+]?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n) || n < 1 || n > AGENDA_DURATION_MAX) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: durationMessage });
      return z.NEVER;
    }
    return n;
  });

/** `null` for a required text reads "required" (not "invalid"): someone tried to clear it. */
const requiredTitle = z.preprocess((v) => (v === null ? undefined : v), requiredLine(AGENDA_TITLE_MAX));

export const agendaKind = z.enum(agendaKinds, {
  errorMap: () => ({ message: `agenda.errors.kind?kinds=${agendaKinds.join(", ")}` }),
});

const optionalUuid = z
  .union([z.literal(""), z.string().uuid("errors.invalid"), z.null(), z.undefined()], { errorMap: unionMessage("errors.invalid") })
  .transform((v) => (v ? v : null));

/** One key point per line; blank lines dropped. */
export function keyPointsFromText(text: string | null | undefined): string[] {
  if (!text) return [];
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((s) => s.normalize("NFC").trim())
    .filter(Boolean);
}

export function keyPointsToText(points: readonly string[]): string {
  return points.join("\n");
}

function checkKeyPoints(points: string[], ctx: z.RefinementCtx, path: (string | number)[]) {
  if (points.length > AGENDA_KEY_POINTS_MAX)
    ctx.addIssue({ code: "custom", path, message: `agenda.errors.keyPointsCount?max=${AGENDA_KEY_POINTS_MAX}` });
  if (points.some((p) => p.length > AGENDA_KEY_POINT_MAX))
    ctx.addIssue({ code: "custom", path, message: `agenda.errors.keyPointTooLong?max=${AGENDA_KEY_POINT_MAX}` });
}

/** Wall-clock time in the event's zone (datetime-local), required; checked on its own. */
const localStart = (timeZone: string) =>
  z.string({ required_error: "errors.required" }).transform((v, ctx): Date => {
    const text = v.trim();
    const instant = text ? localInputToInstant(text, timeZone) : null;
    if (!instant) {
      ctx.addIssue({ code: "custom", message: text ? "errors.dateTime" : "errors.required" });
      return z.NEVER;
    }
    return instant;
  });

/** One key point per line, each bounded; checked on its own so its error comes with the others. */
const keyPointsText = optionalText(AGENDA_KEY_POINTS_MAX * AGENDA_KEY_POINT_MAX).transform((text, ctx) => {
  const points = keyPointsFromText(text);
  checkKeyPoints(points, ctx, []);
  return points;
});

const formFields = (timeZone: string) => ({
  startsAt: localStart(timeZone),
  durationMinutes,
  title: requiredLine(AGENDA_TITLE_MAX),
  titleEn: optionalLine(AGENDA_TITLE_MAX),
  kind: agendaKind,
  responsibleUserId: optionalUuid,
  speakerInvitationId: optionalUuid,
  place: optionalLine(AGENDA_PLACE_MAX),
  notes: optionalText(AGENDA_NOTES_MAX),
  keyPoints: keyPointsText,
});

/**
 * The add/edit form of an agenda item: what an HTML form sends (strings). The start is wall-clock time in the
 * event's zone (datetime-local), so the schema is made for that zone. Every rule is a field's own, so one parse
 * reports every error at once.
 */
export function agendaItemFormSchema(timeZone: string) {
  return z.object(formFields(timeZone)).transform((v): AgendaItemInput => v);
}

// ---------------------------------------------------------------------------------------------------
// JSON API


const keyPointsArray = z
  .union([z.array(line(AGENDA_KEY_POINT_MAX)), z.null()], { errorMap: unionMessage("agenda.errors.keyPointsArray") })
  .transform((v, ctx) => {
    const points = (v ?? []).filter(Boolean);
    checkKeyPoints(points, ctx, []);
    return points;
  });

/** 1 = first; a number past the end puts the item last. */
const position = z
  .number({ invalid_type_error: "agenda.errors.position", required_error: "agenda.errors.position" })
  .int("agenda.errors.position")
  .min(1, "agenda.errors.position")
  .max(100_000, "agenda.errors.position");

export const agendaItemApiCreateSchema = z
  .object({
    startsAt: isoInstant.nullish(),
    durationMinutes,
    title: requiredTitle,
    titleEn: optionalLine(AGENDA_TITLE_MAX),
    kind: agendaKind.default("other"),
    responsibleUserId: optionalUuid,
    speakerInvitationId: optionalUuid,
    place: optionalLine(AGENDA_PLACE_MAX),
    notes: optionalText(AGENDA_NOTES_MAX),
    keyPoints: keyPointsArray.optional(),
    position: position.nullish(),
  })
  .strict();
export type AgendaItemApiCreate = z.output<typeof agendaItemApiCreateSchema>;

export const agendaItemApiPatchSchema = z
  .object({
    startsAt: isoInstant,
    durationMinutes,
    title: requiredTitle,
    titleEn: optionalLine(AGENDA_TITLE_MAX),
    kind: agendaKind,
    responsibleUserId: optionalUuid,
    speakerInvitationId: optionalUuid,
    place: optionalLine(AGENDA_PLACE_MAX),
    notes: optionalText(AGENDA_NOTES_MAX),
    keyPoints: keyPointsArray,
    position,
  })
  .partial()
  .strict();
export type AgendaItemApiPatch = z.output<typeof agendaItemApiPatchSchema>;
