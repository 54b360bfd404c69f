import type { LoaderFunctionArgs } from "@remix-run/node";
import { countEventMailByStatus } from "~/models/mail.server";
import { requireEventPermission } from "~/services/auth.server";

/**
 * GET /events/:eventId/mail/progress — the event's outbox by status (queued, sending, sent, failed) as JSON,
 * polled by the mail page while messages are waiting, so a mass send shows "sent 340/2000" as the worker goes
 * (the same polling as the live counts, docs/decisions/012-live-counts.md). One grouped count on the event's
 * index; nothing cached by the browser.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const counts = await countEventMailByStatus(context.db, access.event.id);
  return Response.json({ ...counts, asOf: Date.now() }, { headers: { "Cache-Control": "private, no-store" } });
}
