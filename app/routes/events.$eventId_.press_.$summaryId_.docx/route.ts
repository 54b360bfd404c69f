import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/i18n/i18n";
import { buildPressDocx, docxContentDisposition, docxContentType } from "~/services/press-docx.server";
import { getPressForOutput } from "~/services/press-outputs.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /events/:eventId/press/:summaryId/docx — the summary as a Word document, any status, for staff. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const doc = await getPressForOutput(context.db, access.event.id, params.summaryId ?? "");
  if (!doc) throw notFound();
  const bytes = await buildPressDocx(doc, context.storage, {
    appUrl: context.appUrl,
    photoNotFound: translate(doc.language, "pressPublic.photoNotFound"),
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": docxContentType,
      "Content-Disposition": docxContentDisposition(doc),
      "Content-Length": String(bytes.length),
      "Cache-Control": "private, no-store",
    },
  });
}
