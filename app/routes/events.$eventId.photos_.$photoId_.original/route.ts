/**
 * GET /events/:eventId/photos/:photoId/original — the file as uploaded, metadata (GPS) and all: the event's team
 * and admins only (personal data, docs/decisions/017-personal-data.md), never cached.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOriginal } from "~/services/photos.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { notFound, answerThrownData } from "~/utils/responses.server";

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
function attachment(filename: string): string {
  const ascii = filename.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9._-]+/g, "_") || "photo";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

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
      "Content-Disposition": attachment(original.filename),
      "Cache-Control": "private, no-store",
      },
  });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
