import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { attendeeFormSchema, emptyAttendeeForm } from "~/domain/attendees/attendee.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { isServiceError } from "~/utils/errors";
import { addAttendee, AlreadyInvitedError } from "~/services/invitations.server";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { AttendeeForm, toAttendeeFormValues } from "../events.$eventId.attendees/attendee-form";
import { savedQuery } from "../events.$eventId.attendees/attendee-ui";
import styles from "../events.$eventId.attendees/attendees.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  return { eventId: access.event.id };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const raw = formDataToObject(await readForm(request));
  const parsed = attendeeFormSchema.safeParse(raw);
  if (!parsed.success)
    return data(
      { fieldErrors: fieldErrors(parsed.error), formError: null, existingId: null, values: toAttendeeFormValues(raw) },
      { status: 400 },
    );
  try {
    const added = await addAttendee(context.db, access.user, access.event.id, parsed.data);
    throw redirect(`/events/${access.event.id}/attendees${savedQuery("added", added.person.fullName)}`);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data(
      {
        fieldErrors: Object.keys(error.fields).length ? error.fields : null,
        formError: error.message,
        existingId: error instanceof AlreadyInvitedError ? error.invitationId : null,
        values: toAttendeeFormValues(raw),
      },
      { status: error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 422 },
    );
  }
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
