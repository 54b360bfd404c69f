/**
 * Moving stored files from one storage to another (disk → bucket when an installation grows past one machine):
 * `npm run signet -- storage:migrate --to s3://…`. Every object is copied under the same key, read back from the
 * target and compared by SHA-256 with the source; an object already in the target with the same checksum is
 * left as it is, so the command can be run again after an interruption. The source is never changed: once the
 * report says every file is verified, point STORAGE_URL at the target and the old folder can be archived.
 */
import { createHash } from "node:crypto";
import type { ObjectStorage } from "./storage.server";

export interface CopyReport {
  /** Copied now and verified. */
  copied: number;
  /** Already in the target with the same checksum. */
  alreadyThere: number;
  /** Copied but read back different, or could not be copied: the key and why. */
  failed: { key: string; reason: string }[];
  bytes: number;
}

const sha256 = (body: Buffer) => createHash("sha256").update(body).digest("hex");

export async function copyStorage(
  from: ObjectStorage,
  to: ObjectStorage,
  options: { prefix?: string; onObject?: (key: string, outcome: "copied" | "alreadyThere" | "failed") => void } = {},
): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, alreadyThere: 0, failed: [], bytes: 0 };
  for await (const key of from.list(options.prefix ?? "")) {
    let outcome: "copied" | "alreadyThere" | "failed";
    try {
      const source = await from.get(key);
      if (!source) continue; // deleted since it was listed
      const checksum = sha256(source.body);
      const existing = await to.get(key);
      if (existing && sha256(existing.body) === checksum) {
        outcome = "alreadyThere";
        report.alreadyThere += 1;
      } else {
        await to.put(key, source.body, source.contentType);
        const copy = await to.get(key);
        if (!copy) throw new Error("not found in the target after it was stored");
        if (sha256(copy.body) !== checksum) throw new Error(`checksum differs (source sha256 ${checksum}, target ${sha256(copy.body)})`);
        outcome = "copied";
        report.copied += 1;
        report.bytes += source.body.length;
      }
    } catch (error) {
      outcome = "failed";
      report.failed.push({ key, reason: error instanceof Error ? error.message : String(error) });
    }
    options.onObject?.(key, outcome);
  }
  return report;
}
