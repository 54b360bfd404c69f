/** /api/v1/events/:eventId/dignitaries/:dignitaryId — GET, PATCH (precedence moves them), DELETE. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { dignitaryApiPatchSchema } from "~/domain/protocol/dignitary.schema";
import { getDignitaryView, loadPrecedence, removeDignitary, updateDignitary } from "~/services/dignitaries.server";
import { apiError, apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission, isUuid } from "~/services/auth.server";
import { dignitaryToJson } from "~/services/api-presenters/dignitaries.server";
import { changeFromApi, expectedListVersion, listEtag } from "~/services/api-resources/dignitaries.server";

const notFound = () => apiError(404, "No dignitary with this id at this event.");

function dignitaryId(params: LoaderFunctionArgs["params"]): string {
  if (!params.dignitaryId || !isUuid(params.dignitaryId)) throw notFound();
  return params.dignitaryId;
}

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:read");
  const view = await loadPrecedence(context.db, event.id);
  const found = view.dignitaries.find((d) => d.id === dignitaryId(params));
  if (!found) throw notFound();
  return apiJson(dignitaryToJson(found, view), { headers: { ETag: listEtag(view.version) } });
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const id = dignitaryId(params);
  const expected = expectedListVersion(request);
  const body = await readJsonAs(request, dignitaryApiPatchSchema);
  if (!(await getDignitaryView(context.db, event.id, id))) throw notFound();
  const saved = await updateDignitary(context.db, actorOf(user), event.id, id, changeFromApi(body), { expectedVersion: expected });
  const view = await loadPrecedence(context.db, event.id);
  return apiJson(dignitaryToJson(saved, view), { headers: { ETag: listEtag(view.version) } });
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "event:update");
  const id = dignitaryId(params);
  const expected = expectedListVersion(request);
  if (!(await getDignitaryView(context.db, event.id, id))) throw notFound();
  await removeDignitary(context.db, actorOf(user), event.id, id, { expectedVersion: expected });
  const view = await loadPrecedence(context.db, event.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store", ETag: listEtag(view.version) } });
};

const handlers = { GET: show, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
