/**
 * The JSON API's authentication: the staff member behind `Authorization: Bearer <token>`, what the token's scopes
 * and event allow, and the actor the services record. The HTTP plumbing (JSON answers, errors, bodies) is
 * app/utils/api.server.ts; the JSON shapes are app/services/api-presenters/ (docs/decisions/033-api-layers.md).
 */
import type { AppLoadContext } from "@remix-run/node";
import type { EventAction } from "~/domain/access/permissions";
import type { User } from "~/models/users.server";
import { apiError, messages } from "~/utils/api.server";
import { checkEventPermission, getApiGrant, getApiGrantOnEvent, isUuid, type EventAccess } from "./auth.server";

/** The active staff member behind `Authorization: Bearer <token>`, or a 401 JSON response thrown. */
export async function requireApiUser(request: Request, context: AppLoadContext): Promise<User> {
  const found = await getApiGrant(request, context);
  if (found) {
    const refusal = tokenRefusal(found.grant, request);
    if (refusal) throw apiError(403, refusal);
    return found.user;
  }
  throw unauthenticated(request);
}

function unauthenticated(request: Request): Response {
  const sent = (request.headers.get("Authorization") ?? "").trim() !== "";
  return apiError(401, sent ? messages.invalidToken : messages.unauthenticated, {}, {
    "WWW-Authenticate": sent ? 'Bearer realm="signet", error="invalid_token"' : 'Bearer realm="signet"',
  });
}

/**
 * requireApiUser, then checkEventPermission on the event of the path — with the token, its account, the event and the
 * account's role on its team read in one statement. The same answers in the same order: 401, the token's 403, 404 for
 * no such event (or an id that is not one), 403 for what the account may not do there.
 */
export async function requireApiEventPermission(
  request: Request,
  context: AppLoadContext,
  eventId: string | undefined,
  action: EventAction | readonly EventAction[],
): Promise<EventAccess> {
  if (!eventId || !isUuid(eventId)) {
    const user = await requireApiUser(request, context);
    return checkApiEventPermission(user, context, eventId, action);
  }
  const found = await getApiGrantOnEvent(request, context, eventId);
  if (!found) throw unauthenticated(request);
  const refusal = tokenRefusal(found.grant, request);
  if (refusal) throw apiError(403, refusal);
  return checkApiEventPermission(found.user, context, eventId, action, Promise.resolve(found.standing));
}

/**
 * checkEventPermission for the API: the same 404 and 403, without looking up the team's managers for someone outside
 * the team (the pages name them; the API's 403 body does not, app/utils/api.server.ts).
 */
export function checkApiEventPermission(
  user: User,
  context: AppLoadContext,
  eventId: string | undefined,
  action: EventAction | readonly EventAction[],
  standing?: Parameters<typeof checkEventPermission>[4],
): Promise<EventAccess> {
  return checkEventPermission(user, context, eventId, action, standing, { teamManagers: false });
}

/**
 * What a token's scopes and event do not allow for this request, or null: "read" covers GET and HEAD,
 * "write" every other method; a token of one event reaches only /api/v1/events/<that event>/….
 */
export function tokenRefusal(grant: { scopes: string[]; eventId: string | null }, request: Request): string | null {
  const method = request.method.toUpperCase();
  const needs = method === "GET" || method === "HEAD" ? "read" : "write";
  if (!grant.scopes.includes(needs)) return `This token does not have the "${needs}" scope.`;
  if (grant.eventId) {
    const path = new URL(request.url).pathname;
    const prefix = `/api/v1/events/${grant.eventId}`;
    if (path !== prefix && !path.startsWith(`${prefix}/`)) return `This token only reaches ${prefix} and what is under it.`;
  }
  return null;
}

/** The actor the services record in the audit log. */
export function actorOf(user: User) {
  return { id: user.id, name: user.name };
}
