import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";

/**
 * Any other address under an event: the sign-in and access checks first (an unknown path says nothing to a
 * visitor), then a 404 inside the event's page, with its tabs.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireEventPermission(request, context, params.eventId, "event:read");
  throw notFound();
}

export default function UnknownEventSection() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
