import type { LoaderFunctionArgs } from "@remix-run/node";
import { deadLinkResponse, readInvitationToken } from "~/components/invitation/invitation-cookie.server";
import { invitationQrImage } from "../invitation/page-data.server";

/**
 * /invitation/qr.svg?v=<version> — the door QR code of the cookie's invitation, the picture on the invitee's page.
 * Kept by the browser only (private) and only at the address of its current version: a new code is a new address
 * on the page, and any other address is answered uncached. The same 404 as the page's for a dead link, or when the
 * page shows no code (not accepted yet, declined, the event cancelled).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = await readInvitationToken(request, context);
  const qr = token ? await invitationQrImage(context, token) : null;
  if (!qr) return deadLinkResponse();
  const current = new URL(request.url).searchParams.get("v") === qr.version;
  return new Response(qr.svg, {
    headers: {
      "Referrer-Policy": "same-origin",
      "Cache-Control": current ? "private, max-age=2592000, immutable" : "no-store",
      "Content-Type": "image/svg+xml",
    },
  });
}
