import { z } from "zod";
import { DEFAULT_MAIL_FROM, parseMailAddress } from "~/domain/mail/address";

const schema = z.object({
  NODE_ENV: z.enum(["production", "development", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default("data"),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").optional(),
  SIGNET_DEMO: z.enum(["0", "1"]).default("1"),
  /** The public address of this server, for links in emails and calendar files (default http://localhost:PORT). */
  APP_URL: z.string().url().optional(),
  /** Set to 1 behind a reverse proxy so the client address comes from X-Forwarded-For. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Set to 0 to allow the session cookie over plain HTTP on a non-localhost address in production. */
  COOKIE_SECURE: z.enum(["0", "1"]).optional(),
  /** Outgoing mail server, e.g. smtp://user:pass@mail.example.org:587 or smtps://…:465. Unset: mail goes to /admin/mailbox. */
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string().regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://host:port or smtps://user:pass@host:465").optional(),
  ),
  /** Sender of every email and ORGANIZER of the calendar files: "Name <address>". */
  MAIL_FROM: z
    .string()
    .default(DEFAULT_MAIL_FROM)
    .refine((v) => parseMailAddress(v) !== null, 'MAIL_FROM must be an address or "Name <address>"'),
});

export type Env = z.infer<typeof schema>;

/** Reads and checks process.env once; a wrong value stops the server with a readable message. */
export function readEnv(env: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
