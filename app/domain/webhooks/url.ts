/** Client-safe: what makes a URL unfit for a webhook before any lookup (the form and the server both check). */

/** The reason a URL can never be a webhook endpoint (before any lookup), or null. */
export function webhookUrlProblem(raw: string): "invalid" | "scheme" | "credentials" | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "scheme";
  if (url.username || url.password) return "credentials";
  if (!url.hostname) return "invalid";
  return null;
}
