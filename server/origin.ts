import type { IncomingHttpHeaders } from "node:http";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * A state-changing request (POST, PUT, PATCH, DELETE) is refused when the browser says it comes from
 * another origin: Origin differs from Host, or (without Origin) Referer names another host, or Sec-Fetch-Site
 * is cross-site. `X-Forwarded-Host` stands for Host only behind a trusted proxy (TRUST_PROXY=1): otherwise
 * anyone could send it to match their own Origin. Requests with none of these headers (curl, API clients
 * using a bearer token) are not browser-driven cross-site requests and pass.
 */
export function isCrossOriginWrite(
  method: string,
  headers: IncomingHttpHeaders,
  options: { trustProxy?: boolean } = {},
): boolean {
  if (SAFE.has(method.toUpperCase())) return false;
  const forwarded = options.trustProxy ? headers["x-forwarded-host"] : undefined;
  const host = String((Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0]?.trim()) || headers.host || "");
  const origin = headers.origin;
  if (origin === "null") return true;
  if (origin) return hostOf(origin) !== host;
  if (headers["sec-fetch-site"] === "cross-site") return true;
  const referer = headers.referer;
  if (referer) return hostOf(referer) !== host;
  return false;
}
