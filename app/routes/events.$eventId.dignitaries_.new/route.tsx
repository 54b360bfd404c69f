import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dignitaryFormSchema } from "~/domain/protocol/dignitary.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { eventOrganizationNames, getProtocolEvent, listStaffMembers } from "~/models/dignitaries.server";
import { createDignitary } from "~/services/dignitaries.server";
import { isServiceError } from "~/utils/errors";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { DignitaryForm, emptyDignitaryForm, toDignitaryFormValues } from "../events.$eventId.dignitaries/dignitary-form";
import styles from "../events.$eventId.dignitaries/protocol.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "protocol.new.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const event = await getProtocolEvent(context.db, access.event.id);
  if (!event) throw notFound();
  const names = await eventOrganizationNames(context.db, event.id, event.hostOrganizationId);
  return {
    eventId: event.id,
    timeZone: event.timeZone,
    cancelled: event.status === "cancelled",
    staff: await listStaffMembers(context.db),
    organizations: [...new Set([...names.host, ...names.guests].filter((n): n is string => !!n))],
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:update");
  const event = await getProtocolEvent(context.db, access.event.id);
  if (!event) throw notFound();
  const raw = formDataToObject(await readForm(request));
  const values = toDignitaryFormValues(raw);
  const parsed = dignitaryFormSchema(event.timeZone).safeParse(raw);
  if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values }, { status: 400 });
  try {
    const created = await createDignitary(context.db, access.user, event.id, parsed.data);
    throw redirect(`/events/${event.id}/dignitaries?done=created&name=${encodeURIComponent(created.name)}`);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data(
      { fieldErrors: Object.keys(error.fields).length ? error.fields : null, formError: error.message, values },
      { status: error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 422 },
    );
  }
}

export default function NewDignitaryPage() {
  const { eventId, timeZone, staff, organizations, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (cancelled)
    return (
      <div className="notice notice-warn" role="status">
        {t("protocol.errors.cancelled")}
      </div>
    );
  return (
    <>
      <h2>{t("protocol.new.title")}</h2>
      <DignitaryForm
        mode="new"
        defaultValues={actionData?.values ?? emptyDignitaryForm}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.formError === "form.fixErrors" ? null : actionData?.formError}
        timeZone={timeZone}
        staff={staff}
        organizations={organizations}
        cancelHref={`/events/${eventId}/dignitaries`}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
