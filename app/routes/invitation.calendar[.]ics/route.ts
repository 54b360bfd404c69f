import type { LoaderFunctionArgs } from "@remix-run/node";
import { invitationUrl } from "~/services/invitation-links.server";
import { invitationCalendarFile, invitationReplyOrganizer, loadInvitationPage } from "~/services/rsvp.server";
import { deadLinkResponse, invitationFromCookie, privateHeaders } from "~/components/invitation/invitation-cookie.server";

/**
 * /invitation/calendar.ics — the invitee's own calendar file (the cookie says whose): METHOD:REQUEST with
 * PARTSTAT of their current answer, so importing it again updates the entry (same UID, SEQUENCE).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const target = await invitationFromCookie(request, context);
  const page = target ? await loadInvitationPage(context.db, target.invitationId) : null;
  if (!target || !page) return deadLinkResponse();
  const organizer = await invitationReplyOrganizer(context.db, page.invitation.id);
  const ics = invitationCalendarFile(page, { url: invitationUrl(context.appUrl, target.token), organizer });
  const method = /^METHOD:(\w+)\r$/m.exec(ics)?.[1] ?? "PUBLISH";
  return new Response(ics, {
    headers: {
      ...privateHeaders,
      "Content-Type": `text/calendar; charset=utf-8; method=${method}`,
      "Content-Disposition": 'attachment; filename="invitation.ics"',
    },
  });
}
