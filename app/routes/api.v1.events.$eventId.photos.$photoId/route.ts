/** /api/v1/events/:eventId/photos/:photoId — GET, PATCH (captions, press, cover, position, tags), DELETE. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { photoApiPatchSchema } from "~/domain/photos/photo.schema";
import { deletePhoto, getEventPhoto, getGallery, updatePhoto } from "~/services/photos.server";
import { apiError, apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { actorOf, checkApiEventPermission, requireApiUser } from "~/services/api-auth.server";
import { seesPersonalData, isUuid } from "~/services/auth.server";
import { photoToJson } from "~/services/api-presenters/photos.server";

const notFound = () => apiError(404, "No photo with this id at this event.");

function photoId(params: LoaderFunctionArgs["params"]): string {
  if (!params.photoId || !isUuid(params.photoId)) throw notFound();
  return params.photoId;
}

async function zoneOf(context: LoaderFunctionArgs["context"], eventId: string) {
  return (await getGallery(context.db, eventId)).event.timeZone;
}

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkApiEventPermission(user, context, params.eventId, "event:read");
  const { event } = access;
  const photo = await getEventPhoto(context.db, event.id, photoId(params));
  if (!photo) throw notFound();
  return apiJson(photoToJson(photo, await zoneOf(context, event.id), context.appUrl, seesPersonalData(access)), { headers: { ETag: `"${photo.version}"` } });
};

/** The version to check: `version` in the body, else If-Match: "3". */
function expected(request: Request, bodyVersion: number | undefined): number | undefined {
  if (bodyVersion !== undefined) return bodyVersion;
  const header = request.headers.get("If-Match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header);
  if (!match?.[1]) throw apiError(400, 'If-Match must be the photo\'s version in quotes, e.g. If-Match: "3".');
  return Number(match[1]);
}

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkApiEventPermission(user, context, params.eventId, "photos:manage");
  const { event } = access;
  const id = photoId(params);
  const body = await readJsonAs(request, photoApiPatchSchema);
  if (!(await getEventPhoto(context.db, event.id, id))) throw notFound();
  const { version, ...change } = body;
  const saved = await updatePhoto(context.db, actorOf(user), event.id, id, change, expected(request, version));
  return apiJson(photoToJson(saved, await zoneOf(context, event.id), context.appUrl, seesPersonalData(access)), { headers: { ETag: `"${saved.version}"` } });
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkApiEventPermission(user, context, params.eventId, "photos:manage");
  const { event } = access;
  const id = photoId(params);
  if (!(await getEventPhoto(context.db, event.id, id))) throw notFound();
  const query = new URL(request.url).searchParams.get("version");
  if (query !== null && !/^\d{1,9}$/.test(query)) throw apiError(400, "The version query parameter must be a whole number.");
  await deletePhoto(context.db, context.storage, actorOf(user), event.id, id, expected(request, query === null ? undefined : Number(query)));
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
};

const handlers = { GET: show, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
