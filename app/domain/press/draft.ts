/**
 * The press drafter: a Vietnamese (or English) news report of an event, written from the event's data alone, as
 * ../shared/PRESS-STYLE.md describes and the seed article shows. Pure and deterministic: the same facts give the
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
import { inlineAddress } from "../protocol/address";
import { foldForSearch } from "../text/search";
import { formatDate, formatPeriod, formatTime, leadDateEn, leadDateVi, localYear } from "../dates/phrasing";
import { cleanText, escapeBlockStart, md } from "./escape";
import {
  agreementKindEn,
  capitalizeFirst,
  delegationLabel,
  endSentence,
  eventIndefiniteEn,
  eventNounEn,
  eventNounVi,
  eventPlaceVi,
  joinEn,
  joinVi,
  lowerFirstInSentence,
  partiesWordVi,
  programmeParts,
  remarkPredicateVi,
  startsWithPhrase,
  titleNamesAnEvent,
  withArticleEn,
  withoutTrailingDate,
} from "./phrases";
import type { PressDignitary, PressDraft, PressFacts, PressLanguage, PressOrganization, PressSource } from "./types";

/** Marks Vietnamese text kept in an English draft. */
export const UNTRANSLATED_EN = "(in Vietnamese, to be translated)";

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
  if (needsTranslation) p.needsTranslation = true;
  return p;
}

function nonEmpty(text: string | null | undefined): string | null {
  const cleaned = text == null ? "" : cleanText(text);
  return cleaned || null;
}

// ---------------------------------------------------------------------------------------------------------
// Organisations and people

function orgEn(o: PressOrganization): string {
  const en = nonEmpty(o.nameEn);
  if (!en) return cleanText(o.nameVi);
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

function programmeOf(facts: PressFacts): Programme | null {
  const a = facts.documents[0] ?? null;
  if (!a) return null;
  const partyNamesVi = a.parties.map((p) => cleanText(p.nameVi));
  const { core, periodText } = programmeParts(cleanText(a.title), partyNamesVi);
  return { core, periodText, partyNamesVi };
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
    const title =
      language === "vi"
        ? capitalizeFirst(`ký kết ${programme.core}`)
        : `${capitalizeFirst(agreementKindEn(programme.core))} signed`;
    return {
      text: title,
      part: "headline",
      facts: [fact("agreement.title", cleanText(facts.documents[0]?.title ?? "")), "rule: signing → \"Ký kết\" + the agreement's title without party list and period"],
    };
  }
  const title = withoutTrailingDate(cleanText(facts.event.title));
  const source: Paragraph = { text: title, part: "headline", facts: [fact("event.title", cleanText(facts.event.title))] };
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

function sameOrganizations(a: PressOrganization[], b: PressOrganization[]): boolean {
  const ids = new Set(a.map((o) => o.id));
  return a.length === b.length && b.every((o) => ids.has(o.id));
}

/** The period: from the agreement's years when given, else as the title wrote it. */
function periodOf(facts: PressFacts, programme: Programme): { vi: string | null; en: string | null; facts: string[] } {
  const a = facts.documents[0] ?? null;
  if (a && a.periodStart !== null) {
    const end = a.periodEnd !== null && a.periodEnd !== a.periodStart ? a.periodEnd : null;
    let range: string;
    try {
      range = formatPeriod(a.periodStart, end);
    } catch {
      range = end === null ? String(a.periodStart) : `${a.periodStart} – ${end}`;
    }
    const factList = [fact("agreement.periodStart", a.periodStart)];
    if (a.periodEnd !== null) factList.push(fact("agreement.periodEnd", a.periodEnd));
    return end === null
      ? { vi: `năm ${range}`, en: `for ${range}`, facts: factList }
      : { vi: `giai đoạn ${range}`, en: `for the period ${range}`, facts: factList };
  }
  if (programme.periodText) {
    const years = programme.periodText.match(/\d{4}/gu) ?? [];
    const en = years.length >= 2 ? `for the period ${years[0]} – ${years[1]}` : years.length === 1 ? `for ${years[0]}` : null;
    return { vi: programme.periodText, en, facts: [fact("agreement.title (period)", programme.periodText)] };
  }
  return { vi: null, en: null, facts: [] };
}

/**
 * The lead (PRESS-STYLE 2), one sentence: time of day and date (the year only when the event's local year is
 * not the year of publication, both in the event's time zone), who held it ("A tổ chức", "A phối hợp với B tổ
 * chức", "A phối hợp với B và C tổ chức"; nobody named → "… đã diễn ra …"), what was held (a signing: "lễ ký
 * kết" + the programme, "giữa A, B và C" when the parties are more than two or are not the hosts, and the
 * period; another event: its title, or the kind's noun and the title in quotes when the title does not name an
 * event), and the venue ("tại" + room and venue name, else the address) when known.
 */
function lead(facts: PressFacts, language: PressLanguage, programme: Programme | null): Paragraph {
  const e = facts.event;
  const zone = e.timeZone;
  const publicationYear = localYear(facts.publishedOn, zone);
  const factList = [instantFact("event.startsAt", e.startsAt, zone), instantFact("publishedOn", facts.publishedOn, zone)];
  const hosts = facts.hosts;
  hosts.forEach((h, i) => factList.push(orgFacts(`hosts[${i}]`, h, language)));
  const hostNames = hosts.map((h) => md(orgName(h, language)));
  const venue = venueOf(facts);
  if (venue) factList.push(...venue.facts);
  let needsTranslation = false;

  const a = facts.documents[0] ?? null;
  const between =
    a && programme && a.parties.length >= 2 && (a.parties.length > 2 || !sameOrganizations(a.parties, hosts)) ? a.parties : null;
  if (between) between.forEach((p, i) => factList.push(orgFacts(`agreement.parties[${i}]`, p, language)));

  if (language === "vi") {
    const when = leadDateVi(e.startsAt, zone, publicationYear);
    let what: string;
    if (a && programme) {
      factList.push(fact("agreement.title", cleanText(a.title)));
      const period = periodOf(facts, programme);
      factList.push(...period.facts);
      what = [
        "lễ ký kết",
        md(programme.core),
        between ? `giữa ${joinVi(between.map((p) => md(cleanText(p.nameVi))))}` : "",
        period.vi ? md(period.vi) : "",
      ]
        .filter(Boolean)
        .join(" ");
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

  const when = leadDateEn(e.startsAt, zone, publicationYear);
  let what: string;
  let titled = "";
  if (a && programme) {
    factList.push(fact("agreement.title", cleanText(a.title)));
    const period = periodOf(facts, programme);
    factList.push(...period.facts);
    what = [
      `a ceremony to sign ${withArticleEn(agreementKindEn(programme.core))}`,
      between ? `between ${joinEn(between.map((p) => md(orgEn(p))))}` : "",
      period.en ?? "",
    ]
      .filter(Boolean)
      .join(" ");
  } else {
    factList.push(fact("event.title", cleanText(e.title)), fact("event.kind", e.kind));
    what = eventIndefiniteEn[e.kind];
    titled = `, titled “${md(withoutTrailingDate(cleanText(e.title)))}” ${UNTRANSLATED_EN}`;
    needsTranslation = true;
  }
  const at = venue ? ` at ${md(venue.text)}` : "";
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
function attendance(facts: PressFacts, language: PressLanguage): Paragraph | null {
  const dignitaries = facts.dignitaries;
  if (dignitaries.length === 0) return null;
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

// ---------------------------------------------------------------------------------------------------------
// Content: the agreement's aims

const AGREEING_VERBS = ["thống nhất", "cam kết", "phối hợp", "cùng", "đồng ý", "nhất trí"];

/**
 * The content (PRESS-STYLE 4), one paragraph per paragraph of the agreement's aims (blank lines apart). Aims
 * that already read as sentences — starting with "Nhằm …" (as the seed's) or with a capital — are kept as they
 * are; a fragment ("tăng cường phối hợp …") is framed: "Theo chương trình phối hợp công tác, hai bên thống nhất
 * tăng cường …", a further fragment "Hai bên cũng thống nhất …".
 */
function content(facts: PressFacts, language: PressLanguage, programme: Programme | null): Paragraph[] {
  const a = facts.documents[0] ?? null;
  if (!a || !a.aims) return [];
  const paragraphs = a.aims
    .replace(/\r\n?/gu, "\n")
    .split(/\n\s*\n/u)
    .map(cleanText)
    .filter(Boolean);
  const partyCount = a.parties.length || facts.hosts.length;
  let framed = 0;
  return paragraphs.map((aim, k) => {
    const facts = [fact(`agreement.aims (paragraph ${k + 1} of ${paragraphs.length})`, aim)];
    if (language === "en") {
      const intro = k === 0 ? `The ${agreementKindEn(programme?.core ?? "")}'s aims ${UNTRANSLATED_EN}:` : `It continues ${UNTRANSLATED_EN}:`;
      return para("content", `${intro} ${md(endSentence(aim))}`, facts, true);
    }
    // A fragment starts with a lower-case letter; anything else ("Nhằm …", "Bên cạnh đó, …", "1. …") is a sentence.
    if (startsWithPhrase(aim, ["nhằm"]) || !/^\p{Ll}/u.test(aim)) {
      return para("content", md(endSentence(capitalizeFirst(aim))), facts);
    }
    const who = partiesWordVi(partyCount);
    const agreed = startsWithPhrase(aim, AGREEING_VERBS) ? aim : `thống nhất ${aim}`;
    const text =
      framed++ === 0
        ? `Theo ${md(programme?.core || "thỏa thuận")}, ${who} ${md(endSentence(agreed))}`
        : `${capitalizeFirst(who)} cũng ${md(endSentence(agreed))}`;
    facts.push(fact("agreement.parties (count)", partyCount));
    return para("content", text, facts);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Remarks

interface Speaker {
  key: string;
  inlineVi: string;
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
      inlineVi: inlineVi(d),
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
    inlineVi: name,
    shortVi: name.split(",")[0]?.trim() || name,
    english: nonEmpty(s.speakerEnglish) ?? name,
    facts: [fact(`speeches[${speechIndex}].speakerName`, name)],
    rank: facts.dignitaries.length + speechIndex,
  };
}

/**
 * The remarks (PRESS-STYLE 5): one paragraph per key point, the speakers in precedence order (dignitaries by
 * their place, other speakers after them in agenda order). A speaker's first point introduces them in full —
 * "Tại buổi lễ, đồng chí …, <positions> khẳng định …" ("Cũng tại buổi lễ, …" for the next speaker) —, a further
 * point uses the short form, as the article does: "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị …". A key point
 * that starts with a reporting verb (khẳng định, đề nghị, nhấn mạnh, …) is used as it is; any other gets
 * "cho biết". Key points of a slot without a speaker are left out (no one to attribute them to) and noted.
 */
function remarks(facts: PressFacts, language: PressLanguage, notes: string[]): Paragraph[] {
  const place = eventPlaceVi[facts.event.kind];
  const placeEn = eventNounEn[facts.event.kind];
  const slots = facts.speeches
    .map((s, i) => ({ s, i, speaker: speakerOf(facts, i) }))
    .filter(({ s, i, speaker }) => {
      const points = s.keyPoints.map(cleanText).filter(Boolean);
      if (points.length && !speaker) notes.push(`speeches[${i}] (agenda item ${s.agendaItemId}): ${points.length} key point(s) without a speaker were left out`);
      return points.length > 0 && speaker !== null;
    })
    .sort((x, y) => x.speaker!.rank - y.speaker!.rank || x.i - y.i);
  const introduced = new Set<string>();
  const out: Paragraph[] = [];
  for (const { s, i, speaker } of slots) {
    const sp = speaker!;
    s.keyPoints.forEach((raw, j) => {
      const point = cleanText(raw);
      if (!point) return;
      const factList = [fact(`speeches[${i}].keyPoints[${j}]`, point), ...sp.facts];
      const first = !introduced.has(sp.key);
      introduced.add(sp.key);
      if (language === "vi") {
        const predicate = remarkPredicateVi(point);
        factList.push(predicate.verb ? `verb: from the key point` : `verb: "cho biết" added (the key point starts with no reporting verb)`);
        const subject = first ? `${out.length === 0 ? "Tại" : "Cũng tại"} ${place}, ${md(sp.inlineVi)}` : md(capitalizeFirst(sp.shortVi));
        out.push(para("remarks", `${subject} ${md(endSentence(predicate.text))}`, factList));
      } else {
        const head = sp.english.split(",")[0]?.trim() || sp.english;
        const subject = first ? `${out.length === 0 ? "At" : "Also at"} ${placeEn}, ${md(subjectEn(sp.english))} spoke` : `${md(capitalizeFirst(head))} also spoke`;
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
    const credit = nonEmpty(p.credit);
    if (!credit) return;
    factList.push(fact(`photos[${i}].credit`, credit));
    if (!names.some((n) => n.toLocaleLowerCase("vi") === credit.toLocaleLowerCase("vi"))) names.push(credit);
  });
  if (names.length === 0) return null;
  const label = language === "vi" ? "Ảnh" : names.length === 1 && factList.length === 1 ? "Photo" : "Photos";
  return para("photo", `${label}: ${names.map(md).join(", ")}`, factList);
}

// ---------------------------------------------------------------------------------------------------------

/** The press summary of an event, in Vietnamese or English, from its facts alone. */
export function draftPressSummary(facts: PressFacts, language: PressLanguage): PressDraft {
  const notes: string[] = [];
  const programme = programmeOf(facts);
  const title = headline(facts, language, programme);
  const attendancePart = attendance(facts, language);
  const sections: Section[] = [
    [lead(facts, language, programme)],
    attendancePart ? [attendancePart] : [],
    content(facts, language, programme),
    remarks(facts, language, notes),
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

  const byline = nonEmpty(facts.byline);
  const sources: PressSource[] = [title, ...body];
  if (byline) sources.push({ text: byline, part: "byline", facts: [fact("byline", byline)] });
  const draft: PressDraft = {
    title: title.text,
    byline,
    body: body.map((p) => p.text).join("\n\n"),
    sources,
  };
  if (notes.length) draft.notes = notes;
  return draft;
}
