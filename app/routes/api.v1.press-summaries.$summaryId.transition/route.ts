/** /api/v1/press-summaries/:summaryId/transition — POST {"to", "comment"?, "version"?}. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressApiTransitionSchema } from "~/domain/press/press.schema";
import { transitionPressSummary } from "~/services/press.server";
import { actorOf, apiJson, handleApi, readJson, requireApiUser, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { loadSummaryFor, pressSummaryToJson } from "../api.v1.press-summaries.$summaryId._index/press-json";

const transition: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryFor(user, context, params.summaryId, "event:read");
  const body = await readJson(request);
  const parsed = pressApiTransitionSchema.safeParse(body);
  if (!parsed.success)
    throw validationError(zodFields(parsed.error), 'Send {"to": "in_review" | "approved" | "published" | "draft"}, with "comment" when sending back.');
  const { summary: after, transition: step } = await transitionPressSummary(context.db, actorOf(user), summary.id, parsed.data.to, {
    comment: parsed.data.comment,
    version: parsed.data.version,
  });
  return apiJson({ ...pressSummaryToJson(after), transition: step.name }, { headers: { ETag: `"${after.version}"` } });
};

const handlers = { POST: transition };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
