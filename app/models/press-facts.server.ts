/** Queries for the press facts (app/services/press-facts.server.ts): explicit columns, no rules. */
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { photos } from "#db/schema/index";
import { photoColumns, pickColumns } from "./columns";

export interface PressPhotoRow {
  id: string;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
}

/** The event's photos chosen for the press (include_in_press), in gallery order (position, then id). */
export function listPressPhotos(db: Db, eventId: string): Promise<PressPhotoRow[]> {
  return db
    .select(pickColumns(photoColumns, ["id", "captionVi", "captionEn", "credit"]))
    .from(photos)
    .where(and(eq(photos.eventId, eventId), eq(photos.includeInPress, true)))
    .orderBy(asc(photos.position), asc(photos.id));
}
