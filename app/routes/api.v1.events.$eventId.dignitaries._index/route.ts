/** /api/v1/events/:eventId/dignitaries — GET the list in precedence order; POST a dignitary. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { dignitaryApiCreateSchema } from "~/domain/protocol/dignitary.schema";
import { createDignitary, loadPrecedence } from "~/services/dignitaries.server";
import { apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";
import { dignitaryToJson } from "~/services/api-presenters/dignitaries.server";
import { createInputFromApi, expectedListVersion, listEtag } from "~/services/api-resources/dignitaries.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const view = await loadPrecedence(context.db, event.id);
  return apiJson(
    {
      data: view.dignitaries.map((d) => dignitaryToJson(d, view)),
      version: view.version,
      manual: view.manual,
      equalsFirst: view.event.precedenceEqualsFirst,
    },
    { headers: { ETag: listEtag(view.version) } },
  );
};

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const expected = expectedListVersion(request);
  const body = await readJsonAs(request, dignitaryApiCreateSchema);
  const created = await createDignitary(context.db, actorOf(user), event.id, createInputFromApi(body), {
    precedence: body.precedence,
    expectedVersion: expected,
  });
  const view = await loadPrecedence(context.db, event.id);
  return apiJson(dignitaryToJson(created, view), {
    status: 201,
    headers: { Location: `/api/v1/events/${event.id}/dignitaries/${created.id}`, ETag: listEtag(view.version) },
  });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
