import { z } from "zod";
import { badTextMessage, isWellFormedText } from "../text/well-formed";

/**
 * Client-safe field primitives every form schema builds on (events, login, setup, people, agenda…), and the
 * one way a zod error becomes field errors. Messages are i18n keys; "?max=200" carries the translation's
 * parameters. Text is NFC-normalised and trimmed, and refuses NUL, lone surrogates and control characters
 * (decision 024).
 */
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
    .refine(isWellFormedText, badTextMessage)
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
        .refine(isWellFormedText, badTextMessage)
        .refine((s) => !CONTROL.test(s), "errors.controlChars"),
      z.null(),
      z.undefined(),
    ])
    .transform((s) => (s ? s.replace(/\r\n?/g, "\n") : null));

export const uuid = z.string().uuid("errors.invalid");

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

/** Field errors keyed by the dotted path, first message per field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}
