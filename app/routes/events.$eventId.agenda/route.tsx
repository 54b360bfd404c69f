import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useT } from "~/i18n/use-t";
import { requireEventPermission } from "~/services/auth.server";
import styles from "./agenda.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** The agenda tab: the run of show and the MC script, each a child route that authorizes on its own. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireEventPermission(request, context, params.eventId, "event:read");
  return null;
}

export default function AgendaLayout() {
  const { eventId } = useParams();
  const { t } = useT();
  return (
    <>
      <nav className="subtabs" aria-label={t("event.tab.agenda")}>
        <NavLink to={`/events/${eventId}/agenda`} end>
          {t("agenda.tab.agenda")}
        </NavLink>
        <NavLink to={`/events/${eventId}/agenda/mc`}>{t("agenda.tab.mc")}</NavLink>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
