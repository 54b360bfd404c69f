/**
 * The second demo ceremony (db/seed.ts seedDemoTripartite): three parties, the province's leaders above the sides
 * as witnesses, one signatory per party, a group line, a context and a date-only start — and what the press
 * drafter, the precedence and the MC script make of it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findEventIdByCalendarUid } from "~/models/events.server";
import { loadPrecedence } from "~/services/dignitaries.server";
import { loadSeating } from "~/services/seating.server";
import { draftPressSummaryForEvent } from "~/services/press-facts.server";
import type { Database, Db } from "./client.server";
import { SEED_TRIPARTITE_UID, seedDemo } from "./seed";
import { testDatabase } from "./testing";

let database: Database;
let db: Db;
let eventId: string;
const published = { publishedOn: new Date("2024-03-12T11:00:00Z"), byline: "Đặng Anh" };

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  await seedDemo(db);
  const id = await findEventIdByCalendarUid(db, SEED_TRIPARTITE_UID);
  if (!id) throw new Error("tripartite demo missing");
  eventId = id;
});
afterAll(() => database.close());

describe("the second demo: three parties, the leaders above the sides, a date-only start", () => {
  it("drafts the Vietnamese report: no time of day, the leaders first, the three signatories in party order, the aims as one sentence", async () => {
    const draft = await draftPressSummaryForEvent(db, eventId, "vi", published);
    expect([draft.title, ...draft.body.split("\n\n")]).toEqual([
      "Ký kết quy chế phối hợp",
      "Trong khuôn khổ hội nghị tổng kết công tác phối hợp năm 2023, ngày 12/3, Bộ Chỉ huy Quân sự tỉnh Thái Bình tổ chức lễ ký kết quy chế phối hợp giữa Bộ Chỉ huy Quân sự tỉnh Thái Bình, Công an tỉnh Thái Bình và Bộ Chỉ huy Bộ đội Biên phòng tỉnh Thái Bình giai đoạn 2024 – 2028 tại Hội trường, Bộ Chỉ huy Quân sự tỉnh Thái Bình.",
      "Dự lễ ký kết có đồng chí Phạm Văn Nghiêm, Phó Bí thư Thường trực Tỉnh ủy; đồng chí Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh; cùng đại diện lãnh đạo các sở, ban, ngành của tỉnh. Về phía Bộ Chỉ huy Quân sự tỉnh Thái Bình có Thượng tá Trần Văn Bình, Phó Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.",
      "Dưới sự chứng kiến của đồng chí Phạm Văn Nghiêm và đồng chí Lại Văn Hoàn, thay mặt ba bên, Đại tá Nguyễn Văn Hùng, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh, Đại tá Lê Văn Cường, Giám đốc Công an tỉnh, và Đại tá Phạm Minh Đức, Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh, đã ký kết quy chế phối hợp giai đoạn 2024 – 2028.",
      "Ba lực lượng thống nhất: trao đổi thông tin về tình hình an ninh, quốc phòng trên địa bàn tỉnh; phối hợp xây dựng kế hoạch bảo vệ chủ quyền biển, đảo; hỗ trợ nhau trong phòng, chống thiên tai, tìm kiếm cứu nạn.",
    ]);
  });

  it("drafts the English report the same way", async () => {
    const draft = await draftPressSummaryForEvent(db, eventId, "en", published);
    expect(draft.title).toBe("Thái Bình military command, police and border guard command sign 2024–2028 coordination regulation");
    const body = draft.body.split("\n\n");
    expect(body[0]).toBe(
      "As part of the conference reviewing the forces' coordination in 2023, on 12 March, the Thái Bình Provincial Military Command held a ceremony to sign a coordination regulation between the Thái Bình Provincial Military Command, the Thái Bình Provincial Police and the Thái Bình Provincial Border Guard Command for the period 2024 – 2028 at the Hall, Thái Bình Provincial Military Command.",
    );
    expect(body[1]).toBe(
      "The ceremony was attended by Phạm Văn Nghiêm, Standing Deputy Secretary of the Provincial Party Committee; Lại Văn Hoàn, Vice Chairman of the Provincial People's Committee; along with leaders of the province's departments. The Thái Bình Provincial Military Command was represented by Senior Lieutenant Colonel Trần Văn Bình, Deputy Commander of the Provincial Military Command.",
    );
    expect(body[2]).toMatch(/on behalf of the three sides, witnessed by Phạm Văn Nghiêm and Lại Văn Hoàn\.$/u);
  });

  it("ranks everyone from the table, none unknown", async () => {
    const precedence = await loadPrecedence(db, eventId);
    expect(precedence.dignitaries.map((d) => [d.name, d.rankUnknown])).toEqual([
      ["Phạm Văn Nghiêm", false],
      ["Lại Văn Hoàn", false],
      ["Lê Văn Cường", false],
      ["Nguyễn Văn Hùng", false],
      ["Phạm Minh Đức", false],
      ["Trần Văn Bình", false],
    ]);
  });

  it("seats the three signatories side by side at the signing table, each delegation behind its own signatory", async () => {
    const view = await loadSeating(db, eventId);
    const table = view.tables.find((t) => t.kind === "signing")!;
    expect(table.frontSeats).toBe(3);
    const who = (i: number) => (table.seats[i]?.invitationId ? view.labels[table.seats[i]!.invitationId!] : null);
    // The host (the Military Command) at the centre, the second party at its right (the audience's left), the third at its left.
    expect(table.seats.slice(0, 3).map((s, i) => [who(i), s.role, s.party?.nameVi])).toEqual([
      ["Đại tá Lê Văn Cường", "signer", "Công an tỉnh"],
      ["Đại tá Nguyễn Văn Hùng", "signer", "Bộ CHQS tỉnh"],
      ["Đại tá Phạm Minh Đức", "signer", "BĐBP tỉnh"],
    ]);
    // The Military Command's deputy stands behind its own signatory, the centre of the row behind.
    expect(table.seats.slice(3).map((s, i) => [who(i + 3), s.role])).toEqual([
      [null, "behind"],
      ["Thượng tá Trần Văn Bình", "behind"],
      [null, "behind"],
    ]);
    expect(view.conflicts).toEqual([]);
    expect(view.unseated).toEqual([]);
  });

  it("is added once", async () => {
    await seedDemo(db);
    expect(await findEventIdByCalendarUid(db, SEED_TRIPARTITE_UID)).toBe(eventId);
  });
});
