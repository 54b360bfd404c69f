import { SelectField, TextField } from "~/components/forms";
import { formatTime, localInputToInstant } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import type { AgendaForm } from "./agenda-item-form";

/** The computed end, as the person types (after hydration; the server shows it from the saved values). */
export function EndPreview({ startsAt, duration, zone, id }: { startsAt: string; duration: string; zone: string; id: string }) {
  const { t } = useT();
  const start = localInputToInstant(startsAt, zone);
  const minutes = Number(duration);
  const end = start && Number.isInteger(minutes) && minutes > 0 && minutes <= 24 * 60 ? new Date(start.getTime() + minutes * 60_000) : null;
  return (
    <div className="field agenda-end">
      <span className="agenda-end-label" id={id}>
        {t("agenda.field.endsAt")}
      </span>
      <span aria-labelledby={id} className="agenda-end-value" data-testid="end-preview">
        {end ? formatTime(end, zone) : "—"}
      </span>
    </div>
  );
}

/** A signing item's document and a proceeding's collective subject (the agenda item's part in the ceremony). */
export function CeremonyFields({ form, documentOptions }: { form: AgendaForm; documentOptions: { value: string; label: string }[] }) {
  const { t } = useT();
  return (
    <>
    {/* Shown by the chosen kind in CSS (agenda.css), so that it works before JavaScript loads too: a signing item
        names its document; a proceeding its collective subject. A field that holds a value or an error stays shown. */}
    {documentOptions.length ? (
      <div className="for-signing" data-testid="agenda-document-field">
        <SelectField
          form={form}
          name="documentId"
          label={t("agenda.field.document")}
          optional
          options={[{ value: "", label: t("agenda.field.noDocument") }, ...documentOptions]}
        />
      </div>
    ) : null}
    <div className="for-proceedings grid-2" data-testid="agenda-subject-fields">
      <TextField
        form={form}
        name="subject"
        label={t("agenda.field.subject")}
        hint={t("agenda.field.subjectHint")}
        optional
        autoComplete="off"
        placeholder=" "
      />
      <TextField form={form} name="subjectEn" label={t("agenda.field.subjectEn")} optional autoComplete="off" placeholder=" " />
    </div>
    </>
  );
}
