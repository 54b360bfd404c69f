/**
 * The loader and action of the door, shared by /events/:id/check-in (inside the event's pages) and
 * /events/:id/door (the focused mode for a phone at the entrance): same permission, same data, same answers.
 */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import {
  attendanceCounts,
  checkInByCode,
  checkInGuest,
  doorEvent,
  findGuests,
  recentCheckIns,
  undoCheckIn,
  type CheckInResult,
  type Guest,
} from "~/services/check-in.server";
import { isServiceError } from "~/utils/errors";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import { readForm } from "~/utils/form-data.server";

export async function checkInLoader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const eventId = access.event.id;
  const [event, results, recent, counts] = await Promise.all([
    doorEvent(context.db, eventId),
    q ? findGuests(context.db, eventId, q) : Promise.resolve([]),
    recentCheckIns(context.db, eventId, 8),
    attendanceCounts(context.db, eventId),
  ]);
  if (!event) throw notFound();
  return { event, q, results, recent, counts, me: { id: access.user.id, admin: access.user.role === "admin" } };
}

export type CheckInActionResult =
  | { kind: "result"; result: CheckInResult }
  | { kind: "undone"; guest: Guest }
  | { kind: "error"; error: string };

export async function checkInAction({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const form = await readForm(request);
  const intent = form.get("intent");
  const invitationId = String(form.get("invitationId") ?? "");
  const eventId = access.event.id;
  const reply = (body: CheckInActionResult, status = 200) => data(body, { status });
  try {
    if (intent === "scan") {
      const code = String(form.get("code") ?? "");
      const result = await checkInByCode(context.db, access.user, eventId, code, context.cookieSecrets);
      context.metrics?.checkIn(result.outcome);
      return reply({ kind: "result", result });
    }
    if ((intent === "checkIn" || intent === "undo") && !isUuid(invitationId)) return reply({ kind: "error", error: "errors.invalid" }, 400);
    if (intent === "checkIn") {
      const result = await checkInGuest(context.db, access.user, eventId, invitationId);
      context.metrics?.checkIn(result.outcome);
      return reply({ kind: "result", result });
    }
    if (intent === "undo") {
      return reply({ kind: "undone", guest: await undoCheckIn(context.db, access.user, eventId, invitationId) });
    }
    return reply({ kind: "error", error: "errors.invalid" }, 400);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = { not_found: 404, forbidden: 403, conflict: 409, invalid: 400 }[error.code];
    return reply({ kind: "error", error: error.message }, status);
  }
}
