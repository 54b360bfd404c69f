import type { LoaderFunctionArgs } from "@remix-run/node";
import { deadLinkResponse, readInvitationToken } from "~/components/invitation/invitation-cookie.server";
import { invitationQrImage } from "../invitation/page-data.server";

/**
 * /invitation/qr.svg?v=<version> — the door QR code of the cookie's invitation, the picture on the invitee's page.
 * Kept by the browser only (private) and only at the address of its current version, and never shown again without
 * asking: a door ticket must not outlive a declined answer or a cleared cookie in a shared browser's cache, so the
 * browser revalidates it each time (`no-cache` + ETag: a 304 with no body while it is still the current code). Any
 * other address is answered uncached. The same 404 as the page's for a dead link, or when the page shows no code
 * (not accepted yet, declined, the event cancelled).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = await readInvitationToken(request, context);
  const qr = token ? await invitationQrImage(context, token) : null;
  if (!qr) return deadLinkResponse();
  const current = new URL(request.url).searchParams.get("v") === qr.version;
  const etag = `"${qr.version}"`;
  const headers = {
    "Referrer-Policy": "same-origin",
    "Cache-Control": current ? "private, no-cache" : "no-store",
    "Content-Type": "image/svg+xml",
    ...(current ? { ETag: etag } : {}),
  };
  if (current && request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(qr.svg, { headers });
}
