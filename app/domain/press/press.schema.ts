import { z } from "zod";
import { badTextMessage, isWellFormedText } from "../text/well-formed";
import { optionalLine, requiredLine } from "~/domain/forms/fields";
import { pressLanguages, pressStatuses } from "./types";

/**
 * Client-safe: the press editor's forms (browser and action) and the press-summary API bodies.
 * Messages are i18n keys.
 */
export const MAX_PRESS_TITLE = 300;
export const MAX_PRESS_BYLINE = 200;
export const MAX_PRESS_BODY = 100_000;
export const MAX_PRESS_COMMENT = 4000;

// eslint-disable-next-line no-control-regex -- matching control characters (other than tab and line breaks) is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- as above, every occurrence
const CONTROL_IN_TEXT_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Markdown text: NFC, line breaks normalized, surrounding space trimmed. Control characters other than tab and
 * line breaks (pasted from Word or PDFs, never meaningful in a report) are dropped, not refused: nothing a person
 * can see is lost. NUL and lone surrogates are the exception: the one text rule refuses them with a field error.
 */
const markdownText = (max: number) =>
  z
    .string({ required_error: "errors.required", invalid_type_error: "errors.invalid" })
    // NUL and lone surrogates are refused like everywhere else (docs/decisions/024-bad-input.md), in place.
    .refine(isWellFormedText, badTextMessage)
    .transform((s) => s.normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL_IN_TEXT_ALL, "").trim())
    .pipe(z.string().min(1, "errors.required").max(max, `errors.tooLong?max=${max}`));

/** A version number, from a form field ("3") or JSON (3). */
const versionNumber = z.preprocess(
  (v) => (typeof v === "string" && /^\d{1,9}$/.test(v.trim()) ? Number(v.trim()) : v),
  z
    .number({ required_error: "errors.required", invalid_type_error: "errors.number" })
    .int("errors.number")
    .min(1, "errors.number")
    // An integer column: a larger number is "not a version", never PostgreSQL's "integer out of range".
    .max(999_999_999, "errors.number"),
);

export const pressLanguageSchema = z.enum(pressLanguages, { errorMap: () => ({ message: "errors.choice" }) });
export const pressStatusSchema = z.enum(pressStatuses, { errorMap: () => ({ message: "errors.choice" }) });

/** The editor's save: title, byline, body and the version the text was loaded at. */
export const pressEditSchema = z.object({
  title: requiredLine(MAX_PRESS_TITLE),
  byline: optionalLine(MAX_PRESS_BYLINE),
  body: markdownText(MAX_PRESS_BODY),
  version: versionNumber,
});
export interface PressEditFormValues {
  title: string;
  byline: string;
  body: string;
  version: string;
}

/** A workflow step: where to, an optional comment (required when sending back), the version seen. */
export const pressTransitionSchema = z.object({
  to: pressStatusSchema,
  comment: z
    .union([z.string({ invalid_type_error: "errors.invalid" }), z.null(), z.undefined()])
    .transform((s) => (s ? s.normalize("NFC").replace(/\r\n?/g, "\n").trim() : ""))
    .pipe(z.string().max(MAX_PRESS_COMMENT, `errors.tooLong?max=${MAX_PRESS_COMMENT}`))
    .refine((s) => !CONTROL_IN_TEXT.test(s), "errors.controlChars")
    .transform((s) => s || null),
  version: z.union([versionNumber, z.undefined(), z.null(), z.literal("")]).transform((v) => (typeof v === "number" ? v : undefined)),
  /** "Go ahead before the event's end": a ticked checkbox ("on"/"yes") in the form, true in the API. */
  confirmBeforeEvent: z
    .union([z.boolean(), z.string(), z.undefined(), z.null()])
    .transform((v) => v === true || v === "on" || v === "yes" || v === "true"),
});

export const pressCommentSchema = z.object({
  body: markdownText(MAX_PRESS_COMMENT),
});

/** The event's press rules (the Press tab): an unticked checkbox is simply absent from the form. */
export const pressSettingsSchema = z.object({
  requireSecondApprover: z.union([z.literal("yes"), z.literal("on"), z.undefined(), z.null(), z.literal("")]).transform((v) => v === "yes" || v === "on"),
});

/** Redraft from the event's data: the version the person saw. */
export const pressRegenerateSchema = z.object({ version: versionNumber });

/** Adopt the generated text of one merge conflict (from the regeneration report). */
export const pressAdoptSchema = z.object({
  version: versionNumber,
  at: z.preprocess((v) => (typeof v === "string" && /^\d{1,6}$/.test(v) ? Number(v) : v), z.number({ invalid_type_error: "errors.number" }).int().min(0).max(10_000_000)),
  mine: z.string({ invalid_type_error: "errors.invalid" }).max(MAX_PRESS_BODY),
  theirs: z.string({ invalid_type_error: "errors.invalid" }).max(MAX_PRESS_BODY),
});

// ---------------------------------------------------------------------------------------------------
// API bodies

export const pressApiCreateSchema = z.object({ language: pressLanguageSchema }).strict();

/** PATCH: any of title, body, byline (null clears it); version is required (optimistic concurrency). */
export const pressApiPatchSchema = z
  .object({
    title: requiredLine(MAX_PRESS_TITLE).optional(),
    body: markdownText(MAX_PRESS_BODY).optional(),
    byline: optionalLine(MAX_PRESS_BYLINE),
    version: versionNumber,
  })
  .strict();

export const pressApiTransitionSchema = z
  .object({
    to: pressStatusSchema,
    comment: z.union([z.string({ invalid_type_error: "errors.invalid" }), z.null()]).optional(),
    version: z.union([versionNumber, z.null()]).optional(),
    confirmBeforeEvent: z.boolean({ invalid_type_error: "errors.invalid" }).optional(),
  })
  .strict()
  .transform((v, ctx) => {
    const parsed = pressTransitionSchema.safeParse(v);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
      return z.NEVER;
    }
    return parsed.data;
  });
