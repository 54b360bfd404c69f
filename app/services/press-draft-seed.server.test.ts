/**
 * THE FACTS TEST (issue 5, "Done when"): the Vietnamese draft of the seed ceremony states, one by one, every fact
 * of the seed article (../shared/seed-article.txt) that is in the event's data. The expected texts below are
 * the article's own sentences; where the seed's data differs from the article on purpose, the data's version is
 * asserted and a comment says why.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { SEED_EVENT_UID, seedDemo } from "#db/seed";
import { testDatabase } from "#db/testing";
import { localInputToInstant } from "~/domain/dates/phrasing";
import { draftPressSummary } from "~/domain/press/draft";
import type { PressDraft, PressFacts } from "~/domain/press/types";
import { findEventIdByCalendarUid } from "~/models/events.server";
import { loadPressFacts } from "./press-facts.server";
import { fileSystemStorage } from "./storage.server";

const ZONE = "Asia/Ho_Chi_Minh";

function at(local: string): Date {
  const instant = localInputToInstant(local, ZONE);
  if (!instant) throw new Error(`bad time ${local}`);
  return instant;
}

// The article's sentences.
const HEADLINE = "Ký kết chương trình phối hợp công tác";
const DIGNITARY = "đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy";
const AIMS_1 =
  "Nhằm nâng cao chất lượng giáo dục toàn diện, chú trọng tới chất lượng và hiệu quả công tác giáo dục đạo đức; tăng cường mối quan hệ trong việc tuyên truyền, giáo dục những chủ trương, chính sách lớn của ngành Giáo dục và phát huy vai trò, tính chủ động, sáng tạo của hệ thống tuyên giáo, Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo thống nhất định hướng tư tưởng, chỉ đạo, hướng dẫn tuyên truyền, tạo sự thống nhất trong Đảng, sự đồng thuận của nhân dân để thực hiện thắng lợi nhiệm vụ giáo dục và đào tạo; tham mưu đề xuất trong việc xây dựng kế hoạch và tổ chức thực hiện các văn bản lãnh đạo, chỉ đạo của Trung ương, tỉnh về giáo dục; đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh gắn với việc thực hiện nâng cao chất lượng của tổ chức đảng trong các cơ sở giáo dục và tăng cường công tác giáo dục chính trị tư tưởng, đạo đức, lối sống trong các trường học.";
const AIMS_2 =
  "Bên cạnh đó, phối hợp tổ chức các hội nghị, hội thảo, tập huấn; nắm bắt thông tin trao đổi về tình hình tư tưởng, tâm tư, nguyện vọng của giáo viên và học sinh; tổ chức tốt các hoạt động kỷ niệm những sự kiện chính trị của tỉnh, ngày truyền thống của ngành Giáo dục; phối hợp với Hội Khuyến học tỉnh để tăng cường sự lãnh đạo của Đảng đối với công tác khuyến học, khuyến tài, xây dựng xã hội học tập.";
// The article writes "tương lại, " (a typo, and the sentence runs on with a comma); the seed's key point fixes
// it to "tương lai", and the drafter ends the sentence with a full stop. The article also repeats his titles here;
// the draft gives them once, in the attendance, and names him alone on this second mention (docs/press-style.md,
// "Where a real report differs").
const REMARK_1 =
  "Tại buổi lễ, đồng chí Nguyễn Hồng Chuyên khẳng định sự phối hợp giữa hai cơ quan là đòn bẩy để sự nghiệp giáo dục sẽ ngày càng có nhiều bước tiến hơn nữa trong tương lai.";
const REMARK_2 =
  "Đồng chí Trưởng ban Tuyên giáo Tỉnh ủy đề nghị hai cơ quan sẽ phối hợp cùng nhau xây dựng bộ tiêu chí gốc có tính định hướng khung để tuyên truyền, giáo dục những chủ trương, chính sách lớn của ngành Giáo dục đến các cơ quan, đơn vị, trường học, giáo viên và học sinh; bộ phận giúp việc thường xuyên thực hiện các buổi sơ kết theo giai đoạn để từ đó rút kinh nghiệm, đề ra phương hướng hoạt động cho những giai đoạn tiếp theo.";
const CAPTIONS = [
  "Lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
  "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.",
  "Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.",
];

let database: Database;
let db: Db;
let mediaRoot: string;
let eventId: string;
let facts: PressFacts;
let draft: PressDraft;
let paragraphs: string[];

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  mediaRoot = await mkdtemp(path.join(tmpdir(), "signet-press-seed-"));
  // With a storage, the seed adds the three demo photos carrying the article's captions.
  await seedDemo(db, { storage: fileSystemStorage(mediaRoot) });
  const id = await findEventIdByCalendarUid(db, SEED_EVENT_UID);
  if (!id) throw new Error("seed event missing");
  eventId = id;
  facts = await loadPressFacts(db, eventId, { publishedOn: at("2017-10-19T19:13"), byline: "Đặng Anh" });
  draft = draftPressSummary(facts, "vi");
  paragraphs = draft.body.split("\n\n");
});
afterAll(async () => {
  await database.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

describe("the Vietnamese draft of the seed ceremony states the article's facts", () => {
  it("the headline", () => {
    expect(draft.title).toBe(HEADLINE);
  });

  it("the lead opens with the time of day and the date, without the year in a report of the same year", () => {
    expect(paragraphs[0]).toMatch(/^Chiều ngày 19\/10, /u);
    expect(paragraphs[0]).not.toContain("19/10/2017");
  });

  it("the lead writes the year when the report is published in another year (2026)", async () => {
    const later = await loadPressFacts(db, eventId, { publishedOn: at("2026-11-25T09:00"), byline: "Đặng Anh" });
    const lead = draftPressSummary(later, "vi").body.split("\n\n")[0];
    expect(lead).toMatch(/^Chiều ngày 19\/10\/2017, /u);
  });

  it("the host and the partner, and what was held with the programme and its period", () => {
    expect(paragraphs[0]).toContain("Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo");
    expect(paragraphs[0]).toContain(
      "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
    );
  });

  it("the dignitary with honorific, name and both positions in order, first in precedence", () => {
    const attendance = draft.sources.find((s) => s.part === "attendance");
    expect(attendance?.text).toContain(DIGNITARY);
    expect(facts.dignitaries[0]?.name).toBe("Nguyễn Hồng Chuyên");
    expect(attendance?.text.indexOf(DIGNITARY)).toBeLessThan(attendance?.text.indexOf("Sở Giáo dục và Đào tạo") ?? 0);
  });

  it("both paragraphs of the agreement's aims", () => {
    // The article prints the aims as one paragraph; the seed stores them as two (blank line before "Bên cạnh
    // đó"), and the drafter keeps one paragraph per paragraph of the data.
    expect(paragraphs).toContain(AIMS_1);
    expect(paragraphs).toContain(AIMS_2);
    expect(paragraphs.indexOf(AIMS_2)).toBe(paragraphs.indexOf(AIMS_1) + 1);
  });

  it("both remarks, with their verbs, the second in the article's short form", () => {
    expect(paragraphs).toContain(REMARK_1);
    expect(paragraphs).toContain(REMARK_2);
    expect(paragraphs.indexOf(REMARK_2)).toBe(paragraphs.indexOf(REMARK_1) + 1);
  });

  it("the three photos with the article's captions, placed as the article places them", () => {
    const photoParagraphs = paragraphs.filter((p) => p.startsWith("!["));
    expect(photoParagraphs.map((p) => /^!\[(.*)\]\(photo:[0-9a-f-]+\)$/u.exec(p)?.[1])).toEqual(CAPTIONS);
    expect(facts.photos.map((p) => `![${p.captionVi}](photo:${p.id})`)).toEqual(photoParagraphs);
    // First after the lead, second after the attendance, third after the aims, before the remarks.
    expect(paragraphs.indexOf(photoParagraphs[0]!)).toBe(1);
    expect(paragraphs[paragraphs.indexOf(photoParagraphs[1]!) - 1]).toContain(DIGNITARY);
    expect(paragraphs.indexOf(photoParagraphs[2]!)).toBe(paragraphs.indexOf(AIMS_2) + 1);
    expect(paragraphs.indexOf(photoParagraphs[2]!)).toBe(paragraphs.indexOf(REMARK_1) - 1);
  });

  it("the byline", () => {
    expect(draft.byline).toBe("Đặng Anh");
    expect(draft.sources.at(-1)).toMatchObject({ part: "byline", text: "Đặng Anh" });
  });

  it("every paragraph is traced to its data", () => {
    const bodySources = draft.sources.filter((s) => s.part !== "headline" && s.part !== "byline");
    expect(bodySources.map((s) => s.text)).toEqual(paragraphs);
    expect(draft.sources[0]).toMatchObject({ part: "headline", text: HEADLINE });
    const lead = draft.sources[1]!;
    expect(lead.facts).toContain("event.startsAt = 19/10/2017 14:00 (Asia/Ho_Chi_Minh)");
    expect(lead.facts).toContain("documents[0].periodStart = 2017");
    expect(lead.facts).toContain("documents[0].periodEnd = 2020");
    expect(lead.facts).toContain("hosts[0].nameVi = Ban Tuyên giáo Tỉnh ủy");
    expect(lead.facts).toContain("hosts[1].nameVi = Sở Giáo dục và Đào tạo");
    const remark = draft.sources.find((s) => s.text === REMARK_1)!;
    expect(remark.facts).toContain("dignitaries[0].name = Nguyễn Hồng Chuyên");
    expect(remark.facts).toContain("dignitaries[0].positions = Ủy viên Ban Thường vụ Tỉnh ủy; Trưởng ban Tuyên giáo Tỉnh ủy");
  });

  it("is the same text, byte for byte, when drafted again from freshly loaded facts", async () => {
    const again = await loadPressFacts(db, eventId, { publishedOn: at("2017-10-19T19:13"), byline: "Đặng Anh" });
    expect(draftPressSummary(again, "vi")).toEqual(draft);
  });
});

describe("the English draft of the seed ceremony", () => {
  let en: PressDraft;
  beforeAll(() => {
    en = draftPressSummary(facts, "en");
  });

  it("names the organisations in English and keeps the date, the programme's kind and its period", () => {
    expect(en.title).toBe(
      "Propaganda and education departments sign 2017–2020 coordination programme",
    );
    expect(en.body.split("\n\n")[0]).toBe(
      "On the afternoon of 19 October, the Propaganda Department of the Provincial Party Committee, in coordination " +
        "with the Department of Education and Training, held a ceremony to sign a coordination programme for the " +
        "period 2017 – 2020 in Thái Bình city, Thái Bình province.",
    );
    expect(en.byline).toBe("By Đặng Anh");
  });

  it("names the dignitary by the English address from the protocol module", () => {
    const attendance = en.sources.find((s) => s.part === "attendance");
    expect(attendance?.text).toContain(facts.dignitaries[0]!.englishAddress);
    expect(attendance?.needsTranslation).toBeUndefined();
  });

  it("keeps the Vietnamese-only aims and key points as written, marked for translation", () => {
    const content = en.sources.filter((s) => s.part === "content");
    expect(content).toHaveLength(2);
    expect(content[0]?.text).toContain(AIMS_1);
    const remarks = en.sources.filter((s) => s.part === "remarks");
    expect(remarks).toHaveLength(2);
    expect(remarks[0]?.text).toContain("(in Vietnamese, to be translated): khẳng định sự phối hợp giữa hai cơ quan");
    for (const s of [...content, ...remarks]) {
      expect(s.needsTranslation).toBe(true);
      expect(s.text).toContain("(in Vietnamese, to be translated)");
    }
  });
});
