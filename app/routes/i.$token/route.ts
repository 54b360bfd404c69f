import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getInviteeInvitation } from "~/models/rsvp.server";
import { resolveDelegatedToken, resolveInvitationToken } from "~/services/invitation-links.server";
import { localeCookie } from "~/utils/session.server";
import { INVITATION_PATH, invitationCookieHeaders, privateHeaders } from "~/components/invitation/invitation-cookie.server";

/**
 * GET /i/<token>, the link in the invitation email. A GET never changes anything (mail scanners open links).
 * A valid token goes into a cookie and the visitor to the clean /invitation, so the token leaves the address
 * bar, the history and any Referer. Any other token clears the cookie and goes to the same place, where an
 * unknown, withdrawn or expired link all get the same page — except the link of an invitation handed to a deputy,
 * whose page names the deputy.
 */
export async function loader({ context, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const target = await resolveInvitationToken(context.db, token);
  const headers = new Headers(privateHeaders);
  if (target) {
    for (const cookie of await invitationCookieHeaders(context, token)) headers.append("Set-Cookie", cookie);
    // Each personal link opens in its invitee's language (people.language); the header's switch changes it.
    const invitation = await getInviteeInvitation(context.db, target.invitationId);
    if (invitation) headers.append("Set-Cookie", await localeCookie.serialize(invitation.person.language));
  } else if (await resolveDelegatedToken(context.db, token)) {
    // Handed to a deputy: the page says to whom (the cookie keeps the token for that page only).
    for (const cookie of await invitationCookieHeaders(context, token)) headers.append("Set-Cookie", cookie);
  } else {
    for (const cookie of await invitationCookieHeaders(context, null)) headers.append("Set-Cookie", cookie);
  }
  throw redirect(INVITATION_PATH, { headers });
}
