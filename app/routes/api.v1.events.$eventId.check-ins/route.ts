/**
 * POST /api/v1/events/:eventId/check-ins — check a guest in at the door, by {"invitationId"} or by the text of
 * their QR code {"code"}. One check-in per invitation: a second one is 409 naming the first. See docs/api.md.
 */
import type { CheckInJson } from "~/domain/api/resources";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { checkInApiSchema as checkInSchema } from "~/domain/api/requests";
import { translateError } from "~/i18n/i18n";
import { checkInByCode, checkInGuest, type CheckInInfo, type Guest } from "~/services/check-in.server";
import { apiError, apiJson, handleApi, readJson, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { isoUtc } from "~/services/api-presenters/iso.server";
import { requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";

function checkInToJson(guest: Guest, checkIn: CheckInInfo): CheckInJson {
  return {
    invitationId: guest.invitationId,
    honorific: guest.honorific,
    name: guest.fullName,
    positions: guest.positions,
    organization: guest.organization,
    role: guest.role,
    group: guest.groupLabel,
    plusOnes: guest.plusOnes,
    status: guest.status,
    checkedInAt: isoUtc(checkIn.at),
    checkedInBy: { id: checkIn.byUserId, name: checkIn.byName },
  };
}

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "checkin:perform");
  const parsed = checkInSchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const { invitationId, code } = parsed.data;
  const result = code
    ? await checkInByCode(context.db, user, event.id, code, context.cookieSecrets)
    : await checkInGuest(context.db, user, event.id, invitationId!);
  context.metrics?.checkIn(result.outcome);
  switch (result.outcome) {
    case "checkedIn":
      return apiJson(checkInToJson(result.guest, result.checkIn), { status: 201 });
    case "already": {
      const at = isoUtc(result.checkIn.at);
      return apiJson(
        {
          error: { code: "conflict", message: `Already checked in at ${at} by ${result.checkIn.byName ?? "a staff member"}.`, fields: {} },
          checkIn: checkInToJson(result.guest, result.checkIn),
        },
        { status: 409 },
      );
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
