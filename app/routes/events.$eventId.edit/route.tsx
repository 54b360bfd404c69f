import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventForm, eventFormArrayFields, toEventFormValues } from "~/components/event-form";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { timeZoneOptions } from "~/domain/dates/time-zones";
import { eventFormSchema } from "~/domain/events/event.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { listOrganizations } from "~/models/organizations.server";
import { canGlobal } from "~/domain/access/permissions";
import { isServiceError } from "~/utils/errors";
import { quickAddOrganization } from "~/services/organizations.server";
import { updateEvent } from "~/services/events.server";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm, versionField } from "~/utils/form-data.server";
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
  const formData = await readForm(request);
  const raw = formDataToObject(formData, eventFormArrayFields);
  const version = versionField(formData.get("version"));
  if (raw.intent === "addOrganization") {
    // "+ Add an organization" inside the form: the event is not saved, every value comes back as it was.
    if (!canGlobal(access.user, "organization:create")) throw forbidden();
    const name = typeof raw.newOrganizationName === "string" ? raw.newOrganizationName : "";
    const added = await quickAddOrganization(context.db, access.user, name);
    return data(
      { fieldErrors: null, formError: null, values: toEventFormValues(raw), quickAdd: { ...added, name } },
      { status: added.error ? 400 : 200 },
    );
  }
  // Without a whole version number the stale-edit guard cannot run: refuse rather than overwrite.
  if (version === null)
    return data({ fieldErrors: null, formError: "errors.invalid", values: toEventFormValues(raw), quickAdd: null }, { status: 400 });
  const parsed = eventFormSchema.safeParse(raw);
  if (!parsed.success)
    return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values: toEventFormValues(raw), quickAdd: null }, { status: 400 });
  try {
    await updateEvent(context.db, access.user, access.event.id, parsed.data, version);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data(
      { fieldErrors: error.fields, formError: error.message, values: toEventFormValues(raw), quickAdd: null },
      { status: error.code === "conflict" ? 409 : 422 },
    );
  }
  throw redirect(`/events/${access.event.id}?notice=updated`);
}

export default function EditEventPage() {
  const { eventId, version, organizations, canAddOrganization, timeZones, defaults, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (cancelled)
    return (
      <div className="notice notice-warn" role="status">
        {t("event.cannotEditCancelled")}
      </div>
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
