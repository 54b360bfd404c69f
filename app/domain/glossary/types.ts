/**
 * The glossary: Vietnamese terms of protocol with their English, used by every English output (press draft,
 * mail, invitee page, MC script, place cards, calendar files, the English invitation letter).
 *
 * Kinds:
 * - position: a whole position, translated as one ("Tổng Bí thư" → "General Secretary of …");
 * - title: the head of a position, composed with the body that follows ("Phó Chủ tịch" + "UBND tỉnh Nam Định");
 * - body: an organ or office ("Bộ Công an" → "Ministry of Public Security"); "{Level}" in the English marks
 *   where the level adjective goes ("Ủy ban nhân dân" → "{Level} People's Committee": "Provincial …"), "{Field}"
 *   where a field goes ("Bộ" → "Ministry of {Field}"), "{Name}" where a proper name goes ("Báo" → "{Name} Newspaper");
 * - field: the field of a ministry or department ("Công an" → "Public Security", "Giáo dục và Đào tạo");
 * - rank: military and police ranks, academic degrees and titles of honour, before the name;
 * - honorific: words of address ("ông" → "Mr.", "đồng chí" → nothing: English papers write no "Comrade");
 * - place: provinces and cities with their English ("Hà Nội" → "Hanoi");
 * - term: any other word of a venue or an office ("Hội trường" → "Hall").
 */
export const glossaryKinds = ["position", "title", "body", "field", "rank", "honorific", "place", "term"] as const;
export type GlossaryKind = (typeof glossaryKinds)[number];

export interface GlossaryEntry {
  kind: GlossaryKind;
  vi: string;
  /** The English; "" for an honorific English papers leave out ("đồng chí"), or a degree they do not print. */
  en: string;
  /**
   * Only for titles: the body word the title names without repeating ("Trưởng ban Tuyên giáo" is the head of the
   * "Ban Tuyên giáo"): prepended to what follows when it does not start with it.
   */
  implies?: string;
  /** Only for bodies: a short headline form ("Ban Tuyên giáo" → "propaganda department"). */
  short?: string;
}

/** The result of translating one term: the English (with any Vietnamese left in it marked) and what was not translated. */
export interface Translation {
  en: string;
  /** The Vietnamese terms that were kept as written (and marked in `en`), for the editor to add to the glossary. */
  untranslated: string[];
}

/** Marks Vietnamese kept in an English output: nothing pretends to be a translation. */
export const UNTRANSLATED_EN = "(in Vietnamese, to be translated)";
