/** What the organiser types for a letter (kept in the URL query): the signer, the symbol, the place, the date of issue. */
import { z } from "zod";
import { isWellFormedText } from "../text/well-formed";

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    // The text rule (docs/decisions/024-bad-input.md): a NUL or lone surrogate falls back to empty, like a bad value.
    .refine(isWellFormedText)
    .optional()
    .transform((v) => v ?? "")
    .catch("");

export const letterOptionsSchema = z.object({
  /** An invitation's id, or "all" for one letter to many. */
  // Too long to be an id: no such invitee (a 404), never silently the letter to many.
  to: z.string().trim().max(64).optional().transform((v) => v || "all").catch("-"),
  lang: z.enum(["vi", "en"]).optional().catch(undefined).transform((v) => v ?? "vi"),
  authority: z.enum(["TM", "KT", ""]).optional().catch(undefined).transform((v) => v ?? ""),
  onBehalfOf: text(120),
  position: text(120),
  signer: text(120),
  symbol: text(30),
  place: text(60),
  /** The date of issue, YYYY-MM-DD; empty = dots for the clerk. */
  date: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && /^\d{4}-\d{2}-\d{2}$/u.test(v) ? v : "")),
});

export type LetterOptions = z.output<typeof letterOptionsSchema>;

/** The options from a URL's query; what does not fit is dropped, never an error page. */
export function letterOptionsFrom(search: URLSearchParams): LetterOptions {
  const raw = Object.fromEntries([...search.entries()].map(([k, v]) => [k, v.slice(0, 200)]));
  const parsed = letterOptionsSchema.safeParse(raw);
  return parsed.success ? parsed.data : letterOptionsSchema.parse({});
}

/** The query string for a letter with these options (empty ones left out). */
export function letterQuery(options: Partial<LetterOptions>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(options)) if (v) params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : "";
}
