import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/audit-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { listAudit } from "~/models/audit.server";
import { requireEventPermission, seesPersonalData } from "~/services/auth.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const entries = await listAudit(context.db, { eventId: access.event.id, limit: 200 });
  if (seesPersonalData(access)) return { entries };
  // Entries written before they stopped carrying the invitee's email: the address stays out of other readers' pages.
  return { entries: entries.map((e) => (e.details && "email" in e.details ? { ...e, details: { ...e.details, email: undefined } } : e)) };
}

export default function EventHistory() {
  const { entries } = useLoaderData<typeof loader>();
  return <AuditTable entries={entries} />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
