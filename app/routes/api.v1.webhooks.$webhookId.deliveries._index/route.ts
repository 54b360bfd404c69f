/** /api/v1/webhooks/:webhookId/deliveries — GET: the delivery log (newest 100), each with its attempts. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listDeliveryLog } from "~/models/webhooks.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { requireWebhookEndpoint } from "~/services/webhook-access.server";
import { deliveryToJson } from "~/services/api-presenters/webhooks.server";

const list: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const endpoint = await requireWebhookEndpoint(user, context, params.webhookId);
  const log = await listDeliveryLog(context.db, endpoint.id, 100);
  return apiJson({ data: log.map(deliveryToJson) });
};

const handlers = { GET: list };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
