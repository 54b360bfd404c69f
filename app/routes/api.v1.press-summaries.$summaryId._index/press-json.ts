/** The press summary's JSON shape in the API (docs/api.md, "Press summaries"). */
import type { AppLoadContext } from "@remix-run/node";
import type { PressCommentJson, PressSummaryJson, PressVersionJson, regenerationReportJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import { isProvisionalSlug } from "~/domain/press/slug";
import type { User } from "~/models/users.server";
import type { DataChange, MergeConflict } from "~/domain/press/merge";
import {
  getPressSummary,
  publicPressPath,
  type PressComment,
  type PressConflictError,
  type PressSummary,
  type PressVersion,
  type RegenerationReport,
} from "~/services/press.server";
import { apiError, apiJson, toApiErrorResponse } from "~/utils/api.server";
import { checkEventPermission, isUuid, type EventAccess } from "~/services/auth.server";
import { requirePressEditor } from "~/services/press.server";
import type { EventAction } from "~/domain/access/permissions";

const person = (id: string | null, name: string | null) => (id ? { id, name } : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function pressSummaryToJson(s: PressSummary): PressSummaryJson {
  return {
    id: s.id,
    eventId: s.eventId,
    language: s.language,
    title: s.title,
    body: s.body,
    byline: s.byline,
    status: s.status,
    version: s.version,
    /** Set on first publication and never changed after; null before. */
    slug: isProvisionalSlug(s.slug) ? null : s.slug,
    publicUrl: publicPressPath(s),
    createdBy: person(s.createdBy, s.createdByName),
    submittedBy: person(s.submittedBy, s.submittedByName),
    submittedAt: iso(s.submittedAt),
    approvedBy: person(s.approvedBy, s.approvedByName),
    approvedAt: iso(s.approvedAt),
    publishedBy: person(s.publishedBy, s.publishedByName),
    publishedAt: iso(s.publishedAt),
    viewCount: s.viewCount,
    sources: s.sources,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A save or redraft made from an outdated version: nothing changed; the current text comes back to merge or overwrite knowingly. */
export async function pressConflictResponse(error: PressConflictError): Promise<Response> {
  const json = (await toApiErrorResponse(error).json()) as Record<string, unknown>;
  return apiJson(
    {
      ...json,
      current: pressSummaryToJson(error.current),
      savedBy: error.latest ? { name: error.latest.authorName, at: error.latest.at.toISOString() } : null,
    },
    { status: 409, headers: { ETag: `"${error.current.version}"` } },
  );
}

export function pressCommentToJson(c: PressComment): PressCommentJson {
  return { id: c.id, body: c.body, version: c.version, author: person(c.authorId, c.authorName), createdAt: c.createdAt.toISOString() };
}

/** A version in the history; its text only when asked for one version. */
export function pressVersionToJson(v: PressVersion, options: { text: boolean }): PressVersionJson {
  return {
    version: v.version,
    kind: v.kind,
    status: v.status,
    author: person(v.authorId, v.authorName),
    note: v.note,
    createdAt: v.createdAt.toISOString(),
    title: v.title,
    ...(options.text ? { byline: v.byline, body: v.body } : {}),
  };
}

const paragraphs = (lines: string[]) => lines.join("\n\n");

/** What a redraft did: the data's changes applied to untouched paragraphs, and where human text was kept. */
export function regenerationReportToJson(report: RegenerationReport): z.infer<typeof regenerationReportJsonSchema> {
  return {
    unchanged: report.unchanged,
    approvalLapsed: report.approvalLapsed,
    title: { changed: report.title.changed, conflict: report.title.conflict },
    changes: report.changes.map((c: DataChange) => ({ kind: c.kind, outcome: c.outcome, before: paragraphs(c.before), after: paragraphs(c.after) })),
    conflicts: report.conflicts.map((c: MergeConflict) => ({ at: c.at, kept: paragraphs(c.mine), generated: paragraphs(c.theirs) })),
  };
}

export const summaryNotFound = () => apiError(404, "No press summary with this id.");

/** The summary named in the URL, after checking the user may do `action` on its event (404 when unknown). */
export async function loadSummaryFor(
  user: User,
  context: AppLoadContext,
  summaryId: string | undefined,
  action: EventAction,
): Promise<{ summary: PressSummary; access: EventAccess }> {
  if (!summaryId || !isUuid(summaryId)) throw summaryNotFound();
  const summary = await getPressSummary(context.db, summaryId);
  if (!summary) throw summaryNotFound();
  const access = await checkEventPermission(user, context, summary.eventId, action);
  return { summary, access };
}

/**
 * For the summary's writing requests: loadSummaryFor, then 403 unless the user edits or approves the event's press
 * summaries — checked before the body is read, so a viewer gets 403, never 400/422.
 */
export async function loadSummaryForEditor(
  user: User,
  context: AppLoadContext,
  summaryId: string | undefined,
): Promise<{ summary: PressSummary; access: EventAccess }> {
  const loaded = await loadSummaryFor(user, context, summaryId, "event:read");
  await requirePressEditor(context.db, user, loaded.summary.eventId);
  return loaded;
}
