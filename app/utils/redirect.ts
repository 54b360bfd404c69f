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
  // A Location header holds ASCII only: "/sự-kiện" goes out percent-encoded (an unpaired surrogate cannot be).
  try {
    // eslint-disable-next-line no-control-regex -- the range is "not ASCII"
    return to.replace(/[^\u0000-\u007f]+/gu, (chars) => encodeURIComponent(chars));
  } catch {
    return fallback;
  }
}
