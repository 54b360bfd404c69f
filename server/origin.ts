import type { IncomingHttpHeaders } from "node:http";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request (POST, PUT, PATCH, DELETE) is refused when the browser says it comes from
 * another origin: Origin differs from Host, or Sec-Fetch-Site is cross-site. Requests without either header
 * (curl, API clients using a bearer token) are not browser-driven cross-site requests and pass.
 */
export function isCrossOriginWrite(method: string, headers: IncomingHttpHeaders): boolean {
  if (SAFE.has(method.toUpperCase())) return false;
  const origin = headers.origin;
  const host = headers["x-forwarded-host"] ?? headers.host;
  if (origin && origin !== "null") {
    try {
      return new URL(origin).host !== String(host);
    } catch {
      return true;
    }
  }
  if (origin === "null") return true;
  return headers["sec-fetch-site"] === "cross-site";
}
