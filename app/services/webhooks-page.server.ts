/**
 * The webhooks pages: /webhooks (every endpoint the user may manage: all of them for administrators, with the
 * event each belongs to; an organizer's, of the events they may change) and /events/:id/webhooks (one event's):
 * the loader's data and the action's intents. The route authorizes the page; every intent on an endpoint checks
 * that endpoint again (requireWebhookEndpoint), and only administrators register every-event endpoints.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import { fieldErrors } from "~/domain/forms/fields";
import { webhookFormSchema } from "~/domain/webhooks/webhook.schema";
import { statusOf } from "~/utils/action-kit.server";
import { isServiceError } from "~/utils/errors";
import { listDeliveryLog, listEndpoints } from "~/models/webhooks.server";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "~/services/webhooks.server";
import type { User } from "~/models/users.server";
import { isUuid } from "./auth.server";
import { webhookSettings } from "~/utils/env.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { checkWebhookScope, requireWebhookEndpoint, visibleEndpoints } from "./webhook-access.server";
import { deliveryToJson, webhookToJson } from "./api-presenters/webhooks.server";

/** Which endpoints a page shows and manages: one event's, or all the user may manage ("all"). */
export type WebhooksPageScope = { eventId: string } | "all";

export async function webhooksPageData(context: AppLoadContext, user: User, scope: WebhooksPageScope) {
  const rows =
    scope === "all"
      ? await visibleEndpoints(user, context, await listEndpoints(context.db, { eventId: null }))
      : await listEndpoints(context.db, { eventId: scope.eventId });
  return Promise.all(
    rows.map(async (row) => ({
      ...webhookToJson(row),
      ownerName: row.ownerName,
      eventTitle: row.eventTitle,
      deliveries: (await listDeliveryLog(context.db, row.id, 15)).map(deliveryToJson),
    })),
  );
}

export type WebhooksActionResult = {
  notice: "webhooks.deleted" | "webhooks.redelivered" | "webhooks.statusOn" | "webhooks.statusOff" | null;
  secret: { value: string; kind: "created" | "rotated"; until: string | null } | null;
  fieldErrors: Record<string, string> | null;
  error: string | null;
  values: { url: string; description: string; events: string[]; includePersonalData: boolean } | null;
};

const empty: WebhooksActionResult = { notice: null, secret: null, fieldErrors: null, error: null, values: null };

export async function webhooksPageAction(request: Request, context: AppLoadContext, user: User, scope: WebhooksPageScope) {
  const raw = formDataToObject(await readForm(request), ["events"]);
  const intent = raw.intent;
  const eventId = scope === "all" ? null : scope.eventId;
  try {
    if (intent === "create") {
      const values = {
        url: typeof raw.url === "string" ? raw.url : "",
        description: typeof raw.description === "string" ? raw.description : "",
        events: (raw.events as string[] | undefined) ?? [],
        includePersonalData: raw.includePersonalData === "on",
      };
      // The overview registers every-event endpoints: administrators only (an event's own are on its page).
      await checkWebhookScope(user, context, eventId);
      const parsed = webhookFormSchema.safeParse(raw);
      if (!parsed.success) return data({ ...empty, fieldErrors: fieldErrors(parsed.error), values }, { status: 400 });
      try {
        const { secret } = await createWebhookEndpoint(context.db, context.secretBox, user, { ...parsed.data, eventId }, webhookSettings());
        return { ...empty, secret: { value: secret, kind: "created" as const, until: null } };
      } catch (error) {
        if (isServiceError(error)) return data({ ...empty, fieldErrors: error.fields, error: error.message, values }, { status: statusOf(error) });
        throw error;
      }
    }
    const endpointId = typeof raw.endpointId === "string" ? raw.endpointId : "";
    const endpoint = await requireWebhookEndpoint(user, context, endpointId);
    if (scope !== "all" && scope.eventId !== endpoint.eventId) return data({ ...empty, error: "errors.notFound.title" }, { status: 404 });
    if (intent === "rotate") {
      const { secret, previousSecretExpiresAt } = await rotateWebhookSecret(context.db, context.secretBox, endpoint.id);
      return { ...empty, secret: { value: secret, kind: "rotated" as const, until: previousSecretExpiresAt.toISOString() } };
    }
    if (intent === "enable" || intent === "disable") {
      await updateWebhookEndpoint(context.db, endpoint.id, { enabled: intent === "enable" });
      return { ...empty, notice: intent === "enable" ? ("webhooks.statusOn" as const) : ("webhooks.statusOff" as const) };
    }
    if (intent === "delete") {
      await deleteWebhookEndpoint(context.db, endpoint.id);
      return { ...empty, notice: "webhooks.deleted" as const };
    }
    if (intent === "redeliver") {
      const deliveryId = typeof raw.deliveryId === "string" && isUuid(raw.deliveryId) ? raw.deliveryId : null;
      if (!deliveryId) return data({ ...empty, error: "errors.notFound.title" }, { status: 404 });
      await redeliverWebhook(context.db, endpoint.id, deliveryId);
      return { ...empty, notice: "webhooks.redelivered" as const };
    }
    return data({ ...empty, error: "errors.invalid" }, { status: 400 });
  } catch (error) {
    // The one table (statusOf): an invalid change is 422 and a refusal 403 (this line said 409 for anything not 404).
    if (isServiceError(error)) return data({ ...empty, error: error.message }, { status: statusOf(error) });
    throw error;
  }
}
