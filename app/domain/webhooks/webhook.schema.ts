/** The webhook endpoint's input, shared by the API, the form and the OpenAPI document. Client-safe. */
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

export const webhookCreateSchema = z
  .object({
    url: z.string({ required_error: "webhooks.url.required" }).trim().min(1, "webhooks.url.required").max(2000, "webhooks.url.invalid"),
    events: z
      .array(webhookEventTypeSchema, { required_error: "webhooks.events.required", invalid_type_error: "webhooks.events.required" })
      .min(1, "webhooks.events.required"),
    /** Only this event's happenings; null or absent: every event (administrators only). */
    eventId: z.string().uuid("errors.notFound.title").nullable().optional(),
    description: z.string().trim().max(200, "webhooks.description.tooLong").nullable().optional(),
    /** Guests' names and emails in the payloads (see docs/api.md, "Personal data"). */
    includePersonalData: z.boolean().optional(),
  })
  .strict();
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

export const webhookPatchSchema = z
  .object({
    events: webhookCreateSchema.shape.events.optional(),
    description: webhookCreateSchema.shape.description,
    includePersonalData: z.boolean().optional(),
    /** true switches a disabled endpoint on again (its failure count starts afresh). */
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookPatchInput = z.infer<typeof webhookPatchSchema>;
