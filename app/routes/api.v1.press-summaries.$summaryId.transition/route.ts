/** /api/v1/press-summaries/:summaryId/transition — POST {"to", "comment"?, "version"?, "confirmBeforeEvent"?}. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressApiTransitionSchema } from "~/domain/press/press.schema";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { pressSummaryToJson } from "~/services/api-presenters/press.server";
import { transitionPressSummary } from "~/services/press.server";
import { apiJson, handleApi, readJsonAs, withApiWording, type ApiHandler } from "~/utils/api.server";
import type { ServiceError } from "~/utils/errors";
import { loadSummaryForEditor } from "~/services/api-resources/press.server";

const expectedBody =
  'Send {"to": "in_review" | "approved" | "published" | "draft"}, with "comment" when sending back and "confirmBeforeEvent": true before the event\'s end.';

/** Refused before the event's end without confirmBeforeEvent: the API says which field to send. */
const beforeEventWording = (error: ServiceError) =>
  error.fields.confirmBeforeEvent
    ? {
        message: 'The event has not ended yet and the summary is written as if it had happened. To go ahead anyway, send "confirmBeforeEvent": true.',
        fields: { confirmBeforeEvent: "Must be true before the event's end." },
      }
    : null;

const transition: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  const body = await readJsonAs(request, pressApiTransitionSchema, expectedBody);
  const { summary: after, transition: step } = await withApiWording(
    () =>
      transitionPressSummary(context.db, actorOf(user), summary.id, body.to, {
        comment: body.comment,
        version: body.version,
        confirmBeforeEvent: body.confirmBeforeEvent,
      }),
    beforeEventWording,
  );
  return apiJson({ ...pressSummaryToJson(after), transition: step.name }, { headers: { ETag: `"${after.version}"` } });
};

const handlers = { POST: transition };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
