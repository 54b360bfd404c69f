/**
 * Text clean-up shared by the calendar file and the add-to-calendar links. Pure, browser-safe.
 *
 * Control characters never reach a calendar: a CR or LF in a single-line field (title, place, name) would
 * start a new iCalendar property ("…\r\nATTENDEE:evil@x"), and a lone CR is not escaped by the `ics`
 * package. Line breaks in single-line fields become one space; in multi-line fields (the description) they
 * become "\n", which the generator escapes. Every other C0/C1 control character is removed. TAB is kept
 * (iCalendar TEXT allows it). Nothing else changes: Vietnamese text passes through byte for byte.
 */

// C0 except TAB (\u0009) and LF (\u000A) and CR (\u000D), which are handled first; DEL; C1 (incl. NEL).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Unpaired UTF-16 surrogates cannot be encoded as UTF-8; they become U+FFFD instead of a broken byte.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

/** For a title, place, name or identifier: one line, no control characters. */
export function singleLine(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(LINE_BREAK, " ").replace(CONTROL, "");
}

/** For a description: line breaks normalised to "\n", no other control characters. */
export function multiLine(value: string): string {
  return value.replace(LONE_SURROGATE, "\uFFFD").replace(LINE_BREAK, "\n").replace(CONTROL, "");
}

/** The event's description with the link the caller passes in, unless the description already holds it. */
export function descriptionWithLink(description: string, url: string | null | undefined): string {
  const text = multiLine(description);
  const link = url ? singleLine(url).trim() : "";
  if (!link || text.includes(link)) return text;
  return text.trim() ? `${text}\n\n${link}` : link;
}
