/** /api/v1/webhooks/:webhookId — GET, PATCH (events, description, includePersonalData, enabled), DELETE. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { webhookPatchSchema } from "~/domain/webhooks/webhook.schema";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "~/services/webhooks.server";
import { apiJson, handleApi, readJsonAs, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { requireWebhookEndpoint } from "~/services/webhook-access.server";
import { webhookToJson } from "~/services/api-presenters/webhooks.server";

const read: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  return apiJson(webhookToJson(await requireWebhookEndpoint(user, context, params.webhookId)));
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const endpoint = await requireWebhookEndpoint(user, context, params.webhookId);
  const body = await readJsonAs(request, webhookPatchSchema);
  return apiJson(webhookToJson(await updateWebhookEndpoint(context.db, endpoint.id, body)));
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const endpoint = await requireWebhookEndpoint(user, context, params.webhookId);
  await deleteWebhookEndpoint(context.db, endpoint.id);
  return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
};

const handlers = { GET: read, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
