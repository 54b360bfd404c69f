/**
 * POST /events/:eventId/photos/upload — one photo per request, from the gallery's uploader (XMLHttpRequest, so
 * each file has its own progress bar and can be retried alone). Answers JSON: 201 {ok, photo} or
 * {ok: false, message} with the refusal's status and an i18n key the page translates.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { uploadFieldsSchema } from "~/domain/photos/photo.schema";
import { isPhotoRejected } from "~/services/photos-processing.server";
import { readPhotoUploads } from "~/services/photos-upload.server";
import { uploadPhoto } from "~/services/photos.server";
import { checkEventPermission, getUser } from "~/services/auth.server";
import { photoLimits } from "~/utils/env.server";

export interface UploadAnswer {
  ok: boolean;
  message?: string;
  photo?: { id: string; number: number; thumbnailUrl: string; filename: string };
}

function answer(body: UploadAnswer, status: number): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** The status of what checkEventPermission throws (data({code}, {status})). */
function thrownStatus(error: unknown): number | null {
  const init = (error as { init?: { status?: unknown } } | null)?.init;
  return typeof init?.status === "number" ? init.status : null;
}

/** Only POST: anything else is told so (no stack trace in the log for a stray GET). */
export function loader() {
  return Response.json({ ok: false, message: "errors.invalid" } satisfies UploadAnswer, {
    status: 405,
    headers: { Allow: "POST", "Cache-Control": "no-store" },
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await getUser(request, context);
  if (!user) return answer({ ok: false, message: "photos.upload.signedOut" }, 401);
  let eventId: string;
  try {
    eventId = (await checkEventPermission(user, context, params.eventId, "photos:manage")).event.id;
  } catch (error) {
    const status = thrownStatus(error);
    if (status === 404) return answer({ ok: false, message: "errors.notFound.body" }, 404);
    if (status === 403) return answer({ ok: false, message: "errors.forbidden.body" }, 403);
    throw error;
  }
  const limits = photoLimits();
  try {
    const form = await readPhotoUploads(request, { maxBytes: limits.maxBytes, maxFiles: 1, single: true });
    const file = form.files[0];
    if (!file) return answer({ ok: false, message: "photos.errors.noFile" }, 400);
    if (file.rejection) return answer({ ok: false, message: file.rejection.message }, file.rejection.status);
    const text = uploadFieldsSchema.safeParse(form.fields);
    if (!text.success) return answer({ ok: false, message: text.error.issues[0]?.message ?? "errors.invalid" }, 422);
    const photo = await uploadPhoto(context.db, context.storage, { id: user.id, name: user.name }, eventId, file, text.data, limits);
    return answer(
      { ok: true, photo: { id: photo.id, number: photo.number, thumbnailUrl: photo.thumbnailUrl, filename: photo.originalFilename } },
      201,
    );
  } catch (error) {
    if (isPhotoRejected(error)) return answer({ ok: false, message: error.message }, error.status);
    throw error;
  }
}
