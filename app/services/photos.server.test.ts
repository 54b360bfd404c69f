import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import exifReader from "exif-reader";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createInvitation, createUser } from "#db/factories";
import { photos, photoTags, pressSummaries } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { galleryOrderVersion } from "~/domain/photos/gallery";
import { photoOriginalKey, photoVariantKey } from "~/domain/photos/urls";
import { listAudit } from "~/models/audit.server";
import { ServiceError } from "~/utils/errors";
import type { Actor } from "~/domain/access/permissions";
import {
  cameraJpeg,
  carriesExifOrGps,
  heicBytes,
  plainPng,
  plainWebp,
  pngBomb,
  svgWithScript,
  textRenamedJpg,
  truncatedJpeg,
} from "../../server/testing/photos-fixtures.server";
import { isPhotoRejected, oneAtATime, type PhotoRejectedError } from "./photos-processing.server";
import {
  CaptionConflictError,
  deleteEventPhotoFiles,
  deletePhoto,
  getGallery,
  listEventPhotos,
  listPressPhotos,
  readOriginal,
  readServedVariant,
  saveCaptions,
  savePhotoOrder,
  tagPhoto,
  untagPhoto,
  updatePhoto,
  uploadPhoto,
} from "./photos.server";
import { fileSystemStorage, type ObjectStorage } from "./storage.server";

const limits = { maxBytes: 5 * 1024 * 1024, maxPixels: 60_000_000 };
const noText = { captionVi: null, captionEn: null, credit: null };

async function rejection(promise: Promise<unknown>): Promise<PhotoRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isPhotoRejected(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

async function serviceError(promise: Promise<unknown>): Promise<ServiceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return error as ServiceError;
}

async function filesUnder(root: string): Promise<string[]> {
  try {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  } catch {
    return [];
  }
}

describe("photos service", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  let root: string;
  let storage: ObjectStorage;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db, { name: "Đặng Anh", role: "communications" });
    actor = { id: user.id, name: user.name };
    root = await mkdtemp(path.join(tmpdir(), "signet-photos-"));
    storage = fileSystemStorage(root);
  });
  afterAll(async () => {
    await database.close();
    await rm(root, { recursive: true, force: true });
  });

  it("stores the original as uploaded and two variants without any metadata, applying the EXIF orientation", async () => {
    const event = await createEvent(db, actor, { timeZone: "Asia/Ho_Chi_Minh" });
    const input = await cameraJpeg({ width: 2400, height: 1600, orientation: 6, gps: true, make: "Canon", model: "Canon EOS 80D" });
    // The fixture really carries GPS and the orientation, or this test would prove nothing.
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.orientation).toBe(6);
    expect(exifReader(inputMeta.exif!).GPSInfo?.GPSLatitude).toEqual([20, 26, 50]);

    const photo = await uploadPhoto(db, storage, actor, event.id, { filename: "IMG_0001.JPG", bytes: input }, { captionVi: "Lễ ký kết", captionEn: null, credit: "Đặng Anh" }, limits);
    // Orientation 6: the 2400×1600 sensor image is shown upright as 1600×2400.
    expect(photo).toMatchObject({ width: 1600, height: 2400, number: 1, position: 1, captionVi: "Lễ ký kết", credit: "Đặng Anh", includeInPress: true, isCover: false });
    expect(photo.takenAt?.toISOString()).toBe("2017-10-19T07:35:10.000Z");
    expect([photo.cameraMake, photo.cameraModel]).toEqual(["Canon", "Canon EOS 80D"]);
    expect(photo.url).toBe(`/media/photos/${photo.id}/${photo.revision}/web.jpg`);
    expect(photo.thumbnailUrl).toBe(`/media/photos/${photo.id}/${photo.revision}/thumb.jpg`);
    expect(photo.originalUrl).toBe(`/events/${event.id}/photos/${photo.id}/original`);

    const [row] = await db.select().from(photos).where(eq(photos.id, photo.id));
    expect(row).toMatchObject({ originalType: "image/jpeg", originalBytes: input.length, originalFilename: "IMG_0001.JPG" });
    expect(row!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.revision).toMatch(/^[A-Za-z0-9_-]{12}$/);

    const original = await storage.get(photoOriginalKey(row!, "jpg"));
    expect(original?.body.equals(input)).toBe(true);
    for (const [variant, longest] of [["web", 1600], ["thumb", 400]] as const) {
      const stored = await storage.get(photoVariantKey(row!, variant));
      expect(stored).not.toBeNull();
      const meta = await sharp(stored!.body).metadata();
      expect(meta.format).toBe("jpeg");
      expect(Math.max(meta.width!, meta.height!)).toBe(longest);
      // Upright: taller than wide, no orientation left to apply.
      expect(meta.height!).toBeGreaterThan(meta.width!);
      expect(meta.orientation).toBeUndefined();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.iptc).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(carriesExifOrGps(stored!.body)).toEqual({ exif: false, gps: false });
    }
    const served = await readServedVariant(db, storage, photo.id, photo.revision, "web.jpg");
    expect(served?.etag).toBe(`"${photo.revision}-web"`);
    expect((await readOriginal(db, storage, event.id, photo.id))?.body.equals(input)).toBe(true);
    const audit = await listAudit(db, { eventId: event.id });
    expect(audit.find((a) => a.action === "photo.upload")?.details).toMatchObject({ locationRemoved: true });
  });

  it("takes PNG (transparency on white) and WebP, and reads the capture time in the event's zone when no offset is given", async () => {
    const event = await createEvent(db, actor, { timeZone: "Europe/Paris" });
    const png = await uploadPhoto(db, storage, actor, event.id, { filename: "a.png", bytes: await plainPng() }, noText, limits);
    const webp = await uploadPhoto(db, storage, actor, event.id, { filename: "b.webp", bytes: await plainWebp() }, noText, limits);
    const jpeg = await uploadPhoto(db, storage, actor, event.id, { filename: "c.jpg", bytes: await cameraJpeg({ takenAt: "2017:10:19 14:35:10" }) }, noText, limits);
    expect([png.originalType, webp.originalType, jpeg.originalType]).toEqual(["image/png", "image/webp", "image/jpeg"]);
    expect([png.number, webp.number, jpeg.number]).toEqual([1, 2, 3]);
    expect(jpeg.takenAt?.toISOString()).toBe("2017-10-19T12:35:10.000Z");
    expect(png.takenAt).toBeNull();
    const web = await readServedVariant(db, storage, png.id, png.revision, "web.jpg");
    const { data, info } = await sharp(web!.body).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(3);
    // #80ff80 at 50 % on white.
    expect([...data.subarray(0, 3)].map((v) => Math.round(v / 10))).toEqual([19, 26, 19]);
    expect((await storage.get(photoOriginalKey({ storageKey: `photos/${event.id}/${png.id}` }, "png")))?.contentType).toBe("image/png");
  });

  describe("refuses bad input with a clear message and stores nothing", () => {
    const cases: [string, () => Promise<Buffer> | Buffer, number, string | RegExp][] = [
      ["a text file renamed .jpg", () => textRenamedJpg, 415, "photos.errors.notImage"],
      ["a 20000×20000 PNG", () => pngBomb(), 422, "photos.errors.tooManyPixels?width=20000&height=20000&max=60"],
      ["a truncated JPEG", () => truncatedJpeg(), 422, "photos.errors.corrupt"],
      ["an SVG carrying a script", () => svgWithScript, 415, "photos.errors.svg"],
      ["HEIC bytes", () => heicBytes(), 415, "photos.errors.heic"],
      ["a PDF", () => Buffer.from("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), 415, "photos.errors.pdf"],
      ["an empty file", () => Buffer.alloc(0), 400, "photos.errors.empty"],
      ["a file over the size limit", () => Buffer.alloc(limits.maxBytes + 1, 0xff), 413, "photos.errors.tooLarge?max=5"],
    ];
    for (const [name, make, status, message] of cases) {
      it(name, async () => {
        const event = await createEvent(db, actor);
        const before = await filesUnder(root);
        const refused = await rejection(
          uploadPhoto(db, storage, actor, event.id, { filename: "bad.jpg", bytes: await make() }, noText, limits),
        );
        expect(refused.status).toBe(status);
        expect(refused.message).toMatch(message);
        expect(await listEventPhotos(db, event.id)).toEqual([]);
        expect(await filesUnder(root)).toEqual(before);
      });
    }

    it("a pixel bomb is refused from its header, fast, whatever the limit", async () => {
      const event = await createEvent(db, actor);
      const refused = await rejection(
        uploadPhoto(db, storage, actor, event.id, { filename: "big.png", bytes: await plainPng({ width: 400, height: 300 }) }, noText, { ...limits, maxPixels: 100_000 }),
      );
      expect(refused.message).toBe("photos.errors.tooManyPixels?width=400&height=300&max=0.1");
    });

    it("a bad file in a batch leaves the others alone", async () => {
      const event = await createEvent(db, actor);
      const [one, three] = [await cameraJpeg({ colour: "#111" }), await cameraJpeg({ colour: "#222" })];
      const results = await Promise.allSettled([
        uploadPhoto(db, storage, actor, event.id, { filename: "1.jpg", bytes: one }, noText, limits),
        uploadPhoto(db, storage, actor, event.id, { filename: "2.jpg", bytes: textRenamedJpg }, noText, limits),
        uploadPhoto(db, storage, actor, event.id, { filename: "3.jpg", bytes: three }, noText, limits),
      ]);
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      const list = await listEventPhotos(db, event.id);
      expect(list.map((p) => p.originalFilename).sort()).toEqual(["1.jpg", "3.jpg"]);
      expect(list.map((p) => p.position).sort()).toEqual([1, 2]);
    });
  });

  it("refuses an exact duplicate in the same event, naming the photo already there; another event may have it", async () => {
    const event = await createEvent(db, actor);
    const other = await createEvent(db, actor);
    const bytes = await cameraJpeg({ colour: "#345" });
    await uploadPhoto(db, storage, actor, event.id, { filename: "first.jpg", bytes }, noText, limits);
    const refused = await rejection(uploadPhoto(db, storage, actor, event.id, { filename: "again.jpg", bytes }, noText, limits));
    expect(refused.status).toBe(409);
    expect(refused.message).toBe("photos.errors.duplicate?number=1&name=first.jpg");
    await uploadPhoto(db, storage, actor, other.id, { filename: "again.jpg", bytes }, noText, limits);
    expect((await listEventPhotos(db, event.id)).length).toBe(1);
  });

  describe("the gallery", () => {
    let eventId: string;
    let ids: string[];
    beforeAll(async () => {
      const event = await createEvent(db, actor);
      eventId = event.id;
      ids = [];
      for (const colour of ["#a00", "#0a0", "#00a"])
        ids.push((await uploadPhoto(db, storage, actor, eventId, { filename: `${colour}.jpg`, bytes: await cameraJpeg({ colour }) }, noText, limits)).id);
    });

    it("one cover at most: choosing another clears the first (and raises its version)", async () => {
      const [a, b] = ids as [string, string];
      await updatePhoto(db, actor, eventId, a, { isCover: true });
      const before = (await listEventPhotos(db, eventId)).find((p) => p.id === a)!;
      await updatePhoto(db, actor, eventId, b, { isCover: true });
      const after = await listEventPhotos(db, eventId);
      expect(after.filter((p) => p.isCover).map((p) => p.id)).toEqual([b]);
      expect(after.find((p) => p.id === a)!.version).toBe(before.version + 1);
      // A stale form that still shows photo a as the cover is told, not applied.
      const stale = await serviceError(updatePhoto(db, actor, eventId, a, { isCover: true }, before.version));
      expect([stale.code, stale.message]).toEqual(["conflict", "photos.errors.stale"]);
      expect((await listEventPhotos(db, eventId)).filter((p) => p.isCover).map((p) => p.id)).toEqual([b]);
    });

    it("captions, credit and the press selection; a stale edit is refused and changes nothing", async () => {
      const id = ids[2]!;
      const v = (await listEventPhotos(db, eventId)).find((p) => p.id === id)!.version;
      const saved = await updatePhoto(db, actor, eventId, id, { captionVi: "Học sinh trong tiết học.", captionEn: "Pupils in class.", credit: "Đặng Anh", includeInPress: false }, v);
      expect(saved).toMatchObject({ captionVi: "Học sinh trong tiết học.", captionEn: "Pupils in class.", credit: "Đặng Anh", includeInPress: false, version: v + 1 });
      const error = await serviceError(updatePhoto(db, actor, eventId, id, { captionVi: "Cũ" }, v));
      expect(error.code).toBe("conflict");
      expect((await listEventPhotos(db, eventId)).find((p) => p.id === id)!.captionVi).toBe("Học sinh trong tiết học.");
      expect((await listPressPhotos(db, eventId)).map((p) => p.id)).not.toContain(id);
      await updatePhoto(db, actor, eventId, id, { includeInPress: true });
      expect((await listPressPhotos(db, eventId)).map((p) => p.id)).toContain(id);
    });

    it("tags invitations of this event only, in order, and untags", async () => {
      const id = ids[0]!;
      const { invitation: chuyen } = await createInvitation(db, { eventId, person: { honorific: "đồng chí", fullName: "Nguyễn Hồng Chuyên" } });
      const { invitation: guest } = await createInvitation(db, { eventId, person: { fullName: "Trần Thị Khách" } });
      const other = await createEvent(db, actor);
      const { invitation: elsewhere } = await createInvitation(db, { eventId: other.id });
      let photo = await tagPhoto(db, actor, eventId, id, chuyen.id);
      photo = await tagPhoto(db, actor, eventId, id, guest.id, photo.version);
      expect(photo.tags.map((t) => t.name)).toEqual(["Đồng chí Nguyễn Hồng Chuyên", "Ông Trần Thị Khách"]);
      const refused = await serviceError(tagPhoto(db, actor, eventId, id, elsewhere.id));
      expect([refused.code, refused.fields]).toEqual(["invalid", { taggedInvitationIds: "photos.errors.notInvited" }]);
      const stale = await serviceError(untagPhoto(db, actor, eventId, id, guest.id, photo.version - 1));
      expect(stale.code).toBe("conflict");
      photo = await untagPhoto(db, actor, eventId, id, guest.id, photo.version);
      expect(photo.tags.map((t) => t.invitationId)).toEqual([chuyen.id]);
      expect(await db.select().from(photoTags).where(eq(photoTags.photoId, id))).toHaveLength(1);
    });

    it("saves a new order with the version it started from; a stale or incomplete order is refused", async () => {
      const gallery = await getGallery(db, eventId);
      const reversed = [...gallery.photos.map((p) => p.id)].reverse();
      const saved = await savePhotoOrder(db, actor, eventId, reversed, gallery.orderVersion);
      expect(saved.photos.map((p) => p.id)).toEqual(reversed);
      expect(saved.photos.map((p) => [p.number, p.position])).toEqual([[1, 1], [2, 2], [3, 3]]);
      expect(saved.orderVersion).toBe(galleryOrderVersion(reversed));
      const stale = await serviceError(savePhotoOrder(db, actor, eventId, gallery.photos.map((p) => p.id), gallery.orderVersion));
      expect([stale.code, stale.message]).toEqual(["conflict", "photos.errors.staleOrder"]);
      const partial = await serviceError(savePhotoOrder(db, actor, eventId, reversed.slice(1), saved.orderVersion));
      expect([partial.code, partial.message]).toEqual(["invalid", "photos.errors.order"]);
      // The API's position: move the last one first; reordering does not count as an edit of the photo.
      const last = saved.photos[2]!;
      const moved = await updatePhoto(db, actor, eventId, last.id, { position: 1 });
      expect(moved.number).toBe(1);
      expect(moved.version).toBe(last.version);
      expect((await listEventPhotos(db, eventId)).map((p) => p.id)).toEqual([last.id, reversed[0], reversed[1]]);
    });

    it("bulk captions: all saved at once, or none when one photo changed meanwhile (its current text returned)", async () => {
      const list = await listEventPhotos(db, eventId);
      const entries = list.map((p, i) => ({ id: p.id, version: p.version, captionVi: `Chú thích ${i + 1}`, captionEn: `Caption ${i + 1}`, credit: "TTXVN" }));
      expect(await saveCaptions(db, actor, eventId, entries)).toBe(3);
      const now = await listEventPhotos(db, eventId);
      expect(now.map((p) => p.captionVi)).toEqual(["Chú thích 1", "Chú thích 2", "Chú thích 3"]);
      // Saving the same again changes nothing.
      const fresh = now.map((p) => ({ id: p.id, version: p.version, captionVi: p.captionVi, captionEn: p.captionEn, credit: p.credit }));
      expect(await saveCaptions(db, actor, eventId, fresh)).toBe(0);
      // Someone edits photo 2; the bulk form still has its old version.
      await updatePhoto(db, actor, eventId, now[1]!.id, { captionVi: "Người khác sửa" });
      const mine = fresh.map((e) => ({ ...e, captionVi: `${e.captionVi} (của tôi)` }));
      const error = await serviceError(saveCaptions(db, actor, eventId, mine));
      expect(error).toBeInstanceOf(CaptionConflictError);
      expect(error.message).toBe("photos.errors.staleCaptions?count=1");
      expect((error as CaptionConflictError).conflict.stale.map((p) => [p.id, p.captionVi])).toEqual([[now[1]!.id, "Người khác sửa"]]);
      expect((await listEventPhotos(db, eventId)).map((p) => p.captionVi)).toEqual(["Chú thích 1", "Người khác sửa", "Chú thích 3"]);
    });

    it("deletes a photo with its files and closes the gap in the order", async () => {
      const list = await listEventPhotos(db, eventId);
      const victim = list[1]!;
      const prefix = path.join(root, "photos", eventId, victim.id);
      expect((await filesUnder(prefix)).length).toBe(3);
      const stale = await serviceError(deletePhoto(db, storage, actor, eventId, victim.id, victim.version - 1));
      expect(stale.code).toBe("conflict");
      await deletePhoto(db, storage, actor, eventId, victim.id, victim.version);
      expect(await filesUnder(prefix)).toEqual([]);
      const after = await listEventPhotos(db, eventId);
      expect(after.map((p) => p.position)).toEqual([1, 2]);
      expect(after.map((p) => p.id)).not.toContain(victim.id);
      expect(await readServedVariant(db, storage, victim.id, victim.revision, "web.jpg")).toBeNull();
      const missing = await serviceError(updatePhoto(db, actor, eventId, victim.id, { captionVi: "x" }));
      expect(missing.code).toBe("not_found");
    });

    it("refuses to delete a photo a published report shows, and says which report; a draft does not hold it", async () => {
      const [kept, other] = await listEventPhotos(db, eventId);
      const summary = (status: "draft" | "published", photoId: string, title: string) => ({
        eventId,
        language: "vi" as const,
        slug: `test-${status}-${photoId}`,
        title,
        body: `Chiều ngày 19/10, …\n\n![Ảnh](photo:${photoId})`,
        status,
        generatedTitle: title,
        generatedBody: "",
      });
      await db.insert(pressSummaries).values([summary("published", kept!.id, "Bản tin đã đăng"), summary("draft", other!.id, "Bản nháp")]);
      const refused = await serviceError(deletePhoto(db, storage, actor, eventId, kept!.id));
      expect(refused.code).toBe("conflict");
      expect(refused.message).toBe(`photos.errors.inPublishedReport?title=${encodeURIComponent("Bản tin đã đăng")}`);
      expect((await listEventPhotos(db, eventId)).map((p) => p.id)).toContain(kept!.id);
      await deletePhoto(db, storage, actor, eventId, other!.id);
      expect((await listEventPhotos(db, eventId)).map((p) => p.id)).not.toContain(other!.id);
    });

    it("serves only the right photo, revision and file name", async () => {
      const [p] = await listEventPhotos(db, eventId);
      expect(await readServedVariant(db, storage, p!.id, p!.revision, "thumb.jpg")).not.toBeNull();
      expect(await readServedVariant(db, storage, p!.id, "wrongrevision", "thumb.jpg")).toBeNull();
      expect(await readServedVariant(db, storage, p!.id, p!.revision, "original.jpg")).toBeNull();
      expect(await readServedVariant(db, storage, p!.id, p!.revision, "web.png")).toBeNull();
      expect(await readOriginal(db, storage, ids[0] === p!.id ? eventId : eventId, "00000000-0000-4000-8000-000000000000")).toBeNull();
    });
  });

  it("removes every file of an event's photos, and only that event's", async () => {
    const event = await createEvent(db, actor);
    const other = await createEvent(db, actor);
    await uploadPhoto(db, storage, actor, event.id, { filename: "x.jpg", bytes: await cameraJpeg({ colour: "#abcdef" }) }, noText, limits);
    await uploadPhoto(db, storage, actor, other.id, { filename: "y.jpg", bytes: await cameraJpeg({ colour: "#fedcba" }) }, noText, limits);
    expect((await filesUnder(path.join(root, "photos", event.id))).length).toBe(3);
    await deleteEventPhotoFiles(storage, event.id);
    expect(await filesUnder(path.join(root, "photos", event.id))).toEqual([]);
    expect((await filesUnder(path.join(root, "photos", other.id))).length).toBe(3);
  });

  it("processes one image at a time", async () => {
    let running = 0;
    let most = 0;
    const task = () =>
      oneAtATime(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 5));
        running -= 1;
      });
    const failing = oneAtATime(async () => {
      throw new Error("boom");
    });
    await Promise.all([task(), failing.catch(() => null), task(), task()]);
    expect(most).toBe(1);
  });
});
