/** /api/v1/webhooks/:webhookId/deliveries/:deliveryId/redeliver — POST: send it again (same webhook-id); 202. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redeliverWebhook } from "~/services/webhooks.server";
import { apiError, apiJson, handleApi, messages, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { isUuid } from "~/services/auth.server";
import { requireWebhookEndpoint } from "~/services/webhook-access.server";

const redeliver: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const endpoint = await requireWebhookEndpoint(user, context, params.webhookId);
  if (!params.deliveryId || !isUuid(params.deliveryId)) throw apiError(404, messages.notFound);
  await redeliverWebhook(context.db, endpoint.id, params.deliveryId);
  return apiJson({ queued: true }, { status: 202 });
};

const handlers = { POST: redeliver };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
