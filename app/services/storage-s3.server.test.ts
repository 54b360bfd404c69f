/**
 * Photos in an S3-compatible bucket: the adapter against a real S3-protocol server (s3rver, started here), the
 * photo service on top of it, a bucket that is down, and the disk → bucket migration with its checksums.
 */
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { photos } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import { translateError } from "~/i18n/i18n";
import type { AppLoadContext } from "@remix-run/node";
import { loader as mediaLoader } from "~/routes/media.photos.$photoId.$revision.$file/route";
import type { Actor } from "~/domain/access/permissions";
import { cameraJpeg } from "../../server/testing/photos-fixtures.server";
import { isPhotoRejected } from "./photos-processing.server";
import { deletePhoto, readServedVariant, uploadPhoto } from "./photos.server";
import { startTestBucket, type TestBucket } from "../../server/testing/s3-test-support.server";
import { copyStorage } from "./storage-migrate.server";
import { fileSystemStorage, isStorageUnavailable, parseStorageUrl, s3Storage, storageFromUrl, type ObjectStorage } from "./storage.server";

const limits = { maxBytes: 5 * 1024 * 1024, maxPixels: 60_000_000 };
const noText = { captionVi: null, captionEn: null, credit: null };

async function keys(storage: ObjectStorage, prefix = ""): Promise<string[]> {
  const all: string[] = [];
  for await (const key of storage.list(prefix)) all.push(key);
  return all.sort();
}

describe("STORAGE_URL", () => {
  it("defaults to DATA_DIR/media on disk and reads file: and s3:// forms", () => {
    expect(parseStorageUrl(undefined, { dataDir: "/srv/signet" })).toEqual({ kind: "file", root: "/srv/signet/media" });
    expect(parseStorageUrl("file:./data/media", { dataDir: "x" })).toEqual({ kind: "file", root: path.resolve("data/media") });
    expect(parseStorageUrl("file:///var/lib/signet", { dataDir: "x" })).toEqual({ kind: "file", root: "/var/lib/signet" });
    expect(
      parseStorageUrl("s3://signet-photos/prod/media?endpoint=http%3A%2F%2Fminio%3A9000&region=eu-west-1&forcePathStyle=1", { dataDir: "x" }),
    ).toEqual({ kind: "s3", bucket: "signet-photos", prefix: "prod/media/", endpoint: "http://minio:9000", region: "eu-west-1", forcePathStyle: true });
    expect(parseStorageUrl("s3://signet-photos", { dataDir: "x", region: "ap-southeast-1" })).toEqual({
      kind: "s3",
      bucket: "signet-photos",
      prefix: "",
      endpoint: undefined,
      region: "ap-southeast-1",
      forcePathStyle: false,
    });
  });

  it("refuses what it cannot use, with a message naming the mistake", () => {
    expect(() => parseStorageUrl("ftp://host/x", { dataDir: "x" })).toThrow(/must start with file: or s3:\/\//);
    expect(() => parseStorageUrl("s3://Bad_Bucket/x", { dataDir: "x" })).toThrow(/not a valid bucket name/);
    expect(() => parseStorageUrl("s3://bucket/photos%20of%20me", { dataDir: "x" })).toThrow(/unsafe storage key/);
    expect(() => parseStorageUrl("s3://bucket/x?endpoint=minio:9000", { dataDir: "x" })).toThrow(/endpoint must be an http/);
  });
});

describe("photos in an S3-compatible bucket", () => {
  let bucket: TestBucket;
  let database: Database;
  let db: Db;
  let actor: Actor;
  let photo: Buffer;

  beforeAll(async () => {
    bucket = await startTestBucket();
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db);
    actor = { id: user.id, name: user.name };
    photo = await cameraJpeg({ width: 1200, height: 900, label: "Lễ ký kết" });
  });
  afterAll(async () => {
    await database?.close();
    await bucket?.destroy();
  });

  it("stores, reads, lists and deletes objects under the prefix, as the disk does", async () => {
    const storage = storageFromUrl(bucket.url, { dataDir: "unused" });
    expect(storage.location).toBe("s3://signet-test/media/");
    await storage.put("photos/e1/p1/original.jpg", Buffer.from("gốc"), "image/jpeg");
    await storage.put("photos/e1/p1/r1/web.jpg", Buffer.from("web"), "image/jpeg");
    await storage.put("photos/e1/p10/r1/web.jpg", Buffer.from("khác"), "image/jpeg");
    const read = await storage.get("photos/e1/p1/original.jpg");
    expect(read?.body.toString("utf8")).toBe("gốc");
    expect(read?.contentType).toBe("image/jpeg");
    expect(await storage.get("photos/e1/p1/missing.jpg")).toBeNull();
    expect(await keys(storage, "photos/e1")).toEqual(["photos/e1/p1/original.jpg", "photos/e1/p1/r1/web.jpg", "photos/e1/p10/r1/web.jpg"]);
    // The key lives under the prefix in the bucket: another prefix on the same bucket sees nothing of it.
    expect(await keys(s3Storage({ ...bucket.location, prefix: "other/" }))).toEqual([]);

    // A "folder" goes whole, and only it: p10 shares the first characters of p1 and stays.
    await storage.deletePrefix("photos/e1/p1");
    expect(await keys(storage, "photos/e1")).toEqual(["photos/e1/p10/r1/web.jpg"]);
    await storage.deletePrefix("photos/e1");
    expect(await keys(storage)).toEqual([]);
    await expect(storage.get("../etc/passwd")).rejects.toThrow(/unsafe storage key/);
  });

  it("uploads a photo into the bucket, serves its variants from there and deletes its objects with it", async () => {
    const event = await createEvent(db, actor);
    const view = await uploadPhoto(db, bucket.storage, actor, event.id, { filename: "le-ky.jpg", bytes: photo }, noText, limits);
    const stored = await keys(bucket.storage, `photos/${event.id}`);
    // Sorted: the listing's order depends on the random revision ("sR…" after "original.jpg", "a…" before).
    expect([...stored].sort()).toEqual(
      [
        `photos/${event.id}/${view.id}/${view.revision}/thumb.jpg`,
        `photos/${event.id}/${view.id}/${view.revision}/web.jpg`,
        `photos/${event.id}/${view.id}/original.jpg`,
      ].sort(),
    );
    const served = await readServedVariant(db, bucket.storage, view.id, view.revision, "web.jpg");
    expect(served?.body.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(served?.etag).toBe(`"${view.revision}-web"`);

    await deletePhoto(db, bucket.storage, actor, event.id, view.id);
    expect(await keys(bucket.storage, `photos/${event.id}`)).toEqual([]);
  });

  it("when the bucket is down: refuses the upload clearly (503, vi/en), records no row, and works again once it is back", async () => {
    const event = await createEvent(db, actor);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await bucket.stop();
    try {
      const error = await uploadPhoto(db, bucket.storage, actor, event.id, { filename: "le-ky.jpg", bytes: photo }, noText, limits).then(
        () => null,
        (e: unknown) => e,
      );
      if (!isPhotoRejected(error)) throw new Error(`expected a refusal, got ${String(error)}`);
      expect(error.status).toBe(503);
      expect(translateError("vi", error.message)).toMatch(/Kho lưu trữ ảnh tạm thời không kết nối được/);
      expect(translateError("en", error.message)).toMatch(/photo store cannot be reached/);
      expect(await db.select({ id: photos.id }).from(photos).where(eq(photos.eventId, event.id))).toEqual([]);
      expect(warn.mock.calls.join(" ")).toContain("s3://signet-test/media/");

      // Reading says what is wrong too (the route answers 503 with it), not "not found".
      const reading = await bucket.storage.get("photos/x/y/original.jpg").then(
        () => null,
        (e: unknown) => e,
      );
      expect(isStorageUnavailable(reading)).toBe(true);
    } finally {
      await bucket.start();
      warn.mockRestore();
    }
    const view = await uploadPhoto(db, bucket.storage, actor, event.id, { filename: "le-ky.jpg", bytes: photo }, noText, limits);
    expect(await db.select({ id: photos.id }).from(photos).where(eq(photos.eventId, event.id))).toEqual([{ id: view.id }]);
    // Only the stored photo's three objects: the refused attempt left nothing behind.
    expect(await keys(bucket.storage, `photos/${event.id}`)).toHaveLength(3);
  });

  it("a deleted photo's row goes even while the bucket is down; its unreachable objects are logged", async () => {
    const event = await createEvent(db, actor);
    const view = await uploadPhoto(db, bucket.storage, actor, event.id, { filename: "le-ky.jpg", bytes: photo }, noText, limits);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    await bucket.stop();
    try {
      // Served meanwhile: 503 "later", not 404 and not a server error.
      const served = await mediaLoader({
        request: new Request(`http://x/media/photos/${view.id}/${view.revision}/web.jpg`),
        params: { photoId: view.id, revision: view.revision, file: "web.jpg" },
        context: { db, storage: bucket.storage } as unknown as AppLoadContext,
      });
      expect(served.status).toBe(503);
      expect(served.headers.get("Retry-After")).toBe("30");
      await deletePhoto(db, bucket.storage, actor, event.id, view.id);
      expect(await db.select({ id: photos.id }).from(photos).where(eq(photos.eventId, event.id))).toEqual([]);
      expect(warn.mock.calls.join(" ")).toContain(`files of photos/${event.id}/${view.id} left in s3://signet-test/media/`);
    } finally {
      await bucket.start();
      warn.mockRestore();
    }
  });

  it("moves the files from disk into the bucket, verifying each by checksum, and can be run again", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "signet-migrate-"));
    try {
      const disk = fileSystemStorage(root);
      const event = await createEvent(db, actor);
      const view = await uploadPhoto(db, disk, actor, event.id, { filename: "le-ky.jpg", bytes: photo }, noText, limits);
      // A write cut short leaves a temporary file: not an object, not copied.
      await mkdir(path.join(root, "photos", event.id), { recursive: true });
      await writeFile(path.join(root, "photos", event.id, "x.jpg.123.tmp"), "half");
      const target = s3Storage({ ...bucket.location, prefix: "migrated/" });

      const first = await copyStorage(disk, target);
      expect(first).toMatchObject({ copied: 3, alreadyThere: 0, failed: [] });
      expect(first.bytes).toBeGreaterThan(photo.length);
      expect(await keys(target)).toEqual(await keys(disk));
      const original = await target.get(`photos/${event.id}/${view.id}/original.jpg`);
      expect(original?.body.equals(await readFile(path.join(root, "photos", event.id, view.id, "original.jpg")))).toBe(true);
      // The app reads the photo from the bucket now.
      expect(await readServedVariant(db, target, view.id, view.revision, "thumb.jpg")).not.toBeNull();

      const again = await copyStorage(disk, target);
      expect(again).toMatchObject({ copied: 0, alreadyThere: 3, failed: [] });

      // A target that keeps something else than it was given is caught by the checksum.
      const corrupting: ObjectStorage = {
        ...target,
        put: (key, body, type) => target.put(key, Buffer.concat([body, Buffer.from("!")]), type),
      };
      await target.deletePrefix(`photos/${event.id}/${view.id}/${view.revision}`);
      const bad = await copyStorage(disk, corrupting);
      expect(bad.copied).toBe(0);
      expect(bad.failed.map((f) => f.key).sort()).toEqual([
        `photos/${event.id}/${view.id}/${view.revision}/thumb.jpg`,
        `photos/${event.id}/${view.id}/${view.revision}/web.jpg`,
      ]);
      expect(bad.failed[0]?.reason).toMatch(/checksum differs/);

      // A bucket that is down: every file is reported failed, none silently skipped.
      await bucket.stop();
      try {
        const down = await copyStorage(disk, target);
        expect(down.failed).toHaveLength(3);
        expect(down.failed[0]?.reason).toMatch(/s3:\/\/signet-test\/migrated\//);
      } finally {
        await bucket.start();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
