import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, Link, NavLink, Outlet, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { StatusBadge } from "~/components/ui/status-badge";
import { canOnEvent } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { cancelEvent, deleteDraftEvent } from "~/services/events.server";
import { requireEventPermission } from "~/services/auth.server";
import { notFound } from "~/utils/responses.server";
import { eventTabGroups, groupOfPath, type EventSection } from "./event-tabs";
import { eventActionSchema } from "./event-actions.schema";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

export const meta: MetaFunction<typeof loader> = ({ data: d, matches }) => pageTitle(matches, null, d?.event.title);

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const event = await getEventDetail(context.db, access.event.id);
  if (!event) throw notFound();
  const relation = { ownerId: event.createdBy, memberRole: access.memberRole };
  return {
    event,
    can: {
      update: event.status !== "cancelled" && canOnEvent(access.user, "event:update", relation),
      cancel: (event.status === "draft" || event.status === "scheduled") && canOnEvent(access.user, "event:cancel", relation),
      delete: event.status === "draft" && canOnEvent(access.user, "event:delete", relation),
      checkIn: canOnEvent(access.user, "checkin:perform", relation),
      mail: canOnEvent(access.user, "attendees:manage", relation),
      // A cancelled event keeps its webhooks page: the cancellation's delivery is in its log.
      webhooks: canOnEvent(access.user, "event:update", relation),
    },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  // Who may do neither is refused before the form is read; then the intent's own permission.
  await requireEventPermission(request, context, params.eventId, ["event:cancel", "event:delete"]);
  const form = await parseForm(request, eventActionSchema);
  if (!form.success) return data({ error: "errors.invalid" }, { status: 400 });
  const { intent } = form.data;
  const access = await requireEventPermission(request, context, params.eventId, intent === "cancel" ? "event:cancel" : "event:delete");
  if (intent === "cancel") {
    const cancelled = await attempt(() => cancelEvent(context.db, access.user, access.event.id));
    if (!cancelled.ok) return data({ error: cancelled.error.message }, { status: cancelled.status });
    return redirectWithNotice(context, `/events/${access.event.id}`, { key: "event.cancelled" });
  }
  const deleted = await attempt(() => deleteDraftEvent(context.db, context.storage, access.user, access.event.id));
  if (!deleted.ok) return data({ error: deleted.error.message }, { status: deleted.status });
  return redirectWithNotice(context, "/events", { key: "event.deleted" });
}

export default function EventLayout() {
  const { event, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const [params] = useSearchParams();
  const confirm = params.get("confirm");
  return (
    <>
      <p>
        <Link to="/events">← {t("nav.events")}</Link>
      </p>
      {actionData?.error ? (
        <Notice tone="error">{tError(actionData.error)}</Notice>
      ) : null}
      <div className="page-head">
        <div className="event-title-row">
          <h1>{event.title}</h1>
          <StatusBadge status={event.status} />
        </div>
        <div className="actions flush-top">
          {can.update ? (
            <Link to={`/events/${event.id}/edit`} className="button">
              {t("action.edit")}
            </Link>
          ) : null}
          {can.cancel ? (
            <Link to="?confirm=cancel" className="button danger secondary">
              {t("event.cancel")}
            </Link>
          ) : null}
          {can.delete ? (
            <Link to="?confirm=delete" className="button danger secondary">
              {t("event.delete")}
            </Link>
          ) : null}
        </div>
      </div>
      {confirm === "cancel" && can.cancel ? (
        <ConfirmCard
          intent="cancel"
          eventId={event.id}
          message={t("event.cancelConfirm", { title: event.title })}
          label={t("event.cancel")}
        />
      ) : null}
      {confirm === "delete" && can.delete ? (
        <ConfirmCard
          intent="delete"
          eventId={event.id}
          message={t("event.deleteConfirm", { title: event.title })}
          label={t("event.delete")}
        />
      ) : null}
      <EventTabs eventId={event.id} title={event.title} can={can} />
      <Outlet />
    </>
  );
}

/**
 * One row of five: the overview and four groups. A group's link opens its first section; the current
 * group's sections show in a second bar below. Plain links: works without JavaScript, with the keyboard.
 */
function EventTabs({ eventId, title, can }: { eventId: string; title: string; can: { update: boolean; mail: boolean; checkIn: boolean; webhooks: boolean } }) {
  const { t } = useT();
  const { pathname } = useLocation();
  const allowed = (section: EventSection) =>
    section === "mail" ? can.mail : section === "check-in" ? can.checkIn : section === "edit" ? can.update : section === "webhooks" ? can.webhooks : true;
  const groups = eventTabGroups(allowed);
  const current = groupOfPath(groups, pathname, eventId);
  const base = `/events/${eventId}`;
  return (
    <>
      <nav className="tabs tabs-groups" aria-label={title}>
        <NavLink to={base} end>
          {t("event.tab.overview")}
        </NavLink>
        {groups.map((g) => (
          <Link
            key={g.name}
            to={`${base}/${g.sections[0]!.section}`}
            className={g === current ? "active" : undefined}
            aria-current={g === current ? "true" : undefined}
          >
            {t(g.label)}
          </Link>
        ))}
      </nav>
      {current && current.sections.length > 1 ? (
        <nav className="tabs tabs-sections" aria-label={t(current.label)}>
          {current.sections.map((s) => (
            // The check-in page is the one document allowed the camera (Permissions-Policy is per document):
            // open it as a new document, not by a client-side navigation inside this one.
            <NavLink key={s.section} to={`${base}/${s.section}`} end={s.section === "edit"} reloadDocument={s.section === "check-in"}>
              {t(s.label)}
            </NavLink>
          ))}
        </nav>
      ) : null}
    </>
  );
}

function ConfirmCard({ intent, eventId, message, label }: { intent: string; eventId: string; message: string; label: string }) {
  const { t } = useT();
  return (
    <ConfirmPanel label={label}>
      <p>{message}</p>
      <Form method="post" action={`/events/${eventId}`} className="actions">
        <input type="hidden" name="intent" value={intent} />
        <button type="submit" className="button danger">
          {t("action.confirm")}: {label}
        </button>
        <Link to="." className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </ConfirmPanel>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
