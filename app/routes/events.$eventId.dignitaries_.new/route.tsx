import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { dignitaryFormSchema } from "~/domain/protocol/dignitary.schema";
import { useT } from "~/i18n/use-t";
import { eventOrganizationNames, getProtocolEvent, listStaffMembers } from "~/models/dignitaries.server";
import { createDignitary } from "~/services/dignitaries.server";
import { Notice } from "~/components/ui/notice";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { pageTitle } from "~/utils/meta";
import { notFound } from "~/utils/responses.server";
import { DignitaryForm, emptyDignitaryForm, toDignitaryFormValues } from "~/components/dignitaries/dignitary-form";
import styles from "~/components/protocol/protocol.css";

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
  // The form's one schema depends on the event's time zone (the arrival time is typed as wall-clock time there).
  const form = await parseForm(request, dignitaryFormSchema(event.timeZone));
  const values = toDignitaryFormValues(form.values);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, formError: null, values }, { status: 400 });
  const created = await attempt(() => createDignitary(context.db, access.user, event.id, form.data));
  if (!created.ok)
    return data(
      { fieldErrors: Object.keys(created.error.fields).length ? created.error.fields : null, formError: created.error.message, values },
      { status: created.status },
    );
  return redirectWithNotice(context, `/events/${event.id}/dignitaries`, { key: "protocol.created", params: { name: created.value.name } });
}

export default function NewDignitaryPage() {
  const { eventId, timeZone, staff, organizations, cancelled } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (cancelled)
    return (
      <Notice tone="warn">{t("protocol.errors.cancelled")}</Notice>
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
