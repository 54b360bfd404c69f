/**
 * /api/v1/press-summaries/:summaryId/redraft — POST {"version"}: redraft from the event's current data, keeping human
 * edits (three-way, by paragraph), and report what the data changed. 409 with the current text when outdated.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressRegenerateSchema } from "~/domain/press/press.schema";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { pressSummaryToJson, regenerationReportToJson } from "~/services/api-presenters/press.server";
import { regeneratePressSummary } from "~/services/press.server";
import { apiJson, handleApi, readJsonAs, withApiWording, type ApiHandler } from "~/utils/api.server";
import { loadSummaryForEditor, pressConflictWording } from "~/services/api-resources/press.server";

const redraft: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  const { version } = await readJsonAs(request, pressRegenerateSchema, 'Send {"version": the version you last read}.');
  const result = await withApiWording(() => regeneratePressSummary(context.db, actorOf(user), summary.id, { version }), pressConflictWording);
  return apiJson(
    { ...pressSummaryToJson(result.summary), report: regenerationReportToJson(result.report) },
    { headers: { ETag: `"${result.summary.version}"` } },
  );
};

const handlers = { POST: redraft };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
