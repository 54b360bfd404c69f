/**
 * Feedback after a redirect, in one place (decision 030): an action that succeeded redirects with a notice, kept for
 * one request in a signed cookie (a "flash"); the root loader reads and clears it, and the layout shows it with
 * <Notice> (app/components/ui/notice.tsx). No `?notice=` / `?done=` in addresses: a reload or a bookmark does not
 * repeat "Saved".
 *
 *   return redirectWithNotice(context, `/events/${id}`, { key: "event.updated" });
 *   return redirectWithNotice(context, `/events/${id}/photos`, { key: "photos.deleted", params: { number } });
 */
import { createCookie, redirect, type AppLoadContext, type Cookie } from "@remix-run/node";
import { isMessageKey } from "~/i18n/i18n";
import type { MessageKey, TranslateParams } from "~/i18n/i18n";
import { isNoticeTone, type FlashNotice, type NoticeTone } from "./notice";

export type { FlashNotice, NoticeTone };

const cookies = new Map<string, Cookie>();

function noticeCookie(context: AppLoadContext): Cookie {
  const key = `${context.secureCookies}:${context.cookieSecrets.join(",")}`;
  let cookie = cookies.get(key);
  if (!cookie) {
    cookie = createCookie("signet_notice", {
      httpOnly: true,
      sameSite: "lax",
      secure: context.secureCookies,
      path: "/",
      secrets: context.cookieSecrets,
      // Read on the very next request; a minute is a bound, not a lifetime.
      maxAge: 60,
    });
    cookies.set(key, cookie);
  }
  return cookie;
}

/**
 * The Set-Cookie header that carries a notice to the page at `to`. The notice belongs to that page: if the person
 * goes somewhere else before it loads, the next page drops it instead of saying "Saved" about something else.
 */
export async function noticeHeader(
  context: AppLoadContext,
  to: string,
  notice: { key: MessageKey; params?: TranslateParams; tone?: NoticeTone },
): Promise<string> {
  const value: StoredNotice = { tone: notice.tone ?? "ok", key: notice.key, params: notice.params ?? {}, page: pageOf(to) };
  return noticeCookie(context).serialize(value);
}

type StoredNotice = FlashNotice & { page: string };

/** The page an address names: its path, without a single-fetch ".data" suffix or a trailing slash. */
function pageOf(address: string): string {
  const path = new URL(address, "http://signet.invalid").pathname.replace(/\/_root\.data$/, "/").replace(/\.data$/, "");
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}

/** A redirect that shows `notice` on the page it leads to. Return it (or throw it) from an action. */
export async function redirectWithNotice(
  context: AppLoadContext,
  to: string,
  notice: { key: MessageKey; params?: TranslateParams; tone?: NoticeTone },
  init: { headers?: HeadersInit } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await noticeHeader(context, to, notice));
  return redirect(to, { headers });
}

/**
 * The notice a redirect left, and the header that clears it (null when there was none). Only the root loader calls
 * this; a forged or stale cookie is ignored.
 */
export async function takeNotice(request: Request, context: AppLoadContext): Promise<{ notice: FlashNotice | null; clear: string | null }> {
  const cookieHeader = request.headers.get("Cookie");
  if (!cookieHeader?.includes("signet_notice=")) return { notice: null, clear: null };
  const cookie = noticeCookie(context);
  const raw: unknown = await cookie.parse(cookieHeader);
  const clear = await cookie.serialize("", { maxAge: 0 });
  return { notice: toNotice(raw, pageOf(request.url)), clear };
}

function toNotice(raw: unknown, page: string): FlashNotice | null {
  if (typeof raw !== "object" || raw === null) return null;
  const { tone, key, params, page: meantFor } = raw as Record<string, unknown>;
  if (meantFor !== page) return null;
  if (!isNoticeTone(tone) || typeof key !== "string" || !isMessageKey(key)) return null;
  const clean: TranslateParams = {};
  if (typeof params === "object" && params !== null)
    for (const [name, value] of Object.entries(params))
      if (typeof value === "string" || typeof value === "number") clean[name] = value;
  return { tone, key, params: clean };
}
