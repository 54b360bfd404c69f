/** Only same-site paths: "/events?x" yes; "//evil.example", "https://…", "javascript:" no. */
export function safeRedirect(to: unknown, fallback = "/events"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}
