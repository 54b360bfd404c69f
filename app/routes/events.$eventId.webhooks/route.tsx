/** /events/:eventId/webhooks — the event's webhooks (Manage tab group): its owner, organizers and admins. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WebhooksManager } from "~/components/webhooks/webhooks-manager";
import { useT } from "~/i18n/use-t";
import { requireEventPermission } from "~/services/auth.server";
import { webhooksPageAction, webhooksPageData } from "~/services/webhooks-page.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  return { endpoints: await webhooksPageData(context, access.user, { eventId: access.event.id }) };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  return webhooksPageAction(request, context, access.user, { eventId: access.event.id });
}

export default function EventWebhooks() {
  const { endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <>
      <p className="muted">{t("webhooks.intro")}</p>
      <WebhooksManager endpoints={endpoints} actionData={actionData} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
