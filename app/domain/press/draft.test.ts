import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { draftPressSummary, UNTRANSLATED_EN } from "./draft";
import type { PressDignitary, PressDocument, PressDraft, PressFacts, PressOrganization, PressPhoto, PressSpeech } from "./types";

const ZONE = "Asia/Ho_Chi_Minh";
/** A wall time in Hanoi (UTC+7, no daylight saving). */
const hcm = (local: string) => new Date(`${local}:00+07:00`);

const TG: PressOrganization = { id: "o-tg", nameVi: "Ban Tuyên giáo Tỉnh ủy", nameEn: "Propaganda Department of the Provincial Party Committee" };
const GD: PressOrganization = { id: "o-gd", nameVi: "Sở Giáo dục và Đào tạo", nameEn: "Department of Education and Training" };
const YT: PressOrganization = { id: "o-yt", nameVi: "Sở Y tế", nameEn: null };

const CHUYEN: PressDignitary = {
  id: "d-chuyen",
  invitationId: "i-chuyen",
  honorific: "đồng chí",
  name: "Nguyễn Hồng Chuyên",
  positions: ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy"],
  englishAddress: "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department",
  delegation: null,
  organization: "Ban Tuyên giáo Tỉnh ủy",
};

function person(id: string, honorific: string | null, name: string, positions: string[], extra: Partial<PressDignitary> = {}): PressDignitary {
  return {
    id,
    invitationId: `i-${id}`,
    honorific,
    name,
    positions,
    englishAddress: [name, ...positions].join(", "),
    delegation: null,
    organization: null,
    ...extra,
  };
}

function signing(overrides: Partial<PressFacts> = {}, agreement: Partial<PressDocument> = {}): PressFacts {
  return {
    event: {
      id: "e1",
      title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
      kind: "signing_ceremony",
      startsAt: hcm("2017-10-19T14:00"),
      endsAt: hcm("2017-10-19T16:00"),
      timeZone: ZONE,
      venueName: null,
      venueRoom: null,
      venueAddress: null,
      description: null,
    },
    hosts: [TG, GD],
    sides: [],
    documents: [
      {
        id: "doc1",
        kind: "programme",
        title: "Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020",
        periodStart: 2017,
        periodEnd: 2020,
        aims: null,
        parties: [TG, GD],
        partySideIds: [],
        ...agreement,
      },
    ],
    dignitaries: [],
    groupLines: [],
    speeches: [],
    photos: [],
    byline: null,
    publishedOn: hcm("2017-10-19T19:13"),
    ...overrides,
  };
}

function meeting(overrides: Partial<PressFacts["event"]> = {}, facts: Partial<PressFacts> = {}): PressFacts {
  const base = signing({ documents: [], ...facts });
  return { ...base, event: { ...base.event, title: "Hội nghị tổng kết năm học 2016 – 2017", kind: "conference", ...overrides } };
}

const paragraphs = (d: PressDraft) => d.body.split("\n\n");
const part = (d: PressDraft, p: PressDraft["sources"][number]["part"]) => d.sources.filter((s) => s.part === p).map((s) => s.text);
const lead = (facts: PressFacts, language: "vi" | "en" = "vi") => paragraphs(draftPressSummary(facts, language))[0];

function speech(dignitaryId: string | null, keyPoints: string[], extra: Partial<PressSpeech> = {}): PressSpeech {
  return { agendaItemId: `a-${keyPoints[0] ?? "x"}`, dignitaryId, speakerName: null, keyPoints, ...extra };
}

function photo(id: string, captionVi: string | null, extra: Partial<PressPhoto> = {}): PressPhoto {
  return { id, captionVi, captionEn: null, credit: null, ...extra };
}

describe("headline", () => {
  it("names a signing by its agreement without the party list and the period, and without a date", () => {
    expect(draftPressSummary(signing(), "vi").title).toBe("Ký kết chương trình phối hợp công tác");
  });

  it("keeps the words after a party list it recognises, and drops a leading 'Lễ ký kết'", () => {
    const facts = signing({}, { title: "Lễ ký kết Chương trình phối hợp giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo về công tác tuyên truyền năm 2024", periodStart: null, periodEnd: null });
    expect(draftPressSummary(facts, "vi").title).toBe("Ký kết chương trình phối hợp về công tác tuyên truyền");
  });

  it("takes everything from 'giữa' as the list when the names are not the parties' names", () => {
    const facts = signing({}, { title: "Quy chế phối hợp giữa BTG và Sở GD&ĐT" });
    expect(draftPressSummary(facts, "vi").title).toBe("Ký kết quy chế phối hợp");
  });

  it("uses the event's title without a trailing date for another event", () => {
    const d = draftPressSummary(meeting({ title: "Hội nghị tổng kết năm học, ngày 19/10/2017" }), "vi");
    expect(d.title).toBe("Hội nghị tổng kết năm học");
    expect(d.sources[0]).toMatchObject({ part: "headline", text: d.title, facts: ["event.title = Hội nghị tổng kết năm học, ngày 19/10/2017"] });
  });

  it("in English: a specific headline naming the parties as papers do, the period and the kind of agreement (from a fixed list, else 'agreement')", () => {
    expect(draftPressSummary(signing(), "en").title).toBe("Propaganda and education departments sign 2017–2020 coordination programme");
    expect(draftPressSummary(signing({}, { title: "Biên bản ghi nhớ hợp tác", periodStart: null, periodEnd: null }), "en").title).toBe(
      "Propaganda and education departments sign memorandum of understanding",
    );
    expect(draftPressSummary(signing({}, { title: "Văn bản hợp tác toàn diện", periodEnd: null }), "en").title).toBe(
      "Propaganda and education departments sign 2017 agreement",
    );
    const thaiBinh = [
      { id: "tb-tg", nameVi: "Ban Tuyên giáo Tỉnh ủy Thái Bình", nameEn: null },
      { id: "tb-gd", nameVi: "Sở Giáo dục và Đào tạo tỉnh Thái Bình", nameEn: null },
    ];
    expect(draftPressSummary(signing({ hosts: thaiBinh }, { parties: thaiBinh }), "en").title).toBe(
      "Thái Bình propaganda and education departments sign 2017–2020 coordination programme",
    );
    // Parties whose kinds differ are listed; names the glossary has no short form for are written in full.
    expect(draftPressSummary(signing({}, { parties: [TG, YT] }), "en").title).toBe("Propaganda and health departments sign 2017–2020 coordination programme");
    const academy = { id: "hv", nameVi: "Học viện Chính trị quốc gia Hồ Chí Minh", nameEn: null };
    expect(draftPressSummary(signing({}, { parties: [academy, GD] }), "en").title).toBe(
      "Ho Chi Minh National Academy of Politics and Department of Education and Training sign 2017–2020 coordination programme",
    );
  });

  it("in English without an English name for every party: '<Kind> signed'; another event keeps its title, marked", () => {
    const firm = { id: "mp", nameVi: "Công ty TNHH Minh Phát", nameEn: null };
    expect(draftPressSummary(signing({}, { parties: [TG, firm] }), "en").title).toBe("Coordination programme signed");
    expect(draftPressSummary(signing({}, { title: "Biên bản ghi nhớ hợp tác", parties: [firm, GD] }), "en").title).toBe("Memorandum of understanding signed");
    expect(draftPressSummary(signing({}, { title: "Văn bản hợp tác toàn diện", parties: [firm, GD] }), "en").title).toBe("Agreement signed");
    const other = draftPressSummary(meeting(), "en");
    expect(other.title).toBe(`Hội nghị tổng kết năm học 2016 – 2017 ${UNTRANSLATED_EN}`);
    expect(other.sources[0]?.needsTranslation).toBe(true);
    expect(draftPressSummary(meeting({ titleEn: "2016–2017 school year review conference" }), "en").title).toBe("2016–2017 school year review conference");
  });
});

describe("lead: time of day and date", () => {
  it.each([
    ["2017-10-19T08:00", "Sáng ngày 19/10, ", "On the morning of 19 October, "],
    ["2017-10-19T11:30", "Trưa ngày 19/10, ", "At noon on 19 October, "],
    ["2017-10-19T14:00", "Chiều ngày 19/10, ", "On the afternoon of 19 October, "],
    ["2017-10-19T19:00", "Tối ngày 19/10, ", "On the evening of 19 October, "],
  ])("%s in Hanoi → %s", (local, vi, en) => {
    const facts = signing();
    facts.event.startsAt = hcm(local);
    expect(lead(facts)?.startsWith(vi)).toBe(true);
    expect(lead(facts, "en")?.startsWith(en)).toBe(true);
  });

  it("writes the year only when the report is published in another year, in the event's time zone", () => {
    expect(lead(signing({ publishedOn: hcm("2026-01-05T09:00") }))).toMatch(/^Chiều ngày 19\/10\/2017, /u);
    expect(lead(signing({ publishedOn: hcm("2026-01-05T09:00") }), "en")).toMatch(/^On the afternoon of 19 October 2017, /u);
    // 31/12/2017 23:30 UTC is already 1/1/2018 in Hanoi: a report of an event of 2017, published then, writes 2017.
    expect(lead(signing({ publishedOn: new Date("2017-12-31T17:30:00Z") }))).toMatch(/^Chiều ngày 19\/10\/2017, /u);
    expect(lead(signing({ publishedOn: new Date("2017-12-31T16:30:00Z") }))).toMatch(/^Chiều ngày 19\/10, /u);
  });
});

describe("lead: who held what, and where", () => {
  it("two hosts: A phối hợp với B tổ chức …, the programme and its period with an en dash", () => {
    expect(lead(signing())).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
    );
  });

  it("one host: A tổ chức …, and the parties named with 'giữa' when they are not the hosts", () => {
    expect(lead(signing({ hosts: [TG] }))).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy tổ chức lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
    );
  });

  it("three parties: giữa A, B và C; three hosts: A phối hợp với B và C", () => {
    const facts = signing({ hosts: [TG, GD, YT] }, { parties: [TG, GD, YT] });
    expect(lead(facts)).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo và Sở Y tế tổ chức lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy, Sở Giáo dục và Đào tạo và Sở Y tế giai đoạn 2017 – 2020.",
    );
    expect(lead(facts, "en")).toBe(
      "On the afternoon of 19 October, the Propaganda Department of the Provincial Party Committee, in coordination with the Department of Education and Training and the Department of Health, held a ceremony to sign a coordination programme between the Propaganda Department of the Provincial Party Committee, the Department of Education and Training and the Department of Health for the period 2017 – 2020.",
    );
  });

  it("nobody named as host: the event took place, between its parties", () => {
    expect(lead(signing({ hosts: [] }))).toBe(
      "Chiều ngày 19/10, đã diễn ra lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
    );
    const facts = signing({ hosts: [] }, { parties: [] });
    facts.event.venueName = "Hội trường Tỉnh ủy";
    expect(lead(facts)).toBe("Chiều ngày 19/10, tại Hội trường Tỉnh ủy, đã diễn ra lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.");
    expect(lead(facts, "en")).toBe(
      "On the afternoon of 19 October, a ceremony to sign a coordination programme for the period 2017 – 2020 was held at the Hall of the Provincial Party Committee.",
    );
    facts.event.venueName = "Hà Nội";
    expect(lead(facts, "en")).toMatch(/ was held in Hanoi\.$/u);
    facts.event.venueName = "Nhà văn hóa thôn Đông";
    expect(lead(facts, "en")).toMatch(new RegExp(` was held at Nhà văn hóa thôn Đông \\${UNTRANSLATED_EN.slice(0, -1)}\\)\\.$`, "u"));
    expect(draftPressSummary(facts, "en").untranslatedTerms).toEqual(["Nhà văn hóa thôn Đông"]);
    facts.event.venueNameEn = "Đông Village Cultural House";
    expect(lead(facts, "en")).toMatch(/ was held at the Đông Village Cultural House\.$/u);
  });

  it("the venue: room and name when known, else the address, else nothing", () => {
    const facts = signing();
    facts.event.venueRoom = "Hội trường A";
    facts.event.venueName = "Trụ sở Tỉnh ủy";
    facts.event.venueAddress = "12 Lê Lợi";
    expect(lead(facts)).toMatch(/giai đoạn 2017 – 2020 tại Hội trường A, Trụ sở Tỉnh ủy\.$/u);
    facts.event.venueRoom = null;
    facts.event.venueName = "  ";
    expect(lead(facts)).toMatch(/giai đoạn 2017 – 2020 tại 12 Lê Lợi\.$/u);
    facts.event.venueAddress = null;
    expect(lead(facts)).not.toContain("tại");
    expect(lead(facts, "en")).not.toMatch(/ at /u);
  });

  it("a period of one year is 'năm'; without years the title's own period is kept; with none, no period", () => {
    expect(lead(signing({}, { periodStart: 2024, periodEnd: null }))).toContain("lễ ký kết chương trình phối hợp công tác năm 2024.");
    expect(lead(signing({}, { periodStart: 2024, periodEnd: null }), "en")).toContain("a coordination programme for 2024.");
    expect(lead(signing({}, { periodStart: null, periodEnd: null }))).toContain("lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.");
    expect(lead(signing({}, { title: "Chương trình phối hợp công tác", periodStart: null, periodEnd: null }))).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác.",
    );
  });

  it("an event without an agreement: its title when it names an event, else the kind's noun and the title in quotes", () => {
    expect(lead(meeting({}, { hosts: [GD] }))).toBe("Chiều ngày 19/10, Sở Giáo dục và Đào tạo tổ chức hội nghị tổng kết năm học 2016 – 2017.");
    expect(lead(meeting({ title: "Chuyển đổi số trong giáo dục" }, { hosts: [GD] }))).toBe(
      "Chiều ngày 19/10, Sở Giáo dục và Đào tạo tổ chức hội nghị “Chuyển đổi số trong giáo dục”.",
    );
    expect(lead(meeting({ title: "UBND tỉnh gặp mặt doanh nghiệp", kind: "meeting" }, { hosts: [] }))).toBe(
      "Chiều ngày 19/10, đã diễn ra cuộc họp “UBND tỉnh gặp mặt doanh nghiệp”.",
    );
    const en = draftPressSummary(meeting({}, { hosts: [GD] }), "en");
    expect(paragraphs(en)[0]).toBe(
      `On the afternoon of 19 October, the Department of Education and Training held a conference, titled “Hội nghị tổng kết năm học 2016 – 2017” ${UNTRANSLATED_EN}.`,
    );
    expect(en.sources[1]?.needsTranslation).toBe(true);
  });

  it("English: 'the' before English names, the glossary's when there is none, the Vietnamese name marked when it has none", () => {
    expect(lead(signing({ hosts: [YT, { ...TG, nameEn: "The Propaganda Department" }] }), "en")).toMatch(
      /^On the afternoon of 19 October, the Department of Health, in coordination with The Propaganda Department, held /u,
    );
    const firm = { id: "mp", nameVi: "Công ty TNHH Minh Phát", nameEn: null };
    expect(lead(signing({ hosts: [firm, GD] }), "en")).toMatch(
      new RegExp(`^On the afternoon of 19 October, Công ty TNHH Minh Phát \\(in Vietnamese, to be translated\\), in coordination with the Department`, "u"),
    );
  });
});

describe("attendance", () => {
  it("one dignitary: honorific, name and every position, capitalised, 'tới dự' the event by its kind", () => {
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN] }), "vi"), "attendance")).toEqual([
      "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự lễ ký kết.",
    ]);
    expect(part(draftPressSummary(meeting({}, { dignitaries: [CHUYEN] }), "vi"), "attendance")[0]).toMatch(/ tới dự hội nghị\.$/u);
    expect(part(draftPressSummary(meeting({ kind: "meeting" }, { dignitaries: [CHUYEN] }), "vi"), "attendance")[0]).toMatch(/ tới dự cuộc họp\.$/u);
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN] }), "en"), "attendance")).toEqual([
      "Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department, attended the ceremony.",
    ]);
  });

  it("ông/bà at the start of a sentence are capitalised; a military rank stands before the name", () => {
    expect(part(draftPressSummary(signing({ dignitaries: [person("b", "bà", "Lê Thị Hoa", ["Giám đốc Sở Y tế"])] }), "vi"), "attendance")).toEqual([
      "Bà Lê Thị Hoa, Giám đốc Sở Y tế tới dự lễ ký kết.",
    ]);
    expect(part(draftPressSummary(signing({ dignitaries: [person("t", "Thiếu tướng", "Lê Văn Cường", ["Giám đốc Công an tỉnh"])] }), "vi"), "attendance")).toEqual([
      "Thiếu tướng Lê Văn Cường, Giám đốc Công an tỉnh tới dự lễ ký kết.",
    ]);
  });

  it("several comrades: 'có các đồng chí:' with semicolons between people, in the given (precedence) order", () => {
    const second = person("h", "đồng chí", "Trần Văn Hải", ["Giám đốc Sở Giáo dục và Đào tạo"]);
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN, second] }), "vi"), "attendance")).toEqual([
      "Dự lễ ký kết có các đồng chí: Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy; Trần Văn Hải, Giám đốc Sở Giáo dục và Đào tạo.",
    ]);
    expect(part(draftPressSummary(signing({ dignitaries: [second, CHUYEN] }), "vi"), "attendance")[0]).toMatch(/^Dự lễ ký kết có các đồng chí: Trần Văn Hải, /u);
  });

  it("mixed honorifics: 'có các đại biểu:' each with their own", () => {
    const d = draftPressSummary(signing({ dignitaries: [CHUYEN, person("b", "ông", "Phạm Văn Bình", ["Hiệu trưởng"]), person("c", "PGS.TS.", "Đỗ Minh Châu", [])] }), "vi");
    expect(part(d, "attendance")).toEqual([
      "Dự lễ ký kết có các đại biểu: đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy; ông Phạm Văn Bình, Hiệu trưởng; PGS.TS. Đỗ Minh Châu.",
    ]);
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN, person("b", "ông", "Phạm Văn Bình", ["Hiệu trưởng"])] }), "en"), "attendance")).toEqual([
      "The ceremony was attended by Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department; Phạm Văn Bình, Hiệu trưởng.",
    ]);
  });

  it("grouped by delegation, in the order of each group's most senior member, those without one last", () => {
    const dignitaries = [
      { ...CHUYEN, delegation: "Về phía Tỉnh ủy" },
      person("g1", "ông", "Trần Văn Hải", ["Giám đốc Sở"], { delegation: "Sở Giáo dục và Đào tạo" }),
      person("t2", "đồng chí", "Lê Văn Nam", ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], { delegation: "về phía Tỉnh ủy" }),
      person("x", "bà", "Hoàng Thị Lan", ["Nhà báo"]),
    ];
    const d = draftPressSummary(signing({ dignitaries }), "vi");
    expect(part(d, "attendance")).toEqual([
      "Dự lễ ký kết, về phía Tỉnh ủy có các đồng chí: Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy; Lê Văn Nam, Phó Trưởng ban Tuyên giáo Tỉnh ủy; về phía Sở Giáo dục và Đào tạo có ông Trần Văn Hải, Giám đốc Sở; cùng dự có bà Hoàng Thị Lan, Nhà báo.",
    ]);
    expect(part(draftPressSummary(signing({ dignitaries }), "en"), "attendance")[0]).toBe(
      "Attending the ceremony were: from Tỉnh ủy, Nguyễn Hồng Chuyên, Member of the Standing Committee of the Provincial Party Committee, Head of the Propaganda Department; Lê Văn Nam, Phó Trưởng ban Tuyên giáo Tỉnh ủy; from the Department of Education and Training, Trần Văn Hải, Giám đốc Sở; as well as Hoàng Thị Lan, Nhà báo.",
    );
  });

  it("uses the protocol's override of the full address", () => {
    const d = person("o", "ông", "Lê Văn Cường", ["Giám đốc"], { addressVi: "Ông Lê Văn Cường, Giám đốc Công an tỉnh Thái Bình" });
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN, d] }), "vi"), "attendance")[0]).toContain("; ông Lê Văn Cường, Giám đốc Công an tỉnh Thái Bình.");
  });

  it("no dignitaries: no attendance paragraph", () => {
    const d = draftPressSummary(signing(), "vi");
    expect(part(d, "attendance")).toEqual([]);
    expect(d.body).not.toMatch(/tới dự|Dự lễ/u);
  });
});

describe("content: the agreement's aims", () => {
  it("keeps aims that read as sentences, one paragraph per paragraph, ending each with a full stop", () => {
    const d = draftPressSummary(signing({}, { aims: "Nhằm nâng cao chất lượng, hai cơ quan thống nhất phối hợp\n\nBên cạnh đó, tổ chức tập huấn;" }), "vi");
    expect(part(d, "content")).toEqual(["Nhằm nâng cao chất lượng, hai cơ quan thống nhất phối hợp.", "Bên cạnh đó, tổ chức tập huấn."]);
  });

  it("frames fragments: 'Theo …, hai bên thống nhất …', then 'Hai bên cũng …'", () => {
    const d = draftPressSummary(signing({}, { aims: "tăng cường tuyên truyền\r\n\r\nphối hợp tổ chức hội thảo" }), "vi");
    expect(part(d, "content")).toEqual([
      "Theo chương trình phối hợp công tác, hai bên thống nhất tăng cường tuyên truyền.",
      "Hai bên cũng phối hợp tổ chức hội thảo.",
    ]);
    const three = draftPressSummary(signing({}, { aims: "nhằm tăng cường phối hợp, ba bên thống nhất chia sẻ thông tin", parties: [TG, GD, YT] }), "vi");
    expect(part(three, "content")).toEqual(["Nhằm tăng cường phối hợp, ba bên thống nhất chia sẻ thông tin."]);
  });

  it("no aims, blank aims or no agreement: no content", () => {
    expect(part(draftPressSummary(signing(), "vi"), "content")).toEqual([]);
    expect(part(draftPressSummary(signing({}, { aims: " \n\n " }), "vi"), "content")).toEqual([]);
    expect(part(draftPressSummary(meeting(), "vi"), "content")).toEqual([]);
  });

  it("in English: kept in Vietnamese, introduced and marked for translation", () => {
    const d = draftPressSummary(signing({}, { aims: "Nhằm nâng cao chất lượng.\n\nBên cạnh đó, tập huấn." }), "en");
    expect(d.sources.filter((s) => s.part === "content")).toEqual([
      { part: "content", text: `The coordination programme's aims ${UNTRANSLATED_EN}: Nhằm nâng cao chất lượng.`, facts: expect.any(Array) as unknown, needsTranslation: true },
      { part: "content", text: `It continues ${UNTRANSLATED_EN}: Bên cạnh đó, tập huấn.`, facts: expect.any(Array) as unknown, needsTranslation: true },
    ]);
  });
});

describe("remarks", () => {
  it("first point by name (the attendance gave the titles once), a further point by the short title; reporting verbs kept", () => {
    const d = draftPressSummary(signing({ dignitaries: [CHUYEN], speeches: [speech(CHUYEN.id, ["Khẳng định vai trò của giáo dục,", "đề nghị hai cơ quan phối hợp."])] }), "vi");
    expect(part(d, "remarks")).toEqual([
      "Tại buổi lễ, đồng chí Nguyễn Hồng Chuyên khẳng định vai trò của giáo dục.",
      "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị hai cơ quan phối hợp.",
    ]);
    const source = d.sources.find((s) => s.part === "remarks");
    expect(source?.facts).toContain("speeches[0].keyPoints[0] = Khẳng định vai trò của giáo dục,");
    expect(source?.facts).toContain("verb: from the key point");
  });

  it("a point without a reporting verb gets 'cho biết'; proper names keep their capital", () => {
    const d = draftPressSummary(signing({ dignitaries: [CHUYEN], speeches: [speech(CHUYEN.id, ["Sự phối hợp là đòn bẩy", "Tỉnh ủy sẽ chỉ đạo sát sao", "Sở Giáo dục và Đào tạo sẽ chủ trì"])] }), "vi");
    expect(part(d, "remarks")).toEqual([
      "Tại buổi lễ, đồng chí Nguyễn Hồng Chuyên cho biết sự phối hợp là đòn bẩy.",
      "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy cho biết Tỉnh ủy sẽ chỉ đạo sát sao.",
      "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy cho biết Sở Giáo dục và Đào tạo sẽ chủ trì.",
    ]);
    expect(d.sources.find((s) => s.part === "remarks")?.facts).toContain('verb: "cho biết" added (the key point starts with no reporting verb)');
  });

  it("speakers in precedence order ('Cũng tại …' for the next), others after; ông/ranks keep their name in the short form", () => {
    const binh = person("b", "ông", "Phạm Văn Bình", ["Giám đốc Sở Giáo dục và Đào tạo"]);
    const facts = meeting({}, {
      dignitaries: [CHUYEN, binh],
      speeches: [
        speech(null, ["chia sẻ kinh nghiệm"], { speakerName: "bà Lê Thị Hoa, Hiệu trưởng", speakerEnglish: "Ms. Lê Thị Hoa, Principal" }),
        speech(binh.id, ["báo cáo kết quả", "đề xuất ba giải pháp"]),
        speech(CHUYEN.id, ["biểu dương ngành giáo dục"]),
      ],
    });
    expect(part(draftPressSummary(facts, "vi"), "remarks")).toEqual([
      "Tại hội nghị, đồng chí Nguyễn Hồng Chuyên biểu dương ngành giáo dục.",
      "Cũng tại hội nghị, ông Phạm Văn Bình báo cáo kết quả.",
      "Ông Phạm Văn Bình đề xuất ba giải pháp.",
      "Cũng tại hội nghị, bà Lê Thị Hoa, Hiệu trưởng chia sẻ kinh nghiệm.",
    ]);
    expect(part(draftPressSummary(facts, "en"), "remarks")).toEqual([
      `At the conference, Nguyễn Hồng Chuyên spoke ${UNTRANSLATED_EN}: biểu dương ngành giáo dục.`,
      `Also at the conference, Phạm Văn Bình spoke ${UNTRANSLATED_EN}: báo cáo kết quả.`,
      `Phạm Văn Bình also spoke ${UNTRANSLATED_EN}: đề xuất ba giải pháp.`,
      `Also at the conference, Ms. Lê Thị Hoa, Principal, spoke ${UNTRANSLATED_EN}: chia sẻ kinh nghiệm.`,
    ]);
  });

  it("no speeches, speeches without key points, key points without a speaker: no remarks (the last noted)", () => {
    expect(part(draftPressSummary(signing(), "vi"), "remarks")).toEqual([]);
    expect(part(draftPressSummary(signing({ dignitaries: [CHUYEN], speeches: [speech(CHUYEN.id, [" ", ""])] }), "vi"), "remarks")).toEqual([]);
    const d = draftPressSummary(signing({ speeches: [speech(null, ["khẳng định"])] }), "vi");
    expect(part(d, "remarks")).toEqual([]);
    expect(d.notes).toEqual(["speeches[0] (agenda item a-khẳng định): 1 key point(s) without a speaker were left out"]);
    expect(draftPressSummary(signing(), "vi").notes).toBeUndefined();
  });
});

describe("photos, credits and byline", () => {
  const full = () =>
    signing({
      dignitaries: [CHUYEN],
      speeches: [speech(CHUYEN.id, ["khẳng định a", "đề nghị b"])],
      photos: [photo("p1", "Một."), photo("p2", "Hai.", { captionEn: "Two." }), photo("p3", "Ba."), photo("p4", "Bốn."), photo("p5", "Năm.")],
      byline: "  Đặng Anh ",
    }, { aims: "Nhằm x.\n\nBên cạnh đó, y." });

  it("first after the lead, second after the attendance, third after the content, fourth after the remarks, the rest after", () => {
    const d = draftPressSummary(full(), "vi");
    expect(d.sources.map((s) => s.part)).toEqual([
      "headline", "lead", "photo", "attendance", "photo", "content", "content", "photo", "remarks", "remarks", "photo", "photo", "byline",
    ]);
    expect(paragraphs(d).filter((p) => p.startsWith("!"))).toEqual([
      "![Một.](photo:p1)", "![Hai.](photo:p2)", "![Ba.](photo:p3)", "![Bốn.](photo:p4)", "![Năm.](photo:p5)",
    ]);
    expect(d.byline).toBe("Đặng Anh");
    expect(d.body).not.toContain("Đặng Anh");
  });

  it("skips missing parts when placing photos", () => {
    const d = draftPressSummary(signing({ photos: [photo("p1", "Một."), photo("p2", "Hai.")] }, { aims: "Nhằm x." }), "vi");
    expect(d.sources.map((s) => s.part)).toEqual(["headline", "lead", "photo", "content", "photo"]);
  });

  it("English captions when there are, else the Vietnamese caption marked; no caption: empty and noted", () => {
    const d = draftPressSummary(signing({ photos: [photo("p1", "Một."), photo("p2", "Hai.", { captionEn: "Two." }), photo("p3", null)] }), "en");
    const photos = d.sources.filter((s) => s.part === "photo");
    expect(photos.map((s) => s.text)).toEqual([`![Một. ${UNTRANSLATED_EN}](photo:p1)`, "![Two.](photo:p2)", "![](photo:p3)"]);
    expect(photos.map((s) => s.needsTranslation ?? false)).toEqual([true, false, false]);
    expect(d.notes).toEqual(["photos[2] (p3) has no caption"]);
  });

  it("the photographers close the body, once each; the byline is its own field", () => {
    const facts = signing({ photos: [photo("p1", "Một.", { credit: "Minh Đức" }), photo("p2", "Hai.", { credit: "minh đức" }), photo("p3", "Ba.", { credit: "Thu Hà" })], byline: "Đặng Anh" });
    const d = draftPressSummary(facts, "vi");
    expect(paragraphs(d).at(-1)).toBe("Ảnh: Minh Đức, Thu Hà");
    expect(paragraphs(draftPressSummary(facts, "en")).at(-1)).toBe("Photos: Minh Đức, Thu Hà");
    expect(d.sources.at(-1)).toEqual({ text: "Đặng Anh", part: "byline", facts: ["byline = Đặng Anh"] });
    expect(draftPressSummary(signing({ byline: " " }), "vi").byline).toBeNull();
  });
});

describe("markdown safety", () => {
  const render = (body: string) => new MarkdownIt().render(body);

  it("escapes what markdown would read in names, captions and aims, so they print literally", () => {
    const facts = signing({
      hosts: [{ id: "x", nameVi: "Công ty *ABC* & [Đối tác]_1", nameEn: null }, GD],
      dignitaries: [person("s", null, "# Lãnh đạo <b>Sở</b>", ["`Trưởng` ~~phòng~~"])],
      photos: [photo("p1", "Ảnh [1](javascript:alert(1)) ![x](y)")],
    }, { aims: "1. Tăng cường *phối hợp*\n\n- gạch đầu dòng\n\n> trích dẫn", parties: [] });
    const d = draftPressSummary(facts, "vi");
    const html = render(d.body);
    expect(html).not.toMatch(/<(em|strong|a|h1|ol|ul|li|blockquote|code|s|b)[\s>]/u);
    expect(html).toContain("Công ty *ABC* &amp; [Đối tác]_1");
    expect(html).toContain("# Lãnh đạo &lt;b&gt;Sở&lt;/b&gt;, `Trưởng` ~~phòng~~ tới dự lễ ký kết.");
    expect(html).toContain("hai bên thống nhất tăng cường *phối hợp*.");
    expect(html).toContain('<img src="photo:p1" alt="Ảnh [1](javascript:alert(1)) ![x](y)">');
    expect(d.body).toContain("\\# Lãnh đạo \\<b\\>Sở\\</b\\>");
    // List markers are read as a list (issue 10), never printed escaped; a quote marker is escaped.
    expect(part(d, "content")).toEqual([
      "Theo chương trình phối hợp công tác, hai bên thống nhất tăng cường \\*phối hợp\\*.",
      "Hai bên cũng thống nhất gạch đầu dòng.",
      "\\> trích dẫn.",
    ]);
  });

  it("one paragraph per line: line breaks in the data do not split paragraphs", () => {
    const d = draftPressSummary(signing({ dignitaries: [person("s", "ông", "Trần\n\nVăn B", ["Giám\r\nđốc"])] }), "vi");
    expect(part(d, "attendance")).toEqual(["Ông Trần Văn B, Giám đốc tới dự lễ ký kết."]);
  });
});

describe("determinism and traceability", () => {
  const rich = () =>
    signing({
      dignitaries: [{ ...CHUYEN, delegation: "Về phía Tỉnh ủy" }, person("b", "ông", "Phạm Văn Bình", ["Giám đốc"], { delegation: "Về phía Sở" })],
      speeches: [speech(CHUYEN.id, ["khẳng định a", "đề nghị b"])],
      photos: [photo("p1", "Một.", { credit: "Minh Đức" }), photo("p2", "Hai.")],
      byline: "Đặng Anh",
    }, { aims: "Nhằm x.\n\ny" });

  it("the same facts give the same draft, byte for byte", () => {
    for (const language of ["vi", "en"] as const) {
      const a = draftPressSummary(rich(), language);
      const b = draftPressSummary(structuredClone(rich()), language);
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    }
  });

  it("does not change the facts it is given", () => {
    const facts = rich();
    const before = structuredClone(facts);
    draftPressSummary(facts, "vi");
    draftPressSummary(facts, "en");
    expect(facts).toEqual(before);
  });

  it.each([
    ["seed-like", rich],
    ["bare signing", () => signing()],
    ["meeting without anything", () => meeting({}, { hosts: [] })],
  ])("every body paragraph has its source with exactly its text (%s)", (_name, make) => {
    for (const language of ["vi", "en"] as const) {
      const d = draftPressSummary(make(), language);
      const body = d.sources.filter((s) => s.part !== "headline" && s.part !== "byline");
      expect(body.map((s) => s.text).join("\n\n")).toBe(d.body);
      expect(d.sources[0]).toMatchObject({ part: "headline", text: d.title });
      for (const s of d.sources) expect(s.facts.length).toBeGreaterThan(0);
    }
  });

  it("names the facts with their values", () => {
    const d = draftPressSummary(rich(), "vi");
    const lead = d.sources[1]!;
    expect(lead.facts).toEqual([
      "event.startsAt = 19/10/2017 14:00 (Asia/Ho_Chi_Minh)",
      "publishedOn = 19/10/2017 19:13 (Asia/Ho_Chi_Minh)",
      "hosts[0].nameVi = Ban Tuyên giáo Tỉnh ủy",
      "hosts[1].nameVi = Sở Giáo dục và Đào tạo",
      "documents[0].title = Chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017…",
      "documents[0].periodStart = 2017",
      "documents[0].periodEnd = 2020",
    ]);
    expect(d.sources.find((s) => s.part === "attendance")?.facts).toContain("dignitaries[1].delegation = Về phía Sở");
  });
});
