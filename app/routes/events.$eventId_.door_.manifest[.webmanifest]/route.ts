import type { LoaderFunctionArgs } from "@remix-run/node";
import { doorEvent } from "~/services/check-in.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound, answerThrownData } from "~/utils/responses.server";

/** GET /events/:eventId/door/manifest.webmanifest — makes one event's offline door installable on a phone. */
async function load({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "checkin:perform");
  const event = await doorEvent(context.db, access.event.id);
  if (!event) throw notFound();
  const base = `/events/${event.id}/door/`;
  return Response.json(
    {
      name: `Signet — ${event.title}`,
      short_name: "Signet cửa",
      start_url: `${base}offline`,
      scope: base,
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#7a1f1f",
      lang: "vi",
      icons: [{ src: "/door-icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
    },
    { headers: { "Content-Type": "application/manifest+json", "Cache-Control": "private, max-age=300" } },
  );
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
