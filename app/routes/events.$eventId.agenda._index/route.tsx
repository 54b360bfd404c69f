import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Link,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  useSearchParams,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { canOnEvent } from "~/domain/access/permissions";
import { listDocuments } from "~/models/ceremony.server";
import { fullAddress } from "~/domain/protocol/address";
import { formatWhen, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getSpeakers, listSpeakerOptions, listStaffOptions } from "~/models/agenda.server";
import { getAgendaView } from "~/services/agenda.server";
import { requireEventPermission } from "~/services/auth.server";
import { Notice } from "~/components/ui/notice";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { result, runAgendaAction } from "./agenda-actions.server";
import { agendaActionSchema } from "./agenda.schema";
import { AgendaItemForm, emptyFormValues, itemFormValues } from "./agenda-item-form";
import { AgendaList } from "./agenda-list";
import { EmptyAgenda, TemplateConfirm } from "./agenda-template";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.pageTitle");

const SPEAKER_LIMIT = 500;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  const db = context.db;
  const view = await getAgendaView(db, access.event.id);
  const canEdit =
    view.event.status !== "cancelled" &&
    canOnEvent(access.user, "event:update", { ownerId: access.event.createdBy, memberRole: access.memberRole });
  const speakerIds = view.items.map((i) => i.speakerInvitationId).filter((x): x is string => !!x);
  const responsibleIds = view.items.map((i) => i.responsibleUserId).filter((x): x is string => !!x);
  const [speakers, staff, options, documents] = await Promise.all([
    getSpeakers(db, access.event.id, speakerIds),
    listStaffOptions(db, responsibleIds),
    canEdit ? listSpeakerOptions(db, access.event.id, SPEAKER_LIMIT, speakerIds) : Promise.resolve([]),
    listDocuments(db, [access.event.id]),
  ]);
  const url = new URL(request.url);
  const moved = view.items.find((i) => i.id === url.searchParams.get("moved"));
  return {
    event: view.event,
    items: view.items,
    version: view.version,
    canEdit,
    speakerNames: Object.fromEntries([...speakers.values()].map((s) => [s.invitationId, fullAddress(s)])),
    staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])),
    speakerOptions: options.map((o) => ({
      value: o.invitationId,
      name: fullAddress(o),
      status: o.status,
    })),
    speakerTruncated: options.length >= SPEAKER_LIMIT,
    staffOptions: staff.map((s) => ({ value: s.id, name: s.name, active: s.active })),
    documentOptions: documents.map((d) => ({ value: d.id, label: d.title })),
    // After a move the keyboard goes back to the moved item's button (not a notice: that comes with the redirect).
    moved: moved ? { itemId: moved.id, direction: url.searchParams.get("dir") } : null,
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  // After a refused change too (409: someone else changed the agenda), show the agenda as it is now.
  formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, agendaActionSchema);
  if (!form.success) return result(null, null, { error: "errors.invalid" }, 400);
  const actor = { id: access.user.id, name: access.user.name };
  return runAgendaAction({ context, actor, locale: access.user.locale, eventId: access.event.id, raw: form.values }, form.data);
}

export default function AgendaPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { event, items, version, canEdit, moved } = loaderData;
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const location = useLocation();
  const navigation = useNavigation();
  const { t, tError, locale } = useT();
  const zone = event.timeZone;
  const editId = actionData?.intent === "update" && actionData.itemId ? actionData.itemId : params.get("edit");
  const deleteId = params.get("delete");
  const confirmTemplate = params.get("confirm") === "template";
  const flagged = items.filter((i) => i.issues.length > 0).length;
  const first = items[0];
  const last = items.at(-1);
  const agendaStart = first ? new Date(Math.min(...items.map((i) => i.startsAt.getTime()))) : null;
  const agendaEnd = last ? new Date(Math.max(...items.map((i) => i.endsAt.getTime()))) : null;

  // After a move, keep the keyboard on the moved item's button (React may have moved its DOM node).
  useEffect(() => {
    if (!moved) return;
    const want = document.getElementById(`move-${moved.direction === "up" ? "up" : "down"}-${moved.itemId}`);
    const other = document.getElementById(`move-${moved.direction === "up" ? "down" : "up"}-${moved.itemId}`);
    const target = want instanceof HTMLButtonElement && !want.disabled ? want : other;
    target?.focus();
  }, [location.key, moved]);

  const generalError = actionData?.error && !actionData.fieldErrors ? actionData.error : null;
  const busy = navigation.state !== "idle";

  return (
    <>
      <div className="agenda-head">
        <div>
          <p className="agenda-event-time">
            {t("agenda.eventTime", { range: formatWhen(event.startsAt, event.endsAt, zone, locale, event.startPrecision) })}
          </p>
          <p className="muted agenda-zone">{t("agenda.zoneNote", { zone })}</p>
          {agendaStart && agendaEnd ? (
            <p className="agenda-summary" data-testid="agenda-summary">
              {t("agenda.summary", {
                count: items.length,
                range: `${formatTime(agendaStart, zone)} – ${formatTime(agendaEnd, zone)}`,
              })}
            </p>
          ) : null}
        </div>
        <div className="actions agenda-head-actions">
          {canEdit && items.length > 0 ? (
            <>
              <a href="#add-item" className="button">
                {t("agenda.add")}
              </a>
              <Link to="?confirm=template" className="button secondary" preventScrollReset>
                {t("agenda.template.insert")}
              </Link>
            </>
          ) : null}
        </div>
      </div>

      {generalError ? <Notice tone="error">{tError(generalError)}</Notice> : null}
      {event.status === "cancelled" ? (
        <Notice tone="warn" as="p" role="note">
          {t("agenda.cancelledNote")}
        </Notice>
      ) : !canEdit ? (
        <p className="muted">{t("agenda.readOnly")}</p>
      ) : null}

      {canEdit && confirmTemplate && items.length > 0 ? <TemplateConfirm count={items.length} version={version} /> : null}

      {flagged > 0 ? (
        <Notice tone="warn" as="p" role="note" data-testid="agenda-issues-summary">
          {t("agenda.issues.summary", { count: flagged })}
        </Notice>
      ) : null}

      {items.length === 0 ? (
        <EmptyAgenda canEdit={canEdit} version={version} busy={busy} />
      ) : (
        <AgendaList
          loaderData={loaderData}
          editId={editId}
          deleteId={deleteId}
          renderEdit={(item) => (
            <AgendaItemForm
              key={`edit-${item.id}-${item.version}`}
              mode="update"
              zone={zone}
              itemId={item.id}
              itemVersion={item.version}
              title={item.title}
              defaults={actionData?.intent === "update" && actionData.itemId === item.id && actionData.values ? actionData.values : itemFormValues(item, zone)}
              serverErrors={actionData?.intent === "update" && actionData.itemId === item.id ? actionData.fieldErrors : null}
              speakerOptions={loaderData.speakerOptions}
              speakerTruncated={loaderData.speakerTruncated}
              documentOptions={loaderData.documentOptions}
              staffOptions={loaderData.staffOptions}
            />
          )}
        />
      )}

      {canEdit ? (
        <section className="card agenda-add" id="add-item" aria-labelledby="add-item-heading">
          <h2 id="add-item-heading">{t("agenda.addTitle")}</h2>
          <p className="muted">{t("agenda.addHint")}</p>
          <AgendaItemForm
            key={`add-${location.key}`}
            mode="create"
            zone={zone}
            defaults={
              actionData?.intent === "create" && actionData.values
                ? actionData.values
                : emptyFormValues(agendaEnd && agendaEnd > event.startsAt ? agendaEnd : event.startsAt, zone)
            }
            serverErrors={actionData?.intent === "create" ? actionData.fieldErrors : null}
            speakerOptions={loaderData.speakerOptions}
            speakerTruncated={loaderData.speakerTruncated}
            documentOptions={loaderData.documentOptions}
            staffOptions={loaderData.staffOptions}
          />
        </section>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
