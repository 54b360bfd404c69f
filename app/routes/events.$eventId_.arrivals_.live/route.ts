import type { LoaderFunctionArgs } from "@remix-run/node";
import { arrivalsBoard } from "~/services/arrivals.server";
import { requireEventPermission } from "~/services/auth.server";

/** GET /events/:eventId/arrivals/live — the arrivals board as JSON, polled by the board while it is visible. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return Response.json(await arrivalsBoard(context.db, access.event.id), { headers: { "Cache-Control": "private, no-store" } });
}
