/**
 * Text from the event's data goes into the draft's markdown body: it must print literally. A name like
 * "Công ty *ABC*", a caption with "[1]" or a programme called "1. Đổi mới" must not turn into emphasis, a link or
 * a list. Escaping uses CommonMark backslash escapes (any ASCII punctuation may be escaped), which every
 * CommonMark renderer (markdown-it included) turns back into the character.
 */

/** NFC, every run of white space (line breaks included) as one space, trimmed: a paragraph is one line. */
export function cleanText(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Characters that start markdown syntax anywhere in a line: backslash, emphasis (* _), code (`), links and
 * images ([ ]), raw HTML and autolinks (< >), entities (&), strikethrough (~), table pipes (|).
 */
const INLINE_SPECIAL = /[\\`*_[\]<>&~|]/gu;

/** Escapes what markdown would read inside a line. Use on every piece of data before it goes into a sentence. */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
}

/**
 * Escapes what markdown would read at the start of a paragraph: a heading (#), a quote (>), a list item ("-",
 * "+", "*", "1." or "1)"), a setext underline or thematic break ("=", "-"). Applied to each finished paragraph
 * (its first characters may come from data, e.g. an agreement's aims or a name without honorific).
 */
export function escapeBlockStart(paragraph: string): string {
  const ordered = /^(\d{1,9})([.)])/u.exec(paragraph);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${paragraph.slice(ordered[0].length)}`;
  if (/^[#>+\-=]/u.test(paragraph)) return `\\${paragraph}`;
  return paragraph;
}

/** Data as it goes into the body: cleaned and escaped. */
export function md(text: string): string {
  return escapeInline(cleanText(text));
}
