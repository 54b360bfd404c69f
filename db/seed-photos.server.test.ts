import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/domain/dates/phrasing";
import { findEventIdByCalendarUid } from "~/models/events.server";
import { listEventPhotos, readServedVariant } from "~/services/photos.server";
import { fileSystemStorage, type ObjectStorage } from "~/services/storage.server";
import type { Database, Db } from "./client.server";
import { SEED_EVENT_UID, SEED_SPEAKER_NAME, seedDemo } from "./seed";
import { testDatabase } from "./testing";

let database: Database;
let db: Db;
let root: string;
let storage: ObjectStorage;

beforeAll(async () => {
  database = await testDatabase();
  db = database.db;
  root = await mkdtemp(path.join(tmpdir(), "signet-seed-photos-"));
  storage = fileSystemStorage(root);
  await seedDemo(db, { storage });
});
afterAll(async () => {
  await database.close();
  await rm(root, { recursive: true, force: true });
});

describe("the demo ceremony's photos", () => {
  it("are the article's three photos, in its order, with its captions, the first as cover, all in the press", async () => {
    const eventId = (await findEventIdByCalendarUid(db, SEED_EVENT_UID))!;
    const photos = await listEventPhotos(db, eventId);
    expect(photos.map((p) => p.captionVi)).toEqual([
      "Lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
      "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.",
      "Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.",
    ]);
    expect(photos.every((p) => p.captionEn && p.captionEn.length > 20)).toBe(true);
    expect(photos.map((p) => p.isCover)).toEqual([true, false, false]);
    expect(photos.map((p) => p.includeInPress)).toEqual([true, true, true]);
    expect(photos.map((p) => p.tags.map((t) => t.name))).toEqual([[], [`Đồng chí ${SEED_SPEAKER_NAME}`], []]);
    for (const p of photos) {
      const time = formatDateTime(p.takenAt!, "Asia/Ho_Chi_Minh", "vi");
      expect(time).toMatch(/^1[2-7]:\d\d, Thứ 5, 19\/10\/2017$/);
      expect([p.width, p.height]).toEqual([1600, 1067]);
      const web = await readServedVariant(db, storage, p.id, p.revision, "web.jpg");
      const meta = await sharp(web!.body).metadata();
      expect([meta.width, meta.height, meta.exif]).toEqual([1600, 1067, undefined]);
    }
  });

  it("are added once: seeding again adds none", async () => {
    const eventId = (await findEventIdByCalendarUid(db, SEED_EVENT_UID))!;
    const before = (await listEventPhotos(db, eventId)).map((p) => p.id);
    await seedDemo(db, { storage });
    expect((await listEventPhotos(db, eventId)).map((p) => p.id)).toEqual(before);
  });
});
