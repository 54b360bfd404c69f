/**
 * /api/v1/press-summaries/:summaryId/redraft — POST {"version"}: redraft from the event's current data, keeping human
 * edits (three-way, by paragraph), and report what the data changed. 409 with the current text when outdated.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressRegenerateSchema } from "~/domain/press/press.schema";
import { isPressConflict, regeneratePressSummary } from "~/services/press.server";
import { actorOf, apiJson, handleApi, readJson, requireApiUser, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import {
  loadSummaryForEditor,
  pressConflictResponse,
  pressSummaryToJson,
  regenerationReportToJson,
} from "../api.v1.press-summaries.$summaryId._index/press-json";

const redraft: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  const parsed = pressRegenerateSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(zodFields(parsed.error), 'Send {"version": the version you last read}.');
  try {
    const result = await regeneratePressSummary(context.db, actorOf(user), summary.id, { version: parsed.data.version });
    return apiJson(
      { ...pressSummaryToJson(result.summary), report: regenerationReportToJson(result.report) },
      { headers: { ETag: `"${result.summary.version}"` } },
    );
  } catch (error) {
    if (!isPressConflict(error)) throw error;
    return pressConflictResponse(error);
  }
};

const handlers = { POST: redraft };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
