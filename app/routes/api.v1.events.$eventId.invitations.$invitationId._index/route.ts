/** /api/v1/events/:eventId/invitations/:invitationId — GET, PATCH, DELETE (withdraws and sends the CANCEL). See docs/api.md. */
import type { invitationWithdrawnJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { withdrawInvitationAndNotify } from "~/services/invitation-mail.server";
import { updateAttendee } from "~/services/invitations.server";
import { apiJson, handleApi, readJson, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission, seesPersonalData } from "~/services/auth.server";
import { invitationToJson } from "~/services/api-presenters/invitations.server";
import { attendeeInputFromPatch, loadInvitation } from "~/services/api-resources/invitations.server";

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkEventPermission(user, context, params.eventId, "event:read");
  const { event } = access;
  return apiJson(invitationToJson(await loadInvitation(context, event.id, params.invitationId), seesPersonalData(access)));
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const { event } = access;
  const current = await loadInvitation(context, event.id, params.invitationId);
  const input = attendeeInputFromPatch(current, await readJson(request));
  const saved = await updateAttendee(context.db, actorOf(user), current.id, input, { eventId: event.id });
  return apiJson(invitationToJson(saved, seesPersonalData(access)));
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const { event } = access;
  const current = await loadInvitation(context, event.id, params.invitationId);
  const withdrawn = await withdrawInvitationAndNotify(context.db, actorOf(user), current.id, { eventId: event.id, appUrl: context.appUrl });
  return apiJson({ ...invitationToJson(withdrawn, seesPersonalData(access)), cancelMail: withdrawn.mail } satisfies z.infer<typeof invitationWithdrawnJsonSchema>);
};

const handlers = { GET: show, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
