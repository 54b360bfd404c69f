/** /api/v1/events/:eventId/agenda/:itemId — GET, PATCH (times cascade), DELETE one item. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { agendaItemApiPatchSchema } from "~/domain/agenda/agenda-item.schema";
import { deleteAgendaItem, getAgendaView, updateAgendaItem } from "~/services/agenda.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission, isUuid } from "~/services/auth.server";
import { apiError, apiJson, handleApi, noContent, readJsonAs, withApiWording, type ApiHandler } from "~/utils/api.server";
import { agendaWording, etag, expectedVersion, itemJson } from "~/services/api-resources/agenda.server";

function itemIdOf(params: Record<string, string | undefined>): string {
  const id = params.itemId;
  if (!id || !isUuid(id)) throw apiError(404, "No agenda item with this id.");
  return id;
}

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const itemId = itemIdOf(params);
  const item = itemJson(await getAgendaView(context.db, event.id), itemId);
  return apiJson(item, { headers: { ETag: etag(item.version) } });
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const itemId = itemIdOf(params);
  const expected = expectedVersion(request);
  const { position, ...change } = await readJsonAs(request, agendaItemApiPatchSchema);
  const view = await withApiWording(
    () =>
      updateAgendaItem(
        context.db,
        actorOf(user),
        event.id,
        itemId,
        { ...change, ...(position !== undefined ? { index: position - 1 } : {}) },
        { itemVersion: expected },
      ),
    agendaWording,
  );
  const item = itemJson(view, itemId);
  return apiJson(item, { headers: { ETag: etag(item.version) } });
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const itemId = itemIdOf(params);
  const expected = expectedVersion(request);
  await withApiWording(() => deleteAgendaItem(context.db, actorOf(user), event.id, itemId, { itemVersion: expected }), agendaWording);
  return noContent();
};

const handlers = { GET: show, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
