/**
 * GET /media/photos/:photoId/:revision/(thumb|web).jpg — the served variants, re-encoded without metadata.
 *
 * Public by design: the press pages that show them are public, and news portals copy their HTML. A variant is
 * reachable only through its URL, which carries the photo's random id and random revision (unguessable); the
 * originals are never served here. The bytes behind a URL never change (a new revision makes a new URL), so
 * they are cached for a year. (X-Content-Type-Options: nosniff is set on every response by server/index.ts.)
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readServedVariant } from "~/services/photos.server";
import { isStorageUnavailable } from "~/services/storage.server";
import { isUuid } from "~/services/auth.server";

function notFound(): Response {
  return new Response("404 Not Found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { photoId = "", revision = "", file = "" } = params;
  if (!isUuid(photoId) || !/^[A-Za-z0-9_-]{1,64}$/.test(revision)) return notFound();
  let served;
  try {
    served = await readServedVariant(context.db, context.storage, photoId, revision, file);
  } catch (error) {
    // The bucket is down: say "later" (a cache keeps its copy), not "gone" and not a server error page.
    if (!isStorageUnavailable(error)) throw error;
    console.warn(`photo not served: ${error.message}`);
    return new Response("503 Service Unavailable — ảnh tạm thời chưa tải được / the photo cannot be loaded at the moment", {
      status: 503,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" },
    });
  }
  if (!served) return notFound();
  const headers = {
    "Content-Type": "image/jpeg",
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: served.etag,
    "Content-Security-Policy": "default-src 'none'; sandbox",
  };
  const match = request.headers.get("If-None-Match");
  if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === served.etag))
    return new Response(null, { status: 304, headers });
  return new Response(request.method === "HEAD" ? null : new Uint8Array(served.body), {
    status: 200,
    headers: { ...headers, "Content-Length": String(served.body.length) },
  });
}
