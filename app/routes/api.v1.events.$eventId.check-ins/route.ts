/**
 * POST /api/v1/events/:eventId/check-ins — check a guest in at the door, by {"invitationId"} or by the text of
 * their QR code {"code"}. One check-in per invitation: a second one is 409 naming the first. See docs/api.md.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { checkInApiSchema } from "~/domain/api/requests";
import { translateError } from "~/i18n/i18n";
import { requireApiEventPermission } from "~/services/api-auth.server";
import { checkInToJson } from "~/services/api-presenters/check-ins.server";
import { isoUtc } from "~/services/api-presenters/iso.server";
import { checkInByCode, checkInGuest } from "~/services/check-in.server";
import { apiError, apiErrorWith, apiJson, handleApi, readJsonAs, validationError, type ApiHandler } from "~/utils/api.server";

const create: ApiHandler = async ({ request, context, params }) => {
  const { user, event } = await requireApiEventPermission(request, context, params.eventId, "checkin:perform");
  const { invitationId, code } = await readJsonAs(request, checkInApiSchema);
  const result = code
    ? await checkInByCode(context.db, user, event.id, code, context.cookieSecrets)
    : await checkInGuest(context.db, user, event.id, invitationId!);
  context.metrics?.checkIn(result.outcome);
  switch (result.outcome) {
    case "checkedIn":
      return apiJson(checkInToJson(result.guest, result.checkIn), { status: 201 });
    case "already": {
      const at = isoUtc(result.checkIn.at);
      return apiErrorWith(409, `Already checked in at ${at} by ${result.checkIn.byName ?? "a staff member"}.`, {
        checkIn: checkInToJson(result.guest, result.checkIn),
      });
    }
    case "refused": {
      const message = translateError("en", `checkin.refused.${result.reason}`);
      if (result.reason === "unknownCode" || (code && result.reason === "otherEvent") || (code && result.reason === "notFound"))
        throw validationError({ code: message });
      if (result.reason === "notFound" || result.reason === "otherEvent") throw apiError(404, "No invitation with this id at this event.");
      throw apiError(409, message);
    }
  }
};

const handlers = { POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
