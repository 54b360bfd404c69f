/**
 * Photo queries: rows of `photos` and `photo_tags`, the event fields the pipeline needs, and the invitations
 * one can tag. Explicit columns, `db` passed in, no business rules (app/services/photos.server.ts has them).
 */
import { and, asc, eq, inArray, isNull, max, ne, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, invitations, people, photos, photoTags, pressSummaries } from "#db/schema/index";
import { peopleMatching } from "./people.server";
import { eventColumns, invitationColumns, personColumns, photoColumns, photoTagColumns, pickColumns, pressSummaryColumns } from "./columns";

/** A whole `photos` row: `photoColumns` selects every column. */
export type PhotoRow = typeof photos.$inferSelect;

export interface PhotoEvent {
  id: string;
  timeZone: string;
  status: string;
}

const photoEventColumns = pickColumns(eventColumns, ["id", "timeZone", "status"]);

export async function getPhotoEvent(db: Db, eventId: string): Promise<PhotoEvent | null> {
  const [row] = await db.select(photoEventColumns).from(events).where(eq(events.id, eventId));
  return row ?? null;
}

/** Locks the event's row (FOR NO KEY UPDATE) so changes to one gallery's order and cover apply one at a time. */
export async function lockPhotoEvent(tx: Db, eventId: string): Promise<PhotoEvent | null> {
  const [row] = await tx.select(photoEventColumns).from(events).where(eq(events.id, eventId)).for("no key update");
  return row ?? null;
}

/** The event's photos in gallery order (position, then upload time). */
export async function listPhotos(db: Db, eventId: string): Promise<PhotoRow[]> {
  return db
    .select(photoColumns)
    .from(photos)
    .where(eq(photos.eventId, eventId))
    .orderBy(asc(photos.position), asc(photos.createdAt), asc(photos.id));
}

export async function getPhoto(db: Db, eventId: string, photoId: string): Promise<PhotoRow | null> {
  const [row] = await db.select(photoColumns).from(photos).where(and(eq(photos.eventId, eventId), eq(photos.id, photoId)));
  return row ?? null;
}

/** For serving: a photo by id alone (the media URL carries no event). */
export async function getPhotoForServing(
  db: Db,
  photoId: string,
): Promise<{ id: string; storageKey: string; revision: string; updatedAt: Date } | null> {
  const [row] = await db
    .select(pickColumns(photoColumns, ["id", "storageKey", "revision", "updatedAt"]))
    .from(photos)
    .where(eq(photos.id, photoId));
  return row ?? null;
}

export async function findPhotoBySha(db: Db, eventId: string, sha256: string): Promise<PhotoRow | null> {
  const [row] = await db
    .select(photoColumns)
    .from(photos)
    .where(and(eq(photos.eventId, eventId), eq(photos.sha256, sha256)))
    .limit(1);
  return row ?? null;
}

export async function maxPhotoPosition(db: Db, eventId: string): Promise<number> {
  const [row] = await db.select({ value: max(photos.position) }).from(photos).where(eq(photos.eventId, eventId));
  return row?.value ?? 0;
}

export type NewPhotoValues = Omit<PhotoRow, "createdAt" | "updatedAt" | "version">;

export async function insertPhoto(db: Db, values: NewPhotoValues): Promise<PhotoRow> {
  const [row] = await db.insert(photos).values(values).returning(photoColumns);
  if (!row) throw new Error("photo insert returned no row");
  return row;
}

export type PhotoChange = Partial<
  Pick<PhotoRow, "captionVi" | "captionEn" | "credit" | "includeInPress" | "isCover" | "position" | "revision">
>;

/**
 * Writes a change; `bumpVersion` raises the photo's version (every change a person makes to this photo does;
 * a new place in the gallery's order does not: the order has its own version).
 */
export async function updatePhotoRow(db: Db, photoId: string, change: PhotoChange, bumpVersion = true): Promise<void> {
  await db
    .update(photos)
    .set({ ...change, updatedAt: new Date(), ...(bumpVersion ? { version: sql`${photos.version} + 1` } : {}) })
    .where(eq(photos.id, photoId));
}

/** Clears the cover flag of every other photo of the event (raising their versions); returns their ids. */
export async function clearOtherCovers(db: Db, eventId: string, keepId: string | null): Promise<string[]> {
  const rows = await db
    .update(photos)
    .set({ isCover: false, updatedAt: new Date(), version: sql`${photos.version} + 1` })
    .where(and(eq(photos.eventId, eventId), eq(photos.isCover, true), keepId ? ne(photos.id, keepId) : sql`true`))
    .returning(pickColumns(photoColumns, ["id"]));
  return rows.map((r) => r.id);
}

export async function deletePhotoRow(db: Db, photoId: string): Promise<void> {
  await db.delete(photos).where(eq(photos.id, photoId));
}

export interface TaggedPerson {
  photoId: string;
  invitationId: string;
  honorific: string | null;
  fullName: string;
  organization: string | null;
}

const taggedColumns = {
  ...photoTagColumns,
  ...pickColumns(personColumns, ["honorific", "fullName", "organization"]),
};

/** The people tagged in these photos, each photo's in the order they were tagged. */
export async function listTags(db: Db, photoIds: string[]): Promise<TaggedPerson[]> {
  if (photoIds.length === 0) return [];
  return db
    .select(taggedColumns)
    .from(photoTags)
    .innerJoin(invitations, eq(invitations.id, photoTags.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(inArray(photoTags.photoId, photoIds))
    .orderBy(asc(photoTags.photoId), asc(photoTags.position), asc(people.nameSearch));
}

/** Replaces the photo's tags with these invitations, in this order. */
export async function replaceTags(db: Db, photoId: string, invitationIds: string[]): Promise<void> {
  await db.delete(photoTags).where(eq(photoTags.photoId, photoId));
  if (invitationIds.length)
    await db.insert(photoTags).values(invitationIds.map((invitationId, position) => ({ photoId, invitationId, position })));
}

/** Which of these invitation ids belong to the event and are not withdrawn. */
export async function findEventInvitations(db: Db, eventId: string, invitationIds: string[]): Promise<Set<string>> {
  if (invitationIds.length === 0) return new Set();
  const rows = await db
    .select(pickColumns(invitationColumns, ["id"]))
    .from(invitations)
    .where(and(eq(invitations.eventId, eventId), inArray(invitations.id, invitationIds), isNull(invitations.withdrawnAt)));
  return new Set(rows.map((r) => r.id));
}

export interface TagCandidate {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  organization: string | null;
}

/** Invitations of the event matching a search (name, diacritics ignored; or organization), for tagging. */
export async function searchTagCandidates(db: Db, eventId: string, q: string, limit: number): Promise<TagCandidate[]> {
  const search = peopleMatching(q, { email: false });
  const conditions = [eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)];
  if (search) conditions.push(search);
  return db
    .select({
      invitationId: invitationColumns.id,
      ...pickColumns(personColumns, ["honorific", "fullName", "organization"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(...conditions))
    .orderBy(
      sql`case ${invitations.role} when 'dignitary' then 0 when 'speaker' then 1 when 'signatory' then 2 else 3 end`,
      asc(people.nameSearch),
      asc(invitations.id),
    )
    .limit(limit);
}

/** Titles of the event's published press summaries whose body places this photo (![…](photo:<id>)). */
export async function publishedSummariesPlacingPhoto(db: Db, eventId: string, photoId: string): Promise<string[]> {
  const rows = await db
    .select(pickColumns(pressSummaryColumns, ["title"]))
    .from(pressSummaries)
    .where(
      and(
        eq(pressSummaries.eventId, eventId),
        eq(pressSummaries.status, "published"),
        sql`position(${`(photo:${photoId})`} in ${pressSummaries.body}) > 0`,
      ),
    );
  return rows.map((r) => r.title);
}
