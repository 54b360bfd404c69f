import type { Db } from "#db/client.server";
import type { Actor, MemberRole, UserRole } from "~/domain/access/permissions";
import {
  findUnrevokedApiToken,
  findUnrevokedApiTokenOnEvent,
  insertApiToken,
  listUserApiTokens,
  revokeAllUserApiTokens,
  revokeUserApiToken,
  touchApiToken,
} from "~/models/api-tokens.server";
import { recordAudit } from "~/models/audit.server";
import {
  deleteSession,
  deleteUserLoginChallenges,
  deleteUserSessions,
  findSessionWithUser,
  insertLoginChallenge,
  insertSession,
  touchSession,
  useUpPasswordResetTokens,
} from "~/models/sessions.server";
import {
  countUsers,
  findPasswordHash,
  findUserByEmail,
  insertUser,
  updatePasswordHash,
  updateUserActive,
  updateUserRole,
  type User,
} from "~/models/users.server";
import {
  dummyPasswordHash,
  generatePassword,
  hashPassword,
  randomToken,
  sha256,
  verifyPassword,
} from "~/utils/crypto.server";
import { ServiceError } from "~/utils/errors";
import { clearDeviceFailures, forgiveAttempt, reserveAttempt } from "./login-throttle.server";
import { isUniqueViolation } from "./organizations.server";

export const SESSION_IDLE_MS = 7 * 24 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 30 * 24 * 60 * 60 * 1000;
/** Between a right password and the second factor: ten minutes. */
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export type LoginResult =
  | { ok: true; sessionId: string; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number }
  /** The password was right, the account uses two-step verification: no session yet, a challenge for the code. */
  | { ok: false; reason: "two_factor_required"; challengeId: string };

export function normalizeEmail(email: string) {
  return email.trim().toLowerCase();
}

/** A trusted browser for an account: the device cookie's account and throttle key (app/utils/device-cookie.server.ts). */
export interface TrustedDevice {
  userId: string;
  key: string;
}

export async function login(
  db: Db,
  input: {
    email: string;
    password: string;
    ip: string;
    userAgent?: string | null;
    redirectTo?: string | null;
    /** The browser's device cookie entries: one naming this account gives it its own failure budget. */
    devices?: TrustedDevice[];
  },
  now = new Date(),
): Promise<LoginResult> {
  const email = normalizeEmail(input.email);
  const found = await findUserByEmail(db, email);
  const device = (found && input.devices?.find((d) => d.userId === found.id)?.key) ?? null;
  // The attempt is reserved (counted) before the password is checked: parallel guesses cannot overtake the limit.
  const reservation = await reserveAttempt(db, { email, ip: input.ip, device }, now);
  if (!reservation.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };

  // Verify against a dummy hash when there is no such account, so both answers take as long.
  const valid = await verifyPassword(input.password, found?.passwordHash ?? (await dummyPasswordHash()));
  if (!found || !valid || !found.active) return { ok: false, reason: "invalid" };
  // The password was right: this attempt is no failure. The device's earlier failures go once the sign-in is complete.
  await forgiveAttempt(db, reservation.id);
  if (found.totpEnabledAt) {
    const challengeId = randomToken(32);
    await insertLoginChallenge(db, {
      idHash: sha256(challengeId),
      userId: found.id,
      redirectTo: input.redirectTo ?? null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    });
    return { ok: false, reason: "two_factor_required", challengeId };
  }
  await clearDeviceFailures(db, device);
  const sessionId = await createSession(db, found.id, { ip: input.ip, userAgent: input.userAgent ?? null }, now);
  const { passwordHash: _hash, totpEnabledAt: _totp, ...user } = found;
  await recordAudit(db, { actor: user, action: "login", entityType: "user", entityId: user.id });
  return { ok: true, sessionId, user };
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<string> {
  const sessionId = randomToken(32);
  await insertSession(db, {
    idHash: sha256(sessionId),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return sessionId;
}

/** The active user behind a session id, or null when unknown, expired (idle or absolute) or deactivated. */
export async function getSessionUser(db: Db, sessionId: string, now = new Date()): Promise<User | null> {
  const idHash = sha256(sessionId);
  const row = await findSessionWithUser(db, idHash);
  if (!row) return null;
  const { user, session } = row;
  const idleExpired = session.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime();
  if (!user.active || session.expiresAt <= now || idleExpired) {
    await deleteSession(db, idHash);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, idHash, now);
  return user;
}

export async function destroySession(db: Db, sessionId: string): Promise<void> {
  await deleteSession(db, sha256(sessionId));
}

const TOKEN_PREFIX = "sgt_";

export type ApiTokenScope = "read" | "write";

export interface ApiTokenOptions {
  /** "read": GET/HEAD only; "write": every other method. Default both. */
  scopes?: ApiTokenScope[];
  /** Only /api/v1/events/<eventId>/… (default: the whole API). */
  eventId?: string | null;
  expiresAt?: Date | null;
}

export async function createApiToken(db: Db, userId: string, name = "CLI", options: ApiTokenOptions = {}): Promise<string> {
  const token = TOKEN_PREFIX + randomToken(32);
  await insertApiToken(db, {
    userId,
    name,
    tokenHash: sha256(token),
    scopes: options.scopes ?? ["read", "write"],
    eventId: options.eventId ?? null,
    expiresAt: options.expiresAt ?? null,
  });
  return token;
}

export interface ApiTokenGrant {
  id: string;
  scopes: string[];
  eventId: string | null;
}

/** The active user behind a token and what the token allows; null for unknown, revoked or expired tokens. */
export async function getApiTokenGrant(db: Db, token: string, now = new Date()): Promise<{ user: User; grant: ApiTokenGrant } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  return grantOf(db, await findUnrevokedApiToken(db, sha256(token)), now);
}

/** A found token as its grant when it still opens (active account, not expired), its last use noted (once a minute). */
async function grantOf(
  db: Db,
  row: { user: User; token: { id: string; scopes: string[]; eventId: string | null; expiresAt: Date | null; lastUsedAt: Date | null } } | null,
  now: Date,
): Promise<{ user: User; grant: ApiTokenGrant } | null> {
  if (!row || !row.user.active) return null;
  const { user, token: stored } = row;
  if (stored.expiresAt && stored.expiresAt <= now) return null;
  if (!stored.lastUsedAt || now.getTime() - stored.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchApiToken(db, stored.id, now);
  return { user, grant: { id: stored.id, scopes: stored.scopes, eventId: stored.eventId } };
}

/** An event as the permissions on it are decided: its owner and status, and the account's role on its team. */
export interface ApiEventStanding {
  event: { id: string; title: string; status: string; createdBy: string | null } | null;
  memberRole: MemberRole | null;
}

/**
 * getApiTokenGrant for a request on one event (`eventId` a UUID), with that event and the account's role on its team
 * read in the same statement (one round trip for what three lookups read).
 */
export async function getApiTokenGrantOnEvent(
  db: Db,
  token: string,
  eventId: string,
  now = new Date(),
): Promise<{ user: User; grant: ApiTokenGrant; standing: ApiEventStanding } | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findUnrevokedApiTokenOnEvent(db, sha256(token), eventId);
  const found = await grantOf(db, row, now);
  if (!found || !row) return null;
  return { ...found, standing: { event: row.event, memberRole: row.event ? row.memberRole : null } };
}

export async function getTokenUser(db: Db, token: string, now = new Date()): Promise<User | null> {
  return (await getApiTokenGrant(db, token, now))?.user ?? null;
}

/** The account's tokens for the account page, newest first (never the secret: only its hash is stored). */
export function listApiTokens(db: Db, userId: string) {
  return listUserApiTokens(db, userId);
}

/** Revokes one of the account's own tokens; false when it is not theirs or already revoked. */
export async function revokeApiToken(db: Db, actor: Actor, tokenId: string, now = new Date()): Promise<boolean> {
  const row = await revokeUserApiToken(db, actor.id, tokenId, now);
  if (row)
    await recordAudit(db, { actor, action: "user.token.revoke", entityType: "user", entityId: actor.id, details: { tokenId, name: row.name } });
  return Boolean(row);
}

/** Databases seen with at least one staff account (see hasAccounts). */
const withAccounts = new WeakSet<Db>();

/**
 * Whether any staff account exists: what `/` and /login ask on every GET, to send a fresh install to /setup.
 * Accounts are deactivated, never deleted (nothing deletes a users row), so once true it stays true: remembered
 * per database object, so each test's fresh database starts unknown. Only `true` is remembered — until then every
 * call counts — and /setup checks for itself (countUsers) before it creates the first administrator.
 */
export async function hasAccounts(db: Db): Promise<boolean> {
  if (withAccounts.has(db)) return true;
  if ((await countUsers(db)) === 0) return false;
  withAccounts.add(db);
  return true;
}

/** Creates a staff account; generates a password when none is given and returns it once. */
export async function createUser(
  db: Db,
  actor: Actor | null,
  input: { email: string; name: string; role: UserRole; password?: string | null },
): Promise<{ user: User; password: string; generated: boolean }> {
  const email = normalizeEmail(input.email);
  if (await findUserByEmail(db, email))
    throw new ServiceError("conflict", "users.duplicateEmail", { email: "users.duplicateEmail" });
  const generated = !input.password;
  const password = input.password || generatePassword();
  const passwordHash = await hashPassword(password);
  let user: User;
  try {
    user = await insertUser(db, { email, name: input.name.trim(), role: input.role, passwordHash });
  } catch (error) {
    // Two requests for the same email at once (a double submit): the unique index decides, the loser gets the
    // same conflict as above instead of a raw database error.
    if (isUniqueViolation(error))
      throw new ServiceError("conflict", "users.duplicateEmail", { email: "users.duplicateEmail" });
    throw error;
  }
  await recordAudit(db, {
    actor,
    action: "user.create",
    entityType: "user",
    entityId: user.id,
    details: { email, role: input.role },
  });
  return { user, password, generated };
}

/** Deactivates (or reactivates) an account; deactivation ends its sessions and revokes its tokens at once. */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean) {
  if (actor.id === userId) throw new ServiceError("forbidden", "users.cannotSelf");
  await db.transaction(async (tx) => {
    const now = new Date();
    if (!(await updateUserActive(tx, userId, active, now))) throw new ServiceError("not_found", "errors.notFound.title");
    if (!active) {
      await deleteUserSessions(tx, userId);
      await revokeAllUserApiTokens(tx, userId, now);
    }
    await recordAudit(tx, {
      actor,
      action: active ? "user.activate" : "user.deactivate",
      entityType: "user",
      entityId: userId,
    });
  });
}

export async function setUserRole(db: Db, actor: Actor, userId: string, role: UserRole) {
  if (actor.id === userId && role !== "admin") throw new ServiceError("forbidden", "users.cannotSelf");
  if (!(await updateUserRole(db, userId, role))) throw new ServiceError("not_found", "errors.notFound.title");
  await recordAudit(db, { actor, action: "user.update", entityType: "user", entityId: userId, details: { role } });
}

export type PasswordChangeResult =
  | { ok: true }
  | { ok: false; reason: "wrong_current" | "same_as_old" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * The signed-in user changes their own password. The current password is checked like a sign-in (a wrong one
 * counts towards the same limit), then every other session ends; the one making the change stays. Pending
 * "forgot password" links stop working. API tokens are separate credentials and stay.
 */
export async function changePassword(
  db: Db,
  user: { id: string; email: string; name: string },
  currentSessionId: string | null,
  input: { currentPassword: string; newPassword: string; ip: string; device?: string | null },
  now = new Date(),
): Promise<PasswordChangeResult> {
  const reservation = await reserveAttempt(db, { email: normalizeEmail(user.email), ip: input.ip, device: input.device ?? null }, now);
  if (!reservation.ok) return { ok: false, reason: "rate_limited", retryAfterSeconds: reservation.retryAfterSeconds };
  const currentHash = await findPasswordHash(db, user.id);
  if (currentHash === null) throw new ServiceError("not_found", "errors.notFound.title");
  if (!(await verifyPassword(input.currentPassword, currentHash))) return { ok: false, reason: "wrong_current" };
  await forgiveAttempt(db, reservation.id);
  if (await verifyPassword(input.newPassword, currentHash)) return { ok: false, reason: "same_as_old" };
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash, now);
    await deleteUserSessions(tx, user.id, currentSessionId ? sha256(currentSessionId) : null);
    await revokeSignInSecrets(tx, user.id, now);
    await recordAudit(tx, { actor: user, action: "user.password.change", entityType: "user", entityId: user.id });
  });
  return { ok: true };
}

/** Unused "forgot password" links and half-done sign-ins of an account stop working. */
export async function revokeSignInSecrets(db: Db, userId: string, now: Date): Promise<void> {
  await useUpPasswordResetTokens(db, userId, now);
  await deleteUserLoginChallenges(db, userId);
}

/** Ends every session and revokes every API token of an account (an administrator's reset). */
export async function revokeAllAccess(db: Db, userId: string, now: Date): Promise<void> {
  await deleteUserSessions(db, userId);
  await revokeAllUserApiTokens(db, userId, now);
  await revokeSignInSecrets(db, userId, now);
}
