import { describe, expect, it } from "vitest";
import { attendedOnlyByDefault, keepAttended } from "./attended";
import { draftPressSummary } from "./draft";
import type { PressDignitary, PressFacts } from "./types";

const hcm = (local: string) => new Date(`${local}:00+07:00`);
const person = (id: string, name: string, positions: string[]): PressDignitary => ({
  id,
  invitationId: `i-${id}`,
  honorific: "đồng chí",
  name,
  positions,
  englishAddress: [name, ...positions].join(", "),
  delegation: null,
  organization: null,
});
const CHUYEN = person("chuyen", "Nguyễn Hồng Chuyên", ["Trưởng ban Tuyên giáo Tỉnh ủy"]);
const BINH = person("binh", "Phạm Văn Bình", ["Giám đốc Sở Giáo dục và Đào tạo"]);

const facts: PressFacts = {
  event: {
    id: "e1",
    title: "Hội nghị tổng kết năm học",
    kind: "conference",
    startsAt: hcm("2017-10-19T14:00"),
    endsAt: hcm("2017-10-19T16:00"),
    timeZone: "Asia/Ho_Chi_Minh",
    venueName: null,
    venueRoom: null,
    venueAddress: null,
    description: null,
  },
  hosts: [{ id: "o1", nameVi: "Sở Giáo dục và Đào tạo", nameEn: null }],
  sides: [],
  documents: [],
  dignitaries: [CHUYEN, BINH],
  groupLines: [],
  speeches: [{ agendaItemId: "a1", dignitaryId: "binh", speakerName: null, keyPoints: ["Ngành sẽ đổi mới chương trình."] }],
  photos: [],
  byline: null,
  publishedOn: hcm("2017-10-19T19:00"),
};

describe("attended only", () => {
  it("names only the dignitaries who arrived, drops the absent speaker's remarks, and lists the absent", () => {
    const { facts: attended, absent } = keepAttended(facts, new Set(["i-chuyen"]));
    expect(absent.map((d) => d.name)).toEqual(["Phạm Văn Bình"]);
    const body = draftPressSummary(attended, "vi").body;
    expect(body).toContain("Nguyễn Hồng Chuyên");
    expect(body).not.toContain("Phạm Văn Bình");
    expect(body).not.toContain("đổi mới chương trình");
    // Everyone arrived: the same draft as without the option.
    expect(draftPressSummary(keepAttended(facts, new Set(["i-chuyen", "i-binh"])).facts, "vi")).toEqual(draftPressSummary(facts, "vi"));
  });

  it("is the default once the event has ended and the door recorded arrivals", () => {
    const event = { endsAt: hcm("2017-10-19T16:00") };
    expect(attendedOnlyByDefault(event, 3, hcm("2017-10-19T16:30"))).toBe(true);
    expect(attendedOnlyByDefault(event, 3, hcm("2017-10-19T15:00"))).toBe(false);
    expect(attendedOnlyByDefault(event, 0, hcm("2017-10-19T16:30"))).toBe(false);
  });
});
