/**
 * Only same-site paths: "/events?x" yes; "//evil.example", "/\\evil", "https://…", "javascript:" no — nor a path
 * with a control character or whitespace in it, which browsers drop ("/\t/evil.example" would become
 * "//evil.example"), nor one with a character outside printable ASCII ("/đường", U+2028): a Location header
 * holds bytes, and such a value would make the answer itself fail. Send non-ASCII paths percent-encoded.
 */
export function safeRedirect(to: unknown, fallback = "/events"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  if (/[^\u0021-\u007e]|\\/.test(to)) return fallback;
  if (to.startsWith("//")) return fallback;
  return to;
}
