import { defaultPositionRanks, positionPhrasesEn, type PositionRank } from "./position-ranks";
import { foldForSearch } from "../text/search";

/** Honorifics that are words of address ("đồng chí", "ông", "bà") versus ranks/titles that stand before the name. */
const ADDRESS_WORDS = new Map<string, { vi: string; en: string | null }>([
  ["dong chi", { vi: "đồng chí", en: null }],
  ["ong", { vi: "ông", en: "Mr." }],
  ["ba", { vi: "bà", en: "Ms." }],
]);

const RANKS_EN: [RegExp, string][] = [
  [/^Đại tướng$/u, "General"],
  [/^Thượng tướng$/u, "Colonel General"],
  [/^Trung tướng$/u, "Lieutenant General"],
  [/^Thiếu tướng$/u, "Major General"],
  [/^Đại tá$/u, "Colonel"],
  [/^Thượng tá$/u, "Senior Lieutenant Colonel"],
  [/^Trung tá$/u, "Lieutenant Colonel"],
  [/^Thiếu tá$/u, "Major"],
  [/^GS\.?\s?TS\.?$/u, "Prof. Dr."],
  [/^PGS\.?\s?TS\.?$/u, "Assoc. Prof. Dr."],
  [/^TS\.?$/u, "Dr."],
];

export interface AddressInput {
  honorific: string | null;
  name: string;
  positions: string[];
}

function capitalizeFirst(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase("vi") + s.slice(1) : s;
}

function viHonorific(honorific: string | null): string | null {
  const h = honorific?.trim();
  if (!h) return null;
  return ADDRESS_WORDS.get(foldForSearch(h))?.vi ?? h;
}

/** "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy" — for the MC and press. */
export function fullAddress(p: AddressInput): string {
  return capitalizeFirst(inlineAddress(p));
}

/** The same, for the middle of a sentence: "… đồng chí Nguyễn Hồng Chuyên, Ủy viên …". Ranks keep their case. */
export function inlineAddress(p: AddressInput): string {
  const honorific = viHonorific(p.honorific);
  const head = [honorific, p.name.trim()].filter(Boolean).join(" ");
  const positions = p.positions.map((x) => x.trim()).filter(Boolean);
  return [head, ...positions].join(", ");
}

/** For place cards: honorific and name only, "Đồng chí Nguyễn Hồng Chuyên". */
export function shortAddress(p: AddressInput): string {
  const honorific = viHonorific(p.honorific);
  return capitalizeFirst([honorific, p.name.trim()].filter(Boolean).join(" "));
}

export function positionEn(position: string, table: PositionRank[] = defaultPositionRanks): string {
  const trimmed = position.trim();
  for (const [re, en] of positionPhrasesEn) if (re.test(trimmed)) return en;
  const folded = foldForSearch(trimmed);
  const entry = table.find((e) => e.en && e.match.test(folded));
  return entry?.en ?? trimmed;
}

/** "Mr. Nguyễn Văn A, Director of …"; "đồng chí" has no English counterpart in newsroom style and is dropped. */
export function englishAddress(p: AddressInput, table: PositionRank[] = defaultPositionRanks): string {
  const h = p.honorific?.trim() ?? "";
  const word = ADDRESS_WORDS.get(foldForSearch(h));
  const rank = RANKS_EN.find(([re]) => re.test(h))?.[1];
  const honorific = word ? word.en : rank ?? (h || null);
  const head = [honorific, p.name.trim()].filter(Boolean).join(" ");
  return [head, ...p.positions.map((x) => positionEn(x, table)).filter(Boolean)].join(", ");
}
