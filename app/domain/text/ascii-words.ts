import { foldForSearch } from "./search";

/**
 * The text as ASCII words joined by hyphens, for addresses and file names: diacritics and đ folded, anything
 * not a letter or digit a separator, cut at a word boundary within `maxLength` ("Lễ ký kết “Đồng hành”" →
 * "le-ky-ket-dong-hanh"). A first word longer than that is cut; "" when the text has no letter or digit.
 */
export function asciiWords(text: string, maxLength: number): string {
  const words = foldForSearch(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let out = "";
  for (const word of words) {
    const next = out ? `${out}-${word}` : word;
    if (next.length > maxLength) break;
    out = next;
  }
  return out || (words[0]?.slice(0, maxLength) ?? "");
}
