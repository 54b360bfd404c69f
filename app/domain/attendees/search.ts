import { escapeLike, foldForSearch } from "../text/search";

/**
 * The attendee search: diacritics and case are ignored ("nguyen hong chuyen" finds "Nguyễn Hồng Chuyên") in
 * names, organizations and emails.
 *
 * Names are folded once when saved (people.name_search), so a LIKE on the folded query finds them. The
 * organization has no folded column; rather than fold every organization on every search (translate() over
 * the whole directory costs about a second at 20,000 people on PGlite), the folded query becomes a regular
 * expression that accepts every accented form of each letter: "so y" → "[sS][oOòÒóÓ…][ ][yYỳỲ…]". Plain SQL
 * (`~`), the same on PostgreSQL and PGlite, without the unaccent extension, and independent of the
 * database's case rules (both cases are spelled out).
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

/** For each folded letter, every character that folds to it (itself and its upper case included). */
const variants: Map<string, string> = (() => {
  const map = new Map<string, string>();
  const { from, to } = vietnameseFoldTable;
  [...from].forEach((c, i) => {
    const target = to[i]!;
    map.set(target, (map.get(target) ?? target) + c);
  });
  return map;
})();

/**
 * A PostgreSQL regular expression (also valid in JavaScript) that finds the folded query inside unfolded text,
 * ignoring diacritics and case; null when the query is blank.
 */
export function foldedSearchRegex(q: string | null | undefined): string | null {
  const folded = foldForSearch((q ?? "").normalize("NFC")).slice(0, 200);
  if (!folded) return null;
  let out = "";
  for (const c of folded) {
    const letters = variants.get(c);
    if (letters) out += `[${letters}]`;
    else if (/[a-z0-9 ]/.test(c)) out += c;
    else if (/[\x21-\x7e]/.test(c)) out += `\\${c}`;
    else out += c;
  }
  return out;
}

/** A LIKE pattern for the folded query ("%nguyen hong%"), or null when the query is blank. */
export function attendeeSearchPattern(q: string | null | undefined): string | null {
  const folded = foldForSearch((q ?? "").normalize("NFC")).slice(0, 200);
  return folded ? `%${escapeLike(folded)}%` : null;
}

/** Applies the same table in JavaScript (for tests: what SQL translate() + lower() would give). */
export function foldLikeSql(text: string): string {
  const { from, to } = vietnameseFoldTable;
  const map = new Map<string, string>();
  [...from].forEach((c, i) => map.set(c, to[i] ?? c));
  return [...text].map((c) => map.get(c) ?? c).join("").toLowerCase();
}
