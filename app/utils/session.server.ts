import { createCookie, type Cookie } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { isLocale, type Locale } from "~/i18n/i18n";

const cookies = new Map<string, Cookie>();

/** The session cookie holds only a random session id; the session itself lives in the database. */
export function sessionCookie(context: AppLoadContext): Cookie {
  const key = `${context.secureCookies}:${context.cookieSecrets.join(",")}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie("signet_session", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.secureCookies,
      path: "/",
      secrets: context.cookieSecrets,
      // No maxAge: the server decides expiry (idle and absolute); the browser keeps it until it closes
      // at most 30 days, matching the absolute lifetime.
      maxAge: 30 * 24 * 60 * 60,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

export async function readSessionId(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await sessionCookie(context).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The visitor's language choice when not signed in (staff keep theirs on their account). */
export const localeCookie = createCookie("signet_locale", { path: "/", sameSite: "lax", maxAge: 365 * 24 * 60 * 60 });

export async function readLocaleCookie(request: Request): Promise<Locale | null> {
  const value: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(value) ? value : null;
}

const challengeCookies = new Map<string, Cookie>();

/**
 * Between the password and the two-step code: a random challenge id (the table holds its SHA-256), for ten
 * minutes, only on the sign-in pages.
 */
export function challengeCookie(context: AppLoadContext): Cookie {
  const key = `${context.secureCookies}:${context.cookieSecrets.join(",")}`;
  let cookie = challengeCookies.get(key);
  if (!cookie) {
    cookie = createCookie("signet_2fa", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.secureCookies,
      path: "/login",
      secrets: context.cookieSecrets,
      maxAge: 10 * 60,
    });
    challengeCookies.set(key, cookie);
  }
  return cookie;
}

export async function readChallengeId(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await challengeCookie(context).parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}
