import type { LoaderFunctionArgs } from "@remix-run/node";
import { doorList } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import { answerThrownData } from "~/utils/responses.server";

/**
 * GET /events/:eventId/door/list — what the offline door app keeps on the device (docs/decisions/022-offline-door.md):
 * the invitees without contact details, the revocation list, the tickets' public key, the duplicates and refusals,
 * the counts. Door staff only (`checkin:perform`); never cached by the browser or the service worker.
 */
async function load({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  return Response.json(await doorList(context.db, access.event.id), { headers: { "Cache-Control": "private, no-store" } });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
