import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDate, formatTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { getInvitation } from "~/models/invitations.server";
import { withdrawInvitationAndNotify } from "~/services/invitation-mail.server";
import { updateAttendee } from "~/services/invitations.server";
import { canGlobal } from "~/domain/access/permissions";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { notFound } from "~/utils/responses.server";
import type { loader as eventLoader } from "../events.$eventId/route";
import { AttendeeForm, attendeeFormValuesOf, toAttendeeFormValues } from "~/components/attendees/attendee-form";
import { AttendeeStatusBadge } from "~/components/attendees/attendee-ui";
import { Notice } from "~/components/ui/notice";
import { attendeeActionSchema } from "./attendee.schema";
import styles from "~/components/attendees/attendees.css";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

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
  const form = await parseForm(request, attendeeActionSchema);
  const list = `/events/${access.event.id}/attendees`;
  if (form.values.intent === "withdraw") {
    const outcome = await attempt(() =>
      withdrawInvitationAndNotify(context.db, access.user, invitation.id, { eventId: access.event.id, appUrl: context.appUrl }),
    );
    if (!outcome.ok) return data({ fieldErrors: null, formError: outcome.error.message, values: null }, { status: outcome.status });
    throw await redirectWithNotice(context, list, { key: "attendees.notice.withdrawn", params: { name: outcome.value.person.fullName } });
  }
  const values = toAttendeeFormValues(form.values);
  if (!form.success || form.data.intent === "withdraw") {
    return data({ fieldErrors: form.success ? null : form.fieldErrors, formError: null, values }, { status: 400 });
  }
  const { intent: _save, ...input } = form.data;
  const outcome = await attempt(() => updateAttendee(context.db, access.user, invitation.id, input, { eventId: access.event.id }));
  if (!outcome.ok) {
    const { error } = outcome;
    return data(
      { fieldErrors: Object.keys(error.fields).length ? error.fields : null, formError: error.message, values },
      { status: outcome.status },
    );
  }
  throw await redirectWithNotice(context, list, { key: "attendees.notice.updated", params: { name: outcome.value.person.fullName } });
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
        <ConfirmPanel label={t("attendees.withdraw")}>
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
        </ConfirmPanel>
      ) : null}
      {invitation.withdrawnAt ? (
        <Notice tone="warn">{t("attendees.withdrawnNotice", { time: at(invitation.withdrawnAt) })}</Notice>
      ) : null}
      {actionData?.formError && !actionData.values ? (
        <Notice tone="error">{tError(actionData.formError)}</Notice>
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
