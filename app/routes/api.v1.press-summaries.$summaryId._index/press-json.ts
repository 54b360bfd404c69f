/** The press summary's JSON shape in the API (docs/api.md, "Press summaries"). */
import type { AppLoadContext } from "@remix-run/node";
import { isProvisionalSlug } from "~/domain/press/slug";
import type { User } from "~/models/users.server";
import { getPressSummary, publicPressPath, type PressSummary } from "~/services/press.server";
import { apiError } from "~/utils/api.server";
import { checkEventPermission, isUuid, type EventAccess } from "~/utils/auth.server";
import type { EventAction } from "~/domain/access/permissions";

const person = (id: string | null, name: string | null) => (id ? { id, name } : null);
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function pressSummaryToJson(s: PressSummary) {
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
