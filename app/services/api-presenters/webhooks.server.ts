/** Webhook endpoints and their delivery log as the API answers them (the schemas: app/domain/api/webhook-json.ts). */
import type { WebhookJson } from "~/domain/api/webhook-json";
import type { WebhookEventType } from "~/domain/webhooks/event-types";
import type { listDeliveryLog, WebhookEndpoint } from "~/models/webhooks.server";
import { isoUtc, isoUtcOrNull as iso } from "./iso.server";

export function webhookToJson(e: WebhookEndpoint): WebhookJson {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.eventTypes as WebhookEventType[],
    eventId: e.eventId,
    includePersonalData: e.includePersonalData,
    enabled: e.enabled,
    disabledAt: iso(e.disabledAt),
    disabledReason: e.disabledReason === "failing" || e.disabledReason === "manual" ? e.disabledReason : null,
    failingSince: iso(e.failingSince),
    previousSecretExpiresAt: iso(e.previousSecretExpiresAt),
    createdAt: isoUtc(e.createdAt),
  };
}

export function deliveryToJson(d: Awaited<ReturnType<typeof listDeliveryLog>>[number]) {
  return {
    id: d.id,
    messageId: d.messageId,
    type: d.type as WebhookEventType,
    status: d.status,
    attempts: d.attempts,
    nextAttemptAt: d.status === "queued" ? isoUtc(d.nextAttemptAt) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    deliveredAt: iso(d.deliveredAt),
    createdAt: isoUtc(d.createdAt),
    log: d.log.map((a) => ({ at: isoUtc(a.at), attempt: a.attempt, statusCode: a.statusCode, error: a.error })),
  };
}
