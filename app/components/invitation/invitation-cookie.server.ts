/**
 * The invitee's personal token, moved out of the address bar into a cookie: GET /i/<token> sets it and
 * redirects to /invitation. HttpOnly, SameSite=Lax, signed with the session secrets, and sent only to
 * /invitation and below (the page and its calendar file).
 *
 * With single fetch, the page's data requests (after an answer, after a language switch) go to
 * /invitation.data, which Path=/invitation does not cover (RFC 6265 path-match needs a "/" after the
 * prefix). So the same cookie is also set with Path=/invitation.data, rather than widening it to Path=/.
 */
import { createCookie, type AppLoadContext, type Cookie } from "@remix-run/node";
import { resolveDelegatedToken, resolveInvitationToken } from "~/services/invitation-links.server";

export const INVITATION_PATH = "/invitation";
const MAX_AGE_SECONDS = 90 * 24 * 60 * 60;

/**
 * Sent with every response of /i/… and /invitation…: no Referer leaves for another site (the map, the calendar
 * services), nothing is cached. `same-origin`, not `no-referrer`: under no-referrer browsers send the page's own
 * form posts with `Origin: null`, which the cross-site checks (server/origin.ts, Remix's own) refuse — the invitee
 * without JavaScript could not answer. Our own requests carry only the clean /invitation address.
 */
export const privateHeaders = { "Referrer-Policy": "same-origin", "Cache-Control": "no-store" } as const;

/**
 * What the page's own files (its calendar file, QR picture, calendar links) answer for no cookie or a token that opens
 * nothing: one text, one status, whatever the reason, as the page itself does.
 */
export function deadLinkResponse(): Response {
  return new Response("404 — Liên kết không hợp lệ hoặc đã hết hạn. / This link is not valid or has expired.\n", {
    status: 404,
    headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
  });
}

const DATA_PATH = `${INVITATION_PATH}.data`;
const cookies = new Map<string, Cookie>();

function cookieFor(context: AppLoadContext, path: string): Cookie {
  const key = `${path}:${context.secureCookies}:${context.cookieSecrets.join(",")}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie("signet_invitation", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.secureCookies,
      path,
      secrets: context.cookieSecrets,
      maxAge: MAX_AGE_SECONDS,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

export function invitationCookie(context: AppLoadContext): Cookie {
  return cookieFor(context, INVITATION_PATH);
}

/** Set-Cookie values that store the token (or, with null, remove it) for the page and its data requests. */
export async function invitationCookieHeaders(context: AppLoadContext, token: string | null): Promise<string[]> {
  return Promise.all(
    [INVITATION_PATH, DATA_PATH].map((path) =>
      token === null ? cookieFor(context, path).serialize("", { maxAge: 0 }) : cookieFor(context, path).serialize(token),
    ),
  );
}

/** The token in the cookie, if the cookie is there and its signature holds. */
export async function readInvitationToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await invitationCookie(context).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The deputy the cookie's invitation was handed to, or null (docs/decisions/028). */
export async function delegationFromCookie(request: Request, context: AppLoadContext): Promise<{ deputy: string } | null> {
  const token = await readInvitationToken(request, context);
  return token ? resolveDelegatedToken(context.db, token) : null;
}

/** The invitation the visitor's cookie opens right now, or null (no cookie, unknown, withdrawn, expired). */
export async function invitationFromCookie(request: Request, context: AppLoadContext) {
  const token = await readInvitationToken(request, context);
  if (!token) return null;
  const target = await resolveInvitationToken(context.db, token);
  return target ? { ...target, token } : null;
}
