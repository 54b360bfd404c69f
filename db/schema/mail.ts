import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { mailStatuses } from "../../app/domain/mail/status";
import { createdAt, id, instant } from "./_columns";

export const mailStatus = pgEnum("mail_status", mailStatuses);
export const mailKind = pgEnum("mail_kind", ["invitation", "update", "cancellation", "reminder", "other"]);

/**
 * The durable outbox. Every email is a row first; a worker sends it (SMTP) or files it in the local Mailbox
 * (no SMTP_URL), retrying with backoff. `idempotencyKey` is unique: the same message is never queued twice.
 */
export const mailMessages = pgTable(
  "mail_messages",
  {
    id: id(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: mailKind("kind").notNull(),
    eventId: uuid("event_id"),
    invitationId: uuid("invitation_id"),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** iCalendar attachment, sent as the text/calendar; method=… part. */
    icsMethod: text("ics_method"),
    icsContent: text("ics_content"),
    status: mailStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    /** "smtp" or "mailbox": where it went. */
    deliveredVia: text("delivered_via"),
    messageId: text("message_id"),
    sentAt: instant("sent_at"),
    createdAt: createdAt(),
    meta: jsonb("meta").$type<Record<string, unknown>>(),
  },
  (t) => [
    index("mail_messages_due_idx").on(t.status, t.nextAttemptAt),
    index("mail_messages_event_idx").on(t.eventId, t.createdAt),
    index("mail_messages_invitation_idx").on(t.invitationId),
  ],
);
