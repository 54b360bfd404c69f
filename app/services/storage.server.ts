/**
 * Where uploaded files live. Callers know only this interface and keys such as
 * "photos/<eventId>/<photoId>/<revision>/web.jpg". STORAGE_URL chooses the backend (storageFromUrl):
 *  - file:./data/media (the default: DATA_DIR/media) — files on this machine's disk, for one instance;
 *  - s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=1 — an S3-compatible bucket through the official
 *    AWS SDK (put = PutObject, get = GetObject, deletePrefix = ListObjectsV2 + DeleteObjects), shared by every
 *    app instance. Credentials come from the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, …).
 * See docs/decisions/029-scaling.md.
 */
import { mkdir, readdir, readFile, rm, stat, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { ObjectStorage, StoredObject } from "~/utils/object-storage";

// The interface lives in app/utils (the request context holds a storage); its callers import it from here too.
export type { ObjectStorage, StoredObject };

const contentTypes: Record<string, string> = {
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
};

/** The disk (or the quota) is full: nothing of the object was kept. */
export class StorageFullError extends Error {
  readonly code = "STORAGE_FULL";
  constructor(key: string, options?: { cause?: unknown }) {
    super(`no space left to store ${key}`, options);
    this.name = "StorageFullError";
  }
}

/**
 * By its code, not instanceof: server/index.ts creates the storage from this module while the routes run from
 * the Remix build, which bundles a second copy of the class (faults/disk-full.fault.test.ts caught it).
 */
export function isStorageFull(error: unknown): error is StorageFullError {
  return error instanceof Error && (error as { code?: unknown }).code === "STORAGE_FULL";
}

/** The storage cannot be reached or answered with a server error (a bucket that is down): try again later. */
export class StorageUnavailableError extends Error {
  readonly code = "STORAGE_UNAVAILABLE";
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StorageUnavailableError";
  }
}

/** By its code, as isStorageFull. */
export function isStorageUnavailable(error: unknown): error is StorageUnavailableError {
  return error instanceof Error && (error as { code?: unknown }).code === "STORAGE_UNAVAILABLE";
}

/** Keys are relative paths of safe segments only: no "..", no absolute paths, no backslashes. */
export function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\/?$/.test(key) || key.includes("..")) {
    throw new Error(`unsafe storage key: ${JSON.stringify(key)}`);
  }
}

/** The default storage: files under a root folder (DATA_DIR/media). The content type follows the extension. */
export function fileSystemStorage(root: string): ObjectStorage {
  const resolve = (key: string) => {
    assertSafeKey(key);
    return path.join(root, ...key.split("/").filter(Boolean));
  };
  return {
    async put(key, body) {
      const file = resolve(key);
      const temp = `${file}.${randomUUID()}.tmp`;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(temp, body);
        await rename(temp, file);
      } catch (error) {
        // A write cut short (disk full, I/O error) leaves no partial file behind.
        await rm(temp, { force: true }).catch(() => {});
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOSPC" || code === "EDQUOT") throw new StorageFullError(key, { cause: error });
        throw error;
      }
    },
    async get(key) {
      const file = resolve(key);
      try {
        const [body, info] = await Promise.all([readFile(file), stat(file)]);
        return {
          body,
          size: info.size,
          contentType: contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      await rm(resolve(prefix), { recursive: true, force: true });
    },
    async *list(prefix) {
      const base = prefix ? resolve(prefix) : root;
      let entries;
      try {
        entries = await readdir(base, { recursive: true, withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
        throw error;
      }
      for (const entry of entries) {
        // Temporary files of a write in progress (or cut short) are not objects.
        if (!entry.isFile() || entry.name.endsWith(".tmp")) continue;
        yield path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
      }
    },
    location: `file:${root}`,
  };
}

export interface S3Location {
  bucket: string;
  /** Prepended to every key, "" or ending in "/": "signet/" */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/** The error's HTTP status when the bucket answered, else undefined (no answer: refused, reset, timed out). */
function s3Status(error: unknown): number | undefined {
  return error instanceof S3ServiceException ? error.$metadata?.httpStatusCode : undefined;
}

function unavailable(what: string, location: string, error: unknown): Error {
  const status = s3Status(error);
  // 4xx other than throttling are configuration mistakes (no such bucket, access denied): say so as they are.
  if (status !== undefined && status < 500 && status !== 429 && status !== 408) return error instanceof Error ? error : new Error(String(error));
  const reason = error instanceof Error ? error.message || error.name : String(error);
  return new StorageUnavailableError(`${what} at ${location} failed: ${reason}`, { cause: error });
}

/**
 * An S3-compatible bucket (AWS S3, MinIO, Garage, Ceph RGW, s3rver in the tests). Each put is one PutObject, atomic
 * for readers. Retries are few and timeouts short: an upload waiting on a bucket that is down should fail with a
 * clear message in seconds, not hang the request.
 */
export function s3Storage(location: S3Location, client?: S3Client): ObjectStorage {
  const s3 =
    client ??
    new S3Client({
      region: location.region,
      endpoint: location.endpoint,
      forcePathStyle: location.forcePathStyle,
      maxAttempts: 2,
      // Only the checksums the operation requires: every S3-compatible server understands those.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
    });
  const where = `s3://${location.bucket}/${location.prefix}`;
  const Bucket = location.bucket;
  const full = (key: string) => {
    assertSafeKey(key);
    return `${location.prefix}${key}`;
  };
  async function* listFull(prefix: string): AsyncIterable<string> {
    let ContinuationToken: string | undefined;
    do {
      let page;
      try {
        page = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: prefix, ContinuationToken }));
      } catch (error) {
        throw unavailable("listing", where, error);
      }
      for (const object of page.Contents ?? []) if (object.Key) yield object.Key;
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }
  return {
    location: where,
    async put(key, body, contentType) {
      try {
        await s3.send(new PutObjectCommand({ Bucket, Key: full(key), Body: body, ContentType: contentType, ContentLength: body.length }));
      } catch (error) {
        if (s3Status(error) === 507 || (error as { name?: string }).name === "QuotaExceeded") throw new StorageFullError(key, { cause: error });
        throw unavailable(`storing ${key}`, where, error);
      }
    },
    async get(key) {
      try {
        const object = await s3.send(new GetObjectCommand({ Bucket, Key: full(key) }));
        const body = Buffer.from(await object.Body!.transformToByteArray());
        return {
          body,
          size: body.length,
          contentType: object.ContentType ?? contentTypes[path.extname(key).toLowerCase()] ?? "application/octet-stream",
        };
      } catch (error) {
        if ((error as { name?: string }).name === "NoSuchKey" || s3Status(error) === 404) return null;
        throw unavailable(`reading ${key}`, where, error);
      }
    },
    async deletePrefix(prefix) {
      const folder = full(prefix.endsWith("/") ? prefix : `${prefix}/`);
      let batch: string[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const Objects = batch.map((Key) => ({ Key }));
        batch = [];
        try {
          await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects, Quiet: true } }));
        } catch (error) {
          throw unavailable(`deleting ${prefix}`, where, error);
        }
      };
      for await (const key of listFull(folder)) {
        batch.push(key);
        if (batch.length === 1000) await flush();
      }
      await flush();
    },
    async *list(prefix) {
      if (prefix) assertSafeKey(prefix);
      for await (const key of listFull(`${location.prefix}${prefix}`)) {
        yield key.slice(location.prefix.length);
      }
    },
  };
}

/**
 * STORAGE_URL → the storage. Unset: DATA_DIR/media on disk. "file:<path>" (relative to the working directory, or
 * file:///absolute). "s3://bucket[/prefix][?endpoint=URL&region=R&forcePathStyle=1]"; region falls back to
 * AWS_REGION, then us-east-1.
 */
export function parseStorageUrl(
  value: string | undefined,
  defaults: { dataDir: string; region?: string },
): { kind: "file"; root: string } | ({ kind: "s3" } & S3Location) {
  if (!value) return { kind: "file", root: path.resolve(defaults.dataDir, "media") };
  if (value.startsWith("file:")) {
    const rest = value.slice("file:".length);
    const file = rest.startsWith("//") ? decodeURIComponent(new URL(value).pathname) : rest;
    if (!file) throw new Error("STORAGE_URL file: needs a folder, e.g. file:./data/media");
    return { kind: "file", root: path.resolve(file) };
  }
  if (value.startsWith("s3://")) {
    const url = new URL(value);
    const bucket = url.hostname;
    if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) throw new Error(`STORAGE_URL: "${bucket}" is not a valid bucket name`);
    const trimmed = decodeURIComponent(url.pathname).replace(/^\/+|\/+$/g, "");
    if (trimmed) assertSafeKey(trimmed);
    const endpoint = url.searchParams.get("endpoint") ?? undefined;
    if (endpoint && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new Error("STORAGE_URL: endpoint must be an http:// or https:// URL");
    const style = url.searchParams.get("forcePathStyle");
    return {
      kind: "s3",
      bucket,
      prefix: trimmed ? `${trimmed}/` : "",
      endpoint,
      region: url.searchParams.get("region") ?? defaults.region ?? "us-east-1",
      forcePathStyle: style === "1" || style === "true",
    };
  }
  throw new Error("STORAGE_URL must start with file: or s3://");
}

export function storageFromUrl(value: string | undefined, defaults: { dataDir: string; region?: string }): ObjectStorage {
  const parsed = parseStorageUrl(value, defaults);
  return parsed.kind === "file" ? fileSystemStorage(parsed.root) : s3Storage(parsed);
}
