import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { deadLinkResponse, privateHeaders, readInvitationToken } from "~/components/invitation/invitation-cookie.server";
import { isCalendarService } from "../invitation/calendar-services";
import { invitationCalendarLink } from "../invitation/page-data.server";

/**
 * /invitation/calendar/<google|outlook|office365> — the page's add-to-calendar buttons: a redirect to the service with
 * the cookie's event filled in (made here, on the click, not carried by every page view). The page opens it in a new
 * tab without a Referer; the redirect itself sends none either (Referrer-Policy: same-origin). A dead link, or another
 * service, gets the page's 404.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const service = params.service;
  const token = isCalendarService(service) ? await readInvitationToken(request, context) : null;
  const target = token && isCalendarService(service) ? await invitationCalendarLink(context, token, service) : null;
  if (!target) return deadLinkResponse();
  return redirect(target, { headers: privateHeaders });
}
