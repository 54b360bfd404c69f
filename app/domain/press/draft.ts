/**
 * The press drafter: a Vietnamese (or English) news report of an event, written from the event's data alone, as
 * docs/press-style.md describes and the seed article shows. Pure and deterministic: the same facts give the
 * same text, byte for byte; no clock, no randomness, no network.
 *
 * Order of the body (markdown, one paragraph per line, blank lines between):
 *   lead → attendance → content (the agreement's aims) → remarks (the speeches' key points) → photo credits,
 * with the selected photos placed between these parts as the seed article places them: the first photo after
 * the lead, the second after the attendance, the third after the content, the fourth after the remarks (parts
 * that are missing are skipped); further photos follow the last part. The byline is not in the body
 * (PressDraft.byline): every output prints it last.
 *
 * Every paragraph has a PressSource naming the facts it states. A part whose data is missing is left out whole:
 * no venue → no "tại …", no dignitaries → no attendance, no aims → no content, no speeches → no remarks.
 *
 * English drafts: organisations by their English names (the Vietnamese name when there is none — a proper
 * name), dignitaries by their English address from the protocol module. Free text that exists only in
 * Vietnamese (aims, key points, captions without an English caption, a non-signing event's title) cannot be
 * translated here — there is no translation service — so it is kept as written, introduced by an English
 * sentence and marked "(in Vietnamese, to be translated)" in the body and `needsTranslation` in its source:
 * the editor sees exactly what is left to translate, and nothing pretends to be a translation.
 */
import { mergeAttendance, type GroupAttendanceLine } from "../ceremony/types";
import { inlineAddress } from "../protocol/address";
import { capitalizeFirst } from "../text/capitalize";
import { foldForSearch } from "../text/search";
import { formatDate, formatPeriod, formatTime, leadDateEn, leadDateVi, localYear } from "../dates/phrasing";
import { cleanText, escapeBlockStart, md } from "./escape";
import {
  agreementKindEn,
  delegationLabel,
  endSentence,
  eventIndefiniteEn,
  eventNounEn,
  eventNounVi,
  eventPlaceVi,
  joinEn,
  joinVi,
  lowerFirstInSentence,
  partiesWordEn,
  partiesWordVi,
  pluralEn,
  programmeParts,
  remarkPredicateVi,
  startsWithPhrase,
  titleNamesAnEvent,
  withArticleEn,
  withoutTrailingDate,
} from "./phrases";
import { Glossary, bylineEn, defaultGlossary } from "../glossary/translate";
import { UNTRANSLATED_EN } from "../glossary/types";
import type { PressDignitary, PressDocument, PressDraft, PressFacts, PressLanguage, PressOrganization, PressSide, PressSource } from "./types";

/** Marks Vietnamese text kept in an English draft (one marker for every English output: app/domain/glossary). */
export { UNTRANSLATED_EN };

/**
 * The glossary the English draft translates with. The drafter is synchronous and pure; draftPressSummary sets
 * this for the duration of one call (its options), so the many small phrase helpers need not thread it.
 */
let glossary: Glossary = defaultGlossary;
/** Terms an English draft could not translate, collected during one draftPressSummary call. */
let untranslatedTerms: string[] = [];

function noteUntranslated(terms: string[]): void {
  for (const t of terms) if (!untranslatedTerms.includes(t)) untranslatedTerms.push(t);
}

type Paragraph = PressSource;
type Section = Paragraph[];

/** Long values are shortened in the facts list (the paragraph itself carries the whole text). */
function fact(path: string, value: string | number | null): string {
  const text = value === null ? "null" : String(value);
  return `${path} = ${text.length > 100 ? `${text.slice(0, 99)}…` : text}`;
}

function instantFact(path: string, date: Date, zone: string): string {
  return fact(path, `${formatDate(date, zone)} ${formatTime(date, zone)} (${zone})`);
}

function para(part: Paragraph["part"], text: string, facts: string[], needsTranslation = false): Paragraph {
  const p: Paragraph = { text: escapeBlockStart(text), part, facts };
  if (needsTranslation || text.includes(UNTRANSLATED_EN)) p.needsTranslation = true;
  return p;
}

function nonEmpty(text: string | null | undefined): string | null {
  const cleaned = text == null ? "" : cleanText(text);
  return cleaned || null;
}

// ---------------------------------------------------------------------------------------------------------
// Organisations and people

/** An organisation's English: its own English name, else the glossary's, else its Vietnamese name, marked. */
function orgEnName(o: PressOrganization): string {
  const en = nonEmpty(o.nameEn);
  if (en) return en;
  const t = glossary.organizationEn(cleanText(o.nameVi));
  noteUntranslated(t.untranslated);
  return t.en;
}

function orgEn(o: PressOrganization): string {
  const en = orgEnName(o);
  if (en.includes(UNTRANSLATED_EN)) return en;
  return /^the\s/iu.test(en) ? en : `the ${en}`;
}

function orgName(o: PressOrganization, language: PressLanguage): string {
  return language === "vi" ? cleanText(o.nameVi) : orgEn(o);
}

function orgFacts(path: string, o: PressOrganization, language: PressLanguage): string {
  return language === "en" && nonEmpty(o.nameEn) ? fact(`${path}.nameEn`, cleanText(o.nameEn ?? "")) : fact(`${path}.nameVi`, cleanText(o.nameVi));
}

function startsWithComrade(text: string): boolean {
  return foldForSearch(text).startsWith("dong chi ");
}

function isComrade(d: PressDignitary): boolean {
  const override = nonEmpty(d.addressVi);
  if (override) return startsWithComrade(override);
  return foldForSearch(d.honorific ?? "") === "dong chi";
}

/** The address as it runs in a sentence: "đồng chí Nguyễn Hồng Chuyên, Ủy viên …", "Thiếu tướng …". */
function inlineVi(d: PressDignitary): string {
  const override = nonEmpty(d.addressVi);
  if (override) {
    const folded = foldForSearch(override);
    const addressWord = ["dong chi ", "ong ", "ba "].some((w) => folded.startsWith(w));
    return addressWord ? override.charAt(0).toLocaleLowerCase("vi") + override.slice(1) : override;
  }
  return cleanText(inlineAddress({ honorific: d.honorific, name: d.name, positions: d.positions }));
}

/** Without "đồng chí", for "có các đồng chí: Nguyễn Văn A, …; Trần Văn B, …". */
function withoutComrade(d: PressDignitary): string {
  const override = nonEmpty(d.addressVi);
  if (override) return override.replace(/^\S+\s+\S+\s+/u, "");
  return cleanText(inlineAddress({ honorific: null, name: d.name, positions: d.positions }));
}

/**
 * The short form for a further remark of someone already introduced, as the article does ("Đồng chí Trưởng ban
 * Tuyên giáo Tỉnh ủy đề nghị …"): a comrade with positions is named by the last one (the office, which follows
 * the Party posts in the list); anyone else by honorific and name ("ông Trần Văn B", "Thiếu tướng Lê C").
 */
function shortVi(d: PressDignitary): string {
  const positions = d.positions.map(cleanText).filter(Boolean);
  const last = positions.at(-1);
  if (isComrade(d) && last && !nonEmpty(d.addressVi)) return `đồng chí ${last}`;
  if (nonEmpty(d.addressVi)) return inlineVi(d).split(",")[0]?.trim() ?? inlineVi(d);
  return cleanText(inlineAddress({ honorific: d.honorific, name: d.name, positions: [] }));
}

function dignitaryFacts(d: PressDignitary, index: number): string[] {
  const p = `dignitaries[${index}]`;
  if (nonEmpty(d.addressVi)) return [fact(`${p}.addressVi`, cleanText(d.addressVi ?? ""))];
  return [
    fact(`${p}.honorific`, d.honorific),
    fact(`${p}.name`, cleanText(d.name)),
    fact(`${p}.positions`, d.positions.map(cleanText).filter(Boolean).join("; ") || "(none)"),
  ];
}

/** An English address as a sentence's subject: its appositive positions closed by a comma ("A, Director of B, said"). */
function subjectEn(address: string): string {
  return address.includes(",") ? `${address},` : address;
}

function dignitaryFactsEn(d: PressDignitary, index: number): string[] {
  return [fact(`dignitaries[${index}].englishAddress`, cleanText(d.englishAddress))];
}

// ---------------------------------------------------------------------------------------------------------
// Headline

interface Programme {
  core: string;
  periodText: string | null;
  partyNamesVi: string[];
}

function programmeOfDocument(a: PressDocument): Programme {
  const partyNamesVi = a.parties.map((p) => cleanText(p.nameVi));
  const { core, periodText } = programmeParts(cleanText(a.title), partyNamesVi);
  return { core, periodText, partyNamesVi };
}

function programmeOf(facts: PressFacts): Programme | null {
  const a = facts.documents[0];
  return a ? programmeOfDocument(a) : null;
}

/** The distinct kinds of document signed ("quy chế kết nghĩa", "chương trình phối hợp"), in signing order. */
function documentCores(facts: PressFacts): string[] {
  const cores: string[] = [];
  for (const d of facts.documents) {
    const core = programmeOfDocument(d).core;
    if (core && !cores.some((c) => c.toLocaleLowerCase("vi") === core.toLocaleLowerCase("vi"))) cores.push(core);
  }
  return cores;
}

/**
 * The English headline of one document between up to three named parties, specific as newsroom style wants it
 * (PRESS-STYLE "English"): "Propaganda Department … and Department of Education and Training sign 2017–2020
 * coordination programme" — the parties by their English names (without "the"), the period closed up with an en
 * dash as an adjective, the kind of document. Null when there is no such headline to write (several documents,
 * more than three parties, a party without an English name): then "<Kind> signed".
 */
function specificHeadlineEn(facts: PressFacts, programme: Programme): string | null {
  const doc = facts.documents[0];
  if (!doc || facts.documents.length > 1) return null;
  const parties = doc.parties.length ? doc.parties : facts.hosts;
  if (parties.length < 1 || parties.length > 3) return null;
  const start = doc.periodStart;
  const end = doc.periodEnd !== null && doc.periodEnd !== start ? doc.periodEnd : null;
  const years = programme.periodText?.match(/\d{4}/gu) ?? [];
  const period = start !== null ? (end !== null ? `${start}–${end}` : String(start)) : years.length >= 2 ? `${years[0]}–${years[1]}` : (years[0] ?? "");
  const verb = parties.length === 1 ? "signs" : "sign";
  const tail = `${verb} ${period ? `${period} ` : ""}${agreementKindEn(programme.core)}`;
  const short = shortPartiesEn(parties);
  if (short) return capitalizeFirst(`${short} ${tail}`);
  const names = parties.map((p) => {
    const en = nonEmpty(p.nameEn) ?? glossary.bodyEn(cleanText(p.nameVi))?.en ?? null;
    return en?.replace(/^the\s+/iu, "");
  });
  if (names.some((n) => !n)) return null;
  return capitalizeFirst(`${joinEn(names as string[])} ${tail}`);
}

/**
 * The parties as an English headline names them, from the glossary's short forms and their common place:
 * "Thái Bình propaganda and education departments" (Ban Tuyên giáo Tỉnh ủy Thái Bình, Sở Giáo dục và Đào tạo
 * tỉnh Thái Bình). Null when a party has no short form or the parties are not all of one place (or all of none).
 */
function shortPartiesEn(parties: PressOrganization[]): string | null {
  const bodies = parties.map((p) => glossary.bodyEn(cleanText(p.nameVi)));
  if (bodies.some((b) => !b?.short)) return null;
  const places = new Set(bodies.map((b) => b!.place ?? ""));
  if (places.size > 1) return null;
  const named = [...places].filter(Boolean);
  const shorts = bodies.map((b) => b!.short!);
  const nouns = shorts.map((x) => x.split(" ").at(-1)!);
  let text: string;
  if (shorts.length > 1 && nouns.every((n) => n === nouns[0])) {
    const heads = shorts.map((x) => x.slice(0, x.length - nouns[0]!.length).trim());
    text = `${joinEn(heads)} ${pluralEn(nouns[0]!)}`;
  } else text = joinEn(shorts);
  return named[0] ? `${named[0]} ${text}` : text;
}

/**
 * The headline names the event, short and without a date (PRESS-STYLE 1). A signing ceremony is named by what
 * is signed: "Ký kết " + the agreement's title without "Lễ ký kết", without the party list ("giữa A và B": the
 * lead names the parties) and without the period ("giai đoạn 2017 – 2020": the lead gives it) — the seed's
 * "Chương trình phối hợp công tác giữa … giai đoạn 2017 – 2020" gives "Ký kết chương trình phối hợp công tác".
 * Any other event (or an agreement whose title is nothing but a party list) is named by its own title, without a
 * date at its end. In English a signing becomes "<Kind of agreement> signed" ("Coordination programme signed",
 * the kind from a small fixed list, else "Agreement signed"); another event keeps its Vietnamese title, marked
 * for translation.
 */
function headline(facts: PressFacts, language: PressLanguage, programme: Programme | null): Paragraph {
  if (programme && programme.core) {
    const cores = documentCores(facts);
    const several = facts.documents.length > 1;
    const title =
      language === "vi"
        ? capitalizeFirst(`ký kết ${joinVi(cores)}`)
        : (specificHeadlineEn(facts, programme) ??
          `${capitalizeFirst(joinEn(cores.map((c) => (several && cores.length === 1 ? pluralEn(agreementKindEn(c)) : agreementKindEn(c)))))} signed`);
    return {
      text: title,
      part: "headline",
      facts: [
        ...facts.documents.map((d, i) => fact(`documents[${i}].title`, cleanText(d.title))),
        "rule: signing → \"Ký kết\" + the documents' titles without party list and period",
      ],
    };
  }
  const titleEn = language === "en" ? nonEmpty(facts.event.titleEn) : null;
  if (titleEn) return { text: withoutTrailingDate(titleEn), part: "headline", facts: [fact("event.titleEn", titleEn)] };
  const title = withoutTrailingDate(cleanText(facts.event.title));
  const source: Paragraph = {
    text: language === "en" ? `${title} ${UNTRANSLATED_EN}` : title,
    part: "headline",
    facts: [fact("event.title", cleanText(facts.event.title))],
  };
  if (language === "en") source.needsTranslation = true;
  return source;
}

// ---------------------------------------------------------------------------------------------------------
// Lead

function venueOf(facts: PressFacts): { text: string; facts: string[] } | null {
  const e = facts.event;
  const room = nonEmpty(e.venueRoom);
  const name = nonEmpty(e.venueName);
  if (room || name) {
    return {
      text: [room, name].filter(Boolean).join(", "),
      facts: [room ? fact("event.venueRoom", room) : null, name ? fact("event.venueName", name) : null].filter((x): x is string => !!x),
    };
  }
  const address = nonEmpty(e.venueAddress);
  return address ? { text: address, facts: [fact("event.venueAddress", address)] } : null;
}

/**
 * The venue in an English lead: " in Hanoi" for a place, " at the Hall of the … Provincial Party Committee" for a
 * building, from the English venue name when the event has one, else the glossary; what it cannot translate is
 * kept and marked.
 */
function venueEnPhrase(facts: PressFacts, venue: { text: string; facts: string[] }): string {
  const e = facts.event;
  const own = nonEmpty(e.venueNameEn);
  if (own) {
    const room = nonEmpty(e.venueRoom);
    const roomEn = room ? glossary.venueEn(room) : null;
    if (roomEn) noteUntranslated(roomEn.untranslated);
    const text = [roomEn?.en, own].filter(Boolean).join(", ");
    return ` at ${/^the\s/iu.test(text) || !needsArticle(text) ? "" : "the "}${md(text)}`;
  }
  const t = glossary.venueEn(venue.text);
  noteUntranslated(t.untranslated);
  if (t.isPlace) return ` in ${md(t.en)}`;
  return ` at ${needsArticle(t.en) ? "the " : ""}${md(t.en)}`;
}

/** "the Hall of the …", "the National Convention Center"; not "Hall A", "12 Lê Lợi Street" or a marked name. */
function needsArticle(venueEn: string): boolean {
  const first = venueEn.split(",")[0] ?? "";
  if (first.includes(UNTRANSLATED_EN) || /^\d/u.test(first)) return false;
  return /\bof the\b/u.test(first) || /(?:Centre|Center|House|Palace|Headquarters|Hall|Room|Hotel)$/u.test(first);
}

function sameOrganizations(a: PressOrganization[], b: PressOrganization[]): boolean {
  const ids = new Set(a.map((o) => o.id));
  return a.length === b.length && b.every((o) => ids.has(o.id));
}

/** The period: from the document's years when given, else as the title wrote it. */
function periodOf(a: PressDocument, index: number, programme: Programme): { vi: string | null; en: string | null; facts: string[] } {
  const path = `documents[${index}]`;
  if (a.periodStart !== null) {
    const end = a.periodEnd !== null && a.periodEnd !== a.periodStart ? a.periodEnd : null;
    let range: string;
    try {
      range = formatPeriod(a.periodStart, end);
    } catch {
      range = end === null ? String(a.periodStart) : `${a.periodStart} – ${end}`;
    }
    const factList = [fact(`${path}.periodStart`, a.periodStart)];
    if (a.periodEnd !== null) factList.push(fact(`${path}.periodEnd`, a.periodEnd));
    return end === null
      ? { vi: `năm ${range}`, en: `for ${range}`, facts: factList }
      : { vi: `giai đoạn ${range}`, en: `for the period ${range}`, facts: factList };
  }
  if (programme.periodText) {
    const years = programme.periodText.match(/\d{4}/gu) ?? [];
    const en = years.length >= 2 ? `for the period ${years[0]} – ${years[1]}` : years.length === 1 ? `for ${years[0]}` : null;
    return { vi: programme.periodText, en, facts: [fact(`${path}.title (period)`, programme.periodText)] };
  }
  return { vi: null, en: null, facts: [] };
}

/**
 * Who organised the event, as the lead names them: the hosts (host, then partners). When the ceremony has more
 * than two parties (sides other than the leaders), the guest sides are not organisers; the parties are named by
 * the documents ("giữa A với B, giữa C với D").
 */
function organizersOf(facts: PressFacts): PressOrganization[] {
  const parties = facts.sides.filter((s) => s.kind !== "leaders");
  if (parties.length <= 2) return facts.hosts;
  const guestIds = new Set(parties.filter((s) => s.kind === "guest").map((s) => s.organization?.id).filter(Boolean));
  return facts.hosts.filter((h) => !guestIds.has(h.id));
}

/** The parties of a document as the lead writes them after "giữa": "A và B" (one document), "A với B" (several). */
function betweenOf(a: PressDocument, organizers: PressOrganization[], several: boolean): PressOrganization[] | null {
  if (a.parties.length < 2) return null;
  if (!several && a.parties.length === 2 && sameOrganizations(a.parties, organizers)) return null;
  return a.parties;
}

function betweenVi(parties: PressOrganization[], several: boolean): string {
  const names = parties.map((p) => md(cleanText(p.nameVi)));
  return several && names.length === 2 ? `giữa ${names[0]} với ${names[1]}` : `giữa ${joinVi(names)}`;
}

function betweenEn(parties: PressOrganization[]): string {
  return `between ${joinEn(parties.map((p) => md(orgEn(p))))}`;
}

/** "Nhân dịp kỷ niệm …" — the typed occasion without a leading "Nhân dịp" / "On the occasion of". */
function occasionText(text: string | null | undefined, prefixes: RegExp): string | null {
  const cleaned = nonEmpty(text);
  if (!cleaned) return null;
  return nonEmpty(cleaned.replace(prefixes, "").replace(/[\s,;.]+$/u, ""));
}

const OCCASION_PREFIX_VI = /^(?:nhân\s+dịp|nhân)\s+/iu;
const CONTEXT_PREFIX_VI = /^trong\s+khuôn\s+khổ\s+/iu;
const OCCASION_PREFIX_EN = /^on\s+the\s+occasion\s+of\s+/iu;
const CONTEXT_PREFIX_EN = /^(?:within\s+the\s+framework\s+of|as\s+part\s+of)\s+/iu;

/**
 * The lead (PRESS-STYLE 2), one sentence: the occasion and context when given ("Nhân dịp kỷ niệm …, trong khuôn
 * khổ hội nghị …, chiều ngày 19/10, …"), time of day and date (only the date — "Ngày 12/3" — when the time of day
 * is not known; the year only when the event's local year is not the year of publication, both in the event's
 * time zone), who held it ("A tổ chức", "A phối hợp với B tổ chức"; nobody named → "… đã diễn ra …"), what was
 * held (a signing: "lễ ký kết" + the documents, "giữa A, B và C" when the parties are more than two or are not
 * the hosts, several bilateral documents of one kind "quy chế kết nghĩa giữa A với B, giữa C với D", and the
 * period; another event: its title, or the kind's noun and the title in quotes when the title does not name an
 * event), and the venue ("tại" + room and venue name, else the address) when known.
 */
function lead(facts: PressFacts, language: PressLanguage, programme: Programme | null): Paragraph {
  const e = facts.event;
  const zone = e.timeZone;
  const precision = e.timePrecision ?? "time";
  const publicationYear = localYear(facts.publishedOn, zone);
  const factList = [
    precision === "date" ? fact("event.startsAt (date only)", formatDate(e.startsAt, zone)) : instantFact("event.startsAt", e.startsAt, zone),
    instantFact("publishedOn", facts.publishedOn, zone),
  ];
  const hosts = organizersOf(facts);
  hosts.forEach((h, i) => factList.push(orgFacts(`hosts[${i}]`, h, language)));
  const hostNames = hosts.map((h) => md(orgName(h, language)));
  const venue = venueOf(facts);
  if (venue) factList.push(...venue.facts);
  let needsTranslation = false;

  const documents = programme ? facts.documents : [];
  const several = documents.length > 1;
  const cores = documentCores(facts);
  const oneKind = cores.length === 1;
  documents.forEach((d, i) => {
    factList.push(fact(`documents[${i}].title`, cleanText(d.title)));
    const between = betweenOf(d, hosts, several);
    if (between) between.forEach((p, j) => factList.push(orgFacts(`documents[${i}].parties[${j}]`, p, language)));
  });
  const periods = documents.map((d, i) => periodOf(d, i, programmeOfDocument(d)));
  periods.forEach((p) => factList.push(...p.facts));
  const samePeriod = periods.every((p) => p.vi === periods[0]?.vi);

  const occasionVi = occasionText(e.occasionVi, OCCASION_PREFIX_VI);
  const contextVi = occasionText(e.contextVi, CONTEXT_PREFIX_VI);
  if (occasionVi) factList.push(fact("event.occasionVi", occasionVi));
  if (contextVi) factList.push(fact("event.contextVi", contextVi));

  if (language === "vi") {
    const date = leadDateVi(e.startsAt, zone, publicationYear, precision);
    const openers = [occasionVi ? `Nhân dịp ${md(occasionVi)}` : "", contextVi ? `trong khuôn khổ ${md(contextVi)}` : ""].filter(Boolean);
    const when = openers.length ? `${capitalizeFirst(openers.join(", "))}, ${date.charAt(0).toLocaleLowerCase("vi")}${date.slice(1)}` : date;
    let what: string;
    if (documents.length) {
      const phrases = documents.map((d, i) => {
        const between = betweenOf(d, hosts, several);
        const core = programmeOfDocument(d).core;
        return {
          core,
          between: between ? betweenVi(between, several) : "",
          period: !samePeriod && periods[i]?.vi ? md(periods[i]!.vi!) : "",
        };
      });
      const body = oneKind
        ? [md(cores[0]!), phrases.map((p) => [p.between, p.period].filter(Boolean).join(" ")).filter(Boolean).join(", ")]
        : [joinVi(phrases.map((p) => [md(p.core), p.between, p.period].filter(Boolean).join(" ")))];
      what = ["lễ ký kết", ...body, samePeriod && periods[0]?.vi ? md(periods[0].vi) : ""].filter(Boolean).join(" ");
    } else {
      factList.push(fact("event.title", cleanText(e.title)), fact("event.kind", e.kind));
      const title = withoutTrailingDate(cleanText(e.title));
      what = titleNamesAnEvent(title) ? md(lowerFirstInSentence(title)) : `${eventNounVi[e.kind]} “${md(title)}”`;
    }
    let text: string;
    if (hostNames.length === 0) {
      text = `${when}, ${venue ? `tại ${md(venue.text)}, ` : ""}đã diễn ra ${what}.`;
    } else {
      const [first, ...rest] = hostNames;
      const organizers = rest.length ? `${first} phối hợp với ${joinVi(rest)}` : first;
      text = `${when}, ${organizers} tổ chức ${what}${venue ? ` tại ${md(venue.text)}` : ""}.`;
    }
    return para("lead", text, factList);
  }

  const date = leadDateEn(e.startsAt, zone, publicationYear, precision);
  const occasionEn = occasionText(e.occasionEn, OCCASION_PREFIX_EN);
  const contextEn = occasionText(e.contextEn, CONTEXT_PREFIX_EN);
  const openersEn: string[] = [];
  if (occasionEn) openersEn.push(`on the occasion of ${md(occasionEn)}`);
  else if (occasionVi) {
    openersEn.push(`on the occasion of “${md(occasionVi)}” ${UNTRANSLATED_EN}`);
    needsTranslation = true;
  }
  if (contextEn) openersEn.push(`as part of ${md(contextEn)}`);
  else if (contextVi) {
    openersEn.push(`as part of “${md(contextVi)}” ${UNTRANSLATED_EN}`);
    needsTranslation = true;
  }
  if (occasionEn) factList.push(fact("event.occasionEn", occasionEn));
  if (contextEn) factList.push(fact("event.contextEn", contextEn));
  const when = openersEn.length ? `${capitalizeFirst(openersEn.join(", "))}, ${date.charAt(0).toLowerCase()}${date.slice(1)}` : date;
  let what: string;
  let titled = "";
  if (documents.length) {
    const phrases = documents.map((d, i) => {
      const between = betweenOf(d, hosts, several);
      return {
        kind: agreementKindEn(programmeOfDocument(d).core),
        between: between ? betweenEn(between) : "",
        period: !samePeriod ? (periods[i]?.en ?? "") : "",
      };
    });
    const body = oneKind
      ? [
          several ? pluralEn(phrases[0]!.kind) : withArticleEn(phrases[0]!.kind),
          joinEn(phrases.map((p) => [p.between, p.period].filter(Boolean).join(" ")).filter(Boolean)),
        ]
      : [joinEn(phrases.map((p) => [withArticleEn(p.kind), p.between, p.period].filter(Boolean).join(" ")))];
    what = ["a ceremony to sign", ...body, samePeriod ? (periods[0]?.en ?? "") : ""].filter(Boolean).join(" ");
  } else {
    what = eventIndefiniteEn[e.kind];
    const titleEn = nonEmpty(e.titleEn);
    if (titleEn) {
      factList.push(fact("event.titleEn", titleEn), fact("event.kind", e.kind));
      titled = `, titled “${md(withoutTrailingDate(titleEn))}”`;
    } else {
      factList.push(fact("event.title", cleanText(e.title)), fact("event.kind", e.kind));
      titled = `, titled “${md(withoutTrailingDate(cleanText(e.title)))}” ${UNTRANSLATED_EN}`;
      needsTranslation = true;
    }
  }
  const at = venue ? venueEnPhrase(facts, venue) : "";
  if (at.includes(UNTRANSLATED_EN)) needsTranslation = true;
  let text: string;
  if (hostNames.length === 0) {
    text = `${when}, ${what} was held${at}${titled}.`;
  } else {
    const [first, ...rest] = hostNames;
    const organizers = rest.length ? `${first}, in coordination with ${joinEn(rest)},` : first;
    text = `${when}, ${organizers} held ${what}${at}${titled}.`;
  }
  return para("lead", text, factList, needsTranslation);
}

// ---------------------------------------------------------------------------------------------------------
// Attendance

interface Group {
  label: string | null;
  members: { d: PressDignitary; index: number }[];
}

function groupsOf(dignitaries: PressDignitary[]): Group[] {
  const groups: Group[] = [];
  const loose: Group = { label: null, members: [] };
  dignitaries.forEach((d, index) => {
    const label = d.delegation ? delegationLabel(cleanText(d.delegation)) : "";
    if (!label) {
      loose.members.push({ d, index });
      return;
    }
    const key = label.toLocaleLowerCase("vi");
    const group = groups.find((g) => g.label?.toLocaleLowerCase("vi") === key);
    if (group) group.members.push({ d, index });
    else groups.push({ label, members: [{ d, index }] });
  });
  if (loose.members.length) groups.push(loose);
  return groups;
}

/** "đồng chí A, …", "các đồng chí: A, …; B, …", "các đại biểu: đồng chí A, …; ông B, …". */
function listVi(members: { d: PressDignitary }[]): string {
  if (members.length === 1) return md(inlineVi(members[0]!.d));
  if (members.every((m) => isComrade(m.d))) return `các đồng chí: ${members.map((m) => md(withoutComrade(m.d))).join("; ")}`;
  return `các đại biểu: ${members.map((m) => md(inlineVi(m.d))).join("; ")}`;
}

function listEn(members: { d: PressDignitary }[]): string {
  return members.map((m) => md(cleanText(m.d.englishAddress))).join("; ");
}

/**
 * The attendance (PRESS-STYLE 3), every dignitary in precedence order (the order of PressFacts.dignitaries)
 * with honorific, name and every position. The event is named by its kind — "lễ ký kết", "hội nghị", "cuộc
 * họp", "buổi chiêu đãi", "sự kiện" — rather than the article's "hội nghị" for its signing ceremony: a report
 * should call the event what it is. One dignitary: "Đồng chí …, … tới dự lễ ký kết."; several: "Dự lễ ký kết
 * có các đồng chí: A, …; B, …" ("các đại biểu:" when not all are comrades); when delegations are given, grouped
 * in the order of their most senior member: "Dự lễ ký kết, về phía A có …; về phía B có …", those without a
 * delegation last ("cùng dự có …").
 */
function attendance(facts: PressFacts, language: PressLanguage, introduced: Introduced): Paragraph | null {
  const dignitaries = facts.dignitaries;
  if (dignitaries.length === 0) return null;
  for (const d of dignitaries) introduced.add(d.id);
  const kind = facts.event.kind;
  const factList = [fact("event.kind", kind), fact("dignitaries (protocol precedence order)", dignitaries.length)];
  const personFacts = (d: PressDignitary, i: number) => (language === "vi" ? dignitaryFacts(d, i) : dignitaryFactsEn(d, i));
  if (dignitaries.length === 1) {
    const d = dignitaries[0]!;
    factList.push(...personFacts(d, 0));
    const text =
      language === "vi"
        ? `${md(capitalizeFirst(inlineVi(d)))} tới dự ${eventNounVi[kind]}.`
        : `${md(subjectEn(capitalizeFirst(cleanText(d.englishAddress))))} attended ${eventNounEn[kind]}.`;
    return para("attendance", text, factList);
  }
  dignitaries.forEach((d, i) => factList.push(...personFacts(d, i)));
  const grouped = dignitaries.some((d) => d.delegation && delegationLabel(cleanText(d.delegation)));
  if (!grouped) {
    const text =
      language === "vi"
        ? `Dự ${eventNounVi[kind]} có ${listVi(dignitaries.map((d) => ({ d })))}.`
        : `${capitalizeFirst(eventNounEn[kind])} was attended by ${listEn(dignitaries.map((d) => ({ d })))}.`;
    return para("attendance", text, factList);
  }
  const groups = groupsOf(dignitaries);
  for (const g of groups) for (const m of g.members) if (g.label) factList.push(fact(`dignitaries[${m.index}].delegation`, cleanText(m.d.delegation ?? "")));
  if (language === "vi") {
    const parts = groups.map((g) => (g.label ? `về phía ${md(g.label)} có ${listVi(g.members)}` : `cùng dự có ${listVi(g.members)}`));
    return para("attendance", `Dự ${eventNounVi[kind]}, ${parts.join("; ")}.`, factList);
  }
  const organizations = [...facts.hosts, ...(facts.documents.flatMap((d) => d.parties))];
  const labelEn = (label: string) => {
    const o = organizations.find((x) => cleanText(x.nameVi).toLocaleLowerCase("vi") === label.toLocaleLowerCase("vi"));
    return o ? orgEn(o) : label;
  };
  const parts = groups.map((g) => (g.label ? `from ${md(labelEn(g.label))}, ${listEn(g.members)}` : `as well as ${listEn(g.members)}`));
  return para("attendance", `Attending ${eventNounEn[kind]} were: ${parts.join("; ")}.`, factList);
}

/** The name without positions, for a second mention: "đồng chí Nguyễn Hồng Chuyên", "Thiếu tướng Lê Văn C". */
function nameVi(d: PressDignitary): string {
  if (nonEmpty(d.addressVi)) return inlineVi(d).split(",")[0]?.trim() ?? inlineVi(d);
  return cleanText(inlineAddress({ honorific: d.honorific, name: d.name, positions: [] }));
}

function nameEn(d: PressDignitary): string {
  const english = cleanText(d.englishAddress);
  return english.split(",")[0]?.trim() || english;
}

/** Who has already been named with their full titles: a further mention is the short form (PRESS-STYLE). */
type Introduced = Set<string>;

function mentionVi(d: PressDignitary, introduced: Introduced): string {
  if (introduced.has(d.id)) return md(nameVi(d));
  introduced.add(d.id);
  return md(inlineVi(d));
}

function mentionEn(d: PressDignitary, introduced: Introduced): string {
  if (introduced.has(d.id)) return md(nameEn(d));
  introduced.add(d.id);
  return md(cleanText(d.englishAddress));
}

const hasRoleKind = (d: PressDignitary, kind: string) => (d.roles ?? []).some((r) => r.kind === kind);

function signatoriesOf(facts: PressFacts, documentId: string, sideId: string): PressDignitary[] {
  return facts.dignitaries.filter((d) => (d.roles ?? []).some((r) => r.kind === "signatory" && r.documentId === documentId && r.sideId === sideId));
}

function signatoryIds(facts: PressFacts): Set<string> {
  const ids = new Set<string>();
  for (const doc of facts.documents) for (const sideId of doc.partySideIds) for (const d of signatoriesOf(facts, doc.id, sideId)) ids.add(d.id);
  return ids;
}

/**
 * People as a sentence lists them: "đồng chí A và đồng chí B"; when a mention carries its titles (commas), with
 * commas around each, as the press does: "đồng chí B, Giám đốc Sở X, và đồng chí C, Giám đốc Sở Y," — the
 * closing comma comes from `closing`.
 */
function peopleVi(items: string[], closing: boolean): string {
  const titled = items.some((i) => i.includes(","));
  if (!titled) return joinVi(items);
  const text = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")}, và ${items.at(-1)}`;
  return closing ? `${text},` : text;
}

function peopleEn(items: string[], closing: boolean): string {
  const titled = items.some((i) => i.includes(","));
  if (!titled) return joinEn(items);
  const text = items.length === 1 ? items[0]! : `${items.slice(0, -1).join(", ")}, and ${items.at(-1)}`;
  return closing ? `${text},` : text;
}

/** Whether the facts use the ceremony model (sides, group lines, roles) rather than delegations alone. */
function usesCeremonyModel(facts: PressFacts): boolean {
  return (
    facts.sides.length > 0 ||
    facts.groupLines.length > 0 ||
    facts.dignitaries.some((d) => hasRoleKind(d, "chair") || hasRoleKind(d, "co_chair") || hasRoleKind(d, "signatory"))
  );
}

function sideNameVi(side: PressSide): string {
  return cleanText(nonEmpty(side.labelVi) ?? side.organization?.nameVi ?? "");
}

function sideNameEn(side: PressSide): string {
  const label = nonEmpty(side.labelEn);
  if (label) return label;
  if (side.organization) return orgEn(side.organization);
  return sideNameVi(side);
}

type Entry = { kind: "person"; d: PressDignitary; index: number } | { kind: "group"; line: GroupAttendanceLine; index: number };

interface SideGroup {
  key: string;
  /** null = the leaders above the sides, or people of no side. */
  side: PressSide | null;
  label: string | null;
  entries: Entry[];
}

function lineText(line: GroupAttendanceLine, language: PressLanguage): { text: string; untranslated: boolean } {
  if (language === "vi") return { text: md(line.textVi), untranslated: false };
  const en = nonEmpty(line.textEn);
  return en ? { text: md(en), untranslated: false } : { text: `${md(line.textVi)} ${UNTRANSLATED_EN}`, untranslated: true };
}

/**
 * The attendance in the ceremony model (sides, leaders, chairs, signatories, group lines), one paragraph:
 * 1. The chairs with their titles: "Đồng chí A, … chủ trì buổi lễ." ("đồng chủ trì" for co-chairs).
 * 2. Everyone else but the signatories (the signing sentence introduces them), in ONE precedence order, grouped
 *    by side in the order of each side's most senior person: the leaders above the sides (or people of no side)
 *    first in a sentence of their own — "Dự lễ ký kết có đồng chí A, …; đồng chí B, …." —, then the sides:
 *    "Về phía Bộ X có đồng chí C, …; về phía tỉnh Y có …." Unnamed group lines follow the named people where
 *    mergeAttendance puts them: "…; cùng các đồng chí trong Ban Thường vụ Tỉnh ủy; đại diện lãnh đạo các sở, ngành".
 */
function ceremonyAttendance(facts: PressFacts, language: PressLanguage, introduced: Introduced): Paragraph | null {
  const kind = facts.event.kind;
  const factList: string[] = [fact("event.kind", kind), fact("dignitaries (protocol precedence order)", facts.dignitaries.length)];
  let needsTranslation = false;
  const sentences: string[] = [];
  const indexOf = new Map(facts.dignitaries.map((d, i) => [d.id, i]));
  const personFacts = (d: PressDignitary) => {
    const i = indexOf.get(d.id) ?? 0;
    factList.push(...(language === "vi" ? dignitaryFacts(d, i) : dignitaryFactsEn(d, i)));
  };

  const chairs = facts.dignitaries.filter((d) => hasRoleKind(d, "chair"));
  const coChairs = facts.dignitaries.filter((d) => hasRoleKind(d, "co_chair") && !hasRoleKind(d, "chair"));
  for (const [group, verbVi, verbEn] of [
    [chairs, "chủ trì", "chaired"],
    [coChairs, "đồng chủ trì", "co-chaired"],
  ] as const) {
    if (!group.length) continue;
    group.forEach((d) => {
      personFacts(d);
      factList.push(fact(`dignitaries[${indexOf.get(d.id)}].roles`, verbEn === "chaired" ? "chair" : "co_chair"));
    });
    sentences.push(
      language === "vi"
        ? `${capitalizeFirst(peopleVi(group.map((d) => mentionVi(d, introduced)), false))} ${verbVi} ${eventPlaceVi[kind]}.`
        : `${capitalizeFirst(peopleEn(group.map((d) => mentionEn(d, introduced)), true))} ${verbEn} ${eventNounEn[kind]}.`,
    );
  }

  const signers = signatoryIds(facts);
  const sidesById = new Map(facts.sides.map((s) => [s.id, s]));
  const merged = mergeAttendance(
    facts.dignitaries.map((d, index) => ({ id: d.id, sideId: d.sideId ?? null, d, index })),
    facts.groupLines,
  );
  const groups: SideGroup[] = [];
  merged.forEach((entry) => {
    let item: Entry;
    let sideId: string | null;
    let delegation: string | null = null;
    if (entry.kind === "person") {
      const { d, index } = entry.person;
      if (signers.has(d.id) || chairs.includes(d) || coChairs.includes(d)) return;
      item = { kind: "person", d, index };
      sideId = d.sideId ?? null;
      if (!sideId && d.delegation) delegation = delegationLabel(cleanText(d.delegation)) || null;
    } else {
      item = { kind: "group", line: entry.line, index: facts.groupLines.indexOf(entry.line) };
      sideId = entry.line.sideId;
    }
    const side = sideId ? (sidesById.get(sideId) ?? null) : null;
    const named = side && side.kind !== "leaders" ? side : null;
    const key = named ? `s:${named.id}` : delegation ? `d:${delegation.toLocaleLowerCase("vi")}` : side ? `s:${side.id}` : "loose";
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, side: named, label: named ? (language === "vi" ? sideNameVi(named) : sideNameEn(named)) : delegation, entries: [] };
      groups.push(group);
    }
    group.entries.push(item);
  });

  const list = (entries: Entry[]) => {
    let out = "";
    entries.forEach((e, i) => {
      const separator = i === 0 ? "" : "; ";
      if (e.kind === "person") {
        personFacts(e.d);
        out += separator + (language === "vi" ? mentionVi(e.d, introduced) : mentionEn(e.d, introduced));
      } else {
        factList.push(fact(`groupLines[${e.index}].${language === "vi" ? "textVi" : "textEn"}`, language === "vi" ? cleanText(e.line.textVi) : cleanText(e.line.textEn ?? e.line.textVi)));
        const { text, untranslated } = lineText(e.line, language);
        if (untranslated) needsTranslation = true;
        const afterPerson = i > 0 && entries[i - 1]!.kind === "person";
        out += separator + (afterPerson ? (language === "vi" ? "cùng " : "along with ") : "") + text;
      }
    });
    return out;
  };
  for (const g of groups) if (g.side) factList.push(fact(`sides[${facts.sides.indexOf(g.side)}].${language === "vi" ? "labelVi" : "labelEn"}`, g.label));

  const noun = eventNounVi[kind];
  const [first, ...others] = groups;
  if (first) {
    if (language === "vi") {
      const sidePart = (g: SideGroup) => (g.label ? `về phía ${md(g.label)} có ${list(g.entries)}` : `cùng dự có ${list(g.entries)}`);
      if (!first.label) {
        sentences.push(`Dự ${noun} có ${list(first.entries)}.`);
        if (others.length) sentences.push(`${capitalizeFirst(others.map(sidePart).join("; "))}.`);
      } else {
        sentences.push(`Dự ${noun}, ${groups.map(sidePart).join("; ")}.`);
      }
    } else {
      const sideSentence = (g: SideGroup) =>
        g.label ? `${capitalizeFirst(md(g.label))} was represented by ${list(g.entries)}.` : `Also attending were ${list(g.entries)}.`;
      if (!first.label) {
        sentences.push(`${capitalizeFirst(eventNounEn[kind])} was attended by ${list(first.entries)}.`);
        others.forEach((g) => sentences.push(sideSentence(g)));
      } else groups.forEach((g) => sentences.push(sideSentence(g)));
    }
  }
  if (!sentences.length) return null;
  return para("attendance", sentences.join(" "), factList, needsTranslation);
}

/**
 * The signing (a paragraph of the content, before the aims): who signed what for whom, as the press writes it —
 * "Dưới sự chứng kiến của đồng chí A, thay mặt hai bên, đồng chí B, Giám đốc Sở X, và đồng chí C, Giám đốc Sở Y,
 * đã ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020." One sentence per document with signatories;
 * several bilateral documents name their pair ("đã ký kết quy chế kết nghĩa giữa A với B"). Witnesses (the
 * event's, not a document's) are named in the first sentence. People named before get the short form.
 */
function signingParagraph(facts: PressFacts, language: PressLanguage, introduced: Introduced): Paragraph | null {
  const organizers = organizersOf(facts);
  const several = facts.documents.length > 1;
  const witnesses = facts.dignitaries.filter((d) => hasRoleKind(d, "witness"));
  const factList: string[] = [];
  const sentences: string[] = [];
  const indexOf = new Map(facts.dignitaries.map((d, i) => [d.id, i]));
  facts.documents.forEach((doc, k) => {
    const signers = doc.partySideIds.flatMap((sideId) => signatoriesOf(facts, doc.id, sideId));
    if (!signers.length) return;
    const programme = programmeOfDocument(doc);
    // One document: the lead named its parties already; several: each sentence names its own.
    const between = several ? betweenOf(doc, organizers, several) : null;
    const period = periodOf(doc, k, programme);
    factList.push(fact(`documents[${k}].title`, cleanText(doc.title)), ...period.facts);
    signers.forEach((d) => factList.push(fact(`dignitaries[${indexOf.get(d.id)}].roles`, `signatory of documents[${k}]`)));
    const withWitnesses = sentences.length === 0 && witnesses.length > 0;
    if (withWitnesses) witnesses.forEach((d) => factList.push(fact(`dignitaries[${indexOf.get(d.id)}].roles`, "witness")));
    const count = doc.partySideIds.length;
    if (language === "vi") {
      const what = [md(programme.core || "văn bản"), between ? betweenVi(between, several) : "", period.vi ? md(period.vi) : ""].filter(Boolean).join(" ");
      const witnessText = withWitnesses ? `Dưới sự chứng kiến của ${peopleVi(witnesses.map((d) => mentionVi(d, introduced)), false)}, thay mặt` : "Thay mặt";
      const who = count >= 2 ? partiesWordVi(count) : "các bên";
      sentences.push(`${witnessText} ${who}, ${peopleVi(signers.map((d) => mentionVi(d, introduced)), true)} đã ký kết ${what}.`);
    } else {
      const kindEn = agreementKindEn(programme.core);
      const what = [`the ${kindEn}`, between ? betweenEn(between) : "", period.en ?? ""].filter(Boolean).join(" ");
      const signersEn = peopleEn(signers.map((d) => mentionEn(d, introduced)), true);
      const witnessText = withWitnesses ? `, witnessed by ${peopleEn(witnesses.map((d) => mentionEn(d, introduced)), false)}` : "";
      sentences.push(`${capitalizeFirst(signersEn)} signed ${what} on behalf of ${count >= 2 ? partiesWordEn(count) : "the parties"}${witnessText}.`);
    }
  });
  if (!sentences.length) return null;
  return para("content", sentences.join(" "), factList);
}

// ---------------------------------------------------------------------------------------------------------
// Content: the agreement's aims

const AGREEING_VERBS = ["thống nhất", "cam kết", "phối hợp", "cùng", "đồng ý", "nhất trí"];

const LIST_MARKER = /^\s*(?:[-–—•*+]|\d{1,3}[.)])\s+/u;

/**
 * One paragraph of aims as one line of text. Aims typed as a list ("- tăng cường …" on lines of their own) become
 * one sentence, the items in lower case joined by semicolons as reports write them, after the line that
 * introduces them ("Hai bên thống nhất: a; b."); never markdown list markers, which would print escaped.
 */
function aimText(block: string): string {
  const lines = block.split("\n").map((l) => l.trim()).filter(Boolean);
  if (!lines.some((l) => LIST_MARKER.test(l))) return cleanText(block);
  const intro: string[] = [];
  const items: string[] = [];
  for (const line of lines) {
    if (LIST_MARKER.test(line)) items.push(cleanText(line.replace(LIST_MARKER, "")).replace(/[\s;,.]+$/u, ""));
    else if (items.length === 0) intro.push(cleanText(line));
    else items[items.length - 1] = `${items[items.length - 1]} ${cleanText(line)}`.replace(/[\s;,.]+$/u, "");
  }
  const joined = items.filter(Boolean).map(lowerFirstInSentence).join("; ");
  const head = intro.join(" ").replace(/[\s:]+$/u, "");
  return head ? `${head}: ${joined}` : joined;
}

/**
 * The content (PRESS-STYLE 4), per document in signing order, one paragraph per paragraph of its aims (blank
 * lines apart; a typed list is one paragraph, see aimText). Aims that already read as sentences — starting with
 * "Nhằm …" (as the seed's) or with a capital — are kept as they are; a fragment ("tăng cường phối hợp …") is
 * framed: "Theo chương trình phối hợp công tác, hai bên thống nhất tăng cường …", a further fragment "Hai bên cũng
 * thống nhất …".
 */
function content(facts: PressFacts, language: PressLanguage): Paragraph[] {
  const out: Paragraph[] = [];
  facts.documents.forEach((a, d) => {
    if (!a.aims) return;
    const programme = programmeOfDocument(a);
    const paragraphs = a.aims
      .replace(/\r\n?/gu, "\n")
      .split(/\n\s*\n/u)
      .map(aimText)
      .filter(Boolean);
    const partyCount = a.parties.length || facts.hosts.length;
    let framed = 0;
    paragraphs.forEach((aim, k) => {
      const factList = [fact(`documents[${d}].aims (paragraph ${k + 1} of ${paragraphs.length})`, aim)];
      if (language === "en") {
        const intro = k === 0 ? `The ${agreementKindEn(programme.core)}'s aims ${UNTRANSLATED_EN}:` : `It continues ${UNTRANSLATED_EN}:`;
        out.push(para("content", `${intro} ${md(endSentence(aim))}`, factList, true));
        return;
      }
      // A fragment starts with a lower-case letter; anything else ("Nhằm …", "Bên cạnh đó, …", "1. …") is a sentence.
      if (startsWithPhrase(aim, ["nhằm"]) || !/^\p{Ll}/u.test(aim)) {
        out.push(para("content", md(endSentence(capitalizeFirst(aim))), factList));
        return;
      }
      const who = partiesWordVi(partyCount);
      const agreed = startsWithPhrase(aim, AGREEING_VERBS) ? aim : `thống nhất ${aim}`;
      const text =
        framed++ === 0
          ? `Theo ${md(programme.core || "thỏa thuận")}, ${who} ${md(endSentence(agreed))}`
          : `${capitalizeFirst(who)} cũng ${md(endSentence(agreed))}`;
      factList.push(fact(`documents[${d}].parties (count)`, partyCount));
      out.push(para("content", text, factList));
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Remarks

interface Speaker {
  key: string;
  dignitaryId: string | null;
  inlineVi: string;
  nameVi: string;
  shortVi: string;
  english: string;
  facts: string[];
  rank: number;
}

function speakerOf(facts: PressFacts, speechIndex: number): Speaker | null {
  const s = facts.speeches[speechIndex]!;
  const dIndex = s.dignitaryId ? facts.dignitaries.findIndex((d) => d.id === s.dignitaryId) : -1;
  if (dIndex >= 0) {
    const d = facts.dignitaries[dIndex]!;
    return {
      key: `d:${d.id}`,
      dignitaryId: d.id,
      inlineVi: inlineVi(d),
      nameVi: nameVi(d),
      shortVi: shortVi(d),
      english: cleanText(d.englishAddress),
      facts: [fact(`speeches[${speechIndex}].dignitaryId`, d.id), ...dignitaryFacts(d, dIndex)],
      rank: dIndex,
    };
  }
  const name = nonEmpty(s.speakerName);
  if (!name) return null;
  return {
    key: `n:${name}`,
    dignitaryId: null,
    inlineVi: name,
    nameVi: name.split(",")[0]?.trim() || name,
    shortVi: name.split(",")[0]?.trim() || name,
    english: nonEmpty(s.speakerEnglish) ?? name,
    facts: [fact(`speeches[${speechIndex}].speakerName`, name)],
    rank: facts.dignitaries.length + speechIndex,
  };
}

const PROCEEDING_AUXILIARIES = ["đã", "cũng", "đều", "cùng", "sẽ", "tiếp tục"];

/**
 * Proceedings without a speaker (PRESS-STYLE "Hai bên đã thông báo tình hình …"): the agenda items whose key points
 * have a collective subject and no speaker, in agenda order, one paragraph per key point, before the speakers'
 * remarks. A key point that does not start with "đã", "cũng", "cùng", … gets "đã": "Hai bên đã thông báo …".
 */
function proceedings(facts: PressFacts, language: PressLanguage): Paragraph[] {
  const out: Paragraph[] = [];
  facts.speeches.forEach((s, i) => {
    const subject = nonEmpty(s.subjectVi);
    if (!subject || s.dignitaryId || nonEmpty(s.speakerName)) return;
    s.keyPoints.forEach((raw, j) => {
      const point = cleanText(raw);
      if (!point) return;
      const factList = [fact(`speeches[${i}].subjectVi`, subject), fact(`speeches[${i}].keyPoints[${j}]`, point)];
      if (language === "vi") {
        const lowered = point.charAt(0).toLocaleLowerCase("vi") + point.slice(1);
        const predicate = startsWithPhrase(point, PROCEEDING_AUXILIARIES) ? lowered : `đã ${lowered}`;
        out.push(para("remarks", `${md(capitalizeFirst(subject))} ${md(endSentence(predicate))}`, factList));
      } else {
        const en = nonEmpty(s.subjectEn);
        if (en) factList.push(fact(`speeches[${i}].subjectEn`, en));
        const who = en ? md(capitalizeFirst(en)) : `${md(capitalizeFirst(subject))}`;
        out.push(para("remarks", `${who} reported ${UNTRANSLATED_EN}: ${md(endSentence(point))}`, factList, true));
      }
    });
  });
  return out;
}

/**
 * The remarks (PRESS-STYLE 5): one paragraph per key point, the speakers in precedence order (dignitaries by
 * their place, other speakers after them in agenda order). A speaker's first point introduces them in full —
 * "Tại buổi lễ, đồng chí …, <positions> khẳng định …" ("Cũng tại buổi lễ, …" for the next speaker) —, a further
 * point uses the short form, as the article does: "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị …". A key point
 * that starts with a reporting verb (khẳng định, đề nghị, nhấn mạnh, …) is used as it is; any other gets
 * "cho biết". Key points of a slot without a speaker are left out (no one to attribute them to) and noted.
 */
function remarks(facts: PressFacts, language: PressLanguage, notes: string[], named: Introduced): Paragraph[] {
  const place = eventPlaceVi[facts.event.kind];
  const placeEn = eventNounEn[facts.event.kind];
  const out: Paragraph[] = proceedings(facts, language);
  const slots = facts.speeches
    .map((s, i) => ({ s, i, speaker: speakerOf(facts, i) }))
    .filter(({ s, i, speaker }) => {
      const points = s.keyPoints.map(cleanText).filter(Boolean);
      if (points.length && !speaker && !nonEmpty(s.subjectVi))
        notes.push(`speeches[${i}] (agenda item ${s.agendaItemId}): ${points.length} key point(s) without a speaker were left out`);
      return points.length > 0 && speaker !== null;
    })
    .sort((x, y) => x.speaker!.rank - y.speaker!.rank || x.i - y.i);
  const introduced = new Set<string>();
  const remarksBefore = out.length;
  for (const { s, i, speaker } of slots) {
    const sp = speaker!;
    s.keyPoints.forEach((raw, j) => {
      const point = cleanText(raw);
      if (!point) return;
      const factList = [fact(`speeches[${i}].keyPoints[${j}]`, point), ...sp.facts];
      const first = !introduced.has(sp.key);
      introduced.add(sp.key);
      // Named before (attendance, chair, signing): the first remark uses the name alone, the full titles were given once.
      const namedBefore = sp.dignitaryId !== null && named.has(sp.dignitaryId);
      if (language === "vi") {
        const predicate = remarkPredicateVi(point);
        factList.push(predicate.verb ? `verb: from the key point` : `verb: "cho biết" added (the key point starts with no reporting verb)`);
        const who = namedBefore ? sp.nameVi : sp.inlineVi;
        const subject = first ? `${out.length === remarksBefore ? "Tại" : "Cũng tại"} ${place}, ${md(who)}` : md(capitalizeFirst(sp.shortVi));
        out.push(para("remarks", `${subject} ${md(endSentence(predicate.text))}`, factList));
      } else {
        const head = sp.english.split(",")[0]?.trim() || sp.english;
        const who = namedBefore ? head : subjectEn(sp.english);
        const subject = first ? `${out.length === remarksBefore ? "At" : "Also at"} ${placeEn}, ${md(who)} spoke` : `${md(capitalizeFirst(head))} also spoke`;
        out.push(para("remarks", `${subject} ${UNTRANSLATED_EN}: ${md(endSentence(point))}`, factList, true));
      }
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Photos and credits

function photoParagraphs(facts: PressFacts, language: PressLanguage, notes: string[]): Paragraph[] {
  return facts.photos.map((photo, i) => {
    const vi = nonEmpty(photo.captionVi);
    const en = nonEmpty(photo.captionEn);
    const factList = [fact(`photos[${i}].id`, photo.id)];
    let caption = "";
    let needsTranslation = false;
    if (language === "en" && en) {
      caption = en;
      factList.push(fact(`photos[${i}].captionEn`, en));
    } else if (vi) {
      factList.push(fact(`photos[${i}].captionVi`, vi));
      if (language === "en") {
        caption = `${vi} ${UNTRANSLATED_EN}`;
        needsTranslation = true;
      } else caption = vi;
    } else {
      notes.push(`photos[${i}] (${photo.id}) has no caption`);
    }
    return para("photo", `![${md(caption)}](photo:${encodeURIComponent(photo.id)})`, factList, needsTranslation);
  });
}

/** "Ảnh: A, B" / "Photos: A, B" — the photographers, once each, in gallery order (PRESS-STYLE 6). */
function credits(facts: PressFacts, language: PressLanguage): Paragraph | null {
  const names: string[] = [];
  const factList: string[] = [];
  facts.photos.forEach((p, i) => {
    // A credit typed with its label ("Ảnh: Đặng Anh") must not print "Ảnh: Ảnh: Đặng Anh".
    const credit = nonEmpty((p.credit ?? "").replace(/^\s*(?:ảnh|photos?|credit)\s*:\s*/iu, ""));
    if (!credit) return;
    factList.push(fact(`photos[${i}].credit`, credit));
    if (!names.some((n) => n.toLocaleLowerCase("vi") === credit.toLocaleLowerCase("vi"))) names.push(credit);
  });
  if (names.length === 0) return null;
  const label = language === "vi" ? "Ảnh" : names.length === 1 && factList.length === 1 ? "Photo" : "Photos";
  return para("photo", `${label}: ${names.map(md).join(", ")}`, factList);
}

// ---------------------------------------------------------------------------------------------------------

export interface DraftOptions {
  /** The instance's glossary for English drafts; absent = the built-in one. */
  glossary?: Glossary;
}

/** The press summary of an event, in Vietnamese or English, from its facts alone. */
export function draftPressSummary(facts: PressFacts, language: PressLanguage, options: DraftOptions = {}): PressDraft {
  const previous = { glossary, untranslatedTerms };
  glossary = options.glossary ?? defaultGlossary;
  untranslatedTerms = [];
  try {
    return draftWith(facts, language);
  } finally {
    glossary = previous.glossary;
    untranslatedTerms = previous.untranslatedTerms;
  }
}

function draftWith(facts: PressFacts, language: PressLanguage): PressDraft {
  const notes: string[] = [];
  const programme = programmeOf(facts);
  const title = headline(facts, language, programme);
  const introduced: Introduced = new Set();
  const ceremony = usesCeremonyModel(facts);
  const attendancePart = ceremony ? ceremonyAttendance(facts, language, introduced) : attendance(facts, language, introduced);
  const signingPart = ceremony ? signingParagraph(facts, language, introduced) : null;
  const sections: Section[] = [
    [lead(facts, language, programme)],
    attendancePart ? [attendancePart] : [],
    [...(signingPart ? [signingPart] : []), ...content(facts, language)],
    remarks(facts, language, notes, introduced),
  ].filter((s) => s.length > 0);
  const photos = photoParagraphs(facts, language, notes);
  const body: Paragraph[] = [];
  sections.forEach((section, i) => {
    body.push(...section);
    const photo = photos[i];
    if (photo) body.push(photo);
    if (i === sections.length - 1) body.push(...photos.slice(sections.length));
  });
  const credit = credits(facts, language);
  if (credit) body.push(credit);

  const byline = language === "en" ? bylineEn(nonEmpty(facts.byline)) : nonEmpty(facts.byline);
  if (language === "en") {
    // Addresses come composed from the facts; what of them the glossary could not translate is listed too.
    for (const d of facts.dignitaries) {
      if (d.englishAddress.includes(UNTRANSLATED_EN)) noteUntranslated(glossary.addressEn(d).untranslated);
    }
  }
  const sources: PressSource[] = [title, ...body];
  if (byline) sources.push({ text: byline, part: "byline", facts: [fact("byline", byline)] });
  const draft: PressDraft = {
    title: title.text,
    byline,
    body: body.map((p) => p.text).join("\n\n"),
    sources,
  };
  if (notes.length) draft.notes = notes;
  if (language === "en" && untranslatedTerms.length) draft.untranslatedTerms = [...untranslatedTerms];
  return draft;
}
