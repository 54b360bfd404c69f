/**
 * Where a photo's files are stored and served. The served variants are JPEG (every news CMS and Word take it),
 * re-encoded without any metadata; their URLs carry the photo's revision, so they are cached for a year and a
 * new upload or rotation gets new URLs.
 *
 * Storage keys: <storageKey>/original.<ext> (staff only) and <storageKey>/<revision>/<variant>.jpg, where
 * storageKey = photos/<eventId>/<photoId>.
 */
export const photoVariants = {
  /** The gallery grid and pickers: longest edge 400 px. */
  thumb: 400,
  /** The press page, the .docx and the editor's preview: longest edge 1600 px. */
  web: 1600,
} as const;
export type PhotoVariant = keyof typeof photoVariants;

export interface PhotoRef {
  id: string;
  revision: string;
}

export function photoStorageKey(eventId: string, photoId: string): string {
  return `photos/${eventId}/${photoId}`;
}

export function photoVariantKey(photo: { storageKey: string; revision: string }, variant: PhotoVariant): string {
  return `${photo.storageKey}/${photo.revision}/${variant}.jpg`;
}

/** The public, cacheable URL of a served variant. */
export function photoUrl(photo: PhotoRef, variant: PhotoVariant): string {
  return `/media/photos/${photo.id}/${photo.revision}/${variant}.jpg`;
}

/** Where the original, as uploaded, is kept (staff only; never served from /media). */
export function photoOriginalKey(photo: { storageKey: string }, extension: string): string {
  return `${photo.storageKey}/original.${extension}`;
}

/** The staff-only download of the original. */
export function photoOriginalUrl(photo: { eventId: string; id: string }): string {
  return `/events/${photo.eventId}/photos/${photo.id}/original`;
}

/** The file extension the original is stored with, from its sniffed type. */
export function originalExtension(originalType: string): "jpg" | "png" | "webp" {
  return originalType === "image/png" ? "png" : originalType === "image/webp" ? "webp" : "jpg";
}

/** A served variant's file name in a /media URL ("thumb.jpg", "web.jpg") → the variant, or null. */
export function variantFromFile(file: string): PhotoVariant | null {
  const name = file.endsWith(".jpg") ? file.slice(0, -4) : "";
  return Object.prototype.hasOwnProperty.call(photoVariants, name) ? (name as PhotoVariant) : null;
}

/** The prefix of every stored file of an event's photos. */
export function eventPhotosPrefix(eventId: string): string {
  return `photos/${eventId}`;
}
