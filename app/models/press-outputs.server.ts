import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, photos, pressSummaries } from "#db/schema/index";
import type { PressLanguage, PressStatus } from "~/domain/press/types";
import { eventColumns, photoColumns, pickColumns, pressSummaryColumns } from "./columns";

/** Press summaries as the outputs read them (public page, press room, print, .docx, copy): queries only. */

export interface PressOutputRow {
  id: string;
  eventId: string;
  language: PressLanguage;
  slug: string;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  publishedAt: Date | null;
  viewCount: number;
  updatedAt: Date;
  eventTitle: string;
  timeZone: string;
}

const outputColumns = {
  ...pickColumns(pressSummaryColumns, ["id", "eventId", "language", "slug", "title", "body", "byline", "status", "publishedAt", "viewCount", "updatedAt"]),
  eventTitle: eventColumns.title,
  timeZone: eventColumns.timeZone,
};

function selectOutputs(db: Db) {
  return db.select(outputColumns).from(pressSummaries).innerJoin(events, eq(events.id, pressSummaries.eventId));
}

/** A published summary by its public slug; anything not published is not found. */
export async function findPublishedBySlug(db: Db, slug: string): Promise<PressOutputRow | null> {
  const [row] = await selectOutputs(db).where(and(eq(pressSummaries.slug, slug), eq(pressSummaries.status, "published")));
  return row ?? null;
}

/** A summary of the event in any status. */
export async function findEventSummary(db: Db, eventId: string, summaryId: string): Promise<PressOutputRow | null> {
  const [row] = await selectOutputs(db).where(and(eq(pressSummaries.id, summaryId), eq(pressSummaries.eventId, eventId)));
  return row ?? null;
}

/** One more view of a published summary, atomically; the new count, or null when it is not published. */
export async function incrementViewCount(db: Db, summaryId: string): Promise<number | null> {
  const [row] = await db
    .update(pressSummaries)
    .set({ viewCount: sql`${pressSummaries.viewCount} + 1` })
    .where(and(eq(pressSummaries.id, summaryId), eq(pressSummaries.status, "published")))
    .returning(pickColumns(pressSummaryColumns, ["viewCount"]));
  return row?.viewCount ?? null;
}

/** Published summaries, newest first (ties: the later id first, so pages never overlap). */
export async function listPublished(db: Db, limit: number, offset: number): Promise<PressOutputRow[]> {
  return selectOutputs(db)
    .where(eq(pressSummaries.status, "published"))
    .orderBy(sql`${pressSummaries.publishedAt} desc nulls last`, desc(pressSummaries.id))
    .limit(limit)
    .offset(offset);
}

export async function countPublished(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(pressSummaries).where(eq(pressSummaries.status, "published"));
  return Number(row?.n ?? 0);
}

export interface PressOutputPhotoRow {
  id: string;
  eventId: string;
  storageKey: string;
  revision: string;
  width: number;
  height: number;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
  isCover: boolean;
  includeInPress: boolean;
  position: number;
}

/** The photos of these events, in gallery order. */
export async function listEventsPhotos(db: Db, eventIds: string[]): Promise<PressOutputPhotoRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select(pickColumns(photoColumns, ["id", "eventId", "storageKey", "revision", "width", "height", "captionVi", "captionEn", "credit", "isCover", "includeInPress", "position"]))
    .from(photos)
    .where(inArray(photos.eventId, eventIds))
    .orderBy(asc(photos.eventId), asc(photos.position), asc(photos.createdAt));
}
