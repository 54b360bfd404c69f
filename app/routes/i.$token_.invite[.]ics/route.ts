import type { LoaderFunctionArgs } from "@remix-run/node";
import { invitationUrl, resolveInvitationToken } from "~/services/invitation-links.server";
import { invitationCalendarFile, invitationReplyOrganizer, loadInvitationPage } from "~/services/rsvp.server";
import { privateHeaders } from "~/components/invitation/invitation-cookie.server";

/**
 * GET /i/<token>/invite.ics — the personal link + "/invite.ics": that invitee's own calendar file, the same one
 * /invitation/calendar.ics gives after the link has been opened (REQUEST with their PARTSTAT, CANCEL once the
 * event is cancelled). For a calendar or a script that has the link (the API's rsvpUrl) but no cookie. An
 * unknown, withdrawn or expired token is the same 404. A GET changes nothing.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const target = await resolveInvitationToken(context.db, token);
  const page = target ? await loadInvitationPage(context.db, target.invitationId) : null;
  if (!page) {
    return new Response("404 — Liên kết không hợp lệ hoặc đã hết hạn. / This link is not valid or has expired.\n", {
      status: 404,
      headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const organizer = await invitationReplyOrganizer(context.db, page.invitation.id);
  const ics = invitationCalendarFile(page, { url: invitationUrl(context.appUrl, token), organizer });
  const method = /^METHOD:(\w+)\r$/m.exec(ics)?.[1] ?? "PUBLISH";
  return new Response(ics, {
    headers: {
      ...privateHeaders,
      "Content-Type": `text/calendar; charset=utf-8; method=${method}`,
      "Content-Disposition": 'attachment; filename="invite.ics"',
    },
  });
}
