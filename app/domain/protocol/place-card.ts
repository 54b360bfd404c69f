/**
 * A place card's words in the reader's language. The Vietnamese card is the short form of address ("Đồng chí
 * Nguyễn Hồng Chuyên") over the delegation and the roles; the English card is the same, translated with the
 * glossary: the honorific as English papers write it before the name ("Dr. Lê Văn B", "General Tô Lâm"; "đồng chí"
 * dropped), the delegation by its English name, else the glossary's, else kept and marked. Pure.
 */
import { defaultGlossary, type Glossary } from "../glossary/translate";

export interface PlaceCardSide {
  labelVi: string | null;
  labelEn: string | null;
  organization: { nameVi: string; nameEn: string | null } | null;
  /** BCP 47 language of the delegation. */
  language: string;
}

export interface PlaceCardPerson {
  honorific: string | null;
  name: string;
  /** The Vietnamese short form in use (an override where there is one). */
  shortVi: string;
  /** The invitee's own language. */
  language: "vi" | "en";
}

/**
 * Which language a card is in: the one asked for, else English for a guest who reads English or belongs to a
 * foreign delegation, Vietnamese otherwise.
 */
export function cardLanguage(asked: "vi" | "en" | "auto", person: { language: "vi" | "en" }, side: { language: string } | null): "vi" | "en" {
  if (asked !== "auto") return asked;
  if (person.language === "en") return "en";
  return side && side.language.trim() && side.language !== "vi" ? "en" : "vi";
}

export interface CardWords {
  name: string;
  side: string | null;
  untranslated: string[];
}

/** The card's name line and delegation in English. */
export function placeCardEn(person: PlaceCardPerson, side: PlaceCardSide | null, glossary: Glossary = defaultGlossary): CardWords {
  const address = glossary.addressEn({ honorific: person.honorific, name: person.name, positions: [] });
  const untranslated = [...address.untranslated];
  let sideEn: string | null = null;
  if (side) {
    const given = side.labelEn?.trim() || (side.labelVi?.trim() ? null : side.organization?.nameEn?.trim());
    if (given) sideEn = given;
    else {
      const vi = side.labelVi?.trim() || side.organization?.nameVi.trim() || "";
      if (vi) {
        const t = glossary.organizationEn(vi);
        untranslated.push(...t.untranslated);
        sideEn = t.en;
      }
    }
  }
  return { name: address.en, side: sideEn, untranslated: [...new Set(untranslated)] };
}

/**
 * A companion's card in English: their name as the invitee typed it, and who brings them in the form English papers
 * use ("Mr Trần Văn B"), for the line "Guest of …" (docs/decisions/028).
 */
export function companionCardEn(
  companionName: string,
  host: { honorific: string | null; name: string },
  glossary: Glossary = defaultGlossary,
): { name: string; host: string; untranslated: string[] } {
  const address = glossary.addressEn({ honorific: host.honorific, name: host.name, positions: [] });
  return { name: companionName, host: address.en, untranslated: [...address.untranslated] };
}
