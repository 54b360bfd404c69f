/** Helpers shared by /api/v1/events/:eventId/agenda and /agenda/:itemId. See docs/api.md, "Agenda". */
import type { AgendaView } from "~/services/agenda.server";
import { agendaItemToJson } from "~/services/api-presenters/agenda.server";
import { apiError, versionToken, type ApiErrorWording } from "~/utils/api.server";
import type { ServiceError } from "~/utils/errors";

export function itemJson(view: AgendaView, itemId: string) {
  const index = view.items.findIndex((i) => i.id === itemId);
  const item = view.items[index];
  if (!item) throw apiError(404, "No agenda item with this id.");
  return agendaItemToJson(item, index + 1, view.event.timeZone);
}

export const etag = (version: string) => `"${version}"`;

/**
 * The version the client based its change on: `If-Match: "<version>"` (W/ allowed, `*` = any) or
 * `?version=<version>`. Versions are opaque strings of letters, digits, "-" and "_".
 */
export function expectedVersion(request: Request): string | undefined {
  return versionToken(request, {
    pattern: /^[A-Za-z0-9_-]{1,64}$/,
    header: 'If-Match must be a version in quotes, e.g. If-Match: "lq3k2x1a".',
    query: ["The version query parameter is not a version.", "Not a version from this API."],
  });
}

/** Conflicts said for people in the UI ("what you typed is still in the form") get an API wording (withApiWording). */
export function agendaWording(error: ServiceError): ApiErrorWording | null {
  if (error.message === "agenda.errors.staleItem")
    return {
      message: "The agenda item was changed meanwhile (by someone else, or its time was recalculated): read it again and retry with its current version.",
      fields: { version: "Not the item's current version." },
    };
  if (error.message === "agenda.errors.stale")
    return { message: "The agenda was changed meanwhile: read it again and retry with its current version.", fields: { version: "Not the agenda's current version." } };
  return null;
}
