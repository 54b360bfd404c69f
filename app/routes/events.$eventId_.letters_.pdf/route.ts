import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildLetterPdf, letterPdfContentDisposition, pdfContentType } from "~/services/letter-pdf.server";
import { loadLetterFor } from "~/services/letters.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /events/:eventId/letters/pdf?to=<invitation|all>&lang=… — the Giấy mời as a PDF made on the server (names and positions only). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const search = new URL(request.url).searchParams;
  const loaded = await loadLetterFor(context.db, access.event.id, search);
  if (!loaded) throw notFound();
  const { options } = loaded;
  const bytes = await buildLetterPdf(loaded.letter);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": pdfContentType,
      "Content-Disposition": letterPdfContentDisposition(options.lang, loaded.inviteeName, search.get("download") ? "attachment" : "inline"),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
