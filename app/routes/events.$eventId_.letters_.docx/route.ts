import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildLetterDocx, docxContentType, letterContentDisposition } from "~/services/letter-docx.server";
import { loadLetterFor } from "~/services/letters.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /events/:eventId/letters/docx?to=<invitation|all>&lang=… — the Giấy mời as a Word document (names and positions only). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const loaded = await loadLetterFor(context.db, access.event.id, new URL(request.url).searchParams);
  if (!loaded) throw notFound();
  const { options } = loaded;
  const bytes = await buildLetterDocx(loaded.letter);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": docxContentType,
      "Content-Disposition": letterContentDisposition(options.lang, loaded.inviteeName),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
