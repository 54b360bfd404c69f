import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedTokenFromParam } from "~/domain/calendar/feed-url";
import { translate } from "~/i18n/i18n";
import { calendarFeedForToken } from "~/services/calendar.server";

/**
 * GET /calendar/<token>.ics — a staff member's subscribed calendar. No session: the secret token is the key.
 * Unknown, revoked or malformed tokens, and deactivated accounts, get the same 404.
 */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = feedTokenFromParam(params.token);
  const content = token ? await calendarFeedForToken(context.db, token, { appUrl: context.appUrl }) : null;
  if (content === null) {
    // Calendar apps send no useful Accept-Language: say it in both languages, Vietnamese first.
    const message = `${translate("vi", "calendar.feed.notFound")}\n${translate("en", "calendar.feed.notFound")}\n`;
    return new Response(message, {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(content, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="signet.ics"',
      // The address is a secret: no shared cache may keep the answer.
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
