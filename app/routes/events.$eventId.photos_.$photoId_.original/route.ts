/**
 * GET /events/:eventId/photos/:photoId/original — the file as uploaded, metadata (GPS) and all: the event's team
 * and admins only (personal data, docs/decisions/017-personal-data.md), never cached.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOriginal } from "~/services/photos.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { uploadedFileHeader } from "~/utils/attachment";
import { notFound, answerThrownData } from "~/utils/responses.server";

async function load({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "personalData:read");
  const photoId = params.photoId ?? "";
  if (!isUuid(photoId)) throw notFound();
  const original = await readOriginal(context.db, context.storage, access.event.id, photoId);
  if (!original) throw notFound();
  return new Response(new Uint8Array(original.body), {
    headers: {
      "Content-Type": original.contentType,
      "Content-Length": String(original.body.length),
      "Content-Disposition": uploadedFileHeader(original.filename, original.contentType),
      "Cache-Control": "private, no-store",
      },
  });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
