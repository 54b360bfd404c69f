/** The webhook endpoint's input, shared by the API, the page's form (browser and action) and the OpenAPI document. Client-safe. */
import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "./event-types";
import { webhookUrlProblem } from "./url";

export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);

/** http(s), no credentials; whether the host resolves to an allowed address is the server's check (at registration and every send). */
const webhookUrlSchema = z
  .string({ required_error: "webhooks.url.required", invalid_type_error: "webhooks.url.required" })
  .trim()
  .min(1, "webhooks.url.required")
  .max(2000, "webhooks.url.invalid")
  .superRefine((value, ctx) => {
    if (value === "" || value.length > 2000) return;
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `webhooks.url.${problem}` });
  });

const webhookEventsSchema = z
  .array(webhookEventTypeSchema, { required_error: "webhooks.events.required", invalid_type_error: "webhooks.events.required" })
  .min(1, "webhooks.events.required");

const webhookDescriptionSchema = z.string().trim().max(200, "webhooks.description.tooLong");

export const webhookCreateSchema = z
  .object({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    /** Only this event's happenings; null or absent: every event (administrators only). */
    eventId: z.string().uuid("errors.notFound.title").nullable().optional(),
    description: webhookDescriptionSchema.nullable().optional(),
    /** Guests' names and emails in the payloads (see docs/api.md, "Personal data"). */
    includePersonalData: z.boolean().optional(),
  })
  .strict();
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

/**
 * The registration form of the webhooks pages: react-hook-form checks it in the browser, the action parses the
 * posted fields with it. The checkbox arrives as `true` from the browser's form state and as "on" in form data.
 */
export const webhookFormSchema = z.object({
  url: webhookUrlSchema,
  events: z.preprocess((v) => (typeof v === "string" ? [v] : v === undefined || v === false ? [] : v), webhookEventsSchema),
  description: webhookDescriptionSchema.optional(),
  includePersonalData: z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean()),
});
export type WebhookFormInput = z.infer<typeof webhookFormSchema>;

export const webhookPatchSchema = z
  .object({
    events: webhookEventsSchema.optional(),
    description: webhookCreateSchema.shape.description,
    includePersonalData: z.boolean().optional(),
    /** true switches a disabled endpoint on again (its failure count starts afresh). */
    enabled: z.boolean().optional(),
  })
  .strict();
export type WebhookPatchInput = z.infer<typeof webhookPatchSchema>;

/**
 * The webhooks pages' POST, one `intent` per button: register (the form above), and rotate / enable / disable /
 * delete / redeliver on one endpoint. An id that is not one names nothing: the action answers 404.
 */
const endpointIntent = <I extends string>(intent: I) =>
  z.object({ intent: z.literal(intent), endpointId: z.string().uuid().optional().catch(undefined) });

export const webhooksPageActionSchema = z.discriminatedUnion(
  "intent",
  [
    webhookFormSchema.extend({ intent: z.literal("create") }),
    endpointIntent("rotate"),
    endpointIntent("enable"),
    endpointIntent("disable"),
    endpointIntent("delete"),
    endpointIntent("redeliver").extend({ deliveryId: z.string().uuid().optional().catch(undefined) }),
  ],
  { errorMap: () => ({ message: "errors.invalid" }) },
);
export type WebhooksPageAction = z.output<typeof webhooksPageActionSchema>;
