/**
 * The official invitation letter (Giấy mời) as an administrative document, in parts that the print view and the
 * .docx lay out alike: the issuing body's letterhead (State bodies: the national motto block of Nghị định
 * 30/2020/NĐ-CP; Party bodies: "ĐẢNG CỘNG SẢN VIỆT NAM" and the body under its superior committee with "*", per
 * the Party's own rules), number and symbol, place and date, the title, the addressee, the body (time, venue,
 * programme), the signer and the recipients (Nơi nhận). The English letter has the same parts, translated with
 * the glossary; what it cannot translate is kept and marked.
 *
 * Pure: no I/O. The number and the date of issue are left as dots for the clerk unless given; a time of day is
 * written only when the event has one.
 */
import { formatTime, formatWhen, localDateParts } from "../dates/phrasing";
import { eventInLanguage, honorificInLanguage, inSentenceEn, termOrMarkedEn } from "../glossary/in-language";
import { defaultGlossary, type Glossary } from "../glossary/translate";
import { UNTRANSLATED_EN } from "../glossary/types";
import { capitalizeFirst } from "../text/capitalize";
import { foldForSearch } from "../text/search";

export type LetterLocale = "vi" | "en";
export type BodyKind = "state" | "party";
/** "TM." (thay mặt: for a collective body), "KT." (ký thay: for the head), or none (the head signs). */
export type SignerAuthority = "TM" | "KT" | "";

export interface LetterOrganization {
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
}

export interface LetterEvent {
  title: string;
  titleEn: string | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  startPrecision: "time" | "date";
  venueName: string | null;
  venueNameEn: string | null;
  venueRoom: string | null;
  venueAddress: string | null;
}

export interface LetterAddressee {
  honorific: string | null;
  name: string;
  positions: string[];
  organization: string | null;
}

export interface LetterInput {
  host: LetterOrganization;
  /** The host's parent (the superior body: "cơ quan chủ quản" or the superior Party committee). */
  parent: LetterOrganization | null;
  event: LetterEvent;
  agenda: { startsAt: Date; title: string; titleEn: string | null }[];
  /** One invitee, or null for one letter to many ("Các đại biểu theo danh sách kèm theo"). */
  addressee: LetterAddressee | null;
  /** For the letter to many: the guests of the attached list ("danh sách kèm theo"), in their order. */
  attached?: LetterAddressee[];
  signer: { authority: SignerAuthority; /** whom the signer signs for: "Ban Thường vụ", "Trưởng ban" */ onBehalfOf: string; position: string; name: string };
  /** The symbol after "GM": typed by the organiser, else made from the body's short name. */
  symbol?: string | null;
  /** The place in the date line, else the province of the venue or the host. */
  place?: string | null;
  /** The date of issue, else dots for the clerk. */
  issuedOn?: Date | null;
}

export interface LetterParts {
  locale: LetterLocale;
  kind: BodyKind;
  letterhead: {
    /** Upper lines: the superior body (regular); the issuing body (bold); "*" under a Party body. */
    superior: string | null;
    issuer: string;
    star: boolean;
    /** Right block: the national name (bold) and the motto (bold, underlined), or the Party's name. */
    national: string;
    motto: string | null;
  };
  number: string;
  placeDate: string;
  title: string;
  addressee: string;
  opening: string;
  details: { label: string; text: string }[];
  programmeLabel: string | null;
  programme: { time: string | null; title: string }[];
  closing: string;
  signer: { lines: string[]; name: string };
  recipientsLabel: string;
  recipients: string[];
  /** The letter to many: its attached list (a page of its own), else null. */
  attachedList: { title: string; reference: string; people: string[] } | null;
  /** Vietnamese the English letter kept (marked), for the glossary editor. */
  untranslated: string[];
}

const PARTY_NAME = /^(tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|dang bo|chi bo|ban chap hanh trung uong|bo chinh tri|ban bi thu|van phong trung uong dang|ban .+ (tinh uy|thanh uy|huyen uy|quan uy|thi uy|dang uy|trung uong)|van phong (tinh|thanh|huyen|quan|thi) uy|uy ban kiem tra (tinh|thanh|huyen|quan|thi|dang) uy)\b/u;
const PARTY_COMMITTEE = /\s+(Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+[uủ]ỷ?y?$/iu;

function fold(text: string): string {
  return foldForSearch(text.normalize("NFC")).replace(/\s+/gu, " ").trim();
}

/** "Giấy mời - Lại Văn Hoàn": the letter's file name in its language, before the extension. */
export function letterFileStem(locale: LetterLocale, name: string | null): string {
  return `${locale === "vi" ? "Giấy mời" : "Invitation letter"}${name ? ` - ${name}` : ""}`;
}

/** A Party body by its name: "Tỉnh ủy …", "Ban … Tỉnh ủy", "Đảng ủy …", "Ban Chấp hành Trung ương" … */
export function bodyKind(nameVi: string): BodyKind {
  return PARTY_NAME.test(fold(nameVi)) ? "party" : "state";
}

function upper(text: string): string {
  return text.normalize("NFC").toLocaleUpperCase("vi");
}

/** "Ban Tuyên giáo Tỉnh ủy" under "Tỉnh ủy Thái Bình" is headed "BAN TUYÊN GIÁO": the committee is the line above. */
function partyIssuerName(nameVi: string, hasSuperior: boolean): string {
  return hasSuperior ? nameVi.replace(PARTY_COMMITTEE, "").trim() || nameVi : nameVi;
}

/** A Party committee heading itself is placed under its Party organisation: "Tỉnh ủy Thái Bình" → "ĐẢNG BỘ TỈNH THÁI BÌNH". */
function partyOrganisationOf(nameVi: string): string | null {
  const m = /^(Tỉnh|Thành|Huyện|Quận|Thị)\s+(?:ủy|uỷ)\s+(.+)$/iu.exec(nameVi.normalize("NFC").trim());
  if (!m) return null;
  const level = { tinh: "tỉnh", thanh: "thành phố", huyen: "huyện", quan: "quận", thi: "thị xã" }[fold(m[1]!)] ?? m[1]!;
  return upper(`Đảng bộ ${level} ${m[2]}`);
}

const LEVEL_WORDS = new Set(["tinh", "thanh", "pho", "huyen", "quan", "xa", "phuong", "thi", "tran"]);

/** A word's first letter in capitals without its tone marks ("ủy" → "U"), "đ" kept as "Đ". */
function initial(word: string): string {
  const c = upper(word.charAt(0));
  return c === "Đ" ? c : c.normalize("NFD").replace(/\p{M}/gu, "");
}

/** The symbol after "GM": "Ban Tuyên giáo" under a Tỉnh ủy → "BTGTU", "UBND tỉnh" → "UBND", "Sở GD&ĐT" → "SGDĐT". */
export function symbolOf(host: LetterOrganization, parent: LetterOrganization | null): string {
  const name = (host.shortName?.trim() || host.nameVi).normalize("NFC");
  let out = "";
  for (const word of name.split(/\s+/u)) {
    const clean = word.replace(/[&.,-]/gu, "");
    if (!clean) continue;
    if (out && LEVEL_WORDS.has(fold(clean))) break;
    out += clean === upper(clean) && clean.length > 1 ? clean : initial(clean);
  }
  if (bodyKind(host.nameVi) === "party" && parent && PARTY_COMMITTEE.test(` ${host.nameVi.trim()}`)) {
    const committee = fold(host.nameVi).match(/(tinh|thanh|huyen|quan|thi|dang) uy$/u);
    if (committee && !fold(out).endsWith(committee[1]!.charAt(0) + "u")) out += upper(committee[1]!.charAt(0)) + "U";
  }
  return out;
}

/** The province or city named last in a text: "Thành phố Thái Bình, tỉnh Thái Bình" → "Thái Bình". */
export function placeOf(...texts: (string | null | undefined)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    const matches = [...text.normalize("NFC").matchAll(/(?:^|[\s,(])(?:tỉnh|thành phố|Tỉnh|Thành phố|TP\.?)\s+((?:\p{Lu}\p{Ll}*\s*)+)/gu)];
    const last = matches.at(-1)?.[1]?.trim();
    if (last) return last;
  }
  return null;
}

const DOTS = "…";

function twoDigits(n: number, pad: boolean): string {
  return pad && n < 10 ? `0${n}` : String(n);
}

function placeDateVi(place: string, issuedOn: Date | null | undefined, zone: string): string {
  if (!issuedOn) return `${place}, ngày ${DOTS} tháng ${DOTS} năm ${DOTS}`;
  const [y, m, d] = localDateParts(issuedOn, zone);
  // Nghị định 30/2020: days under 10 and months under 3 are written with a leading 0.
  return `${place}, ngày ${twoDigits(d, true)} tháng ${twoDigits(m, m < 3)} năm ${y}`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function placeDateEn(place: string, issuedOn: Date | null | undefined, zone: string): string {
  if (!issuedOn) return `${place}, date: ${DOTS}`;
  const [y, m, d] = localDateParts(issuedOn, zone);
  return `${place}, ${d} ${MONTHS_EN[m - 1]} ${y}`;
}

/** "Đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh": the honorific with its capital, the name, the positions. */
function addresseeVi(a: LetterAddressee): string {
  const positions = a.positions.map((p) => p.trim()).filter(Boolean);
  const head = [capitalizeFirst(a.honorific?.trim() ?? ""), a.name.trim()].filter(Boolean).join(" ");
  return positions.length ? `${head}, ${positions.join(", ")}` : head;
}

/** Capitals for an English heading line, the untranslated mark left as written. */
function upperEn(text: string): string {
  return text.toLocaleUpperCase("en").split(UNTRANSLATED_EN.toLocaleUpperCase("en")).join(UNTRANSLATED_EN);
}

function venueLine(e: LetterEvent): string {
  return [e.venueRoom, e.venueName, e.venueAddress].map((x) => x?.trim()).filter(Boolean).join(", ");
}

interface Translated {
  text: string;
  untranslated: string[];
}

function orgEn(org: LetterOrganization, glossary: Glossary): Translated {
  if (org.nameEn?.trim()) return { text: org.nameEn.trim(), untranslated: [] };
  const t = glossary.organizationEn(org.nameVi);
  return { text: t.en, untranslated: t.untranslated };
}

/**
 * The signer's position in English. In the letter of a body, "Trưởng ban" / "Phó Giám đốc" mean the head of that
 * body: a position ending in the body's own kind ("ban" of "Ban Tuyên giáo Tỉnh ủy", "sở" of "Sở Tài chính") that
 * the glossary cannot translate alone is read with the body's name ("Phó Trưởng Ban Tuyên giáo Tỉnh ủy" → "Deputy
 * Head of the Propaganda Department of the Provincial Party Committee").
 */
function signerPositionEn(position: string, host: LetterOrganization, glossary: Glossary): { en: string; untranslated: string[] } {
  const alone = glossary.positionEn(position);
  if (alone.untranslated.length === 0) return alone;
  const kind = host.nameVi.trim().split(/\s+/)[0] ?? "";
  const words = position.split(/\s+/);
  if (!kind || words.length < 2 || words.at(-1)!.toLocaleLowerCase("vi") !== kind.toLocaleLowerCase("vi")) return alone;
  const withBody = glossary.positionEn(`${words.slice(0, -1).join(" ")} ${host.nameVi.trim()}`);
  return withBody.untranslated.length === 0 ? withBody : alone;
}

/** The letter's parts in `locale`. */
export function invitationLetter(input: LetterInput, locale: LetterLocale, glossary: Glossary = defaultGlossary): LetterParts {
  const { host, parent, event } = input;
  const kind = bodyKind(host.nameVi);
  const zone = event.timeZone;
  const symbol = input.symbol?.trim() || symbolOf(host, parent);
  const placeVi = input.place?.trim() || placeOf(event.venueAddress, event.venueName, host.nameVi, parent?.nameVi) || DOTS;
  const when = formatWhen(event.startsAt, event.endsAt, zone, locale, event.startPrecision);
  const withTimes = event.startPrecision === "time";
  const untranslated: string[] = [];
  const signerVi = input.signer;

  if (locale === "vi") {
    const superior = parent ? upper(parent.nameVi) : kind === "party" ? partyOrganisationOf(host.nameVi) : null;
    const issuer = upper(kind === "party" ? partyIssuerName(host.nameVi, parent !== null) : host.nameVi);
    const a = input.addressee;
    const addressee = a ? `Kính gửi: ${addresseeVi(a)}` : "Kính gửi: Các đại biểu theo danh sách kèm theo";
    const whom = a ? [a.honorific?.trim(), ""].filter(Boolean).join(" ") || "Quý vị" : "Quý đại biểu";
    const venue = venueLine(event);
    const authorityLine =
      signerVi.authority && signerVi.onBehalfOf.trim() ? `${signerVi.authority}. ${upper(signerVi.onBehalfOf.trim())}` : null;
    return {
      locale,
      kind,
      letterhead: {
        superior,
        issuer,
        star: kind === "party",
        national: kind === "party" ? "ĐẢNG CỘNG SẢN VIỆT NAM" : "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        motto: kind === "party" ? null : "Độc lập - Tự do - Hạnh phúc",
      },
      // The Party's rule writes "Số 15-GM/BTGTU"; the decree "Số: 15/GM-UBND".
      number: kind === "party" ? `Số ${DOTS}-GM/${symbol}` : `Số: ${DOTS}/GM-${symbol}`,
      placeDate: placeDateVi(placeVi, input.issuedOn, zone),
      title: "GIẤY MỜI",
      addressee,
      opening: `${host.nameVi.trim()} trân trọng kính mời ${whom} tới dự ${event.title.trim()}.`,
      details: [
        { label: "Thời gian", text: when },
        ...(venue ? [{ label: "Địa điểm", text: venue }] : []),
      ],
      programmeLabel: input.agenda.length ? "Chương trình" : null,
      programme: input.agenda.map((item) => ({ time: withTimes ? formatTime(item.startsAt, zone) : null, title: item.title.trim() })),
      closing: `Rất mong ${whom} dành thời gian tới dự.`,
      signer: {
        lines: [authorityLine, signerVi.position.trim() ? upper(signerVi.position.trim()) : null].filter((x): x is string => Boolean(x)),
        name: signerVi.name.trim(),
      },
      recipientsLabel: "Nơi nhận:",
      recipients: ["- Như trên;", `- Lưu: VT, ${symbol}.`],
      attachedList: a
        ? null
        : {
            title: "DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI",
            reference: `(Kèm theo Giấy mời ${kind === "party" ? `số ${DOTS}-GM/${symbol}` : `số ${DOTS}/GM-${symbol}`})`,
            people: (input.attached ?? []).map((p) => addresseeVi(p)),
          },
      untranslated,
    };
  }

  const track = (t: { en: string; untranslated: string[] }): string => {
    untranslated.push(...t.untranslated);
    return t.en;
  };
  const hostEn = orgEn(host, glossary);
  untranslated.push(...hostEn.untranslated);
  let superior: string | null = null;
  if (parent) {
    const p = orgEn(parent, glossary);
    untranslated.push(...p.untranslated);
    superior = upperEn(p.text);
  }
  const words = eventInLanguage(
    { title: event.title, titleEn: event.titleEn, venueName: event.venueName, venueNameEn: event.venueNameEn, venueRoom: event.venueRoom, venueAddress: event.venueAddress },
    "en",
    glossary,
  );
  const a = input.addressee;
  const addresseeEn = a ? track(glossary.addressEn({ honorific: a.honorific, name: a.name, positions: a.positions })) : "The guests on the attached list";
  const whom = a ? [honorificInLanguage(a.honorific, "en", glossary), a.name.trim()].filter(Boolean).join(" ") : "you";
  const venue = venueLine({ ...event, venueName: words.venueName, venueRoom: words.venueRoom, venueAddress: words.venueAddress });
  const placeEn = input.place?.trim() || (placeVi === DOTS ? DOTS : (glossary.placeEn(placeVi) ?? placeVi));
  const onBehalf = signerVi.onBehalfOf.trim() ? track(signerPositionEn(signerVi.onBehalfOf.trim(), host, glossary)) : "";
  const authorityLine = signerVi.authority && onBehalf ? `${signerVi.authority === "TM" ? "ON BEHALF OF" : "FOR"} ${upperEn(onBehalf)}` : null;
  const position = signerVi.position.trim() ? upperEn(track(signerPositionEn(signerVi.position.trim(), host, glossary))) : null;
  return {
    locale,
    kind,
    letterhead: {
      superior,
      issuer: upperEn(hostEn.text),
      star: kind === "party",
      national: kind === "party" ? "COMMUNIST PARTY OF VIET NAM" : "SOCIALIST REPUBLIC OF VIET NAM",
      motto: kind === "party" ? null : "Independence - Freedom - Happiness",
    },
    number: kind === "party" ? `No. ${DOTS}-GM/${symbol}` : `No.: ${DOTS}/GM-${symbol}`,
    placeDate: placeDateEn(placeEn, input.issuedOn, zone),
    title: "LETTER OF INVITATION",
    addressee: `To: ${addresseeEn}`,
    opening: `The ${stripThe(hostEn.text)} has the honour to invite ${whom} to attend ${withThe(inSentenceEn(words.title))}.`,
    details: [{ label: "Time", text: when }, ...(venue ? [{ label: "Venue", text: venue }] : [])],
    programmeLabel: input.agenda.length ? "Programme" : null,
    programme: input.agenda.map((item) => ({
      time: withTimes ? formatTime(item.startsAt, zone) : null,
      title: item.titleEn?.trim() || termOrMarkedEn(item.title.trim(), glossary),
    })),
    closing: `We look forward to welcoming ${whom === "you" ? "you" : whom}.`,
    signer: { lines: [authorityLine, position].filter((x): x is string => Boolean(x)), name: signerVi.name.trim() },
    recipientsLabel: "Recipients:",
    recipients: ["- As above;", `- Filed: Office, ${symbol}.`],
    attachedList: a
      ? null
      : {
          title: "LIST OF INVITED GUESTS",
          reference: `(Attached to letter of invitation ${kind === "party" ? `No. ${DOTS}-GM/${symbol}` : `No. ${DOTS}/GM-${symbol}`})`,
          people: (input.attached ?? []).map((p) => track(glossary.addressEn({ honorific: p.honorific, name: p.name, positions: p.positions }))),
        },
    untranslated: [...new Set(untranslated)],
  };
}


function stripThe(text: string): string {
  return text.replace(/^the\s+/iu, "");
}

/** "the …" before a title inside a sentence (a marked Vietnamese title too). */
function withThe(text: string): string {
  return /^the\s/u.test(text) ? text : `the ${text}`;
}
