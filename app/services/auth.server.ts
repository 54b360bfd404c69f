import { redirect, type AppLoadContext } from "@remix-run/node";
import {
  canGlobal,
  canOnEvent,
  type EventAction,
  type GlobalAction,
  type MemberRole,
} from "~/domain/access/permissions";
import { getEventOwner, getMemberRole, listTeamManagers } from "~/models/events.server";
import type { User } from "~/models/users.server";
import { getApiTokenGrant, getSessionUser, type ApiTokenGrant } from "~/services/accounts.server";
import { readSessionId } from "~/utils/session.server";
import { forbidden, notFound } from "~/utils/responses.server";

export async function getUser(request: Request, context: AppLoadContext): Promise<User | null> {
  const sessionId = await readSessionId(request, context);
  if (!sessionId) return null;
  return getSessionUser(context.db, sessionId);
}

/** The signed-in staff member, or a redirect to the login page that returns here afterwards. */
export async function requireUser(request: Request, context: AppLoadContext): Promise<User> {
  const user = await getUser(request, context);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  return user;
}

export async function requireGlobalPermission(request: Request, context: AppLoadContext, action: GlobalAction) {
  const user = await requireUser(request, context);
  if (!canGlobal(user, action)) throw forbidden();
  return user;
}

export interface EventAccess {
  user: User;
  event: { id: string; title: string; status: string; createdBy: string | null };
  memberRole: MemberRole | null;
}

/**
 * Loads who the user is to this event; 404 when there is no such event, 403 when not allowed. With a list of
 * actions, allowed when any one is: for a form with several intents, checked before the form is read (an unknown
 * intent from someone who may do none of them is 403, not 400), then the intent's own action again.
 */
export async function checkEventPermission(
  user: User,
  context: AppLoadContext,
  eventId: string | undefined,
  action: EventAction | readonly EventAction[],
): Promise<EventAccess> {
  if (!eventId || !isUuid(eventId)) throw notFound();
  const event = await getEventOwner(context.db, eventId);
  if (!event) throw notFound();
  const memberRole = await getMemberRole(context.db, eventId, user.id);
  const actions: readonly EventAction[] = typeof action === "string" ? [action] : action;
  if (!actions.some((a) => canOnEvent(user, a, { ownerId: event.createdBy, memberRole }))) {
    // Someone outside the event's team is told who can add them (the API answers its own 403 body).
    const outside = memberRole === null && event.createdBy !== user.id;
    throw forbidden(outside ? { teamManagers: await listTeamManagers(context.db, eventId) } : {});
  }
  return { user, event, memberRole };
}

export async function requireEventPermission(
  request: Request,
  context: AppLoadContext,
  eventId: string | undefined,
  action: EventAction | readonly EventAction[],
): Promise<EventAccess> {
  const user = await requireUser(request, context);
  return checkEventPermission(user, context, eventId, action);
}

/**
 * Whether this access may see the invitees' personal data (contact details, needs, notes, exports, photo
 * originals): the event's organizers and communications members, and admins (docs/decisions/017-personal-data.md).
 */
export function seesPersonalData(access: EventAccess): boolean {
  return canOnEvent(access.user, "personalData:read", { ownerId: access.event.createdBy, memberRole: access.memberRole });
}

export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** API: the user behind `Authorization: Bearer <token>` and what the token allows, or null. */
export async function getApiGrant(request: Request, context: AppLoadContext): Promise<{ user: User; grant: ApiTokenGrant } | null> {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  return getApiTokenGrant(context.db, match[1]);
}

/** API: the user behind `Authorization: Bearer <token>`, or null. */
export async function getApiUser(request: Request, context: AppLoadContext): Promise<User | null> {
  return (await getApiGrant(request, context))?.user ?? null;
}
