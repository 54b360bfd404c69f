/** The webhook endpoint and delivery as the API answers them (zod: the OpenAPI document is built from these). */
import { z } from "zod";
import { webhookEventTypeSchema } from "../webhooks/webhook.schema";

const instant = z.string().datetime({ offset: true });

export const webhookJsonSchema = z
  .object({
    id: z.string().uuid(),
    url: z.string().url(),
    description: z.string().nullable(),
    events: z.array(webhookEventTypeSchema),
    eventId: z.string().uuid().nullable(),
    includePersonalData: z.boolean(),
    enabled: z.boolean(),
    disabledAt: instant.nullable(),
    // A union, not .nullable(): the generator writes a nullable enum without null among its values.
    disabledReason: z.union([z.enum(["failing", "manual"]), z.null()]),
    failingSince: instant.nullable(),
    previousSecretExpiresAt: instant.nullable(),
    createdAt: instant,
  })
  .strict();
export type WebhookJson = z.infer<typeof webhookJsonSchema>;

export const webhookCreatedSchema = webhookJsonSchema
  .extend({
    /** Shown once: "whsec_" + base64. */
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/),
  })
  .strict();

export const webhookSecretSchema = z
  .object({
    secret: z.string().regex(/^whsec_[A-Za-z0-9+/=]+$/),
    previousSecretExpiresAt: instant,
  })
  .strict();

export const webhookAttemptJsonSchema = z
  .object({
    at: instant,
    attempt: z.number().int(),
    statusCode: z.number().int().nullable(),
    error: z.string().nullable(),
  })
  .strict();

export const webhookDeliveryJsonSchema = z
  .object({
    id: z.string().uuid(),
    /** The webhook-id header: the same on every attempt and redelivery. */
    messageId: z.string().uuid(),
    type: webhookEventTypeSchema,
    status: z.enum(["queued", "sending", "delivered", "failed"]),
    attempts: z.number().int(),
    nextAttemptAt: instant.nullable(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    deliveredAt: instant.nullable(),
    createdAt: instant,
    log: z.array(webhookAttemptJsonSchema),
  })
  .strict();
