/**
 * The rules an upload must pass, as i18n message keys and HTTP statuses. Pure: the upload service and the
 * browser (which checks the size before sending) share them; the server is the authority.
 */
import type { SniffedType } from "./sniff";

export const DEFAULT_PHOTO_MAX_BYTES = 25 * 1024 * 1024;
export const DEFAULT_PHOTO_MAX_PIXELS = 60_000_000;
/** Files one plain (no-JavaScript) form may send at once; the enhanced uploader sends one file per request. */
export const MAX_FILES_PER_FORM = 30;

export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface Rejection {
  /**
   * 413 too large, 415 not a type we take, 409 already in the gallery, 422 an image we cannot use; 507 the
   * server's disk is full (nothing was kept; worth retrying once space is freed).
   */
  status: 400 | 409 | 413 | 415 | 422 | 503 | 507;
  /** An i18n key with "?param=value" parameters. */
  message: string;
}

/** "25", "2.5", "0.04": megabytes (MiB) for messages, with two decimals below 1 MB. */
export function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 10 || Number.isInteger(mb)) return String(Math.round(mb));
  return mb >= 1 ? mb.toFixed(1) : String(Number(mb.toFixed(2)) || 0.01);
}

/** "60": megapixels for messages. */
export function megapixels(pixels: number): string {
  const mp = pixels / 1_000_000;
  return Number.isInteger(mp) ? String(mp) : mp.toFixed(1);
}

export function tooLarge(maxBytes: number): Rejection {
  return { status: 413, message: `photos.errors.tooLarge?max=${megabytes(maxBytes)}` };
}

/**
 * Whether sending the same file again can help: a lost connection (status 0), a server failure (5xx), a busy or
 * timed-out server (408, 429). Not a refusal of the file itself — too large, not an image, already in the
 * gallery, unusable (4xx) — nor a missing permission or a signed-out session: those would fail the same way.
 */
export function uploadRetryable(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/** The size check, in the browser before sending and on the server while receiving. */
export function checkSize(size: number, maxBytes: number): Rejection | null {
  if (size <= 0) return { status: 400, message: "photos.errors.empty" };
  return size > maxBytes ? tooLarge(maxBytes) : null;
}

/** What to tell about a file whose bytes are not JPEG, PNG or WebP; null when they are. */
export function checkSniffed(sniffed: SniffedType): Rejection | null {
  switch (sniffed.kind) {
    case "accepted":
      return null;
    case "empty":
      return { status: 400, message: "photos.errors.empty" };
    case "heic":
      return { status: 415, message: "photos.errors.heic" };
    case "svg":
      return { status: 415, message: "photos.errors.svg" };
    case "pdf":
      return { status: 415, message: "photos.errors.pdf" };
    case "otherImage":
      return { status: 415, message: `photos.errors.otherImage?format=${sniffed.format}` };
    case "unknown":
      return { status: 415, message: "photos.errors.notImage" };
  }
}

/** A decompression bomb is refused from the header's size, before any pixel is decoded. */
export function checkPixels(width: number, height: number, maxPixels: number): Rejection | null {
  if (!(width > 0 && height > 0)) return { status: 422, message: "photos.errors.corrupt" };
  if (width * height <= maxPixels) return null;
  return { status: 422, message: `photos.errors.tooManyPixels?width=${width}&height=${height}&max=${megapixels(maxPixels)}` };
}

/** Reduces a file name to something safe to show and to store (no path, no control characters, 200 chars). */
export function cleanFilename(name: string | null | undefined): string {
  const base = (name ?? "").split(/[/\\]/).pop() ?? "";
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const text = base.normalize("NFC").replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (!text) return "photo";
  return text.length > 200 ? text.slice(text.length - 200) : text;
}
