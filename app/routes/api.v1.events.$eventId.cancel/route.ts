/** /api/v1/events/:eventId/cancel — POST cancels the event (no body needed). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { cancelEvent } from "~/services/events.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { eventEtag, eventToJson } from "~/services/api-presenters/events.server";
import { checkEventPermission } from "~/services/auth.server";

const cancel: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:cancel");
  const cancelled = await cancelEvent(context.db, actorOf(user), event.id);
  return apiJson(eventToJson(cancelled), { headers: { ETag: eventEtag(cancelled) } });
};

const handlers = { POST: cancel };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
