/**
 * An event's photos: upload (checked, converted, stored), the gallery (order, cover, captions, tags, press
 * selection), serving, deletion. The bytes go through the ObjectStorage interface only; the rules are in
 * app/domain/photos.
 *
 * Concurrency: each photo has a version (photos.version) raised by every change a person makes to it; a change
 * sent with an older version is refused ("conflict"), never applied over someone else's. The order has its own
 * version (a fingerprint of the ids in order). Changes to one event's gallery lock the event's row, so the
 * order, the positions and "one cover at most" stay consistent.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Db } from "#db/client.server";
import { shortAddress } from "~/domain/protocol/address";
import type { PhotoText } from "~/domain/photos/photo.schema";
import { changedPositions, galleryOrderVersion, moveToPosition } from "~/domain/photos/gallery";
import { checkSize, type PhotoLimits } from "~/domain/photos/rules";
import {
  eventPhotosPrefix,
  originalExtension,
  photoOriginalKey,
  photoOriginalUrl,
  photoStorageKey,
  photoUrl,
  photoVariantKey,
  variantFromFile,
} from "~/domain/photos/urls";
import { checkSubmittedOrder } from "~/domain/protocol/precedence-list";
import { recordAudit } from "~/models/audit.server";
import {
  clearOtherCovers,
  deletePhotoRow,
  findEventInvitations,
  findPhotoBySha,
  getPhoto,
  getPhotoEvent,
  getPhotoForServing,
  insertPhoto,
  listPhotos,
  listTags,
  lockPhotoEvent,
  maxPhotoPosition,
  publishedSummariesPlacingPhoto,
  replaceTags,
  updatePhotoRow,
  type PhotoChange,
  type PhotoEvent,
  type PhotoRow,
  type TaggedPerson,
} from "~/models/photos.server";
import { ServiceError } from "~/utils/errors";
import { emitWebhook } from "./webhooks.server";
import type { Actor } from "~/domain/access/permissions";
import { PhotoRejectedError, processPhoto } from "./photos-processing.server";
import { isStorageFull, isStorageUnavailable, type ObjectStorage } from "./storage.server";

export interface PhotoTag {
  invitationId: string;
  /** "đồng chí Nguyễn Hồng Chuyên" */
  name: string;
  organization: string | null;
}

export interface PhotoView {
  id: string;
  eventId: string;
  /** 1-based place in the gallery. */
  number: number;
  revision: string;
  /** The web size (longest edge 1600 px), public and cacheable. */
  url: string;
  /** The thumbnail (longest edge 400 px), public and cacheable. */
  thumbnailUrl: string;
  /** The original as uploaded: staff only. */
  originalUrl: string;
  width: number;
  height: number;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
  takenAt: Date | null;
  cameraMake: string | null;
  cameraModel: string | null;
  position: number;
  isCover: boolean;
  includeInPress: boolean;
  originalFilename: string;
  originalType: string;
  originalBytes: number;
  uploadedBy: string | null;
  tags: PhotoTag[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface GalleryView {
  event: PhotoEvent;
  photos: PhotoView[];
  /** Send it back with a new order. */
  orderVersion: string;
}

function tagName(t: Pick<TaggedPerson, "honorific" | "fullName">): string {
  return shortAddress({ honorific: t.honorific, name: t.fullName, positions: [] });
}

function toView(row: PhotoRow, number: number, tags: TaggedPerson[]): PhotoView {
  return {
    id: row.id,
    eventId: row.eventId,
    number,
    revision: row.revision,
    url: photoUrl(row, "web"),
    thumbnailUrl: photoUrl(row, "thumb"),
    originalUrl: photoOriginalUrl(row),
    width: row.width,
    height: row.height,
    captionVi: row.captionVi,
    captionEn: row.captionEn,
    credit: row.credit,
    takenAt: row.takenAt,
    cameraMake: row.cameraMake,
    cameraModel: row.cameraModel,
    position: row.position,
    isCover: row.isCover,
    includeInPress: row.includeInPress,
    originalFilename: row.originalFilename,
    originalType: row.originalType,
    originalBytes: row.originalBytes,
    uploadedBy: row.uploadedBy,
    tags: tags
      .filter((t) => t.photoId === row.id)
      .map((t) => ({ invitationId: t.invitationId, name: tagName(t), organization: t.organization })),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

async function views(db: Db, rows: PhotoRow[]): Promise<PhotoView[]> {
  const tags = await listTags(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row, i) => toView(row, i + 1, tags));
}

/** Every photo of the event in gallery order, with URLs and tagged people. */
export async function listEventPhotos(db: Db, eventId: string): Promise<PhotoView[]> {
  return views(db, await listPhotos(db, eventId));
}

/** The photos chosen for the press summary (includeInPress), in gallery order; `number` stays the gallery's. */
export async function listPressPhotos(db: Db, eventId: string): Promise<PhotoView[]> {
  return (await listEventPhotos(db, eventId)).filter((p) => p.includeInPress);
}

/** The event's cover photo, or null when none is chosen. */
export async function getCoverPhoto(db: Db, eventId: string): Promise<PhotoView | null> {
  return (await listEventPhotos(db, eventId)).find((p) => p.isCover) ?? null;
}

export async function getGallery(db: Db, eventId: string): Promise<GalleryView> {
  const event = await getPhotoEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  const photos = await listEventPhotos(db, eventId);
  return { event, photos, orderVersion: galleryOrderVersion(photos.map((p) => p.id)) };
}

/** One photo of the event (with its place in the gallery), or null. */
export async function getEventPhoto(db: Db, eventId: string, photoId: string): Promise<PhotoView | null> {
  const all = await listEventPhotos(db, eventId);
  return all.find((p) => p.id === photoId) ?? null;
}

async function requirePhoto(db: Db, eventId: string, photoId: string): Promise<PhotoRow> {
  const row = await getPhoto(db, eventId, photoId);
  if (!row) throw new ServiceError("not_found", "photos.errors.notFound");
  return row;
}

async function requireView(db: Db, eventId: string, photoId: string): Promise<PhotoView> {
  const view = await getEventPhoto(db, eventId, photoId);
  if (!view) throw new ServiceError("not_found", "photos.errors.notFound");
  return view;
}

/** A token that changes whenever the served files change (part of their URLs). */
function newRevision(): string {
  return randomBytes(9).toString("base64url");
}

export interface PhotoUpload {
  filename: string;
  bytes: Buffer;
}

/**
 * Checks, converts and stores one upload, then adds it at the end of the gallery. Refusals (too large, not a
 * photo, HEIC, too many pixels, damaged, already in this gallery) throw PhotoRejectedError and store nothing.
 *
 * An exact duplicate (same bytes, by SHA-256) in the same event is refused with a message naming the photo
 * already there: two copies would only have to be captioned twice.
 */
export async function uploadPhoto(
  db: Db,
  storage: ObjectStorage,
  actor: Actor,
  eventId: string,
  upload: PhotoUpload,
  text: PhotoText,
  limits: PhotoLimits,
): Promise<PhotoView> {
  const sized = checkSize(upload.bytes.length, limits.maxBytes);
  if (sized) throw new PhotoRejectedError(sized);
  const event = await getPhotoEvent(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.title");
  const sha256 = createHash("sha256").update(upload.bytes).digest("hex");
  await refuseDuplicate(db, eventId, sha256);

  const processed = await processPhoto(upload.bytes, limits, event.timeZone);

  const id = randomUUID();
  const storageKey = photoStorageKey(eventId, id);
  const revision = newRevision();
  const ref = { storageKey, revision };
  try {
    await storage.put(photoOriginalKey(ref, processed.extension), upload.bytes, processed.type);
    await storage.put(photoVariantKey(ref, "web"), processed.variants.web, "image/jpeg");
    await storage.put(photoVariantKey(ref, "thumb"), processed.variants.thumb, "image/jpeg");
    await db.transaction(async (tx) => {
      if (!(await lockPhotoEvent(tx, eventId))) throw new ServiceError("not_found", "errors.notFound.title");
      // Checked again under the lock: two uploads of the same file at once keep one.
      await refuseDuplicate(tx, eventId, sha256);
      const position = (await maxPhotoPosition(tx, eventId)) + 1;
      await insertPhoto(tx, {
        id,
        eventId,
        storageKey,
        revision,
        originalFilename: upload.filename,
        originalType: processed.type,
        originalBytes: upload.bytes.length,
        sha256,
        width: processed.width,
        height: processed.height,
        captionVi: text.captionVi,
        captionEn: text.captionEn,
        credit: text.credit,
        takenAt: processed.facts.takenAt,
        cameraMake: processed.facts.cameraMake,
        cameraModel: processed.facts.cameraModel,
        position,
        isCover: false,
        includeInPress: true,
        uploadedBy: actor.id,
      });
      await recordAudit(tx, {
        actor,
        action: "photo.upload",
        entityType: "photo",
        entityId: id,
        eventId,
        details: { filename: upload.filename, bytes: upload.bytes.length, locationRemoved: processed.facts.hadLocation },
      });
      // Captions and credits may name people: they travel only to endpoints allowed personal data.
      await emitWebhook(tx, {
        type: "photo.added",
        eventId,
        data: { photoId: id, width: processed.width, height: processed.height, takenAt: processed.facts.takenAt?.toISOString() ?? null },
        personalData: { captionVi: text.captionVi, captionEn: text.captionEn, credit: text.credit },
      });
    });
  } catch (error) {
    // Whatever was stored goes again: no partial file, and (the row is inserted last) no photo without files.
    await storage.deletePrefix(storageKey).catch(() => {});
    if (isStorageFull(error)) throw new PhotoRejectedError({ status: 507, message: "photos.errors.storageFull" });
    // The bucket is down: nothing was recorded, the same file can be sent again once it is back.
    if (isStorageUnavailable(error)) {
      console.warn(`photo upload refused: ${error.message}`);
      throw new PhotoRejectedError({ status: 503, message: "photos.errors.storageUnavailable" });
    }
    throw error;
  }
  return requireView(db, eventId, id);
}

async function refuseDuplicate(db: Db, eventId: string, sha256: string): Promise<void> {
  const existing = await findPhotoBySha(db, eventId, sha256);
  if (!existing) return;
  const number = (await listPhotos(db, eventId)).findIndex((p) => p.id === existing.id) + 1;
  const name = encodeURIComponent(existing.originalFilename);
  throw new PhotoRejectedError({ status: 409, message: `photos.errors.duplicate?number=${number}&name=${name}` });
}

export interface PhotoUpdate {
  captionVi?: string | null;
  captionEn?: string | null;
  credit?: string | null;
  includeInPress?: boolean;
  isCover?: boolean;
  /** 1-based place in the gallery; the others move to make room. */
  position?: number;
  /** Replaces the tagged people (invitations of this event), in this order. */
  taggedInvitationIds?: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Changes one photo. `expectedVersion` (the version the person saw) makes a stale change a conflict; without
 * it (API clients that do not send one) the change applies to the current version.
 */
export async function updatePhoto(
  db: Db,
  actor: Actor,
  eventId: string,
  photoId: string,
  update: PhotoUpdate,
  expectedVersion?: number,
): Promise<PhotoView> {
  await db.transaction(async (tx) => {
    if (!(await lockPhotoEvent(tx, eventId))) throw new ServiceError("not_found", "errors.notFound.title");
    const row = await requirePhoto(tx, eventId, photoId);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw new ServiceError("conflict", "photos.errors.stale");
    const change: PhotoChange = {};
    const changed: string[] = [];
    for (const key of ["captionVi", "captionEn", "credit"] as const) {
      const value = update[key];
      if (value !== undefined && value !== row[key]) {
        change[key] = value;
        changed.push(key);
      }
    }
    if (update.includeInPress !== undefined && update.includeInPress !== row.includeInPress) {
      change.includeInPress = update.includeInPress;
      changed.push("includeInPress");
    }
    if (update.isCover !== undefined && update.isCover !== row.isCover) {
      change.isCover = update.isCover;
      changed.push("isCover");
      if (update.isCover) await clearOtherCovers(tx, eventId, photoId);
    }
    if (update.taggedInvitationIds !== undefined) {
      const ids = [...new Set(update.taggedInvitationIds)];
      const current = (await listTags(tx, [photoId])).map((t) => t.invitationId);
      if (!sameList(ids, current)) {
        const known = await findEventInvitations(tx, eventId, ids);
        // Tags already on the photo may stay even if their invitation was withdrawn since.
        const unknown = ids.filter((id) => !known.has(id) && !current.includes(id));
        if (unknown.length)
          throw new ServiceError("invalid", "form.fixErrors", { taggedInvitationIds: "photos.errors.notInvited" });
        await replaceTags(tx, photoId, ids);
        changed.push("tags");
      }
    }
    if (update.position !== undefined) {
      const rows = await listPhotos(tx, eventId);
      const order = moveToPosition(
        rows.map((r) => r.id),
        photoId,
        update.position,
      );
      const moves = changedPositions(order, new Map(rows.map((r) => [r.id, r.position])));
      for (const m of moves) await updatePhotoRow(tx, m.id, { position: m.position }, false);
      if (moves.length) changed.push("position");
    }
    if (changed.length === 0) return;
    const personal = changed.some((c) => c !== "position");
    if (personal || Object.keys(change).length) await updatePhotoRow(tx, photoId, change, personal);
    await recordAudit(tx, {
      actor,
      action: "photo.update",
      entityType: "photo",
      entityId: photoId,
      eventId,
      details: { changed },
    });
  });
  return requireView(db, eventId, photoId);
}

/** Tags one invitation of the event in the photo (added last); already tagged is fine. */
export async function tagPhoto(db: Db, actor: Actor, eventId: string, photoId: string, invitationId: string, expectedVersion?: number) {
  const view = await requireView(db, eventId, photoId);
  const ids = view.tags.map((t) => t.invitationId);
  if (ids.includes(invitationId)) return view;
  return updatePhoto(db, actor, eventId, photoId, { taggedInvitationIds: [...ids, invitationId] }, expectedVersion);
}

export async function untagPhoto(db: Db, actor: Actor, eventId: string, photoId: string, invitationId: string, expectedVersion?: number) {
  const view = await requireView(db, eventId, photoId);
  const ids = view.tags.map((t) => t.invitationId);
  if (!ids.includes(invitationId)) return view;
  return updatePhoto(db, actor, eventId, photoId, { taggedInvitationIds: ids.filter((id) => id !== invitationId) }, expectedVersion);
}

/** Saves a whole new order (every photo once), made from the order whose version is `orderVersion`. */
export async function savePhotoOrder(db: Db, actor: Actor, eventId: string, ids: string[], orderVersion: string): Promise<GalleryView> {
  await db.transaction(async (tx) => {
    if (!(await lockPhotoEvent(tx, eventId))) throw new ServiceError("not_found", "errors.notFound.title");
    const rows = await listPhotos(tx, eventId);
    const current = rows.map((r) => r.id);
    if (galleryOrderVersion(current) !== orderVersion) throw new ServiceError("conflict", "photos.errors.staleOrder");
    if (checkSubmittedOrder(current, ids) !== "ok") throw new ServiceError("invalid", "photos.errors.order");
    const moves = changedPositions(ids, new Map(rows.map((r) => [r.id, r.position])));
    for (const m of moves) await updatePhotoRow(tx, m.id, { position: m.position }, false);
    if (moves.length)
      await recordAudit(tx, { actor, action: "photos.reorder", entityType: "event", entityId: eventId, eventId, details: { order: ids } });
  });
  return getGallery(db, eventId);
}

export interface CaptionConflict {
  /** Photos changed by someone else since the form was loaded: as they are now. */
  stale: PhotoView[];
  /** Photos deleted meanwhile. */
  removed: string[];
}

/** Thrown by saveCaptions when any entry is out of date: nothing is saved. */
export class CaptionConflictError extends ServiceError {
  constructor(readonly conflict: CaptionConflict) {
    super(
      "conflict",
      conflict.stale.length
        ? `photos.errors.staleCaptions?count=${conflict.stale.length}`
        : `photos.errors.removedCaptions?count=${conflict.removed.length}`,
    );
    this.name = "CaptionConflictError";
  }
}

export interface CaptionEntryInput extends PhotoText {
  id: string;
  version: number;
}

/**
 * The bulk caption form: all entries are saved, or — when any photo changed or disappeared since the form was
 * loaded — none (CaptionConflictError lists them, as they are now). Entries without a change are skipped.
 * Returns how many photos changed.
 */
export async function saveCaptions(db: Db, actor: Actor, eventId: string, entries: CaptionEntryInput[]): Promise<number> {
  let conflict: CaptionConflict | null = null;
  const saved = await db.transaction(async (tx) => {
    if (!(await lockPhotoEvent(tx, eventId))) throw new ServiceError("not_found", "errors.notFound.title");
    const rows = new Map((await listPhotos(tx, eventId)).map((r) => [r.id, r]));
    const staleIds: string[] = [];
    const removed: string[] = [];
    for (const e of entries) {
      const row = rows.get(e.id);
      if (!row) removed.push(e.id);
      else if (row.version !== e.version) staleIds.push(e.id);
    }
    if (staleIds.length || removed.length) {
      conflict = { stale: [], removed };
      return -1;
    }
    let count = 0;
    for (const e of entries) {
      const row = rows.get(e.id)!;
      const change: PhotoChange = {};
      if (e.captionVi !== row.captionVi) change.captionVi = e.captionVi;
      if (e.captionEn !== row.captionEn) change.captionEn = e.captionEn;
      if (e.credit !== row.credit) change.credit = e.credit;
      if (Object.keys(change).length === 0) continue;
      await updatePhotoRow(tx, e.id, change);
      count += 1;
    }
    if (count)
      await recordAudit(tx, { actor, action: "photos.captions", entityType: "event", entityId: eventId, eventId, details: { count } });
    return count;
  });
  if (saved < 0 && conflict) {
    const found: CaptionConflict = conflict;
    const all = await listEventPhotos(db, eventId);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const stale = all.filter((p) => byId.has(p.id) && byId.get(p.id)!.version !== p.version);
    throw new CaptionConflictError({ stale, removed: found.removed });
  }
  return saved;
}

/** Deletes the photo, its tags and every stored file. */
export async function deletePhoto(
  db: Db,
  storage: ObjectStorage,
  actor: Actor,
  eventId: string,
  photoId: string,
  expectedVersion?: number,
): Promise<void> {
  const storageKey = await db.transaction(async (tx) => {
    if (!(await lockPhotoEvent(tx, eventId))) throw new ServiceError("not_found", "errors.notFound.title");
    const row = await requirePhoto(tx, eventId, photoId);
    if (expectedVersion !== undefined && expectedVersion !== row.version) throw new ServiceError("conflict", "photos.errors.stale");
    // A published report must not lose a photo under its readers: take it out of the report first.
    const [published] = await publishedSummariesPlacingPhoto(tx, eventId, photoId);
    if (published !== undefined)
      throw new ServiceError("conflict", `photos.errors.inPublishedReport?title=${encodeURIComponent(published)}`);
    await deletePhotoRow(tx, photoId);
    // Close the gap so the gallery's numbers stay 1…n.
    const rows = await listPhotos(tx, eventId);
    const moves = changedPositions(
      rows.map((r) => r.id),
      new Map(rows.map((r) => [r.id, r.position])),
    );
    for (const m of moves) await updatePhotoRow(tx, m.id, { position: m.position }, false);
    await recordAudit(tx, {
      actor,
      action: "photo.delete",
      entityType: "photo",
      entityId: photoId,
      eventId,
      details: { filename: row.originalFilename },
    });
    return row.storageKey;
  });
  // After the commit: a failure here leaves unreachable files, never a row without files.
  await deleteFilesAfterCommit(storage, storageKey);
}

/** Removes every stored file of an event's photos (call after deleting the event's rows). */
export async function deleteEventPhotoFiles(storage: ObjectStorage, eventId: string): Promise<void> {
  await deleteFilesAfterCommit(storage, eventPhotosPrefix(eventId));
}

/** The rows are gone already: a storage that is down leaves unreachable files (logged), not a failed request. */
async function deleteFilesAfterCommit(storage: ObjectStorage, prefix: string): Promise<void> {
  try {
    await storage.deletePrefix(prefix);
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    console.warn(`files of ${prefix} left in ${storage.location} (unreachable, no row points to them): ${error.message}`);
  }
}

export interface ServedFile {
  body: Buffer;
  /** Strong validator: the revision and variant name identify the bytes. */
  etag: string;
}

/** A served variant by its public URL's parts, or null when any part does not match. */
export async function readServedVariant(
  db: Db,
  storage: ObjectStorage,
  photoId: string,
  revision: string,
  file: string,
): Promise<ServedFile | null> {
  const variant = variantFromFile(file);
  if (!variant) return null;
  const photo = await getPhotoForServing(db, photoId);
  if (!photo || photo.revision !== revision) return null;
  const stored = await storage.get(photoVariantKey(photo, variant));
  if (!stored) return null;
  return { body: stored.body, etag: `"${photo.revision}-${variant}"` };
}

/** The original as uploaded, for staff. */
export async function readOriginal(
  db: Db,
  storage: ObjectStorage,
  eventId: string,
  photoId: string,
): Promise<{ body: Buffer; contentType: string; filename: string } | null> {
  const row = await getPhoto(db, eventId, photoId);
  if (!row) return null;
  const stored = await storage.get(photoOriginalKey(row, originalExtension(row.originalType)));
  if (!stored) return null;
  return { body: stored.body, contentType: row.originalType, filename: row.originalFilename };
}
