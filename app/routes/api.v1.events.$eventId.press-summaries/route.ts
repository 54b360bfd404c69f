/** /api/v1/events/:eventId/press-summaries — GET the event's summaries; POST {"language"} drafts one. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { pressApiCreateSchema } from "~/domain/press/press.schema";
import { createPressSummary, listEventPressSummaries, requirePressEditor } from "~/services/press.server";
import { apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";
import { pressSummaryToJson } from "~/services/api-presenters/press.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const summaries = await listEventPressSummaries(context.db, event.id);
  return apiJson({ data: summaries.map(pressSummaryToJson) });
};

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  await requirePressEditor(context.db, user, event.id);
  const body = await readJsonAs(request, pressApiCreateSchema, 'Send {"language": "vi"} or {"language": "en"}.');
  const summary = await createPressSummary(context.db, actorOf(user), event.id, body.language);
  return apiJson(pressSummaryToJson(summary), { status: 201, headers: { Location: `/api/v1/press-summaries/${summary.id}` } });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
