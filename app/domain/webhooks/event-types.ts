/** The webhook event types, client-safe (the forms and the OpenAPI document use them). */
export const WEBHOOK_EVENT_TYPES = [
  "invitation.answered",
  "invitation.checked_in",
  "invitation.withdrawn",
  "event.updated",
  "event.cancelled",
  "press.published",
  "photo.added",
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
