import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pressLeadText, referencedPhotoIds } from "~/domain/press/markdown";
import { findEventIdByCalendarUid } from "~/models/events.server";
import { listPressPhotos } from "~/services/photos.server";
import { listEventPressSummaries, type PressSummary } from "~/services/press.server";
import { getPublishedPress, placedPhotos, pressDateHeader, pressExportText } from "~/services/press-outputs.server";
import { fileSystemStorage, type ObjectStorage } from "~/services/storage.server";
import { photoVariantKey } from "~/domain/photos/urls";
import type { Database, Db } from "./client.server";
import { pressSummaryVersions, users } from "./schema/index";
import { SEED_EVENT_UID, seedAttendanceAsPrinted, seedDemo } from "./seed";
import { testDatabase } from "./testing";

let database: Database;
let db: Db;
let eventId: string;
let report: PressSummary;
let mediaRoot: string;
let storage: ObjectStorage;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  mediaRoot = await mkdtemp(path.join(tmpdir(), "signet-seed-press-"));
  storage = fileSystemStorage(mediaRoot);
  await seedDemo(db, { storage });
  eventId = (await findEventIdByCalendarUid(db, SEED_EVENT_UID))!;
  const summaries = await listEventPressSummaries(db, eventId);
  expect(summaries.map((s) => [s.language, s.status])).toEqual([["vi", "published"]]);
  report = summaries[0]!;
});
afterAll(async () => {
  await database.close();
  await rm(mediaRoot, { recursive: true, force: true });
});

describe("the seed's published report", () => {
  it("was drafted, submitted, approved and published by Đặng Anh, published 19/10/2017 19:13:53 in Hà Nội time", async () => {
    const [danganh] = await db.select({ id: users.id }).from(users).where(eq(users.email, "danganh@signet.local"));
    expect(report).toMatchObject({
      createdBy: danganh!.id,
      submittedBy: danganh!.id,
      approvedBy: danganh!.id,
      publishedBy: danganh!.id,
      byline: "Đặng Anh",
    });
    expect(report.publishedAt?.toISOString()).toBe("2017-10-19T12:13:53.000Z");
    expect(report.submittedAt!.getTime()).toBeLessThan(report.approvedAt!.getTime());
    expect(report.approvedAt!.getTime()).toBeLessThan(report.publishedAt!.getTime());
    const history = await db
      .select({ kind: pressSummaryVersions.kind, body: pressSummaryVersions.body })
      .from(pressSummaryVersions)
      .where(eq(pressSummaryVersions.summaryId, report.id))
      .orderBy(pressSummaryVersions.version);
    expect(history.map((v) => v.kind)).toEqual(["generated", "edited", "status", "status", "status"]);
    // The drafted text is kept in the history: her edit is visible as a diff.
    expect(history[0]!.body).toContain("về phía Sở Giáo dục và Đào tạo có đại diện lãnh đạo Sở Giáo dục và Đào tạo");
  });

  it("reads right at its public address: headline, date header, lead, byline last", async () => {
    expect(report.slug).toBe("ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017");
    const doc = await getPublishedPress(db, report.slug);
    expect(doc?.title).toBe("Ký kết chương trình phối hợp công tác");
    expect(pressDateHeader(doc!, doc!.publishedAt!)).toBe("Thứ 5, 19/10/2017 | 19:13");
    // Word for word the article's lead and attendance: Đặng Anh's edit of the draft (the history keeps both).
    expect(pressLeadText(doc!.body)).toBe(
      "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.",
    );
    expect(doc!.body.split("\n\n")).toContain(seedAttendanceAsPrinted);
    expect(doc!.body).not.toContain("đại diện lãnh đạo Sở Giáo dục và Đào tạo");
    const text = pressExportText(doc!);
    expect(text).toContain("Nguyễn Hồng Chuyên");
    expect(text.trimEnd().endsWith("\n\nĐặng Anh")).toBe(true);
  });

  it("places the event's three press photos, with their captions, and their web.jpg is in the storage", async () => {
    const pressPhotos = await listPressPhotos(db, eventId);
    expect(pressPhotos).toHaveLength(3);
    expect(referencedPhotoIds(report.body).sort()).toEqual(pressPhotos.map((p) => p.id).sort());
    const doc = (await getPublishedPress(db, report.slug))!;
    const placed = placedPhotos(doc);
    expect(placed).toHaveLength(3);
    for (const photo of placed) {
      expect(photo.caption?.length).toBeGreaterThan(10);
      expect((await storage.get(photoVariantKey(photo, "web")))?.body.length).toBeGreaterThan(1000);
    }
    expect(pressExportText(doc)).toContain("Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.");
  });

  it("is not made twice: seeding again changes nothing", async () => {
    const versions = async () => (await db.select({ n: count() }).from(pressSummaryVersions))[0]?.n;
    const before = await versions();
    await seedDemo(db, { storage });
    const after = await listEventPressSummaries(db, eventId);
    expect(after.map((s) => [s.id, s.status, s.version])).toEqual([[report.id, "published", report.version]]);
    expect(await versions()).toBe(before);
  });
});
