/** /api/v1/webhooks — GET: the endpoints you may manage (?eventId= for one event); POST: register one. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { webhookCreateSchema } from "~/domain/webhooks/webhook.schema";
import { listEndpoints } from "~/models/webhooks.server";
import { createWebhookEndpoint } from "~/services/webhooks.server";
import { apiError, apiJson, handleApi, readJson, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { isUuid } from "~/services/auth.server";
import { webhookSettings } from "~/utils/env.server";
import { checkWebhookScope, visibleEndpoints } from "~/services/webhook-access.server";
import { webhookToJson } from "~/services/api-presenters/webhooks.server";

const list: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  const eventId = new URL(request.url).searchParams.get("eventId");
  if (eventId !== null && !isUuid(eventId)) throw apiError(400, "eventId must be an event id (a UUID).", { eventId: "Not a UUID." });
  if (eventId) await checkWebhookScope(user, context, eventId);
  const rows = await visibleEndpoints(user, context, await listEndpoints(context.db, { eventId }));
  return apiJson({ data: rows.map(webhookToJson) });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  const body = await readJson(request);
  // The scope decides who may register (administrators for every event, the event's organizers for one), and it
  // is in the body: checked before the fields, so someone who may not register here is told 403, never 422. An
  // eventId that is no event id counts as "every event" here (administrators then see the field error).
  const scope = typeof body.eventId === "string" && isUuid(body.eventId) ? body.eventId : null;
  await checkWebhookScope(user, context, scope);
  const parsed = webhookCreateSchema.safeParse(body);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  if ((parsed.data.eventId ?? null) !== scope) await checkWebhookScope(user, context, parsed.data.eventId ?? null);
  const { endpoint, secret } = await createWebhookEndpoint(context.db, context.secretBox, user, parsed.data, webhookSettings());
  return apiJson({ ...webhookToJson(endpoint), secret }, { status: 201, headers: { Location: `/api/v1/webhooks/${endpoint.id}` } });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
