/**
 * English drafts of ceremonies unlike the seed (issue 14): no Vietnamese word outside personal names, place names
 * and the passages flagged "(in Vietnamese, to be translated)". Addresses are composed by the glossary, as the
 * dignitaries service does.
 */
import { describe, expect, it } from "vitest";
import { defaultGlossary } from "../glossary/translate";
import { UNTRANSLATED_EN } from "../glossary/types";
import type { CeremonyRole } from "../ceremony/types";
import { draftPressSummary } from "./draft";
import type { PressDignitary, PressFacts, PressOrganization, PressSide } from "./types";

const ZONE = "Asia/Ho_Chi_Minh";
const hcm = (local: string) => new Date(`${local}:00+07:00`);
const org = (id: string, nameVi: string): PressOrganization => ({ id, nameVi, nameEn: null });
const side = (id: string, kind: PressSide["kind"], organization: PressOrganization | null, order: number): PressSide => ({
  id, kind, organization, labelVi: null, labelEn: null, order,
});
function person(id: string, honorific: string, name: string, positions: string[], sideId: string, roles: CeremonyRole[] = []): PressDignitary {
  return {
    id, invitationId: `i-${id}`, honorific, name, positions, delegation: null, organization: null, sideId, roles,
    englishAddress: defaultGlossary.addressEn({ honorific, name, positions }).en,
  };
}

/** Words with Vietnamese letters or common unaccented Vietnamese words, once names and flagged passages are out. */
function vietnameseWords(text: string, names: string[]): string[] {
  let rest = text;
  // Flagged passages: “…” (in Vietnamese, to be translated), or a paragraph-final quotation marked so.
  rest = rest.replace(/“[^”]*”\s*\(in Vietnamese, to be translated\)/gu, " ").replace(/\(in Vietnamese, to be translated\): [^\n]*/gu, " ");
  for (const n of [...names].sort((a, b) => b.length - a.length)) rest = rest.split(n).join(" ");
  const places = ["Thái Bình", "Nam Định", "Vũ Thư", "Kiến Xương", "Đà Nẵng", "Hải Phòng", "Quảng Ninh"];
  for (const p of places) rest = rest.split(p).join(" ");
  return rest
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .filter((w) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/iu.test(w) || /^(va|cua|tai|cac|tinh|huyen|uy|ban|hoi|nghi|truong)$/iu.test(w));
}

// A regulation between a provincial People's Committee and a ministry, in Hanoi, a general with degrees.
const ubnd = org("ubnd", "UBND tỉnh Nam Định");
const bca = org("bca", "Bộ Công an");
const ministry: PressFacts = {
  event: {
    id: "e1", title: "Lễ ký kết quy chế phối hợp", kind: "signing_ceremony", startsAt: hcm("2024-03-12T09:00"), endsAt: hcm("2024-03-12T11:00"),
    timeZone: ZONE, venueName: "Hà Nội", venueRoom: null, venueAddress: null, description: null,
  },
  hosts: [ubnd, bca],
  sides: [side("s1", "host", ubnd, 1), side("s2", "guest", bca, 2)],
  documents: [{ id: "d1", kind: "regulation", title: "Quy chế phối hợp", periodStart: 2024, periodEnd: 2028, aims: "tăng cường bảo đảm an ninh trật tự", parties: [ubnd, bca], partySideIds: ["s1", "s2"] }],
  dignitaries: [
    person("a", "Đại tướng, GS,TS", "Tô Lâm", ["Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Công an"], "s2", [{ kind: "chair" }]),
    person("b", "đồng chí", "Phạm Đình Nghị", ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh Nam Định"], "s1", [{ kind: "signatory", documentId: "d1", sideId: "s1" }]),
    person("c", "Thiếu tướng", "Lê Văn Sao", ["Giám đốc Công an tỉnh Nam Định"], "s2", [{ kind: "signatory", documentId: "d1", sideId: "s2" }]),
    person("d", "PGS.TS", "Trần Thị Hà", ["Phó Chủ tịch UBND tỉnh Nam Định"], "s1"),
  ],
  groupLines: [],
  speeches: [{ agendaItemId: "a1", dignitaryId: "a", speakerName: null, keyPoints: ["đề nghị hai bên phối hợp chặt chẽ"] }],
  photos: [],
  byline: "Phóng viên Minh Anh",
  publishedOn: hcm("2024-03-12T18:00"),
};

// A district twinning in a provincial hall, no English names anywhere.
const vuThu = org("vt", "Huyện ủy Vũ Thư");
const kienXuong = org("kx", "Huyện ủy Kiến Xương");
const twinning: PressFacts = {
  ...ministry,
  event: { ...ministry.event, id: "e2", title: "Lễ ký kết kết nghĩa", venueName: "Hội trường Tỉnh ủy Thái Bình", startsAt: hcm("2023-10-19T14:00"), endsAt: hcm("2023-10-19T16:00") },
  hosts: [vuThu, kienXuong],
  sides: [side("s1", "host", vuThu, 1), side("s2", "guest", kienXuong, 2)],
  documents: [{ id: "d1", kind: "regulation", title: "Quy chế kết nghĩa", periodStart: null, periodEnd: null, aims: null, parties: [vuThu, kienXuong], partySideIds: ["s1", "s2"] }],
  dignitaries: [
    person("a", "đồng chí", "Nguyễn Khắc Thận", ["Bí thư Tỉnh ủy"], "s0", [{ kind: "witness" }]),
    person("b", "đồng chí", "Hà Văn Vinh", ["Bí thư Huyện ủy Vũ Thư"], "s1", [{ kind: "signatory", documentId: "d1", sideId: "s1" }]),
    person("c", "ông", "Đỗ Văn Tuấn", ["Bí thư Huyện ủy Kiến Xương"], "s2", [{ kind: "signatory", documentId: "d1", sideId: "s2" }]),
    person("d", "Đại tá", "Bùi Quang Huy", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"], "s1"),
  ],
  speeches: [],
  byline: "Bài và ảnh: Thu Hà",
  publishedOn: hcm("2024-01-05T09:00"),
};

const names = ["Tô Lâm", "Phạm Đình Nghị", "Lê Văn Sao", "Trần Thị Hà", "Minh Anh", "Nguyễn Khắc Thận", "Hà Văn Vinh", "Đỗ Văn Tuấn", "Bùi Quang Huy", "Thu Hà"];

describe("English drafts of ceremonies unlike the seed", () => {
  it.each([
    ["ministry and province, in Hanoi", ministry],
    ["district twinning in a provincial hall", twinning],
  ])("%s: no Vietnamese word outside names and flagged passages", (_label, f) => {
    const d = draftPressSummary(f, "en");
    const text = [d.title, d.body, d.byline ?? ""].join("\n");
    expect(vietnameseWords(text, names)).toEqual([]);
    expect(text).not.toMatch(/Comrade/u);
    expect(d.untranslatedTerms ?? []).toEqual([]);
  });

  it("writes the newsroom forms: headline, 'By', ranks before the name, 'in Hanoi', '12 March'", () => {
    const d = draftPressSummary(ministry, "en");
    expect(d.title).toBe("Nam Định Provincial People's Committee and Ministry of Public Security sign 2024–2028 coordination regulation");
    expect(d.byline).toBe("By Minh Anh");
    expect(d.body).toContain("General Prof. Dr. Tô Lâm, Politburo Member, Minister of Public Security");
    expect(d.body).toContain("Major General Lê Văn Sao, Director of the Nam Định Provincial Police");
    expect(d.body.split("\n\n")[0]).toMatch(/^On the morning of 12 March, .* in Hanoi\.$/u);
    expect(draftPressSummary(twinning, "en").byline).toBe("By Thu Hà");
    expect(draftPressSummary(twinning, "en").body.split("\n\n")[0]).toMatch(/^On the afternoon of 19 October 2023, .* at the Hall of the Thái Bình Provincial Party Committee\.$/u);
  });

  it("lists the terms it could not translate and marks them", () => {
    const f: PressFacts = { ...ministry, dignitaries: [person("x", "đồng chí", "Vũ Văn X", ["Giám đốc Học viện Kỹ thuật Quân sự"], "s2")] };
    const d = draftPressSummary(f, "en");
    expect(d.untranslatedTerms).toEqual(["Học viện Kỹ thuật Quân sự"]);
    expect(d.body).toContain(`Vũ Văn X, Director of the Học viện Kỹ thuật Quân sự ${UNTRANSLATED_EN}`);
    expect(d.sources.find((s) => s.text.includes("Vũ Văn X"))?.needsTranslation).toBe(true);
  });
});
