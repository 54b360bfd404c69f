import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { createdAt, id, instant } from "./_columns";
import { events } from "./events";

/**
 * Webhook endpoints (docs/decisions/021-integrations.md). `eventId` null: every event (admins only). The
 * signing secret is sealed with the server's secret box (it must be read back to sign); after a rotation the
 * previous secret keeps signing beside the new one until `previousSecretExpiresAt`.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    url: text("url").notNull(),
    description: text("description"),
    eventTypes: text("event_types").array().notNull(),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** May payloads carry guests' names and emails (admins, or the event's own team for an event's endpoint). */
    includePersonalData: boolean("include_personal_data").notNull().default(false),
    secretSealed: text("secret_sealed").notNull(),
    previousSecretSealed: text("previous_secret_sealed"),
    previousSecretExpiresAt: instant("previous_secret_expires_at"),
    enabled: boolean("enabled").notNull().default(true),
    disabledAt: instant("disabled_at"),
    disabledReason: text("disabled_reason"),
    /** The first failed attempt of the current run of failures (null after a success). */
    failingSince: instant("failing_since"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_event_idx").on(t.eventId)],
);

/** One thing that happened, once: its id is the `webhook-id` every endpoint receives for it. */
export const webhookMessages = pgTable(
  "webhook_messages",
  {
    id: id(),
    type: text("type").notNull(),
    eventId: uuid("event_id"),
    /** The payload's `data` without personal data … */
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
    /** … and the fields added for endpoints allowed to receive personal data. */
    personalData: jsonb("personal_data").$type<Record<string, unknown>>(),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
  },
  (t) => [index("webhook_messages_event_idx").on(t.eventId, t.occurredAt)],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["queued", "sending", "delivered", "failed"]);

/** The webhook outbox: one row per endpoint and message (unique), claimed like mail_messages. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    messageId: uuid("message_id")
      .notNull()
      .references(() => webhookMessages.id, { onDelete: "cascade" }),
    status: webhookDeliveryStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lockedUntil: instant("locked_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    deliveredAt: instant("delivered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_endpoint_message_idx").on(t.endpointId, t.messageId),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);

/** The delivery log: every attempt with its response code (null: no answer) or error. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: instant("at").notNull().defaultNow(),
    statusCode: integer("status_code"),
    error: text("error"),
    /** The delivery's attempt number (counts from 1 again after a manual redelivery). */
    attempt: integer("attempt").notNull(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);
