import type { LoaderFunctionArgs } from "@remix-run/node";
import { sharedAttendanceCounts } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";

/**
 * GET /events/:eventId/counts — the live counts (invited, answered, accepted, arrived) as JSON, polled by the
 * event page and the door while they are visible (docs/decisions/012-live-counts.md): a permission check, then
 * one reading of the counts shared by all tabs of the event for two seconds; nothing cached by the browser.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const counts = await sharedAttendanceCounts(context.db, access.event.id);
  return Response.json(counts, { headers: { "Cache-Control": "private, no-store" } });
}
