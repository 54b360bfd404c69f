/**
 * The webhooks pages: /webhooks (every endpoint the user may manage: all of them for administrators, with the
 * event each belongs to; an organizer's, of the events they may change) and /events/:id/webhooks (one event's):
 * the loader's data and the action's intents. The route authorizes the page; every intent on an endpoint checks
 * that endpoint again (requireWebhookEndpoint), and only administrators register every-event endpoints.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import { webhooksPageActionSchema, type WebhooksPageAction } from "~/domain/webhooks/webhook.schema";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { listDeliveryLog, listEndpoints } from "~/models/webhooks.server";
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from "~/services/webhooks.server";
import type { User } from "~/models/users.server";
import { webhookSettings } from "~/utils/env.server";
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

/** What the registration form sent, as typed, to give back after a refused submit. */
function typedValues(raw: Record<string, unknown>): NonNullable<WebhooksActionResult["values"]> {
  return {
    url: typeof raw.url === "string" ? raw.url : "",
    description: typeof raw.description === "string" ? raw.description : "",
    events: Array.isArray(raw.events) ? raw.events.filter((e): e is string => typeof e === "string") : [],
    includePersonalData: raw.includePersonalData === "on",
  };
}

export async function webhooksPageAction(request: Request, context: AppLoadContext, user: User, scope: WebhooksPageScope) {
  const form = await parseForm(request, webhooksPageActionSchema, { arrayFields: ["events"] });
  const eventId = scope === "all" ? null : scope.eventId;
  if (form.values.intent === "create") {
    // The overview registers every-event endpoints: administrators only (an event's own are on its page). Checked
    // before the form's errors are shown.
    await checkWebhookScope(user, context, eventId);
    if (!form.success) return data({ ...empty, fieldErrors: form.fieldErrors, values: typedValues(form.values) }, { status: 400 });
  }
  // Only an intent no button sends fails here (the endpoint intents' ids are checked below): as before, the
  // endpoint it names is looked up first (404 for none), then the intent refused.
  if (!form.success) {
    const named = form.values.endpointId;
    const endpoint = await requireWebhookEndpoint(user, context, typeof named === "string" ? named : undefined);
    if (!onThisPage(scope, endpoint)) return data({ ...empty, error: "errors.notFound.title" }, { status: 404 });
    return data({ ...empty, error: "errors.invalid" }, { status: 400 });
  }
  const action = form.data;
  if (action.intent === "create") {
    const { intent: _intent, ...input } = action;
    const outcome = await attempt(() => createWebhookEndpoint(context.db, context.secretBox, user, { ...input, eventId }, webhookSettings()));
    if (!outcome.ok) {
      const { error, status } = outcome;
      return data({ ...empty, fieldErrors: error.fields, error: error.message, values: typedValues(form.values) }, { status });
    }
    return { ...empty, secret: { value: outcome.value.secret, kind: "created" as const, until: null } };
  }
  const endpoint = await requireWebhookEndpoint(user, context, action.endpointId);
  const notHere = !onThisPage(scope, endpoint) || (action.intent === "redeliver" && !action.deliveryId);
  if (notHere) return data({ ...empty, error: "errors.notFound.title" }, { status: 404 });
  const outcome = await attempt(() => endpointIntent(context, endpoint.id, action));
  // The one table (statusOf): an invalid change is 422, a refusal 403.
  if (!outcome.ok) return data({ ...empty, error: outcome.error.message }, { status: outcome.status });
  return outcome.value;
}

/** An event's page manages that event's endpoints only; the overview ("all") every one the user may. */
function onThisPage(scope: WebhooksPageScope, endpoint: { eventId: string | null }): boolean {
  return scope === "all" || scope.eventId === endpoint.eventId;
}

async function endpointIntent(
  context: AppLoadContext,
  endpointId: string,
  action: Exclude<WebhooksPageAction, { intent: "create" }>,
): Promise<WebhooksActionResult> {
  switch (action.intent) {
    case "rotate": {
      const { secret, previousSecretExpiresAt } = await rotateWebhookSecret(context.db, context.secretBox, endpointId);
      return { ...empty, secret: { value: secret, kind: "rotated", until: previousSecretExpiresAt.toISOString() } };
    }
    case "enable":
    case "disable":
      await updateWebhookEndpoint(context.db, endpointId, { enabled: action.intent === "enable" });
      return { ...empty, notice: action.intent === "enable" ? "webhooks.statusOn" : "webhooks.statusOff" };
    case "delete":
      await deleteWebhookEndpoint(context.db, endpointId);
      return { ...empty, notice: "webhooks.deleted" };
    case "redeliver":
      await redeliverWebhook(context.db, endpointId, action.deliveryId ?? "");
      return { ...empty, notice: "webhooks.redelivered" };
  }
}
