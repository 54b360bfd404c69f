/**
 * Where uploaded files live. Callers know only this interface and keys such as
 * "photos/<eventId>/<photoId>/<revision>/web.webp"; the file system under DATA_DIR/media is the default, and an
 * S3-compatible bucket can replace it (put = PutObject, get = GetObject, deletePrefix = ListObjectsV2 +
 * DeleteObjects) without touching them.
 */
import { mkdir, readFile, rm, stat, writeFile, rename } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";

export interface StoredObject {
  body: Buffer;
  contentType: string;
  size: number;
}

export interface ObjectStorage {
  /** Stores the bytes under the key, replacing what was there; atomic (readers see the old or the new bytes). */
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** Removes every object whose key starts with the prefix (a "folder"); nothing there is not an error. */
  deletePrefix(prefix: string): Promise<void>;
}

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
  };
}
