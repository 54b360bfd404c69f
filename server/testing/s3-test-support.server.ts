/**
 * A real S3-protocol server for tests (npm s3rver: the S3 REST API over HTTP, objects in a temporary folder),
 * on a free port, with one bucket. `stop()` takes it down (connections refused: "the bucket is down"), `start()`
 * brings it back on the same port with the same objects. Test-only (app/services/storage-s3.server.test.ts, faults/).
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
// s3rver ships no types; the few members used here are declared in s3rver.d.ts beside this file.
import S3rver from "s3rver";
import { s3Storage, type ObjectStorage, type S3Location } from "~/services/storage.server";

export interface TestBucket {
  /** s3://bucket/prefix?endpoint=…&forcePathStyle=1 — what STORAGE_URL would say. */
  url: string;
  location: S3Location;
  storage: ObjectStorage;
  start(): Promise<void>;
  stop(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startTestBucket(options: { bucket?: string; prefix?: string; port?: number } = {}): Promise<TestBucket> {
  const bucket = options.bucket ?? "signet-test";
  const prefix = options.prefix ?? "media";
  const directory = mkdtempSync(path.join(os.tmpdir(), "signet-s3-"));
  let port = options.port ?? 0;
  let server: S3rver | null = null;
  const start = async () => {
    const s3 = new S3rver({ port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: bucket }] });
    const address = await s3.run();
    port = address.port;
    server = s3;
  };
  await start();
  // s3rver accepts the key pair S3RVER/S3RVER; the SDK reads it from the usual variables.
  process.env.AWS_ACCESS_KEY_ID ??= "S3RVER";
  process.env.AWS_SECRET_ACCESS_KEY ??= "S3RVER";
  const location: S3Location = { bucket, prefix: `${prefix}/`, endpoint: `http://127.0.0.1:${port}`, region: "us-east-1", forcePathStyle: true };
  const stop = async () => {
    const s3 = server;
    server = null;
    if (s3) await s3.close();
  };
  return {
    url: `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(location.endpoint!)}&region=us-east-1&forcePathStyle=1`,
    location,
    storage: s3Storage(location),
    start,
    stop,
    async destroy() {
      await stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
