/** /api/v1/events — GET: newest first, keyset-paginated; POST: create an event. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { eventApiCreateSchema } from "~/domain/events/event.schema";
import { getEventDetails, listEventsAfter } from "~/models/events.server";
import { createEvent } from "~/services/events.server";
import { apiError, apiJson, handleApi, messages, readJsonAs, validationError, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { decodeEventCursor, encodeEventCursor } from "./event-cursor";
import { eventApiIssues, eventInputFromApi } from "~/domain/api/event-input";
import { eventEtag, eventToJson } from "~/services/api-presenters/events.server";

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const params = new URL(request.url).searchParams;

  const limitParam = params.get("limit");
  let limit = DEFAULT_LIMIT;
  if (limitParam !== null) {
    limit = /^\d{1,3}$/.test(limitParam) ? Number(limitParam) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT))
      throw apiError(400, `limit must be a whole number from 1 to ${MAX_LIMIT}.`, { limit: `Must be 1–${MAX_LIMIT}.` });
  }

  const cursorParam = params.get("cursor");
  const after = cursorParam === null || cursorParam === "" ? undefined : decodeEventCursor(cursorParam);
  if (after === null)
    throw apiError(400, "cursor is not valid: pass the nextCursor of a previous page unchanged.", {
      cursor: "Not a cursor from this API.",
    });

  // One more than asked tells whether another page exists, so the last page says nextCursor: null.
  const rows = await listEventsAfter(context.db, { after, limit: limit + 1 });
  const page = rows.slice(0, limit);
  const details = await getEventDetails(
    context.db,
    page.map((r) => r.id),
  );
  const last = details[details.length - 1];
  const nextCursor = rows.length > limit && last ? encodeEventCursor(last) : null;
  return apiJson({ data: details.map(eventToJson), nextCursor });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "event:create")) throw apiError(403, messages.forbidden);
  const body = await readJsonAs(request, eventApiCreateSchema);
  const input = eventInputFromApi(body);
  const issues = eventApiIssues(input);
  if (Object.keys(issues).length) throw validationError(issues);
  const event = await createEvent(context.db, actorOf(user), input);
  return apiJson(eventToJson(event), {
    status: 201,
    headers: { Location: `/api/v1/events/${event.id}`, ETag: eventEtag(event) },
  });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
