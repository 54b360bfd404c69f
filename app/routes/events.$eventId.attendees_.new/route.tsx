import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { attendeeFormSchema, emptyAttendeeForm } from "~/domain/attendees/attendee.schema";
import { useT } from "~/i18n/use-t";
import { addAttendee, AlreadyInvitedError } from "~/services/invitations.server";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { AttendeeForm, toAttendeeFormValues } from "~/components/attendees/attendee-form";
import styles from "~/components/attendees/attendees.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  return { eventId: access.event.id };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const form = await parseForm(request, attendeeFormSchema);
  const values = toAttendeeFormValues(form.values);
  if (!form.success) return data({ fieldErrors: form.fieldErrors, formError: null, existingId: null, values }, { status: 400 });
  const input = form.data;
  const outcome = await attempt(() => addAttendee(context.db, access.user, access.event.id, input));
  if (!outcome.ok) {
    const { error } = outcome;
    return data(
      {
        fieldErrors: Object.keys(error.fields).length ? error.fields : null,
        formError: error.message,
        existingId: error instanceof AlreadyInvitedError ? error.invitationId : null,
        values,
      },
      { status: outcome.status },
    );
  }
  throw await redirectWithNotice(context, `/events/${access.event.id}/attendees`, {
    key: "attendees.notice.created",
    params: { name: outcome.value.person.fullName },
  });
}

export default function NewAttendeePage() {
  const { eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  return (
    <>
      <h2>{t("attendees.new.title")}</h2>
      <AttendeeForm
        defaultValues={actionData?.values ?? emptyAttendeeForm}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.formError}
        existingHref={actionData?.existingId ? `/events/${eventId}/attendees/${actionData.existingId}` : null}
        submitLabel={t("attendees.new.submit")}
        cancelHref={`/events/${eventId}/attendees`}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
