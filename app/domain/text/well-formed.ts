/**
 * The one text rule for everything that comes in (forms, JSON bodies, query strings, path params): a NUL
 * character (U+0000, which PostgreSQL cannot store) or a lone UTF-16 surrogate (half of a character, which no
 * encoding can write out) is refused with a field error — never silently replaced or dropped. Invalid UTF-8
 * bytes count as the same mistake where the raw bytes are read (form bodies, JSON bodies, addresses).
 * See docs/decisions/024-bad-input.md. Client-safe.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Whether a string obeys the text rule: no NUL, no lone surrogate. */
export function isWellFormedText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** The i18n key of the field error for text that breaks the rule. */
export const badTextMessage = "errors.badText";

/**
 * The dotted path of the first string (key or value) in a JSON-like value that breaks the text rule, or null.
 * A key that breaks it is reported under its parent's path.
 */
export function findIllFormedText(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return isWellFormedText(value) ? null : path.join(".") || "_body";
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], [...path, String(i)]);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (!isWellFormedText(key)) return path.join(".") || "_body";
      const found = findIllFormedText(inner, [...path, key]);
      if (found !== null) return found;
    }
  }
  return null;
}
