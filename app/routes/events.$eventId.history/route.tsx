import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listAudit } from "~/models/audit.server";
import { requireEventPermission } from "~/utils/auth.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return { entries: await listAudit(context.db, { eventId: access.event.id, limit: 200 }) };
}

export default function EventHistory() {
  const { entries } = useLoaderData<typeof loader>();
  return <AuditTable entries={entries} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
