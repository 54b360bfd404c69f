import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventForm, eventFormArrayFields, toEventFormValues } from "~/components/events/event-form";
import { eventPageActionSchema } from "~/components/events/event-page.schema";
import { quickAddAnswer } from "~/components/events/quick-add.server";
import { Notice } from "~/components/ui/notice";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { timeZoneOptions } from "~/domain/dates/time-zones";
import { eventFormSchema } from "~/domain/events/event.schema";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { listOrganizations } from "~/models/organizations.server";
import { canGlobal } from "~/domain/access/permissions";
import { updateEvent } from "~/services/events.server";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm, parseFormData } from "~/utils/action-kit.server";
import { versionField } from "~/utils/form-data.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden, notFound } from "~/utils/responses.server";


export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const event = await getEventDetail(context.db, access.event.id);
  if (!event) throw notFound();
  const zone = event.timeZone;
  return {
    eventId: event.id,
    cancelled: event.status === "cancelled",
    version: event.version,
    organizations: await listOrganizations(context.db),
    canAddOrganization: canGlobal(access.user, "organization:create"),
    timeZones: timeZoneOptions(),
    defaults: toEventFormValues({
      title: event.title,
      titleEn: event.titleEn ?? "",
      kind: event.kind,
      status: event.status,
      startsAt: instantToLocalInput(event.startsAt, zone),
      endsAt: instantToLocalInput(event.endsAt, zone),
      timeZone: zone,
      venueName: event.venueName ?? "",
      venueNameEn: event.venueNameEn ?? "",
      venueAddress: event.venueAddress ?? "",
      venueRoom: event.venueRoom ?? "",
      description: event.description ?? "",
      hostOrganizationId: event.hostOrganizationId ?? "",
      partnerOrganizationIds: event.partners.map((p) => p.id),
      capacity: event.capacity?.toString() ?? "",
      startPrecision: event.startPrecision,
      occasion: event.occasion ?? "",
      occasionEn: event.occasionEn ?? "",
      context: event.context ?? "",
      contextEn: event.contextEn ?? "",
    }),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const form = await parseForm(request, eventPageActionSchema, { arrayFields: eventFormArrayFields });
  const values = toEventFormValues(form.values);
  if (!form.success) return data({ fieldErrors: null, formError: "errors.invalid", values, quickAdd: null }, { status: 400 });
  if (form.data.intent === "addOrganization") {
    if (!canGlobal(access.user, "organization:create")) throw forbidden();
    return quickAddAnswer(context, access.user, form.data.newOrganizationName, values);
  }
  // Without a whole version number the stale-edit guard cannot run: refuse rather than overwrite.
  const version = versionField(form.formData.get("version"));
  if (version === null) return data({ fieldErrors: null, formError: "errors.invalid", values, quickAdd: null }, { status: 400 });
  const event = parseFormData(form.formData, eventFormSchema, eventFormArrayFields);
  if (!event.success) return data({ fieldErrors: event.fieldErrors, formError: null, values, quickAdd: null }, { status: 400 });
  const saved = await attempt(() => updateEvent(context.db, access.user, access.event.id, event.data, version));
  if (!saved.ok)
    return data({ fieldErrors: saved.error.fields, formError: saved.error.message, values, quickAdd: null }, { status: saved.status });
  return redirectWithNotice(context, `/events/${access.event.id}`, { key: "event.updated" });
}

export default function EditEventPage() {
  const { eventId, version, organizations, canAddOrganization, timeZones, defaults, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (cancelled)
    return (
      <Notice tone="warn">{t("event.cannotEditCancelled")}</Notice>
    );
  return (
    <>
      <h2>{t("events.edit")}</h2>
      <EventForm
        key={version}
        defaultValues={actionData?.values ?? defaults}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        organizations={organizations}
        canAddOrganization={canAddOrganization}
        quickAdd={actionData?.quickAdd}
        timeZones={timeZones}
        submitLabel={t("action.save")}
        cancelHref={`/events/${eventId}`}
        hidden={<input type="hidden" name="version" value={version} />}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
