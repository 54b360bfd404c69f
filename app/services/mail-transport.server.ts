/**
 * Where outbox messages go: an SMTP server (nodemailer, SMTP_URL) or — without SMTP_URL — nowhere: the stored
 * row is the delivery and admins read it on /admin/mailbox (a local mail catcher, so the demo needs no mail
 * server). Also the mail settings every sender needs (MAIL_FROM, the public URL for links).
 */
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import { addressDomain, parseMailAddress, type MailAddress } from "~/domain/mail/address";
import { readEnv, type Env } from "~/utils/env.server";

export interface MailSettings {
  /** The public base URL without a trailing slash, for personal links. */
  appUrl: string;
  /** MAIL_FROM: the sender of every email and the ORGANIZER of the calendar files (without INBOUND_DOMAIN). */
  from: MailAddress;
  /**
   * INBOUND_DOMAIN: when set, each invitation's calendar ORGANIZER, Reply-To and envelope sender are its reply
   * address rsvp+<reply token>@INBOUND_DOMAIN (docs/decisions/027-calendar-replies.md).
   */
  inboundDomain?: string | null;
}

/** Mail settings from the environment: APP_URL (else http://localhost:PORT, as server/index.ts) and MAIL_FROM. */
export function readMailSettings(env: Env = readEnv()): MailSettings {
  const from = parseMailAddress(env.MAIL_FROM);
  if (!from) throw new Error("MAIL_FROM is not a valid address");
  return {
    appUrl: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ""),
    from,
    inboundDomain: env.INBOUND_DOMAIN?.toLowerCase() ?? null,
  };
}

/** One outbox row as the transport needs it. */
export interface OutgoingMail {
  idempotencyKey: string;
  to: string;
  toName: string | null;
  subject: string;
  text: string;
  html: string;
  icsMethod: string | null;
  icsContent: string | null;
  language: string | null;
  /** The invitation's reply address (INBOUND_DOMAIN): Reply-To and envelope sender, so replies and bounces come back. */
  replyTo?: string | null;
}

export interface MailTransport {
  /** Stored in mail_messages.delivered_via. */
  via: "smtp" | "mailbox";
  /** How many sends the outbox may have in flight at once (the SMTP pool's size); 1 when not given. */
  concurrency?: number;
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  close(): void;
}

/** An error from the transport, with the SMTP reply code when the server gave one (550 → no retry). */
export interface TransportFailure {
  message: string;
  responseCode?: number;
  /** The SMTP command the server refused ("CONN" for the greeting, "RCPT TO", "DATA", …), when known. */
  command?: string;
}

export function describeTransportError(error: unknown): TransportFailure {
  if (error && typeof error === "object") {
    const e = error as { message?: unknown; responseCode?: unknown; code?: unknown; response?: unknown; command?: unknown };
    const parts = [typeof e.code === "string" ? e.code : null, typeof e.message === "string" ? e.message : null].filter(Boolean);
    return {
      message: (parts.join(": ") || String(error)).slice(0, 1000),
      responseCode: typeof e.responseCode === "number" ? e.responseCode : undefined,
      command: typeof e.command === "string" ? e.command : undefined,
    };
  }
  return { message: String(error).slice(0, 1000) };
}

/**
 * A stable Message-ID per outbox message: if a send is ever repeated after a crash between the SMTP server's
 * "250 OK" and our "sent", receiving systems see the same Message-ID and can drop the duplicate.
 */
export function messageIdFor(idempotencyKey: string, from: MailAddress): string {
  const hash = createHash("sha256").update(idempotencyKey).digest("hex").slice(0, 32);
  return `<${hash}@${addressDomain(from.address)}>`;
}

/** The nodemailer message for one outbox row: HTML + text, and the text/calendar; method=… part. */
export function toNodemailerMessage(mail: OutgoingMail, from: MailAddress) {
  return {
    from: { name: from.name, address: from.address },
    to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: messageIdFor(mail.idempotencyKey, from),
    // The reply address takes answers (Reply-To) and bounces (the envelope sender, Return-Path).
    ...(mail.replyTo ? { replyTo: mail.replyTo, envelope: { from: mail.replyTo, to: mail.to } } : {}),
    headers: {
      "Auto-Submitted": "auto-generated",
      ...(mail.language ? { "Content-Language": mail.language } : {}),
    },
    // nodemailer adds the calendar as the multipart/alternative text/calendar; method=… part Outlook reads,
    // and as an attachment named invite.ics — once; never attach it a second time.
    ...(mail.icsContent && mail.icsMethod
      ? { icalEvent: { method: mail.icsMethod, filename: "invite.ics", content: mail.icsContent } }
      : {}),
  };
}

export interface SmtpOptions {
  /** smtp://… or smtps://… (query parameters such as ?ignoreTLS=true are nodemailer options). */
  url: string;
  from: MailAddress;
  /** Connections kept open and used at once (nodemailer's pool; default 5). The outbox sends this many at a time. */
  poolSize?: number;
  /** At most this many messages a second over the whole pool (a provider's cap); 0: no limit. */
  ratePerSecond?: number;
  /** Extra nodemailer options (tests: ignoreTLS). */
  extra?: Record<string, unknown>;
}

export const DEFAULT_SMTP_POOL_SIZE = 5;

export function createSmtpTransport({ url, from, poolSize = DEFAULT_SMTP_POOL_SIZE, ratePerSecond = 0, extra }: SmtpOptions): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Connections are kept and reused (one TLS handshake and greeting per connection, not per message).
    pool: true,
    maxConnections: poolSize,
    maxMessages: 500,
    ...(ratePerSecond > 0 ? { rateLimit: ratePerSecond, rateDelta: 1000 } : {}),
    // A server that is down or silent must fail fast, so the worker reschedules instead of hanging.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
    ...extra,
  });
  return {
    via: "smtp",
    concurrency: poolSize,
    async send(mail) {
      const info = await transporter.sendMail(toNodemailerMessage(mail, from));
      return { messageId: typeof info.messageId === "string" ? info.messageId : messageIdFor(mail.idempotencyKey, from) };
    },
    close: () => transporter.close(),
  };
}

/** No SMTP server: the stored row is the message; it is marked sent with deliveredVia "mailbox". */
export function createMailboxTransport(from: MailAddress): MailTransport {
  return {
    via: "mailbox",
    concurrency: 8,
    send: (mail) => Promise.resolve({ messageId: messageIdFor(mail.idempotencyKey, from) }),
    close: () => {},
  };
}

/** SMTP when SMTP_URL is set, else the Mailbox. */
export function createTransportFromEnv(env: Env = readEnv()): MailTransport {
  const { from } = readMailSettings(env);
  return env.SMTP_URL
    ? createSmtpTransport({ url: env.SMTP_URL, from, poolSize: env.SMTP_POOL_SIZE, ratePerSecond: env.SMTP_RATE_PER_SECOND })
    : createMailboxTransport(from);
}

/** Whether mail leaves this server (for the Mailbox page's explanation). */
export function mailDeliveryMode(env: Env = readEnv()): "smtp" | "mailbox" {
  return env.SMTP_URL ? "smtp" : "mailbox";
}
