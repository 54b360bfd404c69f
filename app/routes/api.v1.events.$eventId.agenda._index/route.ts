/** /api/v1/events/:eventId/agenda — GET the agenda in order; POST add an item. See docs/api.md, "Agenda". */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { agendaItemApiCreateSchema } from "~/domain/agenda/agenda-item.schema";
import { addAgendaItem, getAgendaView } from "~/services/agenda.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { agendaItemsToJson } from "~/services/api-presenters/agenda.server";
import { checkEventPermission } from "~/services/auth.server";
import { apiJson, handleApi, readJsonAs, withApiWording, type ApiHandler } from "~/utils/api.server";
import { agendaWording, etag, expectedVersion, itemJson } from "~/services/api-resources/agenda.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const view = await getAgendaView(context.db, event.id);
  return apiJson(
    { data: agendaItemsToJson(view), version: view.version, timeZone: view.event.timeZone },
    { headers: { ETag: etag(view.version) } },
  );
};

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const expected = expectedVersion(request);
  const { position, keyPoints, ...rest } = await readJsonAs(request, agendaItemApiCreateSchema);
  const { view, id } = await withApiWording(
    () =>
      addAgendaItem(
        context.db,
        actorOf(user),
        event.id,
        { ...rest, startsAt: rest.startsAt ?? null, keyPoints: keyPoints ?? [] },
        { index: position ? position - 1 : null, expected: { agendaVersion: expected } },
      ),
    agendaWording,
  );
  const item = itemJson(view, id);
  return apiJson(item, {
    status: 201,
    headers: { Location: `/api/v1/events/${event.id}/agenda/${id}`, ETag: etag(item.version) },
  });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
