import { escapeLike, foldForSearch } from "../text/search";

/**
 * The attendee search: diacritics and case are ignored ("nguyen hong chuyen" finds "Nguyễn Hồng Chuyên") in
 * names, organizations and emails.
 *
 * Names are folded once when saved (people.name_search, by foldForSearch). The organization is folded by the
 * database itself into people.organization_search, a generated column: lower(translate(organization, from, to))
 * with the table below — every precomposed Vietnamese letter in both cases, đ and A–Z, one character to one —
 * so that it agrees with foldForSearch without the unaccent extension and whatever the database's case rules.
 * A LIKE on the folded query then finds both, through their trigram indexes (models/people.server.ts,
 * `peopleMatching`).
 */
const BASES = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];

function buildFoldTable(): { from: string; to: string } {
  const letters = new Set<string>();
  for (const base of BASES)
    for (const tone of TONES) {
      const lower = (base + tone).normalize("NFC");
      letters.add(lower);
      letters.add(lower.toUpperCase());
    }
  letters.add("đ");
  letters.add("Đ");
  for (let c = 65; c <= 90; c++) letters.add(String.fromCharCode(c));
  let from = "";
  let to = "";
  for (const letter of letters) {
    const folded = foldForSearch(letter);
    if (folded === letter || [...letter].length !== 1 || folded.length !== 1) continue;
    from += letter;
    to += folded;
  }
  return { from, to };
}

export const vietnameseFoldTable = buildFoldTable();

/** A LIKE pattern for the folded query ("%nguyen hong%"), or null when the query is blank. */
export function attendeeSearchPattern(q: string | null | undefined): string | null {
  const folded = foldForSearch((q ?? "").normalize("NFC")).slice(0, 200);
  return folded ? `%${escapeLike(folded)}%` : null;
}
