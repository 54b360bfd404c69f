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
import { attempt, parseForm } from "~/utils/action-kit.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import { checkInActionSchema } from "./check-in.schema";

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
  const form = await parseForm(request, checkInActionSchema);
  const reply = (body: CheckInActionResult, status = 200) => data(body, { status });
  if (!form.success) return reply({ kind: "error", error: "errors.invalid" }, 400);
  const input = form.data;
  const eventId = access.event.id;
  const outcome = await attempt(async (): Promise<CheckInActionResult> => {
    switch (input.intent) {
      case "scan": {
        const result = await checkInByCode(context.db, access.user, eventId, input.code, context.cookieSecrets);
        context.metrics?.checkIn(result.outcome);
        return { kind: "result", result };
      }
      case "checkIn": {
        const result = await checkInGuest(context.db, access.user, eventId, input.invitationId);
        context.metrics?.checkIn(result.outcome);
        return { kind: "result", result };
      }
      case "undo":
        return { kind: "undone", guest: await undoCheckIn(context.db, access.user, eventId, input.invitationId) };
    }
  });
  return outcome.ok ? reply(outcome.value) : reply({ kind: "error", error: outcome.error.message }, outcome.status);
}
