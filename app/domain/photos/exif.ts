/**
 * What Signet keeps from a photo's EXIF: when it was taken and with which camera. Everything else (location
 * above all) is never stored and never served. Pure: the EXIF block comes from the decoder's metadata.
 */
import exifReader from "exif-reader";
import { DateTime } from "luxon";

export interface CaptureFacts {
  takenAt: Date | null;
  cameraMake: string | null;
  cameraModel: string | null;
  /** The original carried a GPS block (it is dropped from every served copy; reported, never stored). */
  hadLocation: boolean;
}

const none: CaptureFacts = { takenAt: null, cameraMake: null, cameraModel: null, hadLocation: false };

/** "+07:00", "-05:30", "Z" style offsets as EXIF 2.31 writes them in OffsetTimeOriginal. */
const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * The instant of an EXIF DateTimeOriginal. exif-reader returns the wall-clock reading as if it were UTC
 * (EXIF has no zone); the offset, when the camera wrote one, says where the clock was, otherwise the event's
 * time zone is the best guess (the photos are of the event). Readings before 1980 (unset camera clocks,
 * "0000:00:00") or that do not exist are no time at all.
 */
export function captureInstant(wallClock: Date | null | undefined, offset: string | null | undefined, zone: string): Date | null {
  if (!(wallClock instanceof Date) || Number.isNaN(wallClock.getTime())) return null;
  const year = wallClock.getUTCFullYear();
  if (year < 1980 || year > 2200) return null;
  const fields = {
    year,
    month: wallClock.getUTCMonth() + 1,
    day: wallClock.getUTCDate(),
    hour: wallClock.getUTCHours(),
    minute: wallClock.getUTCMinutes(),
    second: wallClock.getUTCSeconds(),
  };
  const match = typeof offset === "string" ? OFFSET.exec(offset.trim()) : null;
  const hours = match ? Number(match[2]) : 0;
  const minutes = match ? Number(match[3]) : 0;
  const usable = match !== null && hours <= 14 && minutes < 60;
  const target = usable ? `UTC${match[1]}${match[2]}:${match[3]}` : zone;
  const dt = DateTime.fromObject(fields, { zone: target });
  return dt.isValid ? dt.toJSDate() : null;
}

/** Trims a text tag, removes NULs and control characters, and caps it; empty becomes null. */
function cleanText(value: unknown, max = 100): string | null {
  if (typeof value !== "string") return null;
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, max);
  return text || null;
}

/** Capture time, camera make and model from an EXIF block ("Exif\0\0…" or a bare TIFF header); nothing if unreadable. */
export function readCaptureFacts(exif: Uint8Array | null | undefined, zone: string): CaptureFacts {
  if (!exif || exif.length < 8) return none;
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(Buffer.from(exif.buffer, exif.byteOffset, exif.byteLength));
  } catch {
    return none;
  }
  const photo = tags.Photo ?? {};
  const image = tags.Image ?? {};
  const wallClock = (photo.DateTimeOriginal ?? photo.DateTimeDigitized ?? null) as Date | null;
  const offset = (photo.OffsetTimeOriginal ?? (photo.DateTimeOriginal ? null : photo.OffsetTimeDigitized) ?? null) as string | null;
  const make = cleanText(image.Make);
  let model = cleanText(image.Model);
  // Many cameras repeat the make in the model ("Canon" / "Canon EOS 80D"): keep it as the model says.
  if (model && make && model.toLowerCase() === make.toLowerCase()) model = null;
  return {
    takenAt: captureInstant(wallClock, offset, zone),
    cameraMake: make,
    cameraModel: model,
    hadLocation: !!tags.GPSInfo && Object.keys(tags.GPSInfo).length > 0,
  };
}
