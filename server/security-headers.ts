/**
 * The browser policy every response carries (docs/decisions/016-hardening-throttles-and-browser-policy.md).
 * Set once per response here, before anything else runs; routes do not set these themselves (an Express
 * `append` of a second copy would make two headers — two policies, or a doubled nosniff).
 */

/** The pages that use the camera (the QR scanner at the door): only these may ask for it. */
const CAMERA_PAGE = /^\/events\/[^/]+\/(check-in|door|door\/offline)\/?$/;

/** The invitee's personal pages send their own, stricter Referrer-Policy (same-origin: nothing to other sites). */
const INVITEE_PAGE = /^\/(i\/|invitation)/;

/**
 * Content-Security-Policy with a per-request nonce. Scripts: only those carrying the nonce (Remix's <Scripts>,
 * <ScrollRestoration>, React's streaming chunks) and what they load ('strict-dynamic'). Styles: <style>
 * elements need the nonce too (style-src-elem); style attributes are allowed (style-src-attr 'unsafe-inline'),
 * because React's `style` prop and the seating chart's positions render them; `style-src` with 'unsafe-inline'
 * is the fallback only for browsers without the -elem/-attr directives.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline door's service worker (public/door-sw.js) and its web app manifest.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function permissionsPolicy(path: string): string {
  const camera = CAMERA_PAGE.test(path) ? "camera=(self)" : "camera=()";
  // Features Chromium does not know are reported as console errors: only well-known ones here.
  return [camera, "microphone=()", "geolocation=()", "payment=()", "usb=()"].join(", ");
}

export const HSTS = "max-age=31536000; includeSubDomains";

export function securityHeaders(input: { path: string; nonce: string; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(input.nonce),
    "Permissions-Policy": permissionsPolicy(input.path),
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
  };
  if (!INVITEE_PAGE.test(input.path)) headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
  // Only over TLS (a trusted proxy said X-Forwarded-Proto: https): HSTS over plain HTTP means nothing, and on
  // localhost it would pin every other local app to HTTPS.
  if (input.https) headers["Strict-Transport-Security"] = HSTS;
  return headers;
}
