/** /api/v1/press-summaries/:summaryId — GET; PATCH title/body/byline with the version (409 when outdated). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressApiPatchSchema } from "~/domain/press/press.schema";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { pressSummaryToJson } from "~/services/api-presenters/press.server";
import { updatePressSummary } from "~/services/press.server";
import { apiError, apiJson, handleApi, readJson, validationError, withApiWording, zodFields, type ApiHandler } from "~/utils/api.server";
import { loadSummaryFor, loadSummaryForEditor, pressConflictWording } from "~/services/api-resources/press.server";

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryFor(user, context, params.summaryId, "event:read");
  return apiJson(pressSummaryToJson(summary), { headers: { ETag: `"${summary.version}"` } });
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  // Read whole (not readJsonAs): which keys were sent matters — an absent byline keeps it, a null one clears it.
  const body = await readJson(request);
  const parsed = pressApiPatchSchema.safeParse(body);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  if (!("title" in body) && !("body" in body) && !("byline" in body))
    throw apiError(422, "Send at least one of title, body, byline (with version).", { _body: "Nothing to change." });
  const saved = await withApiWording(
    () =>
      updatePressSummary(context.db, actorOf(user), summary.id, {
        title: parsed.data.title ?? summary.title,
        body: parsed.data.body ?? summary.body,
        byline: "byline" in body ? parsed.data.byline : summary.byline,
        version: parsed.data.version,
      }),
    pressConflictWording,
  );
  return apiJson(
    { ...pressSummaryToJson(saved.summary), unchanged: saved.unchanged, approvalLapsed: saved.approvalLapsed, correction: saved.correction },
    { headers: { ETag: `"${saved.summary.version}"` } },
  );
};

const handlers = { GET: show, PATCH: patch };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
