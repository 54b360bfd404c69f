import { randomUUID } from "node:crypto";
import { data, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MailProgress, useMailProgress } from "~/components/mail-progress";
import { Notice } from "~/components/ui/notice";
import { canGlobal } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { getEventDetail } from "~/models/events.server";
import { countEventMailByStatus, countInvitationsForMail, listEventMail, listScheduledReminders } from "~/models/mail.server";
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
import { attempt, parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { redirectWithNotice } from "~/utils/notice.server";
import { safeRedirect } from "~/utils/redirect";
import { notFound } from "~/utils/responses.server";
import { ConfirmSend } from "./confirm-send";
import { mailActionSchema, type MailAction } from "./mail.schema";
import { OutboxSection } from "./outbox-section";
import { ScheduleSection } from "./schedule-section";
import { useFlashKey } from "./use-flash-key";

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
function afterSend(context: AppLoadContext, eventId: string, summary: SendSummary, redirectTo: unknown) {
  const own = `/events/${eventId}/mail`;
  const target = safeRedirect(redirectTo, own);
  const base = target === own || target.startsWith(`/events/${eventId}/`) ? target : own;
  const url = new URL(base, "http://x");
  const some = summary.queued > 0;
  const key = summary.noEmail > 0 ? (some ? "mail.notice.queuedNoEmail" : "mail.notice.nothingNoEmail") : some ? "mail.notice.queued" : "mail.notice.nothing";
  return redirectWithNotice(context, `${url.pathname}${url.search}`, { key, params: { count: summary.queued, noEmail: summary.noEmail } });
}

/** The answer to a form the schema refused: the field errors for the schedule form, one message for the buttons. */
function refused(raw: Record<string, unknown>, errors: Record<string, string>) {
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

type Actor = Parameters<typeof sendInvitations>[1];
type SendIntent = Extract<MailAction, { intent: "send-not-sent" | "send-all" | "send-selected" }>;

/** A send: without confirmed=1, the confirmation step (the count and the email as the invitees will see it); then the send. */
async function send(context: AppLoadContext, actor: Actor, eventId: string, input: SendIntent, redirectTo: string | null) {
  const selection: InvitationSelection =
    input.intent === "send-not-sent"
      ? { to: "not_sent" }
      : input.intent === "send-all"
        ? { to: "all" }
        : { to: "selected", invitationIds: input.invitationId };
  const requestId = input.intent === "send-not-sent" ? null : (input.requestId ?? null);
  if (!input.confirmed) {
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
  return afterSend(context, eventId, summary, input.intent === "send-selected" ? redirectTo : null);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const eventId = access.event.id;
  const form = await parseForm(request, mailActionSchema, { arrayFields: ["invitationId"] });
  if (!form.success) return refused(form.values, form.fieldErrors);
  const input = form.data;
  const actor = access.user;
  const redirectTo = typeof form.values.redirectTo === "string" ? form.values.redirectTo : null;
  const outcome = await attempt(async () => {
    switch (input.intent) {
      case "send-not-sent":
      case "send-all":
      case "send-selected":
        return send(context, actor, eventId, input, redirectTo);
      case "remind-now":
        return afterSend(context, eventId, await remindUnanswered(context.db, actor, eventId), null);
      case "schedule-reminder":
        await scheduleReminder(context.db, actor, eventId, input.daysBefore);
        return redirectWithNotice(context, `/events/${eventId}/mail`, { key: "mail.notice.scheduled" });
      case "cancel-reminder":
        await cancelScheduledReminder(context.db, actor, eventId, input.reminderId);
        return redirectWithNotice(context, `/events/${eventId}/mail`, { key: "mail.notice.reminderCancelled" });
    }
  });
  if (outcome.ok) return outcome.value;
  const { error } = outcome;
  const scheduling = input.intent === "schedule-reminder";
  const hasFields = Object.keys(error.fields).length > 0;
  return data(
    {
      confirm: null,
      error: scheduling && hasFields ? null : error.message,
      fieldErrors: scheduling && hasFields ? error.fields : null,
      values: scheduling ? { daysBefore: String(input.daysBefore) } : null,
    },
    { status: outcome.status },
  );
}

export default function EventMailPage() {
  const { event, open, counts, reminders, outbox, outboxCounts, canReadMailbox, requestId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const { t, tError } = useT();
  const flash = useFlashKey();
  const queued = flash !== null && queuedNotices.has(flash);
  const progress = useMailProgress(event.id, outboxCounts);
  const confirm = actionData?.confirm ?? null;

  return (
    <>
      <div className="page-head space-below-sm">
        <h2 className="flush">{t("mail.page.title")}</h2>
      </div>
      <p className="muted">{t("mail.page.intro")}</p>

      {queued || progress.queued + progress.sending > 0 ? <MailProgress counts={progress} /> : null}
      {actionData?.error ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      {!open ? <Notice tone="warn">{t("mail.error.eventClosed")}</Notice> : null}

      <MailCounts counts={counts} />

      {confirm ? (
        <ConfirmSend confirm={confirm} busy={busy} back={confirm.intent === "send-selected" ? `/events/${event.id}/attendees` : `/events/${event.id}/mail`} />
      ) : null}

      <SendSection open={open} busy={busy} counts={counts} requestId={requestId} hidden={!!confirm} />

      <section className="card" aria-labelledby="mail-remind">
        <h3 id="mail-remind">{t("mail.section.remind")}</h3>
        <Form method="post" className="inline-form">
          <input type="hidden" name="intent" value="remind-now" />
          <button type="submit" className="button secondary" disabled={!open || busy || counts.awaitingWithEmail === 0}>
            {t("mail.action.remindNow", { count: counts.awaitingWithEmail })}
          </button>
        </Form>
        <p className="hint space-above-sm">{t("mail.hint.remind")}</p>
      </section>

      <ScheduleSection
        open={open}
        reminders={reminders}
        zone={event.timeZone}
        formKey={flash === "mail.notice.scheduled" ? `done-${reminders.length}` : "schedule"}
        values={actionData?.values ?? null}
        serverErrors={actionData?.fieldErrors ?? null}
        busy={busy}
      />

      <OutboxSection messages={outbox} progress={progress} zone={event.timeZone} canReadMailbox={canReadMailbox} />
    </>
  );
}

/** The notices a send leaves: the page then shows the outbox's progress even if the worker was already done. */
const queuedNotices = new Set<string>(["mail.notice.queued", "mail.notice.nothing", "mail.notice.queuedNoEmail", "mail.notice.nothingNoEmail"]);

type MailCountsData = ReturnType<typeof useLoaderData<typeof loader>>["counts"];

function MailCounts({ counts }: { counts: MailCountsData }) {
  const { t } = useT();
  return (
    <dl className="mail-counts card grid-3" aria-label={t("mail.count.total")}>
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
          <dd className="mail-count-value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function SendSection({ open, busy, counts, requestId, hidden }: { open: boolean; busy: boolean; counts: MailCountsData; requestId: string; hidden: boolean }) {
  const { t } = useT();
  const sendable = counts.total - counts.noEmail;
  return (
    <section className="card" aria-labelledby="mail-send" hidden={hidden}>
      <h3 id="mail-send">{t("mail.section.send")}</h3>
      <div className="actions flush-top">
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
      <p className="hint space-above-sm">{t("mail.hint.sendAll")}</p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
