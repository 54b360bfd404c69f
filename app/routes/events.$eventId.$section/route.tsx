import type { LoaderFunctionArgs } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { requireEventPermission } from "~/utils/auth.server";
import { notFound } from "~/utils/responses.server";

const sections = new Set(["photos", "press"]);

/** Tabs that later work fills (invitations, protocol, photos and press). Unknown sections are a 404. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireEventPermission(request, context, params.eventId, "event:read");
  if (!sections.has(params.section ?? "")) throw notFound();
  return null;
}

export default function EventSectionPlaceholder() {
  const { t } = useT();
  return <p className="card muted">{t("event.tab.comingSoon")}</p>;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
