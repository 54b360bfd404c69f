/**
 * Checks that run before Remix sees a request (server/index.ts, and the in-process harness of the request-level
 * tests). See docs/decisions/015-text-input.md: text must be well-formed UTF-8 without NUL, in the address too.
 */
import { decodeUrlComponent } from "~/utils/text-input";

/**
 * True when the path or the query (raw, as sent: "/press/%00?q=x") holds a malformed escape, bytes that are not
 * UTF-8, or a NUL: PostgreSQL cannot store or compare a NUL, and replacing bad bytes would change what was asked.
 */
export function isMalformedUrl(pathAndQuery: string): boolean {
  const q = pathAndQuery.indexOf("?");
  const pathname = q === -1 ? pathAndQuery : pathAndQuery.slice(0, q);
  const query = q === -1 ? "" : pathAndQuery.slice(q + 1);
  const parts = [decodeUrlComponent(pathname, false), ...query.split("&").map((p) => decodeUrlComponent(p, true))];
  return parts.some((part) => part === null || part.includes("\u0000"));
}

export const MESSAGE_HTML = "400 — Địa chỉ có ký tự không hợp lệ. / The address contains characters that are not allowed.";
export const MESSAGE_API = "The address contains a malformed escape, bytes that are not UTF-8, or a NUL character.";

/** The answer to a malformed address, for a web Request (null when the address is fine). */
export function refuseMalformedUrl(request: Request): Response | null {
  const url = new URL(request.url);
  const raw = request.url.slice(url.origin.length);
  if (!isMalformedUrl(raw)) return null;
  return malformedUrlResponse(url.pathname.startsWith("/api/"));
}

export function malformedUrlResponse(api: boolean): Response {
  return api
    ? Response.json({ error: { code: "bad_request", message: MESSAGE_API, fields: {} } }, { status: 400, headers: { "Cache-Control": "no-store" } })
    : new Response(MESSAGE_HTML, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
