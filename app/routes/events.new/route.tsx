import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { EventForm, eventFormArrayFields, toEventFormValues } from "~/components/event-form";
import { instantToLocalInput } from "~/domain/dates/phrasing";
import { timeZoneOptions } from "~/domain/dates/time-zones";
import { defaultTimeZone, eventFormSchema } from "~/domain/events/event.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { listOrganizations } from "~/models/organizations.server";
import { canGlobal } from "~/domain/access/permissions";
import { isServiceError } from "~/utils/errors";
import { quickAddOrganization } from "~/services/organizations.server";
import { createEvent } from "~/services/events.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
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
  const raw = formDataToObject(await readForm(request), eventFormArrayFields);
  if (raw.intent === "addOrganization") {
    // "+ Add an organization" inside the form: the event is not saved, every value comes back as it was.
    if (!canGlobal(user, "organization:create")) throw forbidden();
    const name = typeof raw.newOrganizationName === "string" ? raw.newOrganizationName : "";
    const added = await quickAddOrganization(context.db, user, name);
    return data(
      { fieldErrors: null, formError: null, values: toEventFormValues(raw), quickAdd: { ...added, name } },
      { status: added.error ? 400 : 200 },
    );
  }
  const parsed = eventFormSchema.safeParse(raw);
  if (!parsed.success)
    return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values: toEventFormValues(raw), quickAdd: null }, { status: 400 });
  try {
    const event = await createEvent(context.db, user, parsed.data);
    throw redirect(`/events/${event.id}?notice=created`);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data(
      { fieldErrors: error.fields, formError: error.message, values: toEventFormValues(raw), quickAdd: null },
      { status: error.code === "conflict" ? 409 : 422 },
    );
  }
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
