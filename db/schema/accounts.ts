import { sql } from "drizzle-orm";
import { boolean, bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { userRoles } from "../../app/domain/access/permissions";
import { locales } from "../../app/i18n/locales";
import { createdAt, id, instant } from "./_columns";

export const userRole = pgEnum("user_role", userRoles);
export const localeEnum = pgEnum("locale", locales);

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: localeEnum("locale").notNull().default("vi"),
    active: boolean("active").notNull().default(true),
    createdAt: createdAt(),
    deactivatedAt: instant("deactivated_at"),
    passwordChangedAt: instant("password_changed_at"),
    /**
     * The TOTP secret, encrypted (AES-256-GCM, app/utils/secret-box.server.ts) — never stored in clear. Set
     * while enrolling; two-factor sign-in is on only once `totpEnabledAt` is set (the first code confirmed).
     */
    totpSecret: text("totp_secret"),
    totpEnabledAt: instant("totp_enabled_at"),
    /** The last TOTP time step accepted: a code is never accepted twice (replay). */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

/** Server-side sessions: the cookie carries a random id, the table holds only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Personal API tokens, stored as SHA-256 of the secret. `scopes`: "read" (GET) and/or "write" (everything
 * else); `eventId`: the token only reaches /api/v1/events/<that id>/…; `expiresAt`: refused from then on.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    scopes: text("scopes").array().notNull().default(sql`array['read','write']::text[]`),
    eventId: uuid("event_id"),
    expiresAt: instant("expires_at"),
    createdAt: createdAt(),
    lastUsedAt: instant("last_used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

/**
 * Sign-in attempts, for rate limiting (app/services/login-throttle.server.ts). A row is reserved before the
 * password is checked and removed again when it was right, so what stays are the failures. `device` is the
 * SHA-256 of a trusted browser's device-cookie nonce: such rows count against that browser's budget only; rows
 * without it (untrusted clients) count per account and per address.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    device: text("device"),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [
    index("login_failures_email_idx").on(t.email, t.at),
    index("login_failures_ip_idx").on(t.ip, t.at),
    index("login_failures_device_idx").on(t.device, t.at),
    index("login_failures_at_idx").on(t.at),
  ],
);

/** "Forgot password" links: the random token is in the email only; the table holds its SHA-256. Single use. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    usedAt: instant("used_at"),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/** Every "forgot password" request, known email or not, for rate limiting by email and by address. */
export const passwordResetRequests = pgTable(
  "password_reset_requests",
  {
    id: id(),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    at: instant("at").notNull().defaultNow(),
  },
  (t) => [
    index("password_reset_requests_email_idx").on(t.email, t.at),
    index("password_reset_requests_ip_idx").on(t.ip, t.at),
  ],
);

/** Two-factor recovery codes, stored as SHA-256; each works once. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    usedAt: instant("used_at"),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/**
 * A sign-in half done: the password was right and the account asks for a second factor. The cookie holds a
 * random id, the table its SHA-256; it lives ten minutes and becomes a session once the code is right.
 */
export const loginChallenges = pgTable(
  "login_challenges",
  {
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    redirectTo: text("redirect_to"),
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
  },
  (t) => [index("login_challenges_user_idx").on(t.userId)],
);

/** Instance-wide settings (e.g. the generated session secret when SESSION_SECRET is unset). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});
