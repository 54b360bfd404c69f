import { createCookie, type AppLoadContext, type Cookie } from "@remix-run/node";
import { randomToken, sha256 } from "./crypto.server";

/**
 * The device cookie (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): issued when a browser
 * signs in successfully, signed with the session secrets, naming the account and carrying a random nonce. While
 * it is valid, that browser's failed attempts count against its own budget only (app/services/login-throttle.server.ts),
 * so five wrong passwords from strangers do not lock its owner out. One cookie holds the last few accounts
 * signed in from this browser. It proves nothing but "this browser signed in to this account before": it never
 * replaces the password.
 */
export interface DeviceEntry {
  /** The account (user id). */
  u: string;
  /** A random nonce; the database only ever sees its SHA-256. */
  n: string;
  /** Issued at, ms since the epoch. */
  t: number;
}

export const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const MAX_ENTRIES = 5;

const cookies = new Map<string, Cookie>();

export function deviceCookie(context: AppLoadContext): Cookie {
  const key = `${context.secureCookies}:${context.cookieSecrets.join(",")}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie("signet_device", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.secureCookies,
      path: "/",
      secrets: context.cookieSecrets,
      maxAge: DEVICE_COOKIE_MAX_AGE_S,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

function isEntry(value: unknown): value is DeviceEntry {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.u === "string" && typeof v.n === "string" && v.n.length >= 20 && typeof v.t === "number";
}

/** The valid (signed, unexpired) entries of the request's device cookie; a tampered cookie gives none. */
export async function readDeviceEntries(request: Request, context: AppLoadContext, now = new Date()): Promise<DeviceEntry[]> {
  const value: unknown = await deviceCookie(context).parse(request.headers.get("Cookie"));
  if (!Array.isArray(value)) return [];
  return value.filter(isEntry).filter((e) => e.t <= now.getTime() && now.getTime() - e.t < DEVICE_COOKIE_MAX_AGE_S * 1000);
}

/** The trusted devices as the throttle sees them: the account and the key (SHA-256 of the nonce). */
export function deviceKeys(entries: DeviceEntry[]): { userId: string; key: string }[] {
  return entries.map((e) => ({ userId: e.u, key: sha256(e.n) }));
}

/** The throttle key of this browser for one account, or null (an untrusted client for that account). */
export function deviceKeyFor(entries: DeviceEntry[], userId: string): string | null {
  const entry = entries.find((e) => e.u === userId);
  return entry ? sha256(entry.n) : null;
}

/** After a successful sign-in: a fresh nonce for this account, first, the others kept (at most five). */
export async function issueDeviceCookie(context: AppLoadContext, entries: DeviceEntry[], userId: string, now = new Date()): Promise<string> {
  const next = [{ u: userId, n: randomToken(24), t: now.getTime() }, ...entries.filter((e) => e.u !== userId)].slice(0, MAX_ENTRIES);
  return deviceCookie(context).serialize(next);
}
