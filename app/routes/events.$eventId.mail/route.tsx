import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/domain/dates/phrasing";
import { MailMessageTable } from "~/components/mail-message-table";
import { MailProgress, useMailProgress } from "~/components/mail-progress";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { canGlobal } from "~/domain/access/permissions";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { countEventMailByStatus, countInvitationsForMail, listEventMail, listScheduledReminders } from "~/models/mail.server";
import { isServiceError } from "~/utils/errors";
import type { InvitationPreview } from "~/domain/mail/preview";
import {
  cancelScheduledReminder,
  previewInvitations,
  remindUnanswered,
  scheduleReminder,
  sendInvitations,
  type InvitationSelection,
  type SendSummary,
} from "~/services/invitation-mail.server";
import { requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { safeRedirect } from "~/utils/redirect";
import { notFound } from "~/utils/responses.server";
import { mailActionSchema, scheduleReminderSchema, type ScheduleReminderValues } from "./mail.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.page.title");

const OUTBOX_ROWS = 100;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const event = await getEventDetail(context.db, access.event.id);
  if (!event) throw notFound();
  const [counts, reminders, outbox, outboxCounts] = await Promise.all([
    countInvitationsForMail(context.db, event.id),
    listScheduledReminders(context.db, event.id),
    listEventMail(context.db, event.id, OUTBOX_ROWS),
    countEventMailByStatus(context.db, event.id),
  ]);
  return {
    event: { id: event.id, title: event.title, status: event.status, startsAt: event.startsAt, timeZone: event.timeZone },
    open: event.status !== "cancelled" && event.status !== "completed",
    counts,
    reminders,
    outbox,
    outboxCounts,
    canReadMailbox: canGlobal(access.user, "mailbox:read"),
    // Identifies this rendering of the "send to all" form: a double click on it sends once.
    requestId: randomUUID(),
  };
}

/** Where to go after a send: this page, or (for a selection posted from the attendees list) back there. */
function afterSend(eventId: string, summary: SendSummary, redirectTo: unknown) {
  const own = `/events/${eventId}/mail`;
  const target = safeRedirect(redirectTo, own);
  const base = target === own || target.startsWith(`/events/${eventId}/`) ? target : own;
  const url = new URL(base, "http://x");
  url.searchParams.set("notice", "queued");
  url.searchParams.set("queued", String(summary.queued));
  url.searchParams.set("noEmail", String(summary.noEmail));
  return redirect(`${url.pathname}${url.search}`);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const eventId = access.event.id;
  const raw = formDataToObject(await readForm(request), ["invitationId"]);
  const parsed = mailActionSchema.safeParse(raw);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    const scheduling = raw.intent === "schedule-reminder";
    return data(
      {
        confirm: null,
        error: scheduling ? null : (errors.invitationId ?? "errors.invalid"),
        fieldErrors: scheduling ? errors : null,
        values: scheduling ? { daysBefore: String(raw.daysBefore ?? "") } : null,
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  const actor = access.user;
  try {
    switch (input.intent) {
      case "send-not-sent":
      case "send-all":
      case "send-selected": {
        const selection: InvitationSelection =
          input.intent === "send-not-sent"
            ? { to: "not_sent" }
            : input.intent === "send-all"
              ? { to: "all" }
              : { to: "selected", invitationIds: input.invitationId };
        const requestId = input.intent === "send-not-sent" ? null : (input.requestId ?? null);
        const redirectTo = typeof raw.redirectTo === "string" ? raw.redirectTo : null;
        if (!input.confirmed) {
          // The confirmation step: the count and the email as the invitees will see it. Nothing is queued.
          const preview = await previewInvitations(context.db, eventId, selection);
          return data({
            confirm: {
              intent: input.intent,
              // The confirmation's own form id, so that a double click on it sends once.
              requestId: input.intent === "send-not-sent" ? null : (requestId ?? randomUUID()),
              invitationIds: selection.to === "selected" ? [...new Set(selection.invitationIds)] : [],
              redirectTo,
              preview,
            },
            error: null,
            fieldErrors: null,
            values: null,
          });
        }
        const summary = await sendInvitations(context.db, actor, eventId, selection, { requestId });
        return afterSend(eventId, summary, input.intent === "send-selected" ? redirectTo : null);
      }
      case "remind-now":
        return afterSend(eventId, await remindUnanswered(context.db, actor, eventId), null);
      case "schedule-reminder":
        await scheduleReminder(context.db, actor, eventId, input.daysBefore);
        return redirect(`/events/${eventId}/mail?notice=scheduled`);
      case "cancel-reminder":
        await cancelScheduledReminder(context.db, actor, eventId, input.reminderId);
        return redirect(`/events/${eventId}/mail?notice=reminder-cancelled`);
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const scheduling = input.intent === "schedule-reminder";
    const hasFields = Object.keys(error.fields).length > 0;
    return data(
      {
        confirm: null,
        error: scheduling && hasFields ? null : error.message,
        fieldErrors: scheduling && hasFields ? error.fields : null,
        values: scheduling ? { daysBefore: String(input.daysBefore) } : null,
      },
      { status: error.code === "not_found" ? 404 : error.code === "conflict" ? 409 : 422 },
    );
  }
}

export default function EventMailPage() {
  const { event, open, counts, reminders, outbox, outboxCounts, canReadMailbox, requestId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const { t, tError, locale } = useT();
  const [params] = useSearchParams();
  const notice = params.get("notice");
  const when = (d: Date | string) => formatDateTime(new Date(d), event.timeZone, locale);
  const sendable = counts.total - counts.noEmail;
  const progress = useMailProgress(event.id, outboxCounts);

  return (
    <>
      <div className="page-head" style={{ marginBottom: ".5rem" }}>
        <h2 style={{ margin: 0 }}>{t("mail.page.title")}</h2>
      </div>
      <p className="muted">{t("mail.page.intro")}</p>

      {notice === "queued" ? (
        <div className="notice notice-ok" role="status">
          {Number(params.get("queued")) > 0 ? t("mail.notice.queued", { count: Number(params.get("queued")) }) : t("mail.notice.nothing")}
          {Number(params.get("noEmail")) > 0 ? <> {t("mail.notice.noEmail", { count: Number(params.get("noEmail")) })}</> : null}
        </div>
      ) : null}
      {notice === "queued" || progress.queued + progress.sending > 0 ? <MailProgress counts={progress} /> : null}
      {notice === "scheduled" ? (
        <div className="notice notice-ok" role="status">
          {t("mail.notice.scheduled")}
        </div>
      ) : null}
      {notice === "reminder-cancelled" ? (
        <div className="notice notice-ok" role="status">
          {t("mail.notice.reminderCancelled")}
        </div>
      ) : null}
      {actionData?.error ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {!open ? (
        <div className="notice notice-warn" role="status">
          {t("mail.error.eventClosed")}
        </div>
      ) : null}

      <dl className="mail-counts card grid-3" aria-label={t("mail.count.total")} style={{ rowGap: ".75rem" }}>
        {(
          [
            ["mail.count.total", counts.total],
            ["mail.count.notSent", counts.notSent],
            ["mail.count.awaiting", counts.awaiting],
            ["mail.count.answered", counts.answered],
            ["mail.count.withdrawn", counts.withdrawn],
            ["mail.count.noEmail", counts.noEmail],
          ] as const
        ).map(([key, value]) => (
          <div key={key}>
            <dt className="muted">{t(key)}</dt>
            <dd style={{ margin: 0, fontSize: "1.5rem", fontWeight: 700 }}>{value}</dd>
          </div>
        ))}
      </dl>

      {actionData?.confirm ? (
        <ConfirmSend
          confirm={actionData.confirm}
          busy={busy}
          back={actionData.confirm.intent === "send-selected" ? `/events/${event.id}/attendees` : `/events/${event.id}/mail`}
        />
      ) : null}

      <section className="card" aria-labelledby="mail-send" hidden={!!actionData?.confirm}>
        <h3 id="mail-send" style={{ marginTop: 0 }}>
          {t("mail.section.send")}
        </h3>
        <div className="actions" style={{ marginTop: 0 }}>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="send-not-sent" />
            <button type="submit" className="button" disabled={!open || busy || counts.notSentWithEmail === 0}>
              {t("mail.action.sendNotSent", { count: counts.notSentWithEmail })}
            </button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="send-all" />
            <input type="hidden" name="requestId" value={requestId} />
            <button type="submit" className="button secondary" disabled={!open || busy || sendable <= 0}>
              {t("mail.action.sendAll", { count: Math.max(sendable, 0) })}
            </button>
          </Form>
        </div>
        <p className="hint" style={{ marginTop: ".5rem" }}>
          {t("mail.hint.sendAll")}
        </p>
      </section>

      <section className="card" aria-labelledby="mail-remind">
        <h3 id="mail-remind" style={{ marginTop: 0 }}>
          {t("mail.section.remind")}
        </h3>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remind-now" />
          <button type="submit" className="button secondary" disabled={!open || busy || counts.awaitingWithEmail === 0}>
            {t("mail.action.remindNow", { count: counts.awaitingWithEmail })}
          </button>
        </Form>
        <p className="hint" style={{ marginTop: ".5rem" }}>
          {t("mail.hint.remind")}
        </p>
      </section>

      <section className="card" aria-labelledby="mail-schedule">
        <h3 id="mail-schedule" style={{ marginTop: 0 }}>
          {t("mail.section.schedule")}
        </h3>
        {open ? (
          <ScheduleForm
            key={notice === "scheduled" ? `done-${reminders.length}` : "schedule"}
            values={actionData?.values ?? null}
            serverErrors={actionData?.fieldErrors ?? null}
            busy={busy}
          />
        ) : null}
        {reminders.length === 0 ? (
          <p className="muted">{t("mail.schedule.empty")}</p>
        ) : (
          <table className="list" aria-label={t("mail.section.schedule")}>
            <thead>
              <tr>
                <th>{t("mail.schedule.at")}</th>
                <th>{t("mail.schedule.status")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {reminders.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.sendAt)}</td>
                  <td>{t(`mail.reminderStatus.${r.status}`)}</td>
                  <td>
                    {r.status === "scheduled" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="cancel-reminder" />
                        <input type="hidden" name="reminderId" value={r.id} />
                        <button type="submit" className="link-button" disabled={busy}>
                          {t("mail.action.cancelReminder")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="mail-outbox">
        <div className="page-head" style={{ marginBottom: ".5rem" }}>
          <h3 id="mail-outbox" style={{ margin: 0 }}>
            {t("mail.section.outbox")}
          </h3>
          <p className="muted" style={{ margin: 0 }}>
            {(["queued", "sending", "sent", "failed"] as const).map((s, i) => (
              <span key={s}>
                {i > 0 ? " · " : null}
                {t(`mail.status.${s}`)}: {progress[s]}
              </span>
            ))}
            {canReadMailbox ? (
              <>
                {" · "}
                <Link to="/admin/mailbox">{t("mail.outbox.more")}</Link>
              </>
            ) : null}
          </p>
        </div>
        {outbox.length === 0 ? (
          <p className="card muted">{t("mail.outbox.empty")}</p>
        ) : (
          <MailMessageTable messages={outbox} label={t("mail.section.outbox")} zone={event.timeZone} linkToMailbox={canReadMailbox} />
        )}
      </section>
    </>
  );
}

interface SendConfirmation {
  intent: "send-not-sent" | "send-all" | "send-selected";
  requestId: string | null;
  invitationIds: string[];
  redirectTo: string | null;
  preview: InvitationPreview;
}

/**
 * Before a mass send: how many people, and the email in each language they read, exactly as rendered for the
 * first of them. The button posts the same send with confirmed=1 (no JavaScript needed).
 */
function ConfirmSend({ confirm, busy, back }: { confirm: SendConfirmation; busy: boolean; back: string }) {
  const { t } = useT();
  const { preview } = confirm;
  return (
    <section className="card notice-warn mail-confirm" aria-labelledby="mail-confirm">
      <h3 id="mail-confirm" style={{ marginTop: 0 }}>
        {preview.recipients > 0 ? t("mail.confirm.title", { count: preview.recipients }) : t("mail.confirm.nobody")}
      </h3>
      {preview.noEmail > 0 ? <p>{t("mail.confirm.noEmail", { count: preview.noEmail })}</p> : null}
      {preview.languages.map((l) => {
        const language = t(`mail.confirm.language.${l.locale}`);
        return (
          <figure key={l.locale} className="mail-preview" style={{ margin: "0 0 1rem" }}>
            <figcaption>
              <strong>{t("mail.confirm.previewOf", { language, count: l.count })}</strong>{" "}
              <span className="muted">{t("mail.confirm.sampleFor", { name: l.sampleName, email: l.sampleEmail })}</span>
            </figcaption>
            <p style={{ margin: ".5rem 0" }} data-testid={`mail-preview-subject-${l.locale}`}>
              {t("mail.confirm.subject")}: <strong>{l.mail.subject}</strong>
            </p>
            <iframe
              title={t("mail.confirm.frameTitle", { language })}
              srcDoc={l.mail.html}
              sandbox=""
              style={{ width: "100%", height: "28rem", border: "1px solid var(--line)", borderRadius: 6, background: "#fff" }}
            />
          </figure>
        );
      })}
      {preview.languages.length > 0 ? <p className="hint">{t("mail.confirm.sampleLink")}</p> : null}
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value={confirm.intent} />
        <input type="hidden" name="confirmed" value="1" />
        {confirm.requestId ? <input type="hidden" name="requestId" value={confirm.requestId} /> : null}
        {confirm.redirectTo ? <input type="hidden" name="redirectTo" value={confirm.redirectTo} /> : null}
        {confirm.invitationIds.map((id) => (
          <input key={id} type="hidden" name="invitationId" value={id} />
        ))}
        {preview.recipients > 0 ? (
          <button type="submit" className="button" disabled={busy}>
            {t("mail.confirm.send", { count: preview.recipients })}
          </button>
        ) : null}
        <Link to={back} className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </section>
  );
}

function ScheduleForm({
  values,
  serverErrors,
  busy,
}: {
  values: ScheduleReminderValues | null;
  serverErrors: Record<string, string> | null;
  busy: boolean;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(scheduleReminderSchema, {
    defaultValues: values ?? { daysBefore: "3" },
    serverErrors,
  });
  return (
    <>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit} className="actions" style={{ alignItems: "flex-start", marginTop: 0 }}>
        <input type="hidden" name="intent" value="schedule-reminder" />
        <div style={{ maxWidth: "22rem" }}>
          <TextField
            form={form}
            name="daysBefore"
            label={t("mail.schedule.daysBefore")}
            hint={t("mail.schedule.daysBeforeHint")}
            type="number"
            min={1}
            max={60}
            inputMode="numeric"
          />
        </div>
        <button type="submit" className="button" style={{ marginTop: "1.75rem" }} disabled={busy}>
          {t("mail.action.schedule")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
