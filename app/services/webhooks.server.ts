/**
 * Webhooks (docs/decisions/021-integrations.md): endpoints and their secrets, the events services emit, and the
 * worker that delivers them from the webhook outbox (webhook_deliveries), signed per Standard Webhooks.
 *
 *  - emitWebhook(tx, …) is called inside the transaction of the change it reports: one message row and one
 *    delivery per subscribed endpoint (unique per endpoint and message), or nothing when no endpoint listens.
 *  - drainWebhooks claims due deliveries (SKIP LOCKED, expiring lock), POSTs each through postWebhook (SSRF-
 *    checked, pinned, no redirects), logs the attempt, and retries with backoff; an endpoint failing for 24 h is
 *    disabled and its owner gets an email through the mail outbox.
 */
import { randomUUID } from "node:crypto";
import type { Db } from "#db/client.server";
import { escapeHtml } from "~/domain/mail/html";
import { webhookUrlProblem } from "~/domain/webhooks/address-policy";
import type { WebhookEventType } from "~/domain/webhooks/event-types";
import { shouldDisableEndpoint, webhookRetryAt } from "~/domain/webhooks/schedule";
import { generateWebhookSecret, webhookHeaders } from "~/domain/webhooks/signature";
import type { WebhookCreateInput, WebhookPatchInput } from "~/domain/webhooks/webhook.schema";
import { insertMailMessage } from "~/models/mail.server";
import { findUserById } from "~/models/users.server";
import {
  claimDueDeliveries,
  deleteEndpointRow,
  failPendingDeliveries,
  finishDelivery,
  getDelivery,
  getEndpoint,
  getEndpointSecrets,
  insertAttempt,
  insertEndpoint,
  insertMessageWithDeliveries,
  requeueDelivery,
  subscribedEndpoints,
  updateEndpoint,
  type ClaimedDelivery,
  type WebhookEndpoint,
  type WebhookMessageValues,
} from "~/models/webhooks.server";
import type { SecretBox } from "~/utils/secret-box.server";
import { ServiceError } from "~/utils/errors";
import { postWebhook, resolveEndpoint, WebhookAddressError } from "./webhook-sender.server";

/** How long the previous secret still signs after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 3600_000;

export interface WebhookSendSettings {
  allowPrivate: boolean;
  timeoutMs: number;
}

const sealContext = (endpointId: string) => `webhook:${endpointId}`;

async function checkUrl(raw: string, settings: WebhookSendSettings): Promise<string> {
  const problem = webhookUrlProblem(raw);
  if (problem) throw new ServiceError("invalid", `webhooks.url.${problem}`, { url: `webhooks.url.${problem}` });
  const url = new URL(raw);
  try {
    await resolveEndpoint(url, settings.allowPrivate);
  } catch (error) {
    if (error instanceof WebhookAddressError) {
      const key = /resolved|no address/.test(error.message) ? "webhooks.url.unresolvable" : "webhooks.url.private";
      throw new ServiceError("invalid", key, { url: key });
    }
    throw error;
  }
  return url.toString();
}

export async function createWebhookEndpoint(
  db: Db,
  box: SecretBox,
  owner: { id: string },
  input: WebhookCreateInput,
  settings: WebhookSendSettings,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = await checkUrl(input.url, settings);
  const id = randomUUID();
  const secret = generateWebhookSecret();
  const endpoint = await insertEndpoint(db, {
    id,
    url,
    description: input.description || null,
    eventTypes: [...new Set(input.events)],
    eventId: input.eventId ?? null,
    ownerId: owner.id,
    includePersonalData: input.includePersonalData ?? false,
    secretSealed: box.seal(secret, sealContext(id)),
  });
  return { endpoint, secret };
}

export async function updateWebhookEndpoint(db: Db, id: string, input: WebhookPatchInput): Promise<WebhookEndpoint> {
  const values: Parameters<typeof updateEndpoint>[2] = {};
  if (input.events) values.eventTypes = [...new Set(input.events)];
  if (input.description !== undefined) values.description = input.description || null;
  if (input.includePersonalData !== undefined) values.includePersonalData = input.includePersonalData;
  if (input.enabled === true) Object.assign(values, { enabled: true, disabledAt: null, disabledReason: null, failingSince: null });
  if (input.enabled === false) Object.assign(values, { enabled: false, disabledAt: new Date(), disabledReason: "manual" });
  const updated = Object.keys(values).length ? await updateEndpoint(db, id, values) : await getEndpoint(db, id);
  if (!updated) throw new ServiceError("not_found", "errors.notFound.title");
  return updated;
}

/** A new secret; the previous one keeps signing (a second signature) for SECRET_OVERLAP_MS. */
export async function rotateWebhookSecret(db: Db, box: SecretBox, id: string, now = new Date()): Promise<{ secret: string; previousSecretExpiresAt: Date }> {
  const current = await getEndpointSecrets(db, id);
  if (!current) throw new ServiceError("not_found", "errors.notFound.title");
  const secret = generateWebhookSecret();
  const previousSecretExpiresAt = new Date(now.getTime() + SECRET_OVERLAP_MS);
  await updateEndpoint(db, id, {
    secretSealed: box.seal(secret, sealContext(id)),
    previousSecretSealed: current.secretSealed,
    previousSecretExpiresAt,
  });
  return { secret, previousSecretExpiresAt };
}

export async function deleteWebhookEndpoint(db: Db, id: string): Promise<void> {
  if (!(await deleteEndpointRow(db, id))) throw new ServiceError("not_found", "errors.notFound.title");
}

export async function redeliverWebhook(db: Db, endpointId: string, deliveryId: string, now = new Date()): Promise<void> {
  const delivery = await getDelivery(db, deliveryId);
  if (!delivery || delivery.endpointId !== endpointId) throw new ServiceError("not_found", "errors.notFound.title");
  if (!(await requeueDelivery(db, deliveryId, now))) throw new ServiceError("conflict", "webhooks.redeliver.busy");
}

// ---------------------------------------------------------------------------------------------------
// Emitting

export interface WebhookEvent {
  type: WebhookEventType;
  /** The Signet event it concerns (endpoints of that event and endpoints of every event receive it). */
  eventId: string;
  /** The payload's data: ids, statuses, times — never names or emails. */
  data: Record<string, unknown>;
  /** Added to `data` only for endpoints allowed to receive personal data. */
  personalData?: Record<string, unknown> | null;
  occurredAt?: Date;
}

/** The webhook message an event is stored as (emitWebhook, or a statement that writes it beside its change). */
export function webhookMessageOf(event: WebhookEvent): WebhookMessageValues {
  return {
    type: event.type,
    eventId: event.eventId,
    data: { eventId: event.eventId, ...event.data },
    personalData: event.personalData ?? null,
    occurredAt: event.occurredAt ?? new Date(),
  };
}

/** Records an event for every endpoint that listens; call with the transaction of the change. */
export async function emitWebhook(db: Db, event: WebhookEvent): Promise<string | null> {
  const endpoints = await subscribedEndpoints(db, event.type, event.eventId);
  if (endpoints.length === 0) return null;
  return insertMessageWithDeliveries(db, webhookMessageOf(event), endpoints.map((e) => e.id));
}

/** The JSON body an endpoint receives (Standard Webhooks' recommended shape: type, timestamp, data). */
export function webhookBody(delivery: Pick<ClaimedDelivery, "type" | "occurredAt" | "data" | "personalData">, includePersonalData: boolean): string {
  const data = includePersonalData && delivery.personalData ? { ...delivery.data, ...delivery.personalData } : delivery.data;
  return JSON.stringify({ type: delivery.type, timestamp: delivery.occurredAt.toISOString(), data });
}

// ---------------------------------------------------------------------------------------------------
// Delivering

export interface WebhookDrainResult {
  delivered: number;
  retried: number;
  failed: number;
  disabled: number;
}

async function secretsInForce(db: Db, box: SecretBox, endpointId: string, now: Date): Promise<string[]> {
  const row = await getEndpointSecrets(db, endpointId);
  if (!row) return [];
  const secrets = [box.open(row.secretSealed, sealContext(endpointId))];
  if (row.previousSecretSealed && row.previousSecretExpiresAt && row.previousSecretExpiresAt > now)
    secrets.push(box.open(row.previousSecretSealed, sealContext(endpointId)));
  return secrets.filter((s): s is string => s !== null);
}

async function disableEndpoint(db: Db, endpoint: WebhookEndpoint, now: Date, appUrl: string) {
  await updateEndpoint(db, endpoint.id, { enabled: false, disabledAt: now, disabledReason: "failing" });
  await failPendingDeliveries(db, endpoint.id, "The endpoint was disabled after 24 hours of failed deliveries.");
  const owner = await findUserById(db, endpoint.ownerId);
  if (!owner) return;
  const page = endpoint.eventId ? `${appUrl}/events/${endpoint.eventId}/webhooks` : `${appUrl}/webhooks`;
  const text = [
    `Signet đã tắt webhook ${endpoint.url} vì mọi lần gửi trong 24 giờ qua đều thất bại.`,
    `Xem nhật ký gửi, sửa nơi nhận rồi bật lại tại: ${page}`,
    "",
    `Signet disabled the webhook ${endpoint.url}: every delivery for the last 24 hours failed.`,
    `See the delivery log, fix the receiver and switch it on again at: ${page}`,
  ].join("\n");
  await insertMailMessage(db, {
    idempotencyKey: `webhook-disabled:${endpoint.id}:${now.getTime()}`,
    kind: "other",
    eventId: endpoint.eventId,
    invitationId: null,
    to: owner.email,
    subject: "Webhook đã bị tắt / Webhook disabled — Signet",
    text,
    html: text
      .split("\n")
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(""),
    icsMethod: null,
    icsContent: null,
    meta: { toName: owner.name, language: owner.locale },
  });
}

export async function drainWebhooks(
  db: Db,
  box: SecretBox,
  settings: WebhookSendSettings & { appUrl: string },
  now: Date = new Date(),
  options: { maxDeliveries?: number; lockMs?: number } = {},
): Promise<WebhookDrainResult> {
  const result: WebhookDrainResult = { delivered: 0, retried: 0, failed: 0, disabled: 0 };
  const maxDeliveries = options.maxDeliveries ?? 50;
  const lockMs = options.lockMs ?? Math.max(60_000, settings.timeoutMs * 3);
  for (let i = 0; i < maxDeliveries; i++) {
    const [delivery] = await claimDueDeliveries(db, now, { limit: 1, lockUntil: new Date(now.getTime() + lockMs) });
    if (!delivery) break;
    const endpoint = await getEndpoint(db, delivery.endpointId);
    if (!endpoint) continue;
    const body = webhookBody(delivery, endpoint.includePersonalData);
    const secrets = await secretsInForce(db, box, endpoint.id, now);
    const headers = webhookHeaders(secrets, delivery.messageId, Math.floor(now.getTime() / 1000), body);
    const sent = await postWebhook(endpoint.url, headers, body, settings);
    await insertAttempt(db, {
      deliveryId: delivery.id,
      at: now,
      attempt: delivery.attempts,
      statusCode: sent.statusCode,
      error: sent.ok ? null : sent.error,
    });
    if (sent.ok) {
      await finishDelivery(db, delivery, { status: "delivered", statusCode: sent.statusCode, error: null, at: now });
      if (endpoint.failingSince) await updateEndpoint(db, endpoint.id, { failingSince: null });
      result.delivered += 1;
      continue;
    }
    const failingSince = endpoint.failingSince ?? now;
    if (!endpoint.failingSince) await updateEndpoint(db, endpoint.id, { failingSince });
    if (shouldDisableEndpoint(failingSince, now)) {
      await finishDelivery(db, delivery, { status: "failed", statusCode: sent.statusCode, error: sent.error, at: now });
      await disableEndpoint(db, endpoint, now, settings.appUrl);
      result.failed += 1;
      result.disabled += 1;
      continue;
    }
    const next = webhookRetryAt(delivery.attempts, now);
    await finishDelivery(db, delivery, {
      status: next ? "queued" : "failed",
      nextAttemptAt: next ?? undefined,
      statusCode: sent.statusCode,
      error: sent.error,
      at: now,
    });
    if (next) result.retried += 1;
    else result.failed += 1;
  }
  return result;
}

export interface WebhookWorker {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/** The background loop for server/index.ts: a bounded round every few seconds, one round at a time. */
export function startWebhookWorker(
  db: Db,
  options: { box: SecretBox; settings: WebhookSendSettings & { appUrl: string }; intervalMs?: number; onError?: (error: unknown) => void },
): WebhookWorker {
  const onError = options.onError ?? ((error: unknown) => console.error("webhook worker:", error));
  let current: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve();
    current ??= drainWebhooks(db, options.box, options.settings)
      .then(() => undefined, onError)
      .finally(() => {
        current = null;
      });
    return current;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 2_000);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}
