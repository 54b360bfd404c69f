/**
 * From uploaded bytes to what Signet stores: the type read from the bytes, the pixel limit checked from the
 * header before anything is decoded, the EXIF orientation applied, and the served variants (JPEG) re-encoded
 * without any metadata at all — no EXIF, no GPS, no XMP, no IPTC, no ICC profile (colours are converted to
 * sRGB first). Capture time and camera come from the original's EXIF and go to the database only.
 *
 * Decoding is memory-hungry: images are processed one at a time per server process (a small queue), so a
 * burst of uploads costs the memory of one image, not of all.
 */
import sharp, { type Metadata } from "sharp";
import { readCaptureFacts, type CaptureFacts } from "~/domain/photos/exif";
import { checkPixels, checkSniffed, type PhotoLimits, type Rejection } from "~/domain/photos/rules";
import { sniffImageType, type AcceptedImageType } from "~/domain/photos/sniff";
import { photoVariants, type PhotoVariant } from "~/domain/photos/urls";
import { ServiceError } from "~/utils/errors";

// Every upload is a new image: libvips' operation cache would only hold on to memory. The thread count stays
// sharp's default (1 on glibc without jemalloc, to limit fragmentation; the queue below bounds the rest).
sharp.cache(false);

/** An upload refused for a reason the user can act on; `status` is the HTTP status to answer with. */
export class PhotoRejectedError extends ServiceError {
  readonly status: Rejection["status"];
  constructor(rejection: Rejection) {
    super(rejection.status === 409 ? "conflict" : "invalid", rejection.message);
    this.name = "PhotoRejectedError";
    this.status = rejection.status;
  }
}

export function isPhotoRejected(error: unknown): error is PhotoRejectedError {
  return error instanceof PhotoRejectedError;
}

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

/** Runs `task` after every task queued before it has finished: one image decodes at a time. */
export function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  waiting += 1;
  const run = queue.then(task, task);
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run.finally(() => {
    waiting -= 1;
  });
}

/** How many images wait or are being processed (for tests and diagnostics). */
export function processingQueueLength(): number {
  return waiting;
}

export interface ProcessedPhoto {
  type: AcceptedImageType;
  extension: "jpg" | "png" | "webp";
  /** After the EXIF orientation is applied. */
  width: number;
  height: number;
  variants: Record<PhotoVariant, Buffer>;
  facts: CaptureFacts;
}

const corrupt: Rejection = { status: 422, message: "photos.errors.corrupt" };

/**
 * Checks and converts one upload. Throws PhotoRejectedError for anything the user sent wrong (type, pixel
 * count, damaged file); other errors are the server's.
 */
export async function processPhoto(bytes: Buffer, limits: PhotoLimits, timeZone: string): Promise<ProcessedPhoto> {
  const sniffed = sniffImageType(bytes.subarray(0, 512));
  const refused = checkSniffed(sniffed);
  if (refused || sniffed.kind !== "accepted") throw new PhotoRejectedError(refused ?? { status: 415, message: "photos.errors.notImage" });

  // The header alone: width, height, orientation, EXIF. Nothing is decoded yet.
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false, failOn: "error" }).metadata();
  } catch {
    throw new PhotoRejectedError(corrupt);
  }
  const expected = sniffed.type.slice("image/".length);
  if (meta.format !== expected) throw new PhotoRejectedError(corrupt);
  const pixels = checkPixels(meta.width ?? 0, meta.height ?? 0, limits.maxPixels);
  if (pixels) throw new PhotoRejectedError(pixels);

  const facts = readCaptureFacts(meta.exif, timeZone);

  return oneAtATime(async () => {
    try {
      // failOn "error": a truncated or corrupt image is refused, not served half grey.
      const web = await sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: "error", sequentialRead: true })
        .rotate()
        .resize({ width: photoVariants.web, height: photoVariants.web, fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .toColourspace("srgb")
        .jpeg({ quality: 84, mozjpeg: true, progressive: true })
        .toBuffer({ resolveWithObject: true });
      const thumb = await sharp(web.data, { failOn: "error" })
        .resize({ width: photoVariants.thumb, height: photoVariants.thumb, fit: "inside", withoutEnlargement: true })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer();
      const swap = (meta.orientation ?? 1) >= 5;
      const width = swap ? meta.height! : meta.width!;
      const height = swap ? meta.width! : meta.height!;
      return { type: sniffed.type, extension: sniffed.extension, width, height, variants: { web: web.data, thumb }, facts };
    } catch (error) {
      if (error instanceof Error && /pixel limit/i.test(error.message))
        throw new PhotoRejectedError(checkPixels(meta.width ?? 0, meta.height ?? 0, limits.maxPixels) ?? corrupt);
      // Whatever else the decoder refuses (premature end, bad Huffman tables, broken chunks) is the file's fault.
      throw new PhotoRejectedError(corrupt);
    }
  });
}
