/**
 * GET /events/:eventId/photos/:photoId/original — the file as uploaded, metadata (GPS) and all: the event's team
 * and admins only (personal data, docs/decisions/017-personal-data.md), never cached.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readOriginal } from "~/services/photos.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { asciiWords } from "~/domain/text/ascii-words";
import { attachmentHeader } from "~/utils/attachment";
import { notFound, answerThrownData } from "~/utils/responses.server";

/** The name it was uploaded with, and its folded ASCII form ("Ảnh lễ ký.jpg" → "anh-le-ky.jpg"). */
function attachment(filename: string): string {
  const dot = filename.lastIndexOf(".");
  const [stem, extension] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot + 1)] : [filename, "jpg"];
  return attachmentHeader({ stem, extension: asciiWords(extension, 10) || "jpg", asciiFallback: "photo" });
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
