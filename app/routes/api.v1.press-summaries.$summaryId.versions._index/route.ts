/** /api/v1/press-summaries/:summaryId/versions — GET the history, newest first (no text; see …/versions/:version). */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listPressVersions } from "~/services/press.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { pressVersionToJson } from "~/services/api-presenters/press.server";
import { loadSummaryFor } from "~/services/api-resources/press.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryFor(user, context, params.summaryId, "event:read");
  const versions = await listPressVersions(context.db, summary.id);
  return apiJson({ data: versions.map((v) => pressVersionToJson(v, { text: false })) });
};

const handlers = { GET: list };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
