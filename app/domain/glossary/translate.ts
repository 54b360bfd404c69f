/**
 * English for the terms of Vietnamese protocol, from the glossary: positions composed with their body ("Phó
 * Chủ tịch UBND tỉnh Nam Định" → "Vice Chairman of the Nam Định Provincial People's Committee"), ranks and
 * degrees in every written form ("GS,TS", "GS.TS.", "PGS.TS" → "Prof. Dr.", "Assoc. Prof. Dr."), places ("tỉnh
 * Thái Bình" → "Thái Bình province", "Hà Nội" → "Hanoi"). What the glossary cannot translate is kept as written
 * and marked (UNTRANSLATED_EN), and listed in `untranslated` for the editor to add.
 *
 * Pure: no I/O. Matching folds diacritics and case ("Uỷ"/"Ủy", "UBND"/"Ủy ban nhân dân" are the same term).
 */
import { foldForSearch } from "../text/search";
import { builtinGlossary } from "./builtin";
import { UNTRANSLATED_EN, type GlossaryEntry, type GlossaryKind, type Translation } from "./types";

interface Tok {
  orig: string;
  fold: string;
}

interface Compiled {
  entry: GlossaryEntry;
  toks: string[];
}

/** Abbreviations written in offices, expanded before matching (whole words, case as written). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/(^|[\s(])UBMTTQVN(?=$|[\s,.)])/gu, "$1Ủy ban Mặt trận Tổ quốc Việt Nam"],
  [/(^|[\s(])UBMTTQ(?=$|[\s,.)])/gu, "$1Ủy ban Mặt trận Tổ quốc"],
  [/(^|[\s(])MTTQVN(?=$|[\s,.)])/gu, "$1Mặt trận Tổ quốc Việt Nam"],
  [/(^|[\s(])MTTQ(?=$|[\s,.)])/gu, "$1Mặt trận Tổ quốc"],
  [/(^|[\s(])UBND(?=$|[\s,.)])/gu, "$1Ủy ban nhân dân"],
  [/(^|[\s(])HĐND(?=$|[\s,.)])/gu, "$1Hội đồng nhân dân"],
  [/(^|[\s(])ĐBQH(?=$|[\s,.)])/gu, "$1Đại biểu Quốc hội"],
  [/(^|[\s(])BCHTW(?=$|[\s,.)])/gu, "$1Ban Chấp hành Trung ương"],
  [/(^|[\s(])BCH(?=$|[\s,.)])/gu, "$1Ban Chấp hành"],
  [/(^|[\s(])BTV(?=$|[\s,.)])/gu, "$1Ban Thường vụ"],
  [/(^|[\s(])(?:TW|TƯ|T\.Ư\.?|T\.W\.?)(?=$|[\s,.)])/gu, "$1Trung ương"],
  [/(^|[\s(])QH(?=$|[\s,.)])/gu, "$1Quốc hội"],
  [/(^|[\s(])LĐLĐ(?=$|[\s,.)])/gu, "$1Liên đoàn Lao động"],
  [/(^|[\s(])(?:GD&ĐT|GD-ĐT|GDĐT|GD và ĐT)(?=$|[\s,.)])/gu, "$1Giáo dục và Đào tạo"],
  [/(^|[\s(])(?:KH&CN|KHCN|KH-CN)(?=$|[\s,.)])/gu, "$1Khoa học và Công nghệ"],
  [/(^|[\s(])(?:KH&ĐT|KHĐT|KH-ĐT)(?=$|[\s,.)])/gu, "$1Kế hoạch và Đầu tư"],
  [/(^|[\s(])(?:VH,TT&DL|VHTTDL|VH-TT-DL|VHTT&DL)(?=$|[\s,.)])/gu, "$1Văn hóa, Thể thao và Du lịch"],
  [/(^|[\s(])(?:LĐ-TB&XH|LĐTBXH|LĐ,TB&XH)(?=$|[\s,.)])/gu, "$1Lao động - Thương binh và Xã hội"],
  [/(^|[\s(])(?:TN&MT|TNMT|TN-MT)(?=$|[\s,.)])/gu, "$1Tài nguyên và Môi trường"],
  [/(^|[\s(])(?:NN&PTNT|NNPTNT)(?=$|[\s,.)])/gu, "$1Nông nghiệp và Phát triển nông thôn"],
  [/(^|[\s(])(?:NN&MT|NNMT)(?=$|[\s,.)])/gu, "$1Nông nghiệp và Môi trường"],
  [/(^|[\s(])(?:TT&TT|TTTT)(?=$|[\s,.)])/gu, "$1Thông tin và Truyền thông"],
  [/(^|[\s(])GTVT(?=$|[\s,.)])/gu, "$1Giao thông vận tải"],
  [/(^|[\s(])QĐND(?=$|[\s,.)])/gu, "$1Quân đội nhân dân"],
  [/(^|[\s(])CAND(?=$|[\s,.)])/gu, "$1Công an nhân dân"],
  [/(^|[\s(])BĐBP(?=$|[\s,.)])/gu, "$1Bộ đội Biên phòng"],
  [/(^|[\s(])BCHQS(?=$|[\s,.)])/gu, "$1Bộ Chỉ huy Quân sự"],
  [/(^|[\s(])TAND(?=$|[\s,.)])/gu, "$1Tòa án nhân dân"],
  [/(^|[\s(])VKSND(?=$|[\s,.)])/gu, "$1Viện Kiểm sát nhân dân"],
  [/(^|[\s(])PT-TH(?=$|[\s,.)])/gu, "$1Phát thanh và Truyền hình"],
  [/(^|[\s(])(?:TP\.|TP|Tp\.|Tp)(?=\s)/gu, "$1thành phố"],
];

function expand(text: string): string {
  let out = text.normalize("NFC").replace(/\s+/gu, " ").trim();
  for (const [re, to] of ABBREVIATIONS) out = out.replace(re, to);
  return out;
}

function foldToken(t: string): string {
  return foldForSearch(t).replace(/[^\p{L}\p{N}/]/gu, "");
}

function tokenize(text: string): Tok[] {
  return expand(text)
    .split(" ")
    .map((orig) => ({ orig, fold: foldToken(orig) }))
    .filter((t) => t.fold !== "");
}

function joinOrig(toks: Tok[]): string {
  return toks
    .map((t) => t.orig)
    .join(" ")
    .replace(/^[\s,;:–-]+|[\s,;:–-]+$/gu, "");
}

/** Level words: "tỉnh" → Provincial / province. Matched on the written word, so "quận" is not "quân". */
interface Level {
  words: string[];
  adj: string;
  noun: string;
}
const LEVELS: Level[] = [
  { words: ["thành", "phố"], adj: "City", noun: "city" },
  { words: ["thị", "xã"], adj: "Town", noun: "town" },
  { words: ["thị", "trấn"], adj: "Township", noun: "township" },
  { words: ["đặc", "khu"], adj: "Special Zone", noun: "special zone" },
  { words: ["tỉnh"], adj: "Provincial", noun: "province" },
  { words: ["huyện"], adj: "District", noun: "district" },
  { words: ["quận"], adj: "District", noun: "district" },
  { words: ["xã"], adj: "Commune", noun: "commune" },
  { words: ["phường"], adj: "Ward", noun: "ward" },
];
/** Cities governed by the centre: "thành phố Hà Nội" is "Hanoi", its bodies "Municipal". */
const CENTRAL_CITIES = new Set(["ha noi", "ho chi minh", "hai phong", "da nang", "can tho", "hue"]);

function levelAt(toks: Tok[], i: number): Level | null {
  for (const l of LEVELS) {
    if (l.words.every((w, k) => toks[i + k]?.orig.toLocaleLowerCase("vi").replace(/[,.;:]$/u, "") === w)) return l;
  }
  return null;
}

function isCapitalized(t: Tok | undefined): boolean {
  if (!t) return false;
  const c = t.orig.charAt(0);
  return c !== c.toLocaleLowerCase("vi") || /^\d/u.test(t.orig);
}

export class Glossary {
  private readonly byKind = new Map<GlossaryKind, Compiled[]>();

  /** The built-in entries, then `custom` (an instance's own, which win over a built-in of the same kind and term). */
  constructor(custom: GlossaryEntry[] = [], base: GlossaryEntry[] = builtinGlossary) {
    const map = new Map<string, GlossaryEntry>();
    for (const e of [...base, ...custom]) {
      const key = `${e.kind}:${tokenize(e.vi).map((t) => t.fold).join(" ")}`;
      map.set(key, e);
    }
    for (const entry of map.values()) {
      const toks = tokenize(entry.vi).map((t) => t.fold);
      if (!toks.length) continue;
      const list = this.byKind.get(entry.kind) ?? [];
      list.push({ entry, toks });
      this.byKind.set(entry.kind, list);
    }
    for (const list of this.byKind.values()) list.sort((a, b) => b.toks.length - a.toks.length);
  }

  private prefixes(kind: GlossaryKind, toks: Tok[], from = 0): Compiled[] {
    return (this.byKind.get(kind) ?? []).filter((c) => c.toks.length <= toks.length - from && c.toks.every((f, k) => toks[from + k]!.fold === f));
  }

  private exact(kind: GlossaryKind, toks: Tok[]): GlossaryEntry | null {
    return this.prefixes(kind, toks).find((c) => c.toks.length === toks.length)?.entry ?? null;
  }

  /** A known place, or a level word with a proper name ("tỉnh Thái Bình"); null when it is not a place. */
  private place(toks: Tok[], allowUnknown = false): { en: string; level: Level | null; nameEn: string } | null {
    if (!toks.length) return null;
    const level = levelAt(toks, 0);
    const levelName = level ? toks.slice(level.words.length) : [];
    if (level && levelName.length && isCapitalized(levelName[0])) {
      const nameToks = levelName;
      const known = this.exact("place", nameToks);
      const nameEn = known?.en ?? joinOrig(nameToks);
      const folded = nameToks.map((t) => t.fold).join(" ");
      if (level.noun === "city" && (CENTRAL_CITIES.has(folded) || /\bCity$/u.test(nameEn))) {
        return { en: nameEn, level: { ...level, adj: "Municipal" }, nameEn };
      }
      return { en: `${nameEn} ${level.noun}`, level, nameEn };
    }
    const known = this.exact("place", toks);
    if (known) {
      const folded = toks.map((t) => t.fold).join(" ");
      return { en: known.en, level: CENTRAL_CITIES.has(folded) ? { words: [], adj: "Municipal", noun: "city" } : null, nameEn: known.en };
    }
    if (allowUnknown && toks.every((t) => /^\p{Lu}/u.test(t.orig)) && toks.length <= 4) {
      const name = joinOrig(toks);
      return { en: name, level: null, nameEn: name };
    }
    return null;
  }

  /** "Thái Bình province", "Hanoi", "Vũ Thư district"; null when the text is not a place the glossary knows. */
  placeEn(text: string): string | null {
    return this.place(tokenize(text))?.en ?? null;
  }

  private composeBody(c: Compiled, rest: Tok[]): BodyResult | null {
    let base = c.entry.en;
    let short = c.entry.short ?? null;
    if (base.includes("{Field}")) {
      for (const f of this.prefixes("field", rest)) {
        const r = this.tail(
          base.replace("{Field}", f.entry.en),
          short ? short.replace("{field}", f.entry.short ?? f.entry.en.toLocaleLowerCase("en")) : null,
          rest.slice(f.toks.length),
          false,
        );
        if (r) return r;
      }
      return null;
    }
    if (base.includes("{Name}")) {
      if (!rest.length || !rest.every(isCapitalized)) return null;
      const name = this.place(rest)?.nameEn ?? joinOrig(rest);
      base = base.replace("{Name}", name);
      short = short ? short.replace("{name}", name) : null;
      return { en: base, short, place: null };
    }
    const selfLevelled = /^(tinh|thanh|huyen|quan|thi) (uy|doan)$/u.test(c.toks.join(" "));
    return this.tail(base, short, rest, selfLevelled);
  }

  private tail(base: string, short: string | null, rest: Tok[], selfLevelled: boolean): BodyResult | null {
    const clean = (s: string, adj = "") => s.replace("{Level} ", adj ? `${adj} ` : "").replace("{Level}", adj);
    if (!rest.length) return { en: clean(base), short, place: null };
    if (rest[0]!.fold === "cua") rest = rest.slice(1);
    const level = levelAt(rest, 0);
    if (level) {
      const nameToks = rest.slice(level.words.length);
      if (!nameToks.length) {
        return { en: base.includes("{Level}") ? clean(base, level.adj) : `${level.adj} ${base}`, short, place: null };
      }
      const p = this.place(rest);
      if (p) {
        const adj = p.level?.adj ?? level.adj;
        return { en: base.includes("{Level}") ? `${p.nameEn} ${clean(base, adj)}` : `${p.nameEn} ${base}`, short, place: p.nameEn };
      }
    }
    const p = this.place(rest, selfLevelled);
    if (p) {
      return { en: `${p.nameEn} ${clean(base, p.level?.adj ?? "")}`.replace(/\s+/gu, " "), short, place: p.nameEn };
    }
    if (rest.length === 1 && /^(\d+|[IVXLC]+)$/u.test(rest[0]!.orig)) return { en: `${clean(base)} ${rest[0]!.orig}`, short, place: null, numbered: true };
    const parent = this.body(rest);
    if (parent) return { en: `${clean(base)} of ${parent.numbered ? "" : "the "}${stripThe(parent.en)}`, short, place: parent.place };
    return null;
  }

  private body(toks: Tok[]): BodyResult | null {
    if (!toks.length) return null;
    for (const c of this.prefixes("body", toks)) {
      const r = this.composeBody(c, toks.slice(c.toks.length));
      if (r) return r;
    }
    return null;
  }

  /** An organ or office: "UBND tỉnh Nam Định" → "Nam Định Provincial People's Committee"; null when not known. */
  bodyEn(text: string): { en: string; short: string | null; place: string | null } | null {
    const r = this.body(tokenize(text));
    return r ? { en: r.en, short: r.short, place: r.place } : null;
  }

  /** One position (no commas): exact, or a title composed with its body; else marked. */
  private position(text: string): Translation {
    const toks = tokenize(text);
    const orig = joinOrig(toks);
    if (!toks.length) return { en: "", untranslated: [] };
    const exact = this.exact("position", toks) ?? this.exact("rank", toks);
    if (exact) return { en: exact.en, untranslated: [] };
    const titles = this.prefixes("title", toks);
    for (const t of titles) {
      const rest = toks.slice(t.toks.length);
      if (!rest.length) return { en: t.entry.en, untranslated: [] };
      let b = this.body(rest);
      const implied = t.entry.implies ? tokenize(t.entry.implies) : [];
      if (!b && implied.length && !implied.every((w, k) => rest[k]?.fold === w.fold)) b = this.body([...implied, ...rest]);
      if (b) return { en: composeTitle(t.entry.en, b), untranslated: [] };
    }
    const first = titles[0];
    if (first) {
      const rest = joinOrig(toks.slice(first.toks.length));
      return { en: `${first.entry.en} of the ${rest} ${UNTRANSLATED_EN}`, untranslated: [rest] };
    }
    const b = this.body(toks);
    if (b) return { en: `the ${stripThe(b.en)}`.replace(/^the /u, ""), untranslated: [] };
    return { en: `${orig} ${UNTRANSLATED_EN}`, untranslated: [orig] };
  }

  /**
   * A position as written, possibly several joined by commas or "kiêm": "Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công
   * an" → "Politburo Member, Minister of Public Security". A comma inside a body's name ("Bộ Văn hóa, Thể thao và
   * Du lịch") does not split it.
   */
  positionEn(text: string): Translation {
    const pieces = splitPositions(text, (s) => this.startsPosition(s));
    const parts = pieces.map((p) => this.position(p));
    return { en: parts.map((p) => p.en).filter(Boolean).join(", "), untranslated: parts.flatMap((p) => p.untranslated) };
  }

  private startsPosition(text: string): boolean {
    const toks = tokenize(text);
    return this.prefixes("title", toks).length > 0 || this.prefixes("position", toks).length > 0 || this.prefixes("rank", toks).length > 0;
  }

  /**
   * The words before a name, in every written form: "Đại tướng, GS,TS" → "General Prof. Dr."; "đồng chí" → ""
   * (no "Comrade"); "ông" → "Mr.". Unknown words are kept and marked.
   */
  honorificEn(text: string | null | undefined): Translation {
    const raw = (text ?? "").normalize("NFC").trim();
    if (!raw) return { en: "", untranslated: [] };
    const toks = raw
      .replace(/[.,;]+/gu, " ")
      .split(/\s+/u)
      .filter(Boolean)
      .map((orig) => ({ orig, fold: foldForSearch(orig).replace(/[^\p{L}\p{N}/]/gu, "") }))
      .filter((t) => t.fold);
    const out: string[] = [];
    const unknown: Tok[] = [];
    const untranslated: string[] = [];
    const flush = () => {
      if (!unknown.length) return;
      const vi = unknown.map((t) => t.orig).join(" ");
      out.push(`${vi} ${UNTRANSLATED_EN}`);
      untranslated.push(vi);
      unknown.length = 0;
    };
    let i = 0;
    while (i < toks.length) {
      const hit = [...this.prefixes("honorific", toks, i), ...this.prefixes("rank", toks, i)].sort((a, b) => b.toks.length - a.toks.length)[0];
      if (!hit) {
        unknown.push(toks[i]!);
        i += 1;
        continue;
      }
      flush();
      if (hit.entry.en && !out.includes(hit.entry.en)) out.push(hit.entry.en);
      i += hit.toks.length;
    }
    flush();
    return { en: out.join(" ").replace(/\bProf\. Dr\. Dr\./u, "Prof. Dr."), untranslated };
  }

  /** "Mr. Nguyễn Văn A, Director of …", "General Prof. Dr. Lê B, Minister of …": honorifics before the name. */
  addressEn(p: { honorific: string | null; name: string; positions: string[] }): Translation {
    const h = this.honorificEn(p.honorific);
    const positions = p.positions.map((x) => x.trim()).filter(Boolean).map((x) => this.positionEn(x));
    const head = [h.en, p.name.trim()].filter(Boolean).join(" ");
    return {
      en: [head, ...positions.map((x) => x.en)].filter(Boolean).join(", "),
      untranslated: [...h.untranslated, ...positions.flatMap((x) => x.untranslated)],
    };
  }

  /** An organisation's name: its English when the glossary composes one, else kept and marked. */
  organizationEn(nameVi: string): Translation {
    const b = this.bodyEn(nameVi);
    if (b) return { en: b.en, untranslated: [] };
    const p = this.placeEn(nameVi);
    if (p) return { en: p, untranslated: [] };
    const vi = expand(nameVi);
    return { en: `${vi} ${UNTRANSLATED_EN}`, untranslated: [vi] };
  }

  /**
   * A venue as written ("Hội trường Tỉnh ủy, thành phố Thái Bình"): each comma-separated part translated (a
   * place, an office's hall, a street address kept as a proper name), or kept and marked.
   */
  venueEn(text: string): Translation & { isPlace: boolean } {
    const parts = expand(text)
      .split(/\s*,\s*/u)
      .filter(Boolean);
    const out: string[] = [];
    const untranslated: string[] = [];
    let isPlace = parts.length > 0;
    for (const part of parts) {
      const toks = tokenize(part);
      const place = this.place(toks);
      if (place) {
        out.push(place.en);
        continue;
      }
      isPlace = false;
      const r = this.venuePart(toks);
      if (r) out.push(r);
      else {
        out.push(`${part} ${UNTRANSLATED_EN}`);
        untranslated.push(part);
      }
    }
    return { en: out.join(", "), untranslated, isPlace };
  }

  private venuePart(toks: Tok[]): string | null {
    const exact = this.exact("term", toks) ?? this.exact("body", toks);
    if (exact) return exact.en.replace(/\{Level\} ?/u, "");
    const b = this.body(toks);
    if (b) return b.en;
    // A street address: "12 Lê Lợi", "số 12 đường Lê Lợi": numbers and a proper name.
    const words = toks.filter((t) => !["so"].includes(t.fold));
    if (words.length && /^\d/u.test(words[0]!.orig)) {
      const rest = words.slice(1).filter((t) => !["duong", "pho"].includes(t.fold));
      if (rest.every(isCapitalized)) return `${words[0]!.orig} ${joinOrig(rest)} Street`;
    }
    for (const t of this.prefixes("term", toks)) {
      const rest = toks.slice(t.toks.length);
      const b2 = this.body(rest);
      if (b2) return `${t.entry.en} of the ${stripThe(b2.en)}`;
      const p = this.place(rest);
      if (p) return `${p.nameEn} ${t.entry.en}`;
      // "Hội trường A", "Khách sạn Melia": a short code or a name without Vietnamese letters.
      if (rest.length && rest.every((x) => isCapitalized(x) && foldForSearch(x.orig) === x.orig.toLowerCase())) return `${t.entry.en} ${joinOrig(rest)}`;
    }
    return null;
  }

  /** A fixed term as a whole ("Chụp ảnh lưu niệm" → "Souvenir photo"); null when the glossary has none. */
  termEn(text: string): string | null {
    const toks = tokenize(text);
    return this.exact("term", toks)?.en ?? this.exact("position", toks)?.en ?? null;
  }

  /** "in Hanoi", "in Thái Bình province"; null when the text is not a known place. */
  inPlace(text: string): string | null {
    const p = this.placeEn(text);
    return p ? `in ${p}` : null;
  }
}

interface BodyResult {
  en: string;
  short: string | null;
  place: string | null;
  numbered?: boolean;
}

/** Names English writes without "the": "Director General of Vietnam Television". */
const NO_ARTICLE = /(?:^Vietnam Television$|^Voice of )/u;

function stripThe(s: string): string {
  return s.replace(/^the\s+/u, "");
}

/** "Minister" + "Ministry of Public Security" → "Minister of Public Security"; else "<title> of the <body>". */
function composeTitle(title: string, body: BodyResult): string {
  const en = stripThe(body.en);
  if (/Minister$/u.test(title) && en.startsWith("Ministry of ")) return `${title} of ${en.slice("Ministry of ".length)}`;
  return `${title} of ${body.numbered || NO_ARTICLE.test(en) ? "" : "the "}${en}`;
}

/** Splits "A, B kiêm C" into positions; a piece that does not start a position joins the one before. */
function splitPositions(text: string, startsPosition: (s: string) => boolean): string[] {
  const raw = expand(text)
    .split(/\s*(?:,|;|\bkiêm\b)\s*/u)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (const piece of raw) {
    if (out.length && !startsPosition(piece)) out[out.length - 1] = `${out[out.length - 1]}, ${piece}`;
    else out.push(piece);
  }
  return out;
}

/** "By Nguyễn Văn A": the byline in English, without "Phóng viên" / "PV" / "Bài và ảnh:". */
export function bylineEn(byline: string | null | undefined): string | null {
  const text = (byline ?? "").trim();
  if (!text) return null;
  const name = text
    .replace(/^(?:bài\s+và\s+ảnh|bài\s*,?\s*ảnh|bài|tin|tin\s+và\s+ảnh)\s*:\s*/iu, "")
    .replace(/^(?:nhóm\s+)?(?:phóng\s+viên|pv|ctv|cộng\s+tác\s+viên)\.?\s+/iu, "")
    .replace(/^by\s+/iu, "")
    .trim();
  return name ? `By ${name}` : null;
}

/** The default glossary (built-in entries only), for callers that have no instance glossary at hand. */
export const defaultGlossary = new Glossary();
