/**
 * Who may manage which webhook endpoint: administrators every one (and endpoints of every event); anyone who
 * may change an event (its owner, its organizers) the endpoints of that event. Throws like
 * checkEventPermission (403/404), so pages and the API answer the same way.
 */
import type { AppLoadContext } from "@remix-run/node";
import { getEndpoint, type WebhookEndpoint } from "~/models/webhooks.server";
import type { User } from "~/models/users.server";
import { checkEventPermission, isUuid } from "./auth.server";
import { forbidden, notFound } from "~/utils/responses.server";

export async function checkWebhookScope(user: User, context: AppLoadContext, eventId: string | null): Promise<void> {
  if (eventId === null) {
    if (user.role !== "admin") throw forbidden();
    return;
  }
  await checkEventPermission(user, context, eventId, "event:update");
}

export async function requireWebhookEndpoint(user: User, context: AppLoadContext, endpointId: string | undefined): Promise<WebhookEndpoint> {
  const endpoint = endpointId && isUuid(endpointId) ? await getEndpoint(context.db, endpointId) : null;
  if (!endpoint) throw notFound();
  await checkWebhookScope(user, context, endpoint.eventId);
  return endpoint;
}

/** The endpoints a user may see: all for administrators, else those of events they may change. */
export async function visibleEndpoints<T extends { eventId: string | null }>(user: User, context: AppLoadContext, rows: T[]): Promise<T[]> {
  if (user.role === "admin") return rows;
  const allowed = new Map<string, boolean>();
  for (const row of rows) {
    if (row.eventId === null || allowed.has(row.eventId)) continue;
    allowed.set(
      row.eventId,
      await checkWebhookScope(user, context, row.eventId).then(
        () => true,
        () => false,
      ),
    );
  }
  return rows.filter((row) => row.eventId !== null && allowed.get(row.eventId));
}
