import { z } from "zod";
import { INBOUND_DOMAIN_SHAPE } from "~/domain/inbound/reply-address";
import { DEFAULT_MAIL_FROM, parseMailAddress } from "~/domain/mail/address";
import { DEFAULT_RETENTION_DAYS } from "~/domain/privacy/personal-data";
import { DEFAULT_PHOTO_MAX_BYTES, DEFAULT_PHOTO_MAX_PIXELS, type PhotoLimits } from "~/domain/photos/rules";

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("data"),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  /** Seals two-step verification secrets in the database; unset: a random key generated once, kept in the database. */
  ENCRYPTION_KEY: z.string().min(32, "ENCRYPTION_KEY must be at least 32 characters").optional(),
  SIGNET_DEMO: z.enum(["0", "1"]).default("1"),
  /** The public address of this server, for links in emails and calendar files (default http://localhost:PORT). */
  APP_URL: z.string().url().optional(),
  /** Set to 1 behind a reverse proxy so the client address comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Set to 0 to allow the session cookie over plain HTTP on a non-localhost address in production. */
  COOKIE_SECURE: z.enum(["0", "1"]).optional(),
  /**
   * After SIGTERM, keep accepting this many milliseconds while /readyz answers 503 (each answer closing its
   * connection) before the listener closes: set it above the load balancer's health-check interval × its
   * unhealthy threshold. 0 (default): close at once, for one instance with nothing in front.
   */
  SHUTDOWN_DELAY_MS: z.coerce
    .number({ invalid_type_error: "SHUTDOWN_DELAY_MS must be a whole number of milliseconds" })
    .int("SHUTDOWN_DELAY_MS must be a whole number of milliseconds")
    .min(0, "SHUTDOWN_DELAY_MS must be 0 to 120000")
    .max(120_000, "SHUTDOWN_DELAY_MS must be 0 to 120000")
    .default(0),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465. Unset: mail goes to /admin/mailbox. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465").optional(),
  ),
  /** SMTP connections kept open and used at once by the outbox (default 5). */
  SMTP_POOL_SIZE: z.coerce.number().int().min(1, "SMTP_POOL_SIZE must be 1 to 50").max(50, "SMTP_POOL_SIZE must be 1 to 50").default(5),
  /** At most this many messages a second through SMTP_URL (a provider's cap); 0 or unset: no limit. */
  SMTP_RATE_PER_SECOND: z.coerce.number().int().min(0, "SMTP_RATE_PER_SECOND must be 0 or more").max(10_000).default(0),
  /** Sender of every email and ORGANIZER of the calendar files: "Name <address>". */
  MAIL_FROM: z
    .string()
    .default(DEFAULT_MAIL_FROM)
    .refine((v) => parseMailAddress(v) !== null, 'MAIL_FROM must be an address or "Name <address>"'),
  /** Largest photo upload in bytes (default 25 MiB). */
  PHOTO_MAX_BYTES: z.coerce.number().int().min(1024, "PHOTO_MAX_BYTES must be at least 1024").max(1024 * 1024 * 1024).default(DEFAULT_PHOTO_MAX_BYTES),
  /** Most pixels (width × height) a photo may have; checked from the header before decoding (default 60 MP). */
  PHOTO_MAX_PIXELS: z.coerce.number().int().min(10_000, "PHOTO_MAX_PIXELS must be at least 10000").max(1_000_000_000).default(DEFAULT_PHOTO_MAX_PIXELS),
  /** Days after an event's end before its invitees' contact details and needs are erased (default 365). */
  RETENTION_DAYS: z.coerce
    .number({ invalid_type_error: "RETENTION_DAYS must be a whole number of days" })
    .int("RETENTION_DAYS must be a whole number of days")
    .min(1, "RETENTION_DAYS must be at least 1")
    .max(36500, "RETENTION_DAYS must be at most 36500")
    .default(DEFAULT_RETENTION_DAYS),
  /**
   * Calendar replies (docs/decisions/027-calendar-replies.md): the domain of the reply addresses
   * rsvp+<token>@INBOUND_DOMAIN. Unset: calendar files name MAIL_FROM as ORGANIZER, as before, and nothing listens.
   */
  INBOUND_DOMAIN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(INBOUND_DOMAIN_SHAPE, "INBOUND_DOMAIN must be a domain name, e.g. rsvp.example.gov.vn").optional(),
  ),
  /** Port of the inbound SMTP listener (the MX of INBOUND_DOMAIN points here, usually through port 25). Unset: no listener. */
  INBOUND_SMTP_PORT: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int().min(1, "INBOUND_SMTP_PORT must be 1 to 65535").max(65535, "INBOUND_SMTP_PORT must be 1 to 65535").optional(),
  ),
  /** Address the inbound SMTP listener binds to (default all interfaces). */
  INBOUND_SMTP_HOST: z.string().min(1).default("0.0.0.0"),
  /** Largest inbound message in bytes (default 10 MiB); larger ones are refused with 552 while they arrive. */
  INBOUND_MAX_BYTES: z.coerce.number().int().min(10_000, "INBOUND_MAX_BYTES must be at least 10000").max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** PEM key and certificate files: with both, the listener offers STARTTLS. */
  INBOUND_TLS_KEY: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  INBOUND_TLS_CERT: z.preprocess((v) => (v === "" ? undefined : v), z.string().optional()),
  /** imap://user:pass@host:143/Folder or imaps://…:993/Folder: a mailbox folder polled for replies and bounces. */
  INBOUND_IMAP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^imaps?:\/\/[^\s]+$/, "INBOUND_IMAP_URL must look like imaps://user:pass@mail.example.org/Replies").optional(),
  ),
  /** Seconds between two IMAP polls (default 60). */
  INBOUND_IMAP_INTERVAL_SECONDS: z.coerce.number().int().min(5, "INBOUND_IMAP_INTERVAL_SECONDS must be at least 5").max(86_400).default(60),
  /** Set to 1 to let webhooks reach private, loopback and link-local addresses (tests, a receiver on the same host). */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  /**
   * Where photos are stored: file:./data/media (default: DATA_DIR/media) or
   * s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=1 (credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
   */
  STORAGE_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^(file:\S+|s3:\/\/\S+)$/, "STORAGE_URL must look like file:./data/media or s3://bucket/prefix?endpoint=https://…")
      .optional(),
  ),
  /** The bearer token that opens /metrics (Prometheus); unset: /metrics does not exist. */
  METRICS_TOKEN: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  ),
  /** json: one JSON object per line (default when stdout is not a terminal); text: plain lines (default on a terminal). */
  LOG_FORMAT: z.enum(["json", "text"]).optional(),
  /** How long one webhook attempt may take, in milliseconds (default 10 s). */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
});

export type Env = z.infer<typeof schema>;

export interface InboundSettings {
  domain: string | null;
  smtp: { port: number; host: string; maxBytes: number; tls: { keyFile: string; certFile: string } | null } | null;
  imap: { url: string; intervalMs: number } | null;
}

/** The calendar-replies settings; a channel without INBOUND_DOMAIN has no addresses to take replies at. */
export function inboundSettings(env: Env = readEnv()): InboundSettings {
  const domain = env.INBOUND_DOMAIN?.toLowerCase() ?? null;
  return {
    domain,
    smtp:
      domain && env.INBOUND_SMTP_PORT
        ? {
            port: env.INBOUND_SMTP_PORT,
            host: env.INBOUND_SMTP_HOST,
            maxBytes: env.INBOUND_MAX_BYTES,
            tls: env.INBOUND_TLS_KEY && env.INBOUND_TLS_CERT ? { keyFile: env.INBOUND_TLS_KEY, certFile: env.INBOUND_TLS_CERT } : null,
          }
        : null,
    imap: domain && env.INBOUND_IMAP_URL ? { url: env.INBOUND_IMAP_URL, intervalMs: env.INBOUND_IMAP_INTERVAL_SECONDS * 1000 } : null,
  };
}

/** Reads and checks process.env once; a wrong value stops the server with a readable message. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let photoLimitsCache: PhotoLimits | null = null;

/** PHOTO_MAX_BYTES and PHOTO_MAX_PIXELS (read once; the server checks them at start through readEnv). */
export function photoLimits(env: NodeJS.ProcessEnv = process.env): PhotoLimits {
  if (env !== process.env) {
    const parsed = readEnv(env);
    return { maxBytes: parsed.PHOTO_MAX_BYTES, maxPixels: parsed.PHOTO_MAX_PIXELS };
  }
  if (!photoLimitsCache) {
    const parsed = readEnv(env);
    photoLimitsCache = { maxBytes: parsed.PHOTO_MAX_BYTES, maxPixels: parsed.PHOTO_MAX_PIXELS };
  }
  return photoLimitsCache;
}

/** RETENTION_DAYS, read from the environment each time (the admin page and the daily run agree). */
export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  return readEnv(env).RETENTION_DAYS;
}

let webhookSettingsCache: { allowPrivate: boolean; timeoutMs: number } | null = null;

/** WEBHOOK_ALLOW_PRIVATE and WEBHOOK_TIMEOUT_MS (read once; the server checks them at start through readEnv). */
export function webhookSettings(env: NodeJS.ProcessEnv = process.env): { allowPrivate: boolean; timeoutMs: number } {
  if (env !== process.env || !webhookSettingsCache) {
    const parsed = readEnv(env);
    const settings = { allowPrivate: parsed.WEBHOOK_ALLOW_PRIVATE === "1", timeoutMs: parsed.WEBHOOK_TIMEOUT_MS };
    if (env !== process.env) return settings;
    webhookSettingsCache = settings;
  }
  return webhookSettingsCache;
}
