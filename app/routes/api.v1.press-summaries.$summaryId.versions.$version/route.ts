/** /api/v1/press-summaries/:summaryId/versions/:version — GET one version's text; ?from=N adds the diff from version N. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { diffPressVersions, getPressVersion } from "~/services/press.server";
import { apiError, apiJson, handleApi, validationError, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { pressVersionToJson } from "~/services/api-presenters/press.server";
import { loadSummaryFor } from "~/services/api-resources/press.server";

const VERSION = /^[1-9]\d{0,8}$/;

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryFor(user, context, params.summaryId, "event:read");
  const notFound = () => apiError(404, "This press summary has no such version.");
  if (!params.version || !VERSION.test(params.version)) throw notFound();
  const version = await getPressVersion(context.db, summary.id, Number(params.version));
  if (!version) throw notFound();
  const from = new URL(request.url).searchParams.get("from");
  if (from === null) return apiJson(pressVersionToJson(version, { text: true }));
  if (!VERSION.test(from)) throw validationError({ from: "Must be a version number (1, 2, …)." });
  if (!(await getPressVersion(context.db, summary.id, Number(from)))) throw validationError({ from: "This press summary has no such version." });
  const diff = await diffPressVersions(context.db, summary.id, Number(from), version.version);
  return apiJson({ ...pressVersionToJson(version, { text: true }), diff: { from: Number(from), ...diff } });
};

const handlers = { GET: show };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
