/**
 * What the press summary's outputs read: the public page /press/<slug> (published only), the press room, and
 * for staff the print view, the .docx and the copy exports (any status). The body is rendered by
 * app/domain/press/markdown.ts and sanitized again here (app/utils/press-html.server.ts).
 *
 * Views: one atomic UPDATE … SET view_count = view_count + 1 per counted page view. Not counted: bots (isbot on
 * the User-Agent), prefetches (Purpose / Sec-Purpose: prefetch), and anyone signed in — staff previewing or
 * checking a report are not readers.
 */
import { isbot } from "isbot";
import type { Db } from "#db/client.server";
import { dateHeaderEn, dateHeaderVi } from "~/domain/dates/phrasing";
import {
  pressLeadText,
  pressMarkdownToText,
  referencedPhotoIds,
  type PressPhotoInfo,
  type PressPhotoLookup,
} from "~/domain/press/markdown";
import type { PressLanguage, PressStatus } from "~/domain/press/types";
import { photoUrl, photoVariants } from "~/domain/photos/urls";
import {
  countPublished,
  findEventSummary,
  findPublishedBySlug,
  incrementViewCount,
  listEventsPhotos,
  listPublished,
  type PressOutputPhotoRow,
  type PressOutputRow,
} from "~/models/press-outputs.server";
import { renderPressHtml } from "~/utils/press-html.server";

export interface PressOutputPhoto {
  id: string;
  /** The web variant (longest edge 1600 px), site-relative. */
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
  /** In the summary's language, else the other one. */
  caption: string | null;
  credit: string | null;
  isCover: boolean;
  storageKey: string;
  revision: string;
}

export interface PressDocument {
  id: string;
  eventId: string;
  eventTitle: string;
  language: PressLanguage;
  slug: string;
  title: string;
  body: string;
  byline: string | null;
  status: PressStatus;
  publishedAt: Date | null;
  viewCount: number;
  timeZone: string;
  updatedAt: Date;
  /** Every photo of the event, gallery order (the body may place any of them). */
  photos: PressOutputPhoto[];
}

function captionIn(language: PressLanguage, photo: Pick<PressOutputPhotoRow, "captionVi" | "captionEn">): string | null {
  const first = language === "vi" ? photo.captionVi : photo.captionEn;
  const second = language === "vi" ? photo.captionEn : photo.captionVi;
  return first?.trim() || second?.trim() || null;
}

function toPhoto(language: PressLanguage, row: PressOutputPhotoRow): PressOutputPhoto {
  return {
    id: row.id,
    url: photoUrl(row, "web"),
    thumbnailUrl: photoUrl(row, "thumb"),
    width: row.width,
    height: row.height,
    caption: captionIn(language, row),
    credit: row.credit?.trim() || null,
    isCover: row.isCover,
    storageKey: row.storageKey,
    revision: row.revision,
  };
}

async function toDocument(db: Db, row: PressOutputRow): Promise<PressDocument> {
  const photoRows = await listEventsPhotos(db, [row.eventId]);
  return { ...row, photos: photoRows.map((photo) => toPhoto(row.language, photo)) };
}

/** A published report by its slug; null for an unknown slug and for every report not published. */
export async function getPublishedPress(db: Db, slug: string): Promise<PressDocument | null> {
  const row = await findPublishedBySlug(db, slug);
  return row ? toDocument(db, row) : null;
}

/** A summary of the event in any status, for staff outputs; null when it is not this event's. */
export async function getPressForOutput(db: Db, eventId: string, summaryId: string): Promise<PressDocument | null> {
  const row = await findEventSummary(db, eventId, summaryId);
  return row ? toDocument(db, row) : null;
}

/** The web variant's size: the photo scaled so that its longest edge is at most photoVariants.web. */
export function webVariantSize(photo: { width: number; height: number }): { width: number; height: number } | null {
  if (!(photo.width > 0 && photo.height > 0)) return null;
  const scale = Math.min(1, photoVariants.web / Math.max(photo.width, photo.height));
  return { width: Math.max(1, Math.round(photo.width * scale)), height: Math.max(1, Math.round(photo.height * scale)) };
}

/** Looks up the event's photos by id for the renderer; `base` makes the URLs absolute (copy as HTML). */
export function pressPhotoLookup(doc: Pick<PressDocument, "photos">, base = ""): PressPhotoLookup {
  const byId = new Map(doc.photos.map((photo) => [photo.id, photo]));
  return (id: string): PressPhotoInfo | null => {
    const photo = byId.get(id);
    if (!photo) return null;
    return { url: `${base}${photo.url}`, caption: photo.caption, credit: photo.credit, ...(webVariantSize(photo) ?? {}) };
  };
}

/** The photos the body places, in order of appearance (unknown ids left out). */
export function placedPhotos(doc: Pick<PressDocument, "photos" | "body">): PressOutputPhoto[] {
  const byId = new Map(doc.photos.map((photo) => [photo.id, photo]));
  return referencedPhotoIds(doc.body).flatMap((id) => {
    const photo = byId.get(id);
    return photo ? [photo] : [];
  });
}

/** The picture for link previews and the press room: the event's cover, else the first photo in the body. */
export function pressCoverPhoto(doc: Pick<PressDocument, "photos" | "body">): PressOutputPhoto | null {
  return doc.photos.find((photo) => photo.isCover) ?? placedPhotos(doc)[0] ?? null;
}

/** "Thứ 5, 19/10/2017 | 19:13" (vi) or "Thursday, 19 October 2017 | 19:13" (en), in the event's time zone. */
export function pressDateHeader(doc: Pick<PressDocument, "language" | "timeZone">, at: Date): string {
  return doc.language === "vi" ? dateHeaderVi(at, doc.timeZone) : dateHeaderEn(at, doc.timeZone);
}

/** "1.047" in Vietnamese, "1,047" in English. */
export function formatViewCount(language: PressLanguage, count: number): string {
  return new Intl.NumberFormat(language === "vi" ? "vi-VN" : "en-GB").format(count);
}

/** The sanitized body HTML of a document. */
export function pressBodyHtml(
  doc: Pick<PressDocument, "photos" | "body">,
  options: { base?: string; photoNotFound: string; boldLead?: boolean; lazyImages?: boolean },
): string {
  return renderPressHtml(doc.body, {
    photo: pressPhotoLookup(doc, options.base),
    photoNotFound: options.photoNotFound,
    markLead: true,
    boldLead: options.boldLead,
    lazyImages: options.lazyImages,
  });
}

/** Whether this request is a reader's view: no bot, no prefetch, nobody signed in. */
export function isCountableView(request: Request, signedIn: boolean): boolean {
  if (signedIn) return false;
  if (request.method !== "GET") return false;
  const purpose = `${request.headers.get("Purpose") ?? ""} ${request.headers.get("Sec-Purpose") ?? ""}`.toLowerCase();
  if (purpose.includes("prefetch") || purpose.includes("prerender")) return false;
  const agent = request.headers.get("User-Agent");
  if (!agent || isbot(agent)) return false;
  return true;
}

/** Counts one view of a published report atomically; the count to show. */
export async function recordPressView(db: Db, doc: Pick<PressDocument, "id" | "viewCount">): Promise<number> {
  return (await incrementViewCount(db, doc.id)) ?? doc.viewCount;
}

// ---------------------------------------------------------------------------------------------------
// The press room

export const pressRoomPageSize = 10;

export interface PressRoomItem {
  slug: string;
  title: string;
  language: PressLanguage;
  publishedAt: Date | null;
  dateHeader: string | null;
  /** The lead, cut at a word boundary. */
  excerpt: string;
  thumbnailUrl: string | null;
  thumbnailAlt: string;
}

export interface PressRoomPage {
  items: PressRoomItem[];
  page: number;
  pages: number;
  total: number;
}

/** The lead cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(text: string, max = 240): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : clean.slice(0, max)).replace(/[\s,;:–—-]+$/, "")}…`;
}

/** Published reports, newest publication first, `pageSize` a page (page 1-based; past the end → the last page). */
export async function listPressRoom(db: Db, requestedPage: number, pageSize = pressRoomPageSize): Promise<PressRoomPage> {
  const total = await countPublished(db);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const rows = await listPublished(db, pageSize, (page - 1) * pageSize);
  const photoRows = await listEventsPhotos(db, [...new Set(rows.map((row) => row.eventId))]);
  const items = rows.map((row): PressRoomItem => {
    const photos = photoRows.filter((photo) => photo.eventId === row.eventId).map((photo) => toPhoto(row.language, photo));
    const cover = pressCoverPhoto({ photos, body: row.body });
    return {
      slug: row.slug,
      title: row.title,
      language: row.language,
      publishedAt: row.publishedAt,
      dateHeader: row.publishedAt ? pressDateHeader(row, row.publishedAt) : null,
      excerpt: excerpt(pressLeadText(row.body)),
      thumbnailUrl: cover?.thumbnailUrl ?? null,
      thumbnailAlt: cover?.caption ?? "",
    };
  });
  return { items, page, pages, total };
}

// ---------------------------------------------------------------------------------------------------
// Copy exports

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The report as an HTML fragment for a news site's editor: the headline (h1), the body with the lead in bold and
 * absolute image URLs, the byline last, right-aligned in bold. The body is sanitized; headline and byline are
 * escaped text.
 */
export function pressExportHtml(doc: PressDocument, options: { appUrl: string; photoNotFound: string }): string {
  const body = pressBodyHtml(doc, { base: options.appUrl, photoNotFound: options.photoNotFound, boldLead: true, lazyImages: false });
  const byline = doc.byline?.trim() ? `<p style="text-align: right;"><strong>${escapeHtml(doc.byline.trim())}</strong></p>\n` : "";
  return `<h1>${escapeHtml(doc.title)}</h1>\n${body}${byline}`;
}

/** The report as plain text: headline, body (captions on their own lines), byline; blocks apart by blank lines. */
export function pressExportText(doc: PressDocument): string {
  const body = pressMarkdownToText(doc.body, { photo: pressPhotoLookup(doc) });
  return [doc.title.trim(), body, doc.byline?.trim() ?? ""].filter(Boolean).join("\n\n") + "\n";
}
