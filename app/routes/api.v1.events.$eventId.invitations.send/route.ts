/**
 * POST /api/v1/events/:eventId/invitations/send — queue invitation emails: {"ids": [...]} or {"all": true}.
 * The same service as the app's "Send invitations" page. See docs/api.md.
 */
import type { sendReportJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { invitationSendApiSchema as sendSchema } from "~/domain/api/requests";
import { getInvitationsByIds } from "~/models/invitations.server";
import { sendInvitations } from "~/services/invitation-mail.server";
import { apiJson, handleApi, readJsonAs, validationError, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";

const send: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const body = await readJsonAs(request, sendSchema);
  const { ids, requestId } = body;
  if (ids) {
    const unique = [...new Set(ids)];
    const found = await getInvitationsByIds(context.db, unique);
    const ofEvent = new Set(found.filter((i) => i.eventId === event.id).map((i) => i.id));
    const unknown = unique.filter((id) => !ofEvent.has(id));
    if (unknown.length > 0) throw validationError({ ids: `Not invitations of this event: ${unknown.join(", ")}.` });
    const withdrawn = found.filter((i) => i.withdrawnAt).map((i) => i.id);
    if (withdrawn.length > 0) throw validationError({ ids: `Withdrawn invitations cannot be sent: ${withdrawn.join(", ")}.` });
  }
  const summary = await sendInvitations(
    context.db,
    actorOf(user),
    event.id,
    ids ? { to: "selected", invitationIds: ids } : { to: "all" },
    { requestId: requestId ?? null },
  );
  return apiJson(summary satisfies z.infer<typeof sendReportJsonSchema>);
};

const handlers = { POST: send };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
