/** /api/v1/events/:eventId/invitations — GET the list (filters, paging); POST invites someone. See docs/api.md. */
import type { alreadyInvitedJsonSchema, invitationCreatedJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listEventInvitations } from "~/models/invitations.server";
import { invitationUrl, issueInvitationToken } from "~/services/invitation-links.server";
import { addAttendee, AlreadyInvitedError } from "~/services/invitations.server";
import { apiJson, encodeOffsetCursor, handleApi, readJson, withApiWording, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission, seesPersonalData } from "~/services/auth.server";
import { invitationToJson } from "~/services/api-presenters/invitations.server";
import { attendeeInputFromCreate, readInvitationListQuery } from "~/services/api-resources/invitations.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkEventPermission(user, context, params.eventId, "event:read");
  const { event } = access;
  const personal = seesPersonalData(access);
  const query = readInvitationListQuery(new URL(request.url));
  const page = await listEventInvitations(context.db, event.id, { ...query, searchEmail: personal });
  const next = query.offset + page.items.length;
  return apiJson({
    data: page.items.map((i) => invitationToJson(i, personal)),
    total: page.total,
    nextCursor: next < page.total && page.items.length > 0 ? encodeOffsetCursor(next) : null,
  });
};

const create: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const access = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const { event } = access;
  const input = attendeeInputFromCreate(await readJson(request));
  // Who is on the list already (409, the table's conflict): the client can read or change that invitation instead.
  const created = await withApiWording(
    () => addAttendee(context.db, actorOf(user), event.id, input),
    (error) =>
      error instanceof AlreadyInvitedError
        ? {
            extra: { invitationId: error.invitationId, withdrawn: error.withdrawn } satisfies Omit<z.infer<typeof alreadyInvitedJsonSchema>, "error">,
            headers: { Location: `/api/v1/events/${event.id}/invitations/${error.invitationId}` },
          }
        : null,
  );
  const token = await issueInvitationToken(context.db, created.id);
  return apiJson(
    { ...invitationToJson(created, seesPersonalData(access)), rsvpUrl: invitationUrl(context.appUrl, token) } satisfies z.infer<typeof invitationCreatedJsonSchema>,
    { status: 201, headers: { Location: `/api/v1/events/${event.id}/invitations/${created.id}` } },
  );
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
