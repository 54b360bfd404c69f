import type { LoaderFunctionArgs } from "@remix-run/node";
import { singleLine } from "~/domain/calendar/text";
import { eventCalendarFile } from "~/services/calendar.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/** GET /events/:eventId/calendar.ics — the event as a calendar file (METHOD:PUBLISH) for staff. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const file = await eventCalendarFile(context.db, access.event.id, { appUrl: context.appUrl, locale: access.user.locale });
  if (!file) throw notFound();
  return new Response(file.content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": contentDisposition(file.fileName, `${access.event.title}.ics`),
      "Cache-Control": "private, no-store",
    },
  });
}

/** An ASCII name for every browser, and the Vietnamese title (RFC 6266 / 5987) for those that read it. */
function contentDisposition(asciiName: string, fullName: string) {
  const encoded = encodeURIComponent(singleLine(fullName).replace(/[\\/]/g, "-")).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}
