import type { ActionFunctionArgs } from "@remix-run/node";
import { doorSyncSchema } from "~/domain/check-in/door-sync.schema";
import { badTextMessage, findIllFormedText } from "~/domain/text/well-formed";
import { attendanceCounts, syncDoorScans } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import { answerThrownData } from "~/utils/responses.server";

const headers = { "Cache-Control": "private, no-store" };

/**
 * POST /events/:eventId/door/sync — a door device uploads its queued scans ({ deviceId, scans: [{ nonce, scannedAt,
 * code | invitationId }] }); the answer has one entry per scan (checkedIn, duplicate, refused, or pending: send again)
 * and the counts after them. Uploading the same nonce again returns the first answer and changes nothing.
 */
async function act({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  if (request.method !== "POST") return Response.json({ error: "POST only" }, { status: 405, headers: { ...headers, Allow: "POST" } });
  const body: unknown = await request.json().catch(() => null);
  // The text rule (docs/decisions/024-bad-input.md): a NUL or lone surrogate is refused, naming the field.
  const badField = findIllFormedText(body);
  if (badField !== null) return Response.json({ error: "invalid", field: badField, message: badTextMessage }, { status: 422, headers });
  const parsed = doorSyncSchema.safeParse(body);
  if (!parsed.success) return Response.json({ error: "invalid", issues: parsed.error.issues.slice(0, 5) }, { status: 400, headers });
  const answers = await syncDoorScans(context.db, access.user, access.event.id, parsed.data, context.cookieSecrets);
  return Response.json({ answers, counts: await attendanceCounts(context.db, access.event.id) }, { headers });
}

export function loader() {
  return Response.json({ error: "POST only" }, { status: 405, headers: { ...headers, Allow: "POST" } });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const action = (args: ActionFunctionArgs) => answerThrownData(() => act(args));
