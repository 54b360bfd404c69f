import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventForm, eventFormArrayFields, toEventFormValues } from "~/components/events/event-form";
import { eventPageActionSchema } from "~/components/events/event-page.schema";
import { quickAddAnswer } from "~/components/events/quick-add.server";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { timeZoneOptions } from "~/domain/dates/time-zones";
import { defaultTimeZone, eventFormSchema } from "~/domain/events/event.schema";
import { useT } from "~/i18n/use-t";
import { listOrganizations } from "~/models/organizations.server";
import { canGlobal } from "~/domain/access/permissions";
import { createEvent } from "~/services/events.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { attempt, parseForm, parseFormData } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { forbidden } from "~/utils/responses.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "events.new");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "event:create");
  // A sensible start: next week, 14:00–16:00 in Vietnam.
  const start = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  const day = instantToLocalInput(start, defaultTimeZone).slice(0, 10);
  return {
    organizations: await listOrganizations(context.db),
    canAddOrganization: canGlobal(user, "organization:create"),
    timeZones: timeZoneOptions(),
    defaults: toEventFormValues({
      kind: "signing_ceremony",
      status: "draft",
      startsAt: `${day}T14:00`,
      endsAt: `${day}T16:00`,
      timeZone: defaultTimeZone,
    }),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "event:create");
  const form = await parseForm(request, eventPageActionSchema, { arrayFields: eventFormArrayFields });
  const values = toEventFormValues(form.values);
  if (!form.success) return data({ fieldErrors: null, formError: "errors.invalid", values, quickAdd: null }, { status: 400 });
  if (form.data.intent === "addOrganization") {
    if (!canGlobal(user, "organization:create")) throw forbidden();
    return quickAddAnswer(context, user, form.data.newOrganizationName, values);
  }
  const event = parseFormData(form.formData, eventFormSchema, eventFormArrayFields);
  if (!event.success) return data({ fieldErrors: event.fieldErrors, formError: null, values, quickAdd: null }, { status: 400 });
  const created = await attempt(() => createEvent(context.db, user, event.data));
  if (!created.ok)
    return data({ fieldErrors: created.error.fields, formError: created.error.message, values, quickAdd: null }, { status: created.status });
  return redirectWithNotice(context, `/events/${created.value.id}`, { key: "event.created" });
}

export default function NewEventPage() {
  const { organizations, canAddOrganization, timeZones, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <>
      <h1>{t("events.new")}</h1>
      <EventForm
        defaultValues={actionData?.values ?? defaults}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        organizations={organizations}
        canAddOrganization={canAddOrganization}
        quickAdd={actionData?.quickAdd}
        timeZones={timeZones}
        submitLabel={t("action.create")}
        cancelHref="/events"
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
