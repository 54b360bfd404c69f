import { Form } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import type { listScheduledReminders } from "~/models/mail.server";
import { scheduleReminderSchema, type ScheduleReminderValues } from "./mail.schema";

type Reminder = Awaited<ReturnType<typeof listScheduledReminders>>[number];

/** Automatic reminders: the form that schedules one (N days before the event) and the list with "cancel". */
export function ScheduleSection({
  open,
  reminders,
  zone,
  formKey,
  values,
  serverErrors,
  busy,
}: {
  open: boolean;
  reminders: Reminder[];
  zone: string;
  formKey: string;
  values: ScheduleReminderValues | null;
  serverErrors: Record<string, string> | null;
  busy: boolean;
}) {
  const { t, locale } = useT();
  return (
    <section className="card" aria-labelledby="mail-schedule">
      <h3 id="mail-schedule">{t("mail.section.schedule")}</h3>
      {open ? <ScheduleForm key={formKey} values={values} serverErrors={serverErrors} busy={busy} /> : null}
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
                <td>{formatDateTime(new Date(r.sendAt), zone, locale)}</td>
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
  );
}

function ScheduleForm({ values, serverErrors, busy }: { values: ScheduleReminderValues | null; serverErrors: Record<string, string> | null; busy: boolean }) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(scheduleReminderSchema, {
    defaultValues: values ?? { daysBefore: "3" },
    serverErrors,
  });
  return (
    <>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit} className="actions mail-schedule-form">
        <input type="hidden" name="intent" value="schedule-reminder" />
        <div className="measure-narrow">
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
        <button type="submit" className="button mail-schedule-submit" disabled={busy}>
          {t("mail.action.schedule")}
        </button>
      </Form>
    </>
  );
}
