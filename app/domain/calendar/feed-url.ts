/** The secret address of a staff member's calendar feed: /calendar/<token>.ics. Pure. */

/** The token is randomToken() output: base64url, 43 characters for 256 bits; at least 22 (128 bits). */
const TOKEN = /^[A-Za-z0-9_-]{22,128}$/;

export function calendarFeedUrls(appUrl: string, token: string): { https: string; webcal: string } {
  const https = `${appUrl.replace(/\/+$/, "")}/calendar/${token}.ics`;
  return { https, webcal: https.replace(/^https?:/i, "webcal:") };
}

/** The token from the route parameter "<token>.ics" (the suffix is optional); null when it cannot be one. */
export function feedTokenFromParam(param: string | undefined): string | null {
  if (!param) return null;
  const token = param.endsWith(".ics") ? param.slice(0, -4) : param;
  return TOKEN.test(token) ? token : null;
}

/** Google Calendar's "add by URL" for a feed. */
export function googleSubscribeUrl(webcalUrl: string): string {
  return `https://calendar.google.com/calendar/r?cid=${encodeURIComponent(webcalUrl)}`;
}
