import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { listAudit } from "~/models/audit.server";
import { requireGlobalPermission } from "~/services/auth.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "audit:readAll");
  return { entries: await listAudit(context.db, { limit: 300 }) };
}

export default function AuditPage() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useT();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <AuditTable entries={entries} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
