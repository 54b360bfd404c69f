/** The press summary API's shared steps: the summary of the URL (with its access checks) and the wording of a stale save. */
import type { AppLoadContext } from "@remix-run/node";
import type { EventAction } from "~/domain/access/permissions";
import type { User } from "~/models/users.server";
import { pressSummaryToJson } from "~/services/api-presenters/press.server";
import { isUuid, type EventAccess } from "~/services/auth.server";
import { checkApiEventPermission } from "~/services/api-auth.server";
import { getPressSummary, isPressConflict, requirePressEditor, type PressSummary } from "~/services/press.server";
import { apiError, type ApiErrorWording } from "~/utils/api.server";
import type { ServiceError } from "~/utils/errors";

/**
 * A save or redraft made from an outdated version (withApiWording): nothing changed; the current text comes back
 * beside the error, to merge or overwrite knowingly.
 */
export function pressConflictWording(error: ServiceError): ApiErrorWording | null {
  if (!isPressConflict(error)) return null;
  return {
    extra: {
      current: pressSummaryToJson(error.current),
      savedBy: error.latest ? { name: error.latest.authorName, at: error.latest.at.toISOString() } : null,
    },
    headers: { ETag: `"${error.current.version}"` },
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
  const access = await checkApiEventPermission(user, context, summary.eventId, action);
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
