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
import { getApiTokenGrant, getApiTokenGrantOnEvent, getSessionUser, type ApiEventStanding, type ApiTokenGrant } from "~/services/accounts.server";
import { readSessionId } from "~/utils/session.server";
import { forbidden, notFound } from "~/utils/responses.server";

// One page is several loaders (root, the event's layout, the page itself), each given its own copy of the Request
// but one load context per HTTP request (server/index.ts). A reading request (GET/HEAD) looks each session up once
// and each event's access once; an action never reuses an answer (it may sign out, change a role or leave a team),
// and the loaders that run after an action in the same request look up afresh, after it. Keyed by the context
// object, so nothing outlives the request.
const reading = (request: Request) => request.method === "GET" || request.method === "HEAD";
const answersByContext = new WeakMap<AppLoadContext, Map<string, Promise<unknown>>>();

function once<T>(request: Request, context: AppLoadContext, key: string, run: () => Promise<T>): Promise<T> {
  if (!reading(request)) return run();
  let answers = answersByContext.get(context);
  if (!answers) answersByContext.set(context, (answers = new Map()));
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    const started = run();
    answers.set(key, started);
    started.catch(() => answers.delete(key));
    answer = started;
  }
  return answer;
}

export async function getUser(request: Request, context: AppLoadContext): Promise<User | null> {
  const sessionId = await readSessionId(request, context);
  if (!sessionId) return null;
  return once(request, context, `session:${sessionId}`, () => lookUpUser(context, sessionId));
}

function lookUpUser(context: AppLoadContext, sessionId: string): Promise<User | null> {
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
  standing?: Promise<EventStanding>,
  options: { teamManagers?: boolean } = {},
): Promise<EventAccess> {
  if (!eventId || !isUuid(eventId)) throw notFound();
  const { event, memberRole } = await (standing ?? lookUpStanding(context, eventId, user.id));
  if (!event) throw notFound();
  const actions: readonly EventAction[] = typeof action === "string" ? [action] : action;
  if (!actions.some((a) => canOnEvent(user, a, { ownerId: event.createdBy, memberRole }))) {
    // Someone outside the event's team is told who can add them; the API answers its own 403 body, so it asks
    // for no list (options.teamManagers false).
    const outside = memberRole === null && event.createdBy !== user.id && options.teamManagers !== false;
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
  if (!eventId || !isUuid(eventId)) throw notFound();
  const standing = once(request, context, `event:${eventId}:${user.id}`, () => lookUpStanding(context, eventId, user.id));
  return checkEventPermission(user, context, eventId, action, standing);
}

/** The event's owner and the user's role on its team: what every permission on the event is decided from. */
interface EventStanding {
  event: EventAccess["event"] | null;
  memberRole: MemberRole | null;
}

async function lookUpStanding(context: AppLoadContext, eventId: string, userId: string): Promise<EventStanding> {
  const [event, memberRole] = await Promise.all([getEventOwner(context.db, eventId), getMemberRole(context.db, eventId, userId)]);
  return { event: event ?? null, memberRole: event ? memberRole : null };
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

/**
 * API, on /api/v1/events/<eventId>/… (`eventId` a UUID): the same, with the event and the user's role on its team read
 * in the same round trip — what checkEventPermission decides from (pass it `Promise.resolve(standing)`).
 */
export async function getApiGrantOnEvent(
  request: Request,
  context: AppLoadContext,
  eventId: string,
): Promise<{ user: User; grant: ApiTokenGrant; standing: ApiEventStanding } | null> {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  return getApiTokenGrantOnEvent(context.db, match[1], eventId);
}

/** API: the user behind `Authorization: Bearer <token>`, or null. */
export async function getApiUser(request: Request, context: AppLoadContext): Promise<User | null> {
  return (await getApiGrant(request, context))?.user ?? null;
}
