/**
 * Only same-site paths: "/events?x" yes; "//evil.example", "/\\evil", "https://…", "javascript:" no — nor a path
 * with a control character or whitespace in it, which browsers drop ("/\t/evil.example" would become
 * "//evil.example").
 */
export function safeRedirect(to: unknown, fallback = "/events"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  if (to.startsWith("//")) return fallback;
  return to;
}
