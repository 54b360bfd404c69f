import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, id, instant, updatedAt } from "./_columns";
import { events } from "./events";
import { invitations } from "./invitations";

/**
 * A photo of an event. The bytes live in the photo storage (app/services/photo-storage.server.ts) under
 * `storageKey`: the original as uploaded (staff only) and the served variants, re-encoded without any metadata.
 * Capture time and camera are read from the original's EXIF and kept here only.
 */
export const photos = pgTable(
  "photos",
  {
    id: id(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** Prefix of every stored file of this photo (original and variants). */
    storageKey: text("storage_key").notNull(),
    /** Changes whenever the served files change: part of their URLs, so they can be cached forever. */
    revision: text("revision").notNull(),
    originalFilename: text("original_filename").notNull(),
    /** The type read from the bytes: image/jpeg, image/png or image/webp. */
    originalType: text("original_type").notNull(),
    originalBytes: integer("original_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** Pixel size after the EXIF orientation is applied. */
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    captionVi: text("caption_vi"),
    captionEn: text("caption_en"),
    credit: text("credit"),
    takenAt: instant("taken_at"),
    cameraMake: text("camera_make"),
    cameraModel: text("camera_model"),
    /** Gallery order (1 = first). */
    position: integer("position").notNull().default(0),
    isCover: boolean("is_cover").notNull().default(false),
    includeInPress: boolean("include_in_press").notNull().default(true),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("photos_event_idx").on(t.eventId, t.position),
    uniqueIndex("photos_storage_key_idx").on(t.storageKey),
  ],
);

/** People in a photo, tagged from the event's invitations. */
export const photoTags = pgTable(
  "photo_tags",
  {
    photoId: uuid("photo_id")
      .notNull()
      .references(() => photos.id, { onDelete: "cascade" }),
    invitationId: uuid("invitation_id")
      .notNull()
      .references(() => invitations.id, { onDelete: "cascade" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.photoId, t.invitationId] }), index("photo_tags_invitation_idx").on(t.invitationId)],
);
