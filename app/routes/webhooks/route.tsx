/**
 * /webhooks — every webhook endpoint the signed-in user may manage, with its delivery log: administrators see
 * all of them (every-event endpoints, which only they register here, and each event's, under the event's title);
 * anyone else those of the events they may change (registered on the event's Webhooks tab).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WebhooksManager } from "~/components/webhooks/webhooks-manager";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/services/auth.server";
import { pageTitle } from "~/utils/meta";
import { webhooksPageAction, webhooksPageData } from "~/services/webhooks-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "webhooks.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { endpoints: await webhooksPageData(context, user, "all"), isAdmin: user.role === "admin" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  return webhooksPageAction(request, context, user, "all");
}

export default function Webhooks() {
  const { endpoints, isAdmin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div className="measure-wide">
      <h1>{t("webhooks.title")}</h1>
      <p>{t("webhooks.intro")}</p>
      <p className="muted">{isAdmin ? t("webhooks.overviewAdmin") : t("webhooks.overviewOrganizer")}</p>
      <WebhooksManager endpoints={endpoints} actionData={actionData} canCreate={isAdmin} grouped />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
