import { defaultGlossary, type Glossary } from "../glossary/translate";
import { capitalizeFirst } from "../text/capitalize";
import { foldForSearch } from "../text/search";

/** Honorifics that are words of address ("đồng chí", "ông", "bà") versus ranks/titles that stand before the name. */
const ADDRESS_WORDS = new Map<string, { vi: string }>([
  ["dong chi", { vi: "đồng chí" }],
  ["ong", { vi: "ông" }],
  ["ba", { vi: "bà" }],
]);

export interface AddressInput {
  honorific: string | null;
  name: string;
  positions: string[];
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

/** A position in English from the glossary (app/domain/glossary); what it cannot translate is kept and marked. */
export function positionEn(position: string, glossary: Glossary = defaultGlossary): string {
  return glossary.positionEn(position).en;
}

/**
 * "Mr. Nguyễn Văn A, Director of …", "General Prof. Dr. Lê B, Minister of …": ranks and degrees before the name;
 * "đồng chí" has no English counterpart in newsroom style and is dropped. Unknown terms are kept and marked.
 */
export function englishAddress(p: AddressInput, glossary: Glossary = defaultGlossary): string {
  return glossary.addressEn(p).en;
}
