/** /api/v1/webhooks/:webhookId/rotate-secret — POST: a new secret; the old one keeps signing for 24 h. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { rotateWebhookSecret } from "~/services/webhooks.server";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { isoUtc } from "~/services/api-presenters/iso.server";
import { requireApiUser } from "~/services/api-auth.server";
import { requireWebhookEndpoint } from "~/services/webhook-access.server";

const rotate: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const endpoint = await requireWebhookEndpoint(user, context, params.webhookId);
  const { secret, previousSecretExpiresAt } = await rotateWebhookSecret(context.db, context.secretBox, endpoint.id);
  return apiJson({ secret, previousSecretExpiresAt: isoUtc(previousSecretExpiresAt) });
};

const handlers = { POST: rotate };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
