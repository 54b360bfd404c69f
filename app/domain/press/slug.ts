/**
 * The public address of a published summary, /press/<slug>: the title folded to ASCII (Vietnamese
 * diacritics and đ folded), words joined by hyphens, then the publication date as dd-mm-yyyy in the event's
 * time zone: "ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017". Set once, on first publication, and never
 * changed after. Until then the slug column holds a provisional, unique "draft-<summary id>".
 */
import { DateTime } from "luxon";
import { asciiWords } from "../text/ascii-words";

export const MAX_SLUG_WORDS_LENGTH = 80;

export function provisionalSlug(summaryId: string): string {
  return `draft-${summaryId}`;
}

export function isProvisionalSlug(slug: string): boolean {
  return /^draft-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(slug);
}

/** The words part: ASCII letters and digits, hyphen-separated, cut at a word boundary. */
export function slugWords(title: string): string {
  return asciiWords(title, MAX_SLUG_WORDS_LENGTH);
}

/** The slug for a title published at `at` (dd-mm-yyyy in `timeZone`); "ban-tin" when the title has no letters. */
export function publicSlug(title: string, at: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(at, { zone: timeZone }).toFormat("dd-MM-yyyy");
  return `${slugWords(title) || "ban-tin"}-${date}`;
}

/** The first of slug, slug-2, slug-3 … that is not taken. */
export async function uniqueSlug(slug: string, taken: (candidate: string) => Promise<boolean>): Promise<string> {
  if (!(await taken(slug))) return slug;
  for (let n = 2; ; n++) {
    const candidate = `${slug}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
