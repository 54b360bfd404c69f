/**
 * Small pieces of Vietnamese and English newsroom phrasing used by the drafter (draft.ts). Pure; no markdown
 * here (escaping is the drafter's job, app/domain/press/escape.ts).
 */
import type { PressFacts } from "./types";

export type EventKind = PressFacts["event"]["kind"];

/** "A", "A và B", "A, B và C". */
export function joinVi(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} và ${items.at(-1)}`;
}

/** "A", "A and B", "A, B and C" (newsroom style: no serial comma). */
export function joinEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

/**
 * Lower case, NFC, single spaces: for matching the start of a text against a list of Vietnamese words. Diacritics
 * are kept on purpose — folding them away would read "giáo dục" as the verb "giao", "Lê" as "lễ", "đang" as "Đảng".
 * Both tone placements ("thỏa/hòa/ủy" and "thoả/hoà/uỷ") give the same result: a tone on o/u before a final a/y
 * moves to the a/y. Only for comparing: texts and phrases both go through it.
 */
export function wordsOf(text: string): string {
  return text
    .normalize("NFD")
    .toLocaleLowerCase("vi")
    .replace(/\s+/gu, " ")
    .trim()
    .replace(/([ou])([\u0300\u0301\u0303\u0309\u0323])([ay])(?=$|[^\p{L}])/gu, "$1$3$2")
    .normalize("NFC");
}

/** The text starts with one of the phrases, as whole words. */
export function startsWithPhrase(text: string, phrases: readonly string[]): string | null {
  const words = wordsOf(text);
  return (
    phrases.find((phrase) => {
      const p = wordsOf(phrase);
      return words === p || words.startsWith(`${p} `) || words.startsWith(`${p}:`) || words.startsWith(`${p},`);
    }) ?? null
  );
}

function isUpper(c: string): boolean {
  return c !== c.toLocaleLowerCase("vi") && c === c.toLocaleUpperCase("vi");
}

/**
 * Institutions (lower case, wordsOf) that Vietnamese writes with a capital in the middle of a sentence although their second word is
 * lower case ("Tỉnh ủy", "Chính phủ"): a text starting with one keeps its capital.
 */
const PROPER_STARTS = ["đảng", "nhà nước", "chính phủ", "quốc hội", "trung ương", "tỉnh ủy", "thành ủy", "huyện ủy", "bác hồ", "mặt trận"];

/**
 * The first letter in lower case, for a title or remark that runs on inside a sentence ("Hội nghị tổng kết" →
 * "hội nghị tổng kết"), unless the text starts with a proper name: an acronym ("UBND tỉnh"), a name whose next
 * word is capitalised ("Sở Giáo dục …", "Ban Tuyên giáo …"), or one of PROPER_STARTS ("Tỉnh ủy …").
 */
export function lowerFirstInSentence(text: string): string {
  const words = text.split(" ");
  const first = words[0] ?? "";
  if (first.length === 0 || !isUpper(first.charAt(0))) return text;
  if (first.length > 1 && isUpper(first.charAt(1))) return text;
  const second = words[1];
  if (second && isUpper(second.charAt(0))) return text;
  if (startsWithPhrase(text, PROPER_STARTS)) return text;
  return first.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

/** The text ends a sentence: no trailing comma/semicolon, a full stop unless it ends with . ! ? … */
export function endSentence(text: string): string {
  const trimmed = text.replace(/[\s,;:]+$/u, "");
  return /[.!?…]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * Verbs that report speech, as a key point may start ("khẳng định …", "đề nghị …"): such a point is used as it is.
 * Matched as whole words at the start, diacritics included (wordsOf).
 */
const REPORTING_VERBS = [
  "khẳng định",
  "đề nghị",
  "nhấn mạnh",
  "cho biết",
  "yêu cầu",
  "đánh giá",
  "chỉ đạo",
  "bày tỏ",
  "mong muốn",
  "đề xuất",
  "kiến nghị",
  "chúc mừng",
  "ghi nhận",
  "biểu dương",
  "lưu ý",
  "nêu rõ",
  "chia sẻ",
  "cảm ơn",
  "tin tưởng",
  "kêu gọi",
  "quán triệt",
  "báo cáo",
  "trình bày",
  "phân tích",
  "nhận định",
  "hoan nghênh",
  "tán thành",
  "đồng tình",
  "tuyên bố",
  "thông báo",
  "nhắc lại",
  "hy vọng",
  "hi vọng",
  "cam kết",
  "đồng ý",
  "thông tin",
  "phát biểu",
  "giao",
];

/** The reporting verb a key point starts with, or null. */
export function startingReportingVerb(text: string): string | null {
  return startsWithPhrase(text, REPORTING_VERBS);
}

/**
 * A key point as it runs after the speaker: one that starts with a reporting verb keeps it (its first letter in
 * lower case: "Khẳng định …" → "khẳng định …"); any other gets the neutral "cho biết" ("said"), the one verb
 * that claims nothing about the tone of the remark.
 */
export function remarkPredicateVi(point: string): { text: string; verb: string | null } {
  const verb = startingReportingVerb(point);
  if (verb) return { text: point.charAt(0).toLocaleLowerCase("vi") + point.slice(1), verb };
  return { text: `cho biết ${lowerFirstInSentence(point)}`, verb: null };
}

/** "Về phía Tỉnh ủy" → "Tỉnh ủy"; "Tỉnh ủy" stays. */
export function delegationLabel(delegation: string): string {
  return delegation.replace(/^\s*về\s+phía\s+/iu, "").trim();
}

/** The event as the sentence names it, by kind: "Dự lễ ký kết có …", "… tới dự hội nghị." */
export const eventNounVi: Record<EventKind, string> = {
  signing_ceremony: "lễ ký kết",
  conference: "hội nghị",
  meeting: "cuộc họp",
  reception: "buổi chiêu đãi",
  other: "sự kiện",
};

/** Where the remarks were made: "Tại buổi lễ, …", "Tại hội nghị, …". */
export const eventPlaceVi: Record<EventKind, string> = {
  signing_ceremony: "buổi lễ",
  conference: "hội nghị",
  meeting: "cuộc họp",
  reception: "buổi chiêu đãi",
  other: "sự kiện",
};

export const eventNounEn: Record<EventKind, string> = {
  signing_ceremony: "the ceremony",
  conference: "the conference",
  meeting: "the meeting",
  reception: "the reception",
  other: "the event",
};

export const eventIndefiniteEn: Record<EventKind, string> = {
  signing_ceremony: "a signing ceremony",
  conference: "a conference",
  meeting: "a meeting",
  reception: "a reception",
  other: "an event",
};

/**
 * First words of a title that already names an event ("Hội nghị …", "Lễ …", "Cuộc họp …"), lower case. A title that
 * starts otherwise gets the kind's noun in the lead: "tổ chức hội nghị “Chuyển đổi số …”".
 */
const EVENT_TITLE_STARTS = [
  "lễ",
  "hội nghị",
  "hội thảo",
  "hội thi",
  "cuộc họp",
  "họp",
  "buổi",
  "tọa đàm",
  "diễn đàn",
  "chương trình",
  "ngày hội",
  "đại hội",
  "tiệc",
  "chiêu đãi",
  "cuộc thi",
  "triển lãm",
  "sự kiện",
  "ký kết",
  "gặp mặt",
  "giao lưu",
  "tổng kết",
  "sơ kết",
  "khai mạc",
  "bế mạc",
  "tập huấn",
];

export function titleNamesAnEvent(title: string): boolean {
  return startsWithPhrase(title, EVENT_TITLE_STARTS) !== null;
}

/** A date at the end of a title: " ngày 19/10/2017", " - 19/10", " (19/10/2017)". */
const TRAILING_DATE = /[\s,–-]*\(?\s*(?:ngày\s*)?\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\s*\)?\s*$/iu;

/** The title without a date at its end (a headline carries no date). */
export function withoutTrailingDate(title: string): string {
  const stripped = title.replace(TRAILING_DATE, "").trim();
  return stripped || title;
}

const PERIOD_SUFFIX = /\s+(?:giai\s+đoạn|thời\s+kỳ|nhiệm\s+kỳ|năm)\s+\d{4}(?:\s*[–-]\s*\d{4})?\s*$|\s*\(?\s*\d{4}\s*[–-]\s*\d{4}\s*\)?\s*$/iu;

export interface ProgrammeParts {
  /** "chương trình phối hợp công tác" — without "Lễ ký kết", the party list and the period; lower-case start. */
  core: string;
  /** "giai đoạn 2017 – 2020" as written in the title, or null. */
  periodText: string | null;
}

/**
 * Splits an agreement's title ("Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào
 * tạo giai đoạn 2017 – 2020") into what it is ("chương trình phối hợp công tác") and its period. The party list
 * after "giữa" is dropped: the lead names the parties already (as hosts, or as "giữa A, B và C" built from the
 * data). Known party names are removed exactly, so words after the list survive ("… giữa A và B về công tác
 * tuyên truyền" keeps "về công tác tuyên truyền"); when the names after "giữa" are not the parties' names as
 * stored (an abbreviation), everything from "giữa" on is taken as the list.
 */
export function programmeParts(title: string, partyNames: readonly string[]): ProgrammeParts {
  let text = title.trim().replace(/^(?:lễ\s+)?ký\s+kết\s+/iu, "");
  let periodText: string | null = null;
  const period = PERIOD_SUFFIX.exec(text);
  if (period && period.index > 0) {
    periodText = period[0].trim().replace(/^\(|\)$/gu, "").trim();
    text = text.slice(0, period.index).trim();
  }
  const between = /\s+giữa\s+/iu.exec(text);
  if (between) {
    const before = text.slice(0, between.index).trim();
    const rest = removePartyList(text.slice(between.index + between[0].length), partyNames);
    text = rest === null ? before : `${before} ${rest}`.trim();
  }
  return { core: lowerFirstInSentence(text.replace(/[\s,;:.]+$/u, "")), periodText };
}

/** What follows the party list, or null when the list could not be recognised (then it runs to the end). */
function removePartyList(text: string, partyNames: readonly string[]): string | null {
  const names = [...partyNames].map((n) => n.trim()).filter(Boolean).sort((a, b) => b.length - a.length);
  let rest = text;
  let matched = 0;
  for (;;) {
    const lower = rest.toLocaleLowerCase("vi");
    const name = names.find((n) => lower.startsWith(n.toLocaleLowerCase("vi")));
    if (!name) break;
    matched++;
    rest = rest.slice(name.length);
    const separator = /^\s*(?:,\s*(?:và\s+|với\s+)?|\s+và\s+|\s+với\s+)/iu.exec(rest);
    if (!separator) break;
    rest = rest.slice(separator[0].length);
  }
  if (matched === 0) return null;
  return rest.trim();
}

/**
 * English names of common kinds of agreement, from the start of the Vietnamese title. Only these fixed
 * phrases are translated; an unknown kind is called "an agreement".
 */
const AGREEMENT_KINDS_EN: [string, string][] = [
  ["chương trình phối hợp", "coordination programme"],
  ["chương trình hợp tác", "cooperation programme"],
  ["quy chế phối hợp", "coordination regulation"],
  ["quy chế kết nghĩa", "twinning regulation"],
  ["thỏa thuận kết nghĩa", "twinning agreement"],
  ["kế hoạch phối hợp", "coordination plan"],
  ["thỏa thuận hợp tác", "cooperation agreement"],
  ["biên bản ghi nhớ", "memorandum of understanding"],
  ["nghị quyết liên tịch", "joint resolution"],
  ["hợp đồng", "contract"],
  ["thỏa thuận", "agreement"],
];

export function agreementKindEn(core: string): string {
  const vi = startsWithPhrase(core, AGREEMENT_KINDS_EN.map(([v]) => v));
  return AGREEMENT_KINDS_EN.find(([v]) => v === vi)?.[1] ?? "agreement";
}

/** "coordination programmes", "memoranda of understanding". */
export function pluralEn(noun: string): string {
  if (/^memorandum\b/u.test(noun)) return noun.replace(/^memorandum/u, "memoranda");
  if (/[^aeiou]y$/u.test(noun)) return `${noun.slice(0, -1)}ies`;
  return noun.endsWith("s") ? noun : `${noun}s`;
}

/** "a coordination programme", "an agreement". */
export function withArticleEn(noun: string): string {
  return /^[aeiou]/iu.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** "hai bên", "ba bên", "các bên": how many parties agreed. */
export function partiesWordVi(count: number): string {
  if (count === 2) return "hai bên";
  if (count === 3) return "ba bên";
  return "các bên";
}

/** "the two sides", "the three sides", "the parties". */
export function partiesWordEn(count: number): string {
  if (count === 2) return "the two sides";
  if (count === 3) return "the three sides";
  return "the parties";
}
