import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import {
  Form,
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
import { agendaItemFormSchema } from "~/domain/agenda/agenda-item.schema";
import { agendaItemCeremonySchema } from "~/domain/ceremony/ceremony.schema";
import { listDocuments } from "~/models/ceremony.server";
import { setAgendaItemDetails } from "~/services/ceremony.server";
import { fullAddress } from "~/domain/protocol/address";
import { fieldErrors } from "~/domain/forms/fields";
import { formatWhen, formatTime } from "~/domain/dates/phrasing";
import { isLocale } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { getSpeakers, listSpeakerOptions, listStaffOptions } from "~/models/agenda.server";
import {
  addAgendaItem,
  deleteAgendaItem,
  getAgendaView,
  insertSigningTemplate,
  moveAgendaItem,
  reorderAgenda,
  updateAgendaItem,
} from "~/services/agenda.server";
import { isServiceError } from "~/utils/errors";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { AgendaItemForm, emptyFormValues, formValuesOf, itemFormValues, type FormValues } from "./agenda-item-form";
import { AgendaList } from "./agenda-list";

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
  const done = url.searchParams.get("done");
  const doneItem = view.items.find((i) => i.id === url.searchParams.get("item"));
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
    done: done
      ? {
          kind: done,
          title: doneItem?.title ?? null,
          position: doneItem ? view.items.indexOf(doneItem) + 1 : null,
          itemId: doneItem?.id ?? null,
          direction: url.searchParams.get("dir"),
        }
      : null,
  };
}

export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  // After a refused change too (409: someone else changed the agenda), show the agenda as it is now.
  formMethod && formMethod.toUpperCase() !== "GET" ? true : defaultShouldRevalidate;

type Intent = "create" | "update" | "delete" | "move" | "reorder" | "template";
const intents: Intent[] = ["create", "update", "delete", "move", "reorder", "template"];

interface ActionResult {
  intent: Intent | null;
  itemId: string | null;
  fieldErrors: Record<string, string> | null;
  values: FormValues | null;
  error: string | null;
}

const statusByCode = { not_found: 404, forbidden: 403, conflict: 409, invalid: 422 } as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const db = context.db;
  const eventId = access.event.id;
  const actor = { id: access.user.id, name: access.user.name };
  const raw = formDataToObject(await readForm(request));
  const intent = intents.find((i) => i === raw.intent) ?? null;
  const itemId = typeof raw.itemId === "string" && isUuid(raw.itemId) ? raw.itemId : null;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const result = (r: Partial<ActionResult>, status: number) =>
    data<ActionResult>({ intent, itemId, fieldErrors: null, values: null, error: null, ...r }, { status });
  const back = (query: string) => redirect(`/events/${eventId}/agenda?${query}`);
  const values = intent === "create" || intent === "update" ? formValuesOf(raw) : null;

  if (!intent) return result({ error: "errors.invalid" }, 400);
  if ((intent === "update" || intent === "delete" || intent === "move") && !itemId)
    return result({ error: "agenda.errors.itemNotFound" }, 404);
  try {
    const view = await getAgendaView(db, eventId);
    switch (intent) {
      case "create":
      case "update": {
        const parsed = agendaItemFormSchema(view.event.timeZone).safeParse(raw);
        const ceremony = agendaItemCeremonySchema.safeParse(raw);
        if (!parsed.success || !ceremony.success)
          return result(
            { fieldErrors: { ...(ceremony.success ? {} : fieldErrors(ceremony.error)), ...(parsed.success ? {} : fieldErrors(parsed.error)) }, values },
            400,
          );
        if (intent === "create") {
          const { id } = await addAgendaItem(db, actor, eventId, parsed.data);
          await setAgendaItemDetails(db, actor, eventId, id, ceremony.data);
          return back(`done=added&item=${id}#item-${id}`);
        }
        await updateAgendaItem(db, actor, eventId, itemId!, parsed.data, { itemVersion: str(raw.itemVersion) });
        await setAgendaItemDetails(db, actor, eventId, itemId!, ceremony.data);
        return back(`done=updated&item=${itemId}#item-${itemId}`);
      }
      case "delete":
        await deleteAgendaItem(db, actor, eventId, itemId!, { itemVersion: str(raw.itemVersion) });
        return back("done=deleted");
      case "move": {
        const direction = raw.direction === "up" ? "up" : "down";
        await moveAgendaItem(db, actor, eventId, itemId!, direction, { agendaVersion: str(raw.version) });
        return back(`done=moved&item=${itemId}&dir=${direction}`);
      }
      case "reorder": {
        const order = (str(raw.order) ?? "").split(",").filter(Boolean);
        await reorderAgenda(db, actor, eventId, order, { agendaVersion: str(raw.version) });
        return back("done=reordered");
      }
      case "template": {
        const locale = isLocale(raw.locale) ? raw.locale : access.user.locale;
        await insertSigningTemplate(db, actor, eventId, locale, {
          replace: raw.replace === "1",
          expected: { agendaVersion: str(raw.version) },
        });
        return back("done=template");
      }
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const fields = Object.keys(error.fields).length ? error.fields : null;
    return result({ fieldErrors: fields, values, error: error.message }, statusByCode[error.code]);
  }
}

export default function AgendaPage() {
  const loaderData = useLoaderData<typeof loader>();
  const { event, items, version, canEdit, done } = loaderData;
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
    if (done?.kind !== "moved" || !done.itemId) return;
    const want = document.getElementById(`move-${done.direction === "up" ? "up" : "down"}-${done.itemId}`);
    const other = document.getElementById(`move-${done.direction === "up" ? "down" : "up"}-${done.itemId}`);
    const target = want instanceof HTMLButtonElement && !want.disabled ? want : other;
    target?.focus();
  }, [location.key, done?.kind, done?.itemId, done?.direction]);

  const notice =
    done?.kind === "added" && done.title
      ? t("agenda.added", { title: done.title })
      : done?.kind === "updated" && done.title
        ? t("agenda.updated", { title: done.title })
        : done?.kind === "deleted"
          ? t("agenda.deleted")
          : done?.kind === "moved" && done.title && done.position
            ? t("agenda.moved", { title: done.title, position: done.position })
            : done?.kind === "reordered"
              ? t("agenda.reordered")
              : done?.kind === "template"
                ? t("agenda.template.inserted")
                : null;
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

      <div aria-live="polite" role="status" className="agenda-live">
        {notice && !generalError ? <div className="notice notice-ok">{notice}</div> : null}
      </div>
      {generalError ? (
        <div className="notice notice-error" role="alert">
          {tError(generalError)}
        </div>
      ) : null}
      {event.status === "cancelled" ? (
        <p className="notice notice-warn">{t("agenda.cancelledNote")}</p>
      ) : !canEdit ? (
        <p className="muted">{t("agenda.readOnly")}</p>
      ) : null}

      {canEdit && confirmTemplate && items.length > 0 ? (
        <div className="card notice-warn" role="alertdialog" aria-label={t("agenda.template.insert")}>
          <p>{t("agenda.template.confirm", { count: items.length })}</p>
          <Form method="post" replace className="actions">
            <input type="hidden" name="intent" value="template" />
            <input type="hidden" name="replace" value="1" />
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button danger">
              {t("agenda.template.replace", { count: items.length })}
            </button>
            <Link to="." className="button secondary" preventScrollReset>
              {t("action.back")}
            </Link>
          </Form>
        </div>
      ) : null}

      {flagged > 0 ? (
        <p className="notice notice-warn" data-testid="agenda-issues-summary">
          {t("agenda.issues.summary", { count: flagged })}
        </p>
      ) : null}

      {items.length === 0 ? (
        <section className="card agenda-empty">
          <p>{t("agenda.empty")}</p>
          {canEdit ? (
            <>
              <p className="muted">{t("agenda.template.hint")}</p>
              <Form method="post" replace>
                <input type="hidden" name="intent" value="template" />
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="version" value={version} />
                <button type="submit" className="button" disabled={busy}>
                  {t("agenda.template.insert")}
                </button>
              </Form>
            </>
          ) : null}
        </section>
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
