import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import { events, photos, pressComments, pressEventSettings, pressSummaries, pressSummaryVersions, users } from "#db/schema/index";
import type { PressLanguage, PressSource, PressStatus } from "~/domain/press/types";
import { eventColumns, photoColumns, pickColumns, pressCommentColumns, pressEventSettingColumns, pressSummaryColumns, pressSummaryVersionColumns, userColumns } from "./columns";

/** Press summaries, their versions and comments: queries only. */

const createdByUser = alias(users, "press_created_by");
const submittedByUser = alias(users, "press_submitted_by");
const approvedByUser = alias(users, "press_approved_by");
const publishedByUser = alias(users, "press_published_by");

export interface PressSummaryRow {
  id: string;
  eventId: string;
  language: PressLanguage;
  slug: string;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  version: number;
  generatedTitle: string;
  generatedBody: string;
  sources: PressSource[];
  createdBy: string | null;
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  viewCount: number;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  submittedByName: string | null;
  approvedByName: string | null;
  publishedByName: string | null;
}

function selectSummaries(db: Db) {
  return db
    .select({
      ...pressSummaryColumns,
      createdByName: createdByUser.name,
      submittedByName: submittedByUser.name,
      approvedByName: approvedByUser.name,
      publishedByName: publishedByUser.name,
    })
    .from(pressSummaries)
    .leftJoin(createdByUser, eq(createdByUser.id, pressSummaries.createdBy))
    .leftJoin(submittedByUser, eq(submittedByUser.id, pressSummaries.submittedBy))
    .leftJoin(approvedByUser, eq(approvedByUser.id, pressSummaries.approvedBy))
    .leftJoin(publishedByUser, eq(publishedByUser.id, pressSummaries.publishedBy));
}

const asRow = (row: Omit<PressSummaryRow, "sources"> & { sources: unknown }): PressSummaryRow => ({
  ...row,
  sources: Array.isArray(row.sources) ? (row.sources as PressSource[]) : [],
});

export async function getPressSummaryRow(db: Db, id: string): Promise<PressSummaryRow | null> {
  const [row] = await selectSummaries(db).where(eq(pressSummaries.id, id));
  return row ? asRow(row) : null;
}

export async function listPressSummaryRows(db: Db, eventId: string): Promise<PressSummaryRow[]> {
  const rows = await selectSummaries(db)
    .where(eq(pressSummaries.eventId, eventId))
    .orderBy(sql`case ${pressSummaries.language} when 'vi' then 0 else 1 end`, asc(pressSummaries.createdAt));
  return rows.map(asRow);
}

/** Locks the summary's row for the rest of the transaction; returns its id, status and version. */
export async function lockPressSummary(db: Db, id: string) {
  const [row] = await db
    .select(pickColumns(pressSummaryColumns, ["id", "eventId", "status", "version"]))
    .from(pressSummaries)
    .where(eq(pressSummaries.id, id))
    .for("update");
  return row ?? null;
}

export interface PressSummaryValues {
  id: string;
  eventId: string;
  language: PressLanguage;
  slug: string;
  title: string;
  body: string;
  byline: string | null;
  generatedTitle: string;
  generatedBody: string;
  sources: PressSource[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export async function insertPressSummary(db: Db, values: PressSummaryValues): Promise<void> {
  await db.insert(pressSummaries).values({ ...values, status: "draft", version: 1 });
}

export type PressSummaryChange = Partial<{
  slug: string;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  version: number;
  generatedTitle: string;
  generatedBody: string;
  sources: PressSource[];
  submittedBy: string | null;
  submittedAt: Date | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
}>;

export async function updatePressSummaryRow(db: Db, id: string, change: PressSummaryChange): Promise<void> {
  await db.update(pressSummaries).set(change).where(eq(pressSummaries.id, id));
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.select(pickColumns(pressSummaryColumns, ["id"])).from(pressSummaries).where(eq(pressSummaries.slug, slug));
  return !!row;
}

// ---------------------------------------------------------------------------------------------------
// Versions

export type PressVersionKind = "generated" | "edited" | "regenerated" | "status";

export interface PressVersionValues {
  summaryId: string;
  version: number;
  kind: PressVersionKind;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  authorId: string | null;
  note: string | null;
  createdAt: Date;
}

export async function insertPressVersion(db: Db, values: PressVersionValues): Promise<void> {
  await db.insert(pressSummaryVersions).values(values);
}

const versionColumns = {
  ...pickColumns(pressSummaryVersionColumns, ["id", "version", "kind", "title", "body", "byline", "status", "authorId"]),
  authorName: userColumns.name,
  ...pickColumns(pressSummaryVersionColumns, ["note", "createdAt"]),
};

export interface PressVersionRow {
  id: string;
  version: number;
  kind: PressVersionKind;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  authorId: string | null;
  authorName: string | null;
  note: string | null;
  createdAt: Date;
}

/** Newest first. */
export function listPressVersionRows(db: Db, summaryId: string): Promise<PressVersionRow[]> {
  return db
    .select(versionColumns)
    .from(pressSummaryVersions)
    .leftJoin(users, eq(users.id, pressSummaryVersions.authorId))
    .where(eq(pressSummaryVersions.summaryId, summaryId))
    .orderBy(desc(pressSummaryVersions.version));
}

export async function getPressVersionRow(db: Db, summaryId: string, version: number): Promise<PressVersionRow | null> {
  const [row] = await db
    .select(versionColumns)
    .from(pressSummaryVersions)
    .leftJoin(users, eq(users.id, pressSummaryVersions.authorId))
    .where(and(eq(pressSummaryVersions.summaryId, summaryId), eq(pressSummaryVersions.version, version)));
  return row ?? null;
}

/** Who made the last change to the summary's text: the author of its newest version that is not a status step. */
export async function getLastTextAuthorId(db: Db, summaryId: string): Promise<string | null> {
  const [row] = await db
    .select(pickColumns(pressSummaryVersionColumns, ["authorId"]))
    .from(pressSummaryVersions)
    .where(and(eq(pressSummaryVersions.summaryId, summaryId), ne(pressSummaryVersions.kind, "status")))
    .orderBy(desc(pressSummaryVersions.version))
    .limit(1);
  return row?.authorId ?? null;
}

// ---------------------------------------------------------------------------------------------------
// The event's press rules

export interface PressEventSettingsRow {
  requireSecondApprover: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date | null;
}

/** The event's press rules; the defaults when nobody changed them. */
export async function getPressEventSettingsRow(db: Db, eventId: string): Promise<PressEventSettingsRow> {
  const [row] = await db
    .select({
      ...pickColumns(pressEventSettingColumns, ["requireSecondApprover", "updatedBy"]),
      updatedByName: userColumns.name,
      updatedAt: pressEventSettingColumns.updatedAt,
    })
    .from(pressEventSettings)
    .leftJoin(users, eq(users.id, pressEventSettings.updatedBy))
    .where(eq(pressEventSettings.eventId, eventId));
  return row ?? { requireSecondApprover: false, updatedBy: null, updatedByName: null, updatedAt: null };
}

export async function upsertPressEventSettings(
  db: Db,
  eventId: string,
  values: { requireSecondApprover: boolean; updatedBy: string; updatedAt: Date },
): Promise<void> {
  await db
    .insert(pressEventSettings)
    .values({ eventId, ...values })
    .onConflictDoUpdate({ target: pressEventSettings.eventId, set: values });
}

// ---------------------------------------------------------------------------------------------------
// Comments

export async function insertPressComment(
  db: Db,
  values: { summaryId: string; authorId: string; body: string; version: number; createdAt: Date },
): Promise<string> {
  const [row] = await db
    .insert(pressComments)
    .values({ ...values, updatedAt: values.createdAt })
    .returning(pickColumns(pressCommentColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row.id;
}

export interface PressCommentRow {
  id: string;
  body: string;
  version: number;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

/** Oldest first, as a thread reads. */
export function listPressCommentRows(db: Db, summaryId: string): Promise<PressCommentRow[]> {
  return db
    .select({
      ...pickColumns(pressCommentColumns, ["id", "body", "version", "authorId"]),
      authorName: userColumns.name,
      createdAt: pressCommentColumns.createdAt,
    })
    .from(pressComments)
    .leftJoin(users, eq(users.id, pressComments.authorId))
    .where(eq(pressComments.summaryId, summaryId))
    .orderBy(asc(pressComments.createdAt), asc(pressComments.id));
}

// ---------------------------------------------------------------------------------------------------
// The event and people around a summary

export async function getPressEvent(db: Db, eventId: string) {
  const [row] = await db
    .select(pickColumns(eventColumns, ["id", "title", "status", "timeZone", "endsAt", "createdBy"]))
    .from(events)
    .where(eq(events.id, eventId));
  return row ?? null;
}

export async function getUserRoleAndName(db: Db, userId: string) {
  const [row] = await db.select(pickColumns(userColumns, ["role", "name", "active"])).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export interface PressPhotoRow {
  id: string;
  revision: string;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
  includeInPress: boolean;
  width: number;
  height: number;
}

/** The event's photos in gallery order (for the editor's picker and preview). */
export function listEventPhotoRows(db: Db, eventId: string): Promise<PressPhotoRow[]> {
  return db
    .select(pickColumns(photoColumns, ["id", "revision", "captionVi", "captionEn", "credit", "includeInPress", "width", "height"]))
    .from(photos)
    .where(eq(photos.eventId, eventId))
    .orderBy(asc(photos.position), asc(photos.createdAt));
}
