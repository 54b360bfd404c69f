import { redirect, type AppLoadContext } from "@remix-run/node";
import {
  canGlobal,
  canOnEvent,
  type EventAction,
  type GlobalAction,
  type MemberRole,
} from "~/domain/access/permissions";
import { getEventOwner, getMemberRole, listTeamManagers } from "~/models/events.server";
import { anyUserExists, type User } from "~/models/users.server";
import { getApiTokenGrant, getSessionUser, type ApiTokenGrant } from "~/services/accounts.server";
import { readSessionId } from "./session.server";
import { forbidden, notFound } from "./responses.server";

/**
 * What one GET request has looked up already: the session's user and, per event, the event and the user's role
 * in it. A page's loaders (root, layout, route) each call requireUser / requireEventPermission — every one must,
 * since a child loader can be called without its parent — and they share the answer instead of asking the
 * database three times. The load context is made per HTTP request (server/index.ts), so nothing outlives it.
 * Only GET and HEAD: a POST's action may sign in or out, or change the team, before its loaders run.
 */
interface RequestLookups {
  sessions: Map<string, Promise<User | null>>;
  events: Map<string, Promise<{ event: EventAccess["event"] | null; memberRole: MemberRole | null }>>;
}
const lookups = new WeakMap<AppLoadContext, RequestLookups>();

function lookupsFor(request: Request, context: AppLoadContext): RequestLookups | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  let found = lookups.get(context);
  if (!found) {
    found = { sessions: new Map(), events: new Map() };
    lookups.set(context, found);
  }
  return found;
}

export async function getUser(request: Request, context: AppLoadContext): Promise<User | null> {
  const sessionId = await readSessionId(request, context);
  if (!sessionId) return null;
  const cache = lookupsFor(request, context);
  if (!cache) return getSessionUser(context.db, sessionId);
  let user = cache.sessions.get(sessionId);
  if (!user) {
    user = getSessionUser(context.db, sessionId);
    cache.sessions.set(sessionId, user);
    // A failed lookup is not remembered: the next loader asks again.
    user.catch(() => cache.sessions.delete(sessionId));
  }
  return user;
}

/**
 * Whether no account exists yet (the first visit goes to /setup). Once one exists the answer is remembered for
 * this database: accounts are deactivated, never all deleted, so the login page does not ask on every GET.
 */
const hasAccounts = new WeakSet<object>();
export async function needsSetup(db: AppLoadContext["db"]): Promise<boolean> {
  if (hasAccounts.has(db)) return false;
  if (!(await anyUserExists(db))) return true;
  hasAccounts.add(db);
  return false;
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

/** Loads who the user is to this event; 404 when there is no such event, 403 when not allowed. */
export async function checkEventPermission(
  user: User,
  context: AppLoadContext,
  eventId: string | undefined,
  action: EventAction,
  request?: Request,
): Promise<EventAccess> {
  if (!eventId || !isUuid(eventId)) throw notFound();
  const { event, memberRole } = await eventAndRole(user, context, eventId, request);
  if (!event) throw notFound();
  if (!canOnEvent(user, action, { ownerId: event.createdBy, memberRole })) {
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
  action: EventAction,
): Promise<EventAccess> {
  const user = await requireUser(request, context);
  return checkEventPermission(user, context, eventId, action, request);
}

/** The event's owner and the user's role in it: once per GET request and user (see RequestLookups). */
function eventAndRole(user: User, context: AppLoadContext, eventId: string, request?: Request) {
  const load = async () => {
    const [event, memberRole] = await Promise.all([getEventOwner(context.db, eventId), getMemberRole(context.db, eventId, user.id)]);
    return { event: event ?? null, memberRole: event ? memberRole : null };
  };
  const cache = request ? lookupsFor(request, context) : null;
  if (!cache) return load();
  const key = `${user.id}:${eventId}`;
  let found = cache.events.get(key);
  if (!found) {
    found = load();
    cache.events.set(key, found);
    found.catch(() => cache.events.delete(key));
  }
  return found;
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
