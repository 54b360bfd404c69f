/**
 * An event's facts in the reader's language, for every output that is not the press draft (mail, calendar file,
 * invitee page, reminders, place cards): in English, the English names the organiser gave, else the glossary's,
 * else the Vietnamese kept and marked. Vietnamese readers get the facts unchanged.
 */
import { defaultGlossary, type Glossary } from "./translate";
import { UNTRANSLATED_EN } from "./types";

/** Letters only Vietnamese writes (with its tone marks): text without them needs no translation mark. */
const VIETNAMESE_LETTERS = /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu;

export function looksVietnamese(text: string): boolean {
  return VIETNAMESE_LETTERS.test(text);
}

/** Free text in an English output: kept as written, marked when it reads as Vietnamese. */
export function markedProseEn(text: string | null | undefined): string | null {
  const t = text?.trim();
  if (!t) return null;
  return looksVietnamese(t) && !t.includes(UNTRANSLATED_EN) ? `${t} ${UNTRANSLATED_EN}` : t;
}

/** A short text (an agenda item's title) in English: the glossary's fixed term, else kept and marked. */
export function termOrMarkedEn(text: string, glossary: Glossary = defaultGlossary): string {
  return glossary.termEn(text) ?? markedProseEn(text) ?? text;
}

export interface EventWords {
  title: string;
  titleEn?: string | null;
  venueName: string | null;
  venueNameEn?: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
  description?: string | null;
}

function venueTermEn(text: string | null, glossary: Glossary): string | null {
  const t = text?.trim();
  if (!t) return null;
  if (!looksVietnamese(t)) return t;
  return glossary.venueEn(t).en;
}

/** The event's words for a reader of `locale`. */
export function eventInLanguage<T extends EventWords>(event: T, locale: "vi" | "en", glossary: Glossary = defaultGlossary): T {
  if (locale === "vi") return event;
  const title = event.titleEn?.trim() || markedProseEn(event.title) || event.title;
  return {
    ...event,
    title,
    venueName: event.venueNameEn?.trim() || venueTermEn(event.venueName, glossary),
    venueRoom: venueTermEn(event.venueRoom, glossary),
    venueAddress: venueTermEn(event.venueAddress, glossary),
    ...(event.description !== undefined ? { description: markedProseEn(event.description) } : {}),
  };
}

/** A person's words of address for a reader of `locale`: "TS." → "Dr.", "đồng chí" → none, "ông" → "Mr.". */
export function honorificInLanguage(honorific: string | null | undefined, locale: "vi" | "en", glossary: Glossary = defaultGlossary): string | null {
  if (locale === "vi") return honorific ?? null;
  return glossary.honorificEn(honorific).en || null;
}

const GENERIC_FIRST_WORD =
  /^(Signing|Ceremony|Conference|Meeting|Programme|Program|Agreement|Memorandum|Contract|Regulation|Regulations|Staff|Cooperation|Co-operation|Coordination|Joint|Framework|Plan|Strategic|Comprehensive|Partnership|Twinning|Training|Investment|Economic|Cultural|Education|Educational|Launch|Opening|Review|Summary)$/u;

/**
 * An English title inside a sentence: "Staff training cooperation agreement" → "the staff training cooperation
 * agreement", "Signing of the … agreement" → "the signing of the … agreement"; a title that starts with a name
 * ("Thái Bình – Hà Nam agreement") keeps its words, with "the" before it. A marked Vietnamese title is left as it is.
 */
export function inSentenceEn(title: string): string {
  const t = title.trim();
  if (!t || t.includes(UNTRANSLATED_EN)) return t;
  if (/^the\s/iu.test(t)) return `the ${t.slice(4)}`;
  const [first = ""] = t.split(/\s+/u);
  return `the ${GENERIC_FIRST_WORD.test(first) ? first.toLocaleLowerCase("en") + t.slice(first.length) : t}`;
}
