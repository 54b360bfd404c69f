/**
 * Queries for webhook endpoints, messages, deliveries (the webhook outbox) and the attempt log. No rules here:
 * app/services/webhooks.server.ts decides who may do what and when a delivery is tried.
 */
import { and, arrayContains, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, users, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from "#db/schema/index";
import { webhookEndpointColumns, eventColumns, pickColumns, userColumns, webhookAttemptColumns, webhookDeliveryColumns, webhookMessageColumns } from "./columns";
export type WebhookEndpoint = {
  id: string;
  url: string;
  description: string | null;
  eventTypes: string[];
  eventId: string | null;
  ownerId: string;
  includePersonalData: boolean;
  enabled: boolean;
  disabledAt: Date | null;
  disabledReason: string | null;
  failingSince: Date | null;
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
};

export async function insertEndpoint(
  db: Db,
  values: typeof webhookEndpoints.$inferInsert & { id: string },
): Promise<WebhookEndpoint> {
  const [row] = await db.insert(webhookEndpoints).values(values).returning(webhookEndpointColumns);
  return row!;
}

export async function getEndpoint(db: Db, id: string): Promise<WebhookEndpoint | null> {
  const [row] = await db.select(webhookEndpointColumns).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

export async function getEndpointSecrets(db: Db, id: string) {
  const [row] = await db
    .select({
      secretSealed: webhookEndpoints.secretSealed,
      previousSecretSealed: webhookEndpoints.previousSecretSealed,
      previousSecretExpiresAt: webhookEndpointColumns.previousSecretExpiresAt,
    })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  return row ?? null;
}

/** Endpoints of one event (eventId) or all of them (null), newest first, with the event's title. */
export function listEndpoints(db: Db, filter: { eventId: string | null }) {
  return db
    .select({ ...webhookEndpointColumns, eventTitle: eventColumns.title, ownerName: userColumns.name })
    .from(webhookEndpoints)
    .leftJoin(events, eq(events.id, webhookEndpoints.eventId))
    .innerJoin(users, eq(users.id, webhookEndpoints.ownerId))
    .where(filter.eventId ? eq(webhookEndpoints.eventId, filter.eventId) : undefined)
    .orderBy(desc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function updateEndpoint(db: Db, id: string, values: Partial<typeof webhookEndpoints.$inferInsert>) {
  const [row] = await db.update(webhookEndpoints).set(values).where(eq(webhookEndpoints.id, id)).returning(webhookEndpointColumns);
  return row ?? null;
}

export async function deleteEndpointRow(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning(pickColumns(webhookEndpointColumns, ["id"]));
  return rows.length > 0;
}

/** Enabled endpoints that want `type` for this Signet event (their own event, or every event). */
export function subscribedEndpoints(db: Db, type: string, eventId: string | null) {
  return db
    .select(pickColumns(webhookEndpointColumns, ["id"]))
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.enabled, true),
        arrayContains(webhookEndpoints.eventTypes, [type]),
        eventId ? or(isNull(webhookEndpoints.eventId), eq(webhookEndpoints.eventId, eventId)) : isNull(webhookEndpoints.eventId),
      ),
    );
}

/** A webhook message as it is stored: its type, Signet event, data, personal data and time. */
export type WebhookMessageValues = {
  type: string;
  eventId: string;
  data: Record<string, unknown>;
  personalData: Record<string, unknown> | null;
  occurredAt: Date;
};

export async function insertMessageWithDeliveries(
  db: Db,
  message: WebhookMessageValues,
  endpointIds: string[],
): Promise<string> {
  const [row] = await db.insert(webhookMessages).values(message).returning(pickColumns(webhookMessageColumns, ["id"]));
  const messageId = row!.id;
  if (endpointIds.length)
    await db
      .insert(webhookDeliveries)
      .values(endpointIds.map((endpointId) => ({ endpointId, messageId })))
      .onConflictDoNothing();
  return messageId;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
}

/**
 * Claims due deliveries of enabled endpoints, like claimDueMail: one statement, FOR UPDATE SKIP LOCKED, a lock
 * that expires (a crashed send is taken again), each claim counting as an attempt.
 */
export async function claimDueDeliveries(db: Db, now: Date, options: { limit: number; lockUntil: Date }) {
  const at = now.toISOString();
  const result = await db.execute(sql`
    with due as materialized (
      select d.id as id
      from ${webhookDeliveries} d
      join ${webhookEndpoints} e on e.id = d.endpoint_id and e.enabled
      where (d.status = 'queued' and d.next_attempt_at <= ${at}::timestamptz)
         or (d.status = 'sending' and d.locked_until <= ${at}::timestamptz)
      order by d.next_attempt_at, d.id
      limit ${options.limit}
      for update of d skip locked
    )
    update ${webhookDeliveries}
    set status = 'sending', locked_until = ${options.lockUntil.toISOString()}::timestamptz, attempts = attempts + 1
    where id in (select id from due)
    returning id`);
  const ids = rowsOf(result).map((r) => String(r.id));
  if (ids.length === 0) return [];
  return db
    .select({
      ...pickColumns(webhookDeliveryColumns, ["id", "attempts", "endpointId"]),
      messageId: webhookMessageColumns.id,
      ...pickColumns(webhookMessageColumns, ["type", "eventId", "data", "personalData", "occurredAt"]),
      nextAttemptAt: webhookDeliveryColumns.nextAttemptAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(inArray(webhookDeliveries.id, ids))
    .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id));
}
export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** Finishes a claim (only the current one: a re-claim after a lost lock bumped attempts). */
export async function finishDelivery(
  db: Db,
  claim: { id: string; attempts: number },
  values: { status: "queued" | "delivered" | "failed"; nextAttemptAt?: Date; statusCode: number | null; error: string | null; at: Date },
): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: values.status,
      lockedUntil: null,
      lastStatusCode: values.statusCode,
      lastError: values.error,
      ...(values.nextAttemptAt ? { nextAttemptAt: values.nextAttemptAt } : {}),
      ...(values.status === "delivered" ? { deliveredAt: values.at } : {}),
    })
    .where(
      and(eq(webhookDeliveries.id, claim.id), eq(webhookDeliveries.status, "sending"), eq(webhookDeliveries.attempts, claim.attempts)),
    )
    .returning(pickColumns(webhookDeliveryColumns, ["id"]));
  return rows.length > 0;
}

export async function insertAttempt(db: Db, values: typeof webhookAttempts.$inferInsert) {
  await db.insert(webhookAttempts).values(values);
}

/** Pending deliveries of a disabled endpoint stop: failed, visible, redeliverable by hand. */
export async function failPendingDeliveries(db: Db, endpointId: string, reason: string) {
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", lockedUntil: null, lastError: reason })
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.status, "queued")));
}

export async function getDelivery(db: Db, id: string) {
  const [row] = await db
    .select(pickColumns(webhookDeliveryColumns, ["id", "endpointId", "status"]))
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.id, id));
  return row ?? null;
}

/** Queues a delivery again now (manual redelivery keeps the same message id, so receivers can deduplicate). */
export async function requeueDelivery(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "queued", nextAttemptAt: now, lockedUntil: null, attempts: 0 })
    .where(and(eq(webhookDeliveries.id, id), sql`${webhookDeliveries.status} <> 'sending'`))
    .returning(pickColumns(webhookDeliveryColumns, ["id"]));
  return rows.length > 0;
}

/** The delivery log of one endpoint, newest first, each with its attempts. */
export async function listDeliveryLog(db: Db, endpointId: string, limit: number) {
  const deliveries = await db
    .select({
      ...pickColumns(webhookDeliveryColumns, ["id", "messageId"]),
      type: webhookMessageColumns.type,
      ...pickColumns(webhookDeliveryColumns, ["status", "attempts", "nextAttemptAt", "lastStatusCode", "lastError", "deliveredAt", "createdAt"]),
    })
    .from(webhookDeliveries)
    .innerJoin(webhookMessages, eq(webhookMessages.id, webhookDeliveries.messageId))
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  const attempts = deliveries.length
    ? await db
        .select(webhookAttemptColumns)
        .from(webhookAttempts)
        .where(inArray(webhookAttempts.deliveryId, deliveries.map((d) => d.id)))
        .orderBy(desc(webhookAttempts.at))
    : [];
  return deliveries.map((d) => ({ ...d, log: attempts.filter((a) => a.deliveryId === d.id) }));
}
