import type { LoaderFunctionArgs } from "@remix-run/node";
import { translate } from "~/i18n/i18n";
import { getPressForOutput, pressExportHtml, pressExportText } from "~/services/press-outputs.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/**
 * GET /events/:eventId/press/:summaryId/export?format=html|text — the summary to paste into a news site's editor:
 * an HTML fragment (sanitized, lead in bold, absolute image URLs, byline last) or plain text. Staff only.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const doc = await getPressForOutput(context.db, access.event.id, params.summaryId ?? "");
  if (!doc) throw notFound();
  const format = new URL(request.url).searchParams.get("format") ?? "html";
  // X-Content-Type-Options: nosniff comes from server/index.ts, once, on every response.
  const headers = { "Cache-Control": "private, no-store" };
  if (format === "html") {
    const html = pressExportHtml(doc, {
      appUrl: context.appUrl,
      photoNotFound: translate(doc.language, "pressPublic.photoNotFound"),
    });
    return new Response(html, { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  }
  if (format === "text") {
    return new Response(pressExportText(doc), { headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" } });
  }
  return new Response(translate(access.user.locale, "pressPublic.export.badFormat"), {
    status: 400,
    headers: { ...headers, "Content-Type": "text/plain; charset=utf-8" },
  });
}
