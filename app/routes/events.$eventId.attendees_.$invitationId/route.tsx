import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { attendeeFormSchema } from "~/domain/attendees/attendee.schema";
import { formatDate, formatTime } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { getInvitation } from "~/models/invitations.server";
import { isServiceError } from "~/utils/errors";
import { withdrawInvitationAndNotify } from "~/services/invitation-mail.server";
import { updateAttendee } from "~/services/invitations.server";
import { canGlobal } from "~/domain/access/permissions";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { notFound } from "~/utils/responses.server";
import type { loader as eventLoader } from "../events.$eventId/route";
import { AttendeeForm, attendeeFormValuesOf, toAttendeeFormValues } from "../events.$eventId.attendees/attendee-form";
import { AttendeeStatusBadge, savedQuery } from "../events.$eventId.attendees/attendee-ui";
import styles from "../events.$eventId.attendees/attendees.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const id = params.invitationId ?? "";
  const invitation = isUuid(id) ? await getInvitation(context.db, id) : null;
  if (!invitation || invitation.eventId !== access.event.id) throw notFound();
  return { access, invitation };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { access, invitation } = await load(request, context, params);
  return {
    // Administrators can export or erase this person's data from their page (right of access, erasure).
    personDataHref: canGlobal(access.user, "personalData:administer") ? `/admin/people/${invitation.personId}` : null,
    invitation: {
      id: invitation.id,
      eventId: invitation.eventId,
      status: invitation.status,
      respondedAt: invitation.respondedAt,
      comment: invitation.comment,
      withdrawnAt: invitation.withdrawnAt,
      updatedAt: invitation.updatedAt,
      fullName: invitation.person.fullName,
    },
    defaults: attendeeFormValuesOf(invitation),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { access, invitation } = await load(request, context, params);
  const formData = await readForm(request);
  const list = `/events/${access.event.id}/attendees`;
  try {
    if (formData.get("intent") === "withdraw") {
      const withdrawn = await withdrawInvitationAndNotify(context.db, access.user, invitation.id, {
        eventId: access.event.id,
        appUrl: context.appUrl,
      });
      throw redirect(`${list}${savedQuery("withdrawn", withdrawn.person.fullName)}`);
    }
    const raw = formDataToObject(formData);
    const parsed = attendeeFormSchema.safeParse(raw);
    if (!parsed.success)
      return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values: toAttendeeFormValues(raw) }, { status: 400 });
    try {
      const saved = await updateAttendee(context.db, access.user, invitation.id, parsed.data, { eventId: access.event.id });
      throw redirect(`${list}${savedQuery("updated", saved.person.fullName)}`);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      return data(
        { fieldErrors: Object.keys(error.fields).length ? error.fields : null, formError: error.message, values: toAttendeeFormValues(raw) },
        { status: error.code === "conflict" ? 409 : 422 },
      );
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data({ fieldErrors: null, formError: error.message, values: null }, { status: error.code === "not_found" ? 404 : 409 });
  }
}

export default function EditAttendeePage() {
  const { invitation, defaults, personDataHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const layout = useRouteLoaderData<typeof eventLoader>("routes/events.$eventId");
  const zone = layout?.event.timeZone ?? "Asia/Ho_Chi_Minh";
  const { t, tError } = useT();
  const [search] = useSearchParams();
  const at = (d: Date | string) => `${formatTime(new Date(d), zone)} ${formatDate(new Date(d), zone)}`;
  const list = `/events/${invitation.eventId}/attendees`;
  const confirming = search.get("confirm") === "withdraw" && !invitation.withdrawnAt;
  return (
    <>
      <div className="att-head">
        <h2>{t("attendees.edit.title")}</h2>
        <div className="actions">
          {personDataHref ? (
            <Link to={personDataHref} className="button secondary">
              {t("privacy.person.open")}
            </Link>
          ) : null}
          {!invitation.withdrawnAt ? (
            <Link to="?confirm=withdraw" className="button danger secondary">
              {t("attendees.withdraw")}
            </Link>
          ) : null}
        </div>
      </div>
      {confirming ? (
        <div className="card notice-warn" role="alertdialog" aria-label={t("attendees.withdraw")}>
          <p>{t("attendees.withdrawConfirm", { name: invitation.fullName })}</p>
          <Form method="post" className="actions" replace>
            <input type="hidden" name="intent" value="withdraw" />
            <button type="submit" className="button danger">
              {t("action.confirm")}: {t("attendees.withdraw")}
            </button>
            <Link to="." className="button secondary">
              {t("action.back")}
            </Link>
          </Form>
        </div>
      ) : null}
      {invitation.withdrawnAt ? (
        <div className="notice notice-warn" role="status">
          {t("attendees.withdrawnNotice", { time: at(invitation.withdrawnAt) })}
        </div>
      ) : null}
      {actionData?.formError && !actionData.values ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.formError)}
        </div>
      ) : null}
      <section className="card att-answer" aria-label={t("attendees.section.answer")}>
        <dl className="facts">
          <dt>{t("attendees.field.status")}</dt>
          <dd>
            <AttendeeStatusBadge status={invitation.status} withdrawn={!!invitation.withdrawnAt} />
          </dd>
          <dt>{t("attendees.field.respondedAt")}</dt>
          <dd>{invitation.respondedAt ? at(invitation.respondedAt) : <span className="muted">{t("attendees.notAnswered")}</span>}</dd>
          {invitation.comment ? (
            <>
              <dt>{t("attendees.field.comment")}</dt>
              <dd className="prose">{invitation.comment}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <AttendeeForm
        key={String(invitation.updatedAt)}
        defaultValues={actionData?.values ?? defaults}
        serverErrors={actionData?.fieldErrors}
        formError={actionData?.values ? actionData.formError : null}
        submitLabel={t("action.save")}
        cancelHref={list}
      />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
