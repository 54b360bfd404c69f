/** /admin/webhooks — administrators: the webhooks of every event, their delivery logs. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { WebhooksManager } from "~/components/webhooks/webhooks-manager";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";
import { forbidden } from "~/utils/responses.server";
import { webhooksPageAction, webhooksPageData } from "~/utils/webhooks-page.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "webhooks.adminTitle");

async function requireAdmin(request: Request, context: LoaderFunctionArgs["context"]) {
  const user = await requireUser(request, context);
  if (user.role !== "admin") throw forbidden();
  return user;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireAdmin(request, context);
  return { endpoints: await webhooksPageData(context, null) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAdmin(request, context);
  return webhooksPageAction(request, context, user, null);
}

export default function AdminWebhooks() {
  const { endpoints } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <div style={{ maxWidth: "60rem" }}>
      <h1>{t("webhooks.adminTitle")}</h1>
      <p>{t("webhooks.intro")}</p>
      <p className="muted">
        {t("webhooks.adminIntro")} <Link to="/events">{t("nav.events")}</Link>
      </p>
      <WebhooksManager endpoints={endpoints} actionData={actionData} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
