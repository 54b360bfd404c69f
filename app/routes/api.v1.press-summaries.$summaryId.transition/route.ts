/** /api/v1/press-summaries/:summaryId/transition — POST {"to", "comment"?, "version"?, "confirmBeforeEvent"?}. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressApiTransitionSchema } from "~/domain/press/press.schema";
import { isServiceError } from "~/utils/errors";
import { transitionPressSummary } from "~/services/press.server";
import { actorOf, apiError, apiJson, handleApi, readJson, requireApiUser, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { loadSummaryForEditor, pressSummaryToJson } from "../api.v1.press-summaries.$summaryId._index/press-json";

const beforeEventMessage =
  'The event has not ended yet and the summary is written as if it had happened. To go ahead anyway, send "confirmBeforeEvent": true.';

const transition: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  const body = await readJson(request);
  const parsed = pressApiTransitionSchema.safeParse(body);
  if (!parsed.success)
    throw validationError(
      zodFields(parsed.error),
      'Send {"to": "in_review" | "approved" | "published" | "draft"}, with "comment" when sending back and "confirmBeforeEvent": true before the event\'s end.',
    );
  try {
    const { summary: after, transition: step } = await transitionPressSummary(context.db, actorOf(user), summary.id, parsed.data.to, {
      comment: parsed.data.comment,
      version: parsed.data.version,
      confirmBeforeEvent: parsed.data.confirmBeforeEvent,
    });
    return apiJson({ ...pressSummaryToJson(after), transition: step.name }, { headers: { ETag: `"${after.version}"` } });
  } catch (error) {
    if (isServiceError(error) && error.fields.confirmBeforeEvent)
      throw apiError(422, beforeEventMessage, { confirmBeforeEvent: "Must be true before the event's end." });
    throw error;
  }
};

const handlers = { POST: transition };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
