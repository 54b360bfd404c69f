/**
 * The letter settings an organiser saves for an event (the signer, the symbol, the place, the date of issue): one
 * schema for the form on the letters page (react-hook-form) and its action. Client-safe.
 */
import { z } from "zod";
import { line } from "~/domain/forms/fields";
import type { LetterOptions } from "./letter-options.schema";

export const LETTER_LINE_MAX = 120;
export const LETTER_SYMBOL_MAX = 30;
export const LETTER_PLACE_MAX = 60;

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const optional = (max: number) => z.union([line(max), z.undefined()]).transform((v) => v ?? "");

export const letterSettingsSchema = z.object({
  authority: z.enum(["", "TM", "KT"], { errorMap: () => ({ message: "errors.choice" }) }),
  onBehalfOf: optional(LETTER_LINE_MAX),
  position: optional(LETTER_LINE_MAX),
  signerName: optional(LETTER_LINE_MAX),
  symbol: optional(LETTER_SYMBOL_MAX),
  place: optional(LETTER_PLACE_MAX),
  /** YYYY-MM-DD (an <input type="date">), or empty for dots. */
  issuedOn: z
    .union([z.string(), z.undefined()])
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || isDate(v), "letter.error.date"),
});

export type LetterSettingsValues = z.input<typeof letterSettingsSchema>;
export type LetterSettings = z.output<typeof letterSettingsSchema>;

export const emptyLetterSettings: LetterSettings = { authority: "", onBehalfOf: "", position: "", signerName: "", symbol: "", place: "", issuedOn: "" };

/**
 * The options a letter is made with: what the URL query gives (an old bookmark, the API), else what was saved, else
 * `lang` from the invitee's own language.
 */
export function withSavedSettings(options: LetterOptions, given: URLSearchParams, saved: LetterSettings, inviteeLanguage: "vi" | "en" | null): LetterOptions {
  const pick = <K extends keyof LetterOptions>(key: K, fallback: LetterOptions[K]): LetterOptions[K] => (given.get(key)?.trim() ? options[key] : fallback);
  return {
    ...options,
    lang: pick("lang", inviteeLanguage ?? "vi"),
    authority: pick("authority", saved.authority),
    onBehalfOf: pick("onBehalfOf", saved.onBehalfOf),
    position: pick("position", saved.position),
    signer: pick("signer", saved.signerName),
    symbol: pick("symbol", saved.symbol),
    place: pick("place", saved.place),
    date: pick("date", saved.issuedOn),
  };
}
