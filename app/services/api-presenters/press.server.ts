/** Press summaries, their comments, versions and redraft reports as the API answers them (docs/api.md, "Press summaries"). */
import type { z } from "zod";
import type { PressCommentJson, PressSummaryJson, PressVersionJson, regenerationReportJsonSchema } from "~/domain/api/resources";
import type { DataChange, MergeConflict } from "~/domain/press/merge";
import { isProvisionalSlug } from "~/domain/press/slug";
import { publicPressPath, type PressComment, type PressSummary, type PressVersion, type RegenerationReport } from "~/services/press.server";
import { isoMsOrNull } from "./iso.server";
import { userRefToJson } from "./people.server";

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
    createdBy: userRefToJson(s.createdBy, s.createdByName),
    submittedBy: userRefToJson(s.submittedBy, s.submittedByName),
    submittedAt: isoMsOrNull(s.submittedAt),
    approvedBy: userRefToJson(s.approvedBy, s.approvedByName),
    approvedAt: isoMsOrNull(s.approvedAt),
    publishedBy: userRefToJson(s.publishedBy, s.publishedByName),
    publishedAt: isoMsOrNull(s.publishedAt),
    viewCount: s.viewCount,
    sources: s.sources,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function pressCommentToJson(c: PressComment): PressCommentJson {
  return { id: c.id, body: c.body, version: c.version, author: userRefToJson(c.authorId, c.authorName), createdAt: c.createdAt.toISOString() };
}

/** A version in the history; its text only when asked for one version. */
export function pressVersionToJson(v: PressVersion, options: { text: boolean }): PressVersionJson {
  return {
    version: v.version,
    kind: v.kind,
    status: v.status,
    author: userRefToJson(v.authorId, v.authorName),
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
