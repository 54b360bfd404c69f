/** /api/v1/events/:eventId/seating — GET the tables, seats, conflicts and signing arrangements. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireApiUser } from "~/services/api-auth.server";
import { seatingToJson } from "~/services/api-presenters/seating.server";
import { checkEventPermission } from "~/services/auth.server";
import { loadSeating } from "~/services/seating.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  return apiJson(seatingToJson(await loadSeating(context.db, event.id)));
};

const handlers = { GET: show };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
