import type { LoaderFunctionArgs } from "@remix-run/node";
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
      "Content-Disposition": file.contentDisposition,
      "Cache-Control": "private, no-store",
    },
  });
}

