/** /api/v1/events/:eventId/photos — GET the gallery in order; POST one photo (multipart). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { uploadFieldsSchema } from "~/domain/photos/photo.schema";
import { getGallery, uploadPhoto } from "~/services/photos.server";
import { readPhotoUploads } from "~/services/photos-upload.server";
import { apiError, apiJson, handleApi, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { actorOf, checkApiEventPermission, requireApiUser } from "~/services/api-auth.server";
import { seesPersonalData } from "~/services/auth.server";
import { photoLimits } from "~/utils/env.server";
import { translateError } from "~/i18n/i18n";
import { photoToJson } from "~/services/api-presenters/photos.server";
import { rejectionToApiError } from "./photo-api.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkApiEventPermission(user, context, params.eventId, "event:read");
  const { event } = access;
  const gallery = await getGallery(context.db, event.id);
  return apiJson({
    data: gallery.photos.map((p) => photoToJson(p, gallery.event.timeZone, context.appUrl, seesPersonalData(access))),
    orderVersion: gallery.orderVersion,
  });
};

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkApiEventPermission(user, context, params.eventId, "photos:manage");
  const { event } = access;
  const limits = photoLimits();
  try {
    const form = await readPhotoUploads(request, { maxBytes: limits.maxBytes, maxFiles: 1, single: true });
    const file = form.files[0];
    if (!file) return apiError(400, "Send the photo in the multipart field \"file\".", { file: "Required." });
    if (file.rejection) return apiError(file.rejection.status, translateError("en", file.rejection.message));
    const text = uploadFieldsSchema.safeParse(form.fields);
    if (!text.success) return validationError(zodFields(text.error));
    const photo = await uploadPhoto(context.db, context.storage, actorOf(user), event.id, file, text.data, limits);
    const gallery = await getGallery(context.db, event.id);
    return apiJson(photoToJson(photo, gallery.event.timeZone, context.appUrl, seesPersonalData(access)), {
      status: 201,
      headers: { Location: `/api/v1/events/${event.id}/photos/${photo.id}` },
    });
  } catch (error) {
    return rejectionToApiError(error);
  }
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
