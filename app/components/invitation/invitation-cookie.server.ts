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
import { Lru } from "~/utils/lru";

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
    readCookies.set(cookie, new Lru<string, string>(2_000));
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
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const cookie = invitationCookie(context);
  const known = header.length <= HEADER_CACHE_MAX_LENGTH ? readCookies.get(cookie) : undefined;
  const hit = known?.get(header);
  if (hit !== undefined) return hit || null;
  const value: unknown = await cookie.parse(header);
  const token = typeof value === "string" && value.length > 0 ? value : null;
  known?.set(header, token ?? "");
  return token;
}

/**
 * What each Cookie header read as, per cookie (its secrets): checking the signature (an HMAC per secret) is most of
 * reading it, and the same header always reads the same with the same secrets — an invitee reloading, or each of
 * their page's requests, sends the same one (issue 12). "" for no valid token. Bounded: 2,000 headers of ≤ 2 KB.
 */
const readCookies = new Map<Cookie, Lru<string, string>>();
const HEADER_CACHE_MAX_LENGTH = 2048;

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
