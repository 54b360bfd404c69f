/** /api/v1/press-summaries/:summaryId/comments — GET the reviewers' thread (oldest first); POST {"body"}. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressCommentSchema } from "~/domain/press/press.schema";
import { addPressComment, listPressComments } from "~/services/press.server";
import { apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { pressCommentToJson } from "~/services/api-presenters/press.server";
import { loadSummaryFor, loadSummaryForEditor } from "~/services/api-resources/press.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryFor(user, context, params.summaryId, "event:read");
  const comments = await listPressComments(context.db, summary.id);
  return apiJson({ data: comments.map(pressCommentToJson) });
};

const add: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { summary } = await loadSummaryForEditor(user, context, params.summaryId);
  const body = await readJsonAs(request, pressCommentSchema, 'Send {"body": "the comment"}.');
  const comment = await addPressComment(context.db, actorOf(user), summary.id, body.body);
  return apiJson(pressCommentToJson(comment), { status: 201 });
};

const handlers = { GET: list, POST: add };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
