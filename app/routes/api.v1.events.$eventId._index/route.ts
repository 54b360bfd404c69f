/** /api/v1/events/:eventId — GET one event; PATCH a partial change. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eventApiPatchSchema } from "~/domain/events/event.schema";
import { getEventDetail } from "~/models/events.server";
import { eventToInput, updateEvent } from "~/services/events.server";
import { apiError, apiJson, expectedVersion, handleApi, messages, readJsonAs, validationError, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { eventApiIssues, mergeEventPatch } from "~/domain/api/event-input";
import { eventEtag, eventToJson } from "~/services/api-presenters/events.server";
import { checkEventPermission } from "~/services/auth.server";

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const detail = await getEventDetail(context.db, event.id);
  if (!detail) throw apiError(404, messages.eventNotFound);
  return apiJson(eventToJson(detail), { headers: { ETag: eventEtag(detail) } });
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const expected = expectedVersion(request);
  const body = await readJsonAs(request, eventApiPatchSchema);

  const current = await getEventDetail(context.db, event.id);
  if (!current) throw apiError(404, messages.eventNotFound);
  if (current.status === "cancelled") throw apiError(409, "A cancelled event cannot be edited.");
  if (expected !== undefined && expected !== current.version)
    throw apiError(409, `The event was changed meanwhile: it is at version ${current.version}, not ${expected}.`, {
      version: `Current version is ${current.version}.`,
    });
  // Nothing to change: answer with the event as it is, without a new version or an audit entry.
  if (Object.keys(body).length === 0)
    return apiJson(eventToJson(current), { headers: { ETag: eventEtag(current) } });

  const input = mergeEventPatch(eventToInput(current), body);
  const issues = eventApiIssues(input);
  if (Object.keys(issues).length) throw validationError(issues);
  // The service re-checks status and version inside its UPDATE, so a concurrent change still gets a 409.
  const saved = await updateEvent(context.db, actorOf(user), event.id, input, current.version);
  return apiJson(eventToJson(saved), { headers: { ETag: eventEtag(saved) } });
};

const handlers = { GET: show, PATCH: patch };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
