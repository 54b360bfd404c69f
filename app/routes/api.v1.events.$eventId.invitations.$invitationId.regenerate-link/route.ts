/** POST /api/v1/events/:eventId/invitations/:invitationId/regenerate-link — a new rsvpUrl; earlier links stop working. */
import type { invitationLinkJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { invitationUrl, regenerateInvitationLink } from "~/services/invitation-links.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";
import { loadInvitation } from "~/services/api-resources/invitations.server";

const regenerate: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const invitation = await loadInvitation(context, event.id, params.invitationId);
  const token = await regenerateInvitationLink(context.db, actorOf(user), invitation.id, { eventId: event.id });
  return apiJson({ invitationId: invitation.id, rsvpUrl: invitationUrl(context.appUrl, token) } satisfies z.infer<typeof invitationLinkJsonSchema>);
};

const handlers = { POST: regenerate };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
