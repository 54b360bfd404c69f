import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import {
  CheckboxGroupField,
  currentErrors,
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useSchemaForm,
} from "~/components/forms";
import {
  editableStatuses,
  EVENT_DESCRIPTION_MAX,
  EVENT_TITLE_MAX,
  OCCASION_MAX,
  eventFormSchema,
  eventKinds,
  VENUE_ADDRESS_MAX,
  VENUE_NAME_MAX,
  VENUE_ROOM_MAX,
  type EventFormValues,
  type EventInput,
} from "~/domain/events/event.schema";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";
import { OrganizationQuickAdd, type QuickAddResult } from "./organization-quick-add";

export interface OrganizationOption {
  id: string;
  nameVi: string;
  nameEn: string | null;
}

const arrayFields = ["partnerOrganizationIds"] as const;

/** What the action echoes back after a failed submit, coerced to the form's value shape. */
export function toEventFormValues(raw: Record<string, unknown>): EventFormValues {
  const str = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const list = (k: string) => (Array.isArray(raw[k]) ? (raw[k] as unknown[]).filter((x): x is string => typeof x === "string") : []);
  const kind = eventKinds.find((k) => k === raw.kind) ?? "signing_ceremony";
  const status = editableStatuses.find((s) => s === raw.status) ?? "draft";
  return {
    title: str("title"),
    titleEn: str("titleEn"),
    kind,
    status,
    startsAt: str("startsAt"),
    endsAt: str("endsAt"),
    timeZone: str("timeZone"),
    startPrecision: raw.startPrecision === "date" ? "date" : "time",
    venueName: str("venueName"),
    venueNameEn: str("venueNameEn"),
    venueAddress: str("venueAddress"),
    venueRoom: str("venueRoom"),
    description: str("description"),
    hostOrganizationId: str("hostOrganizationId"),
    partnerOrganizationIds: list("partnerOrganizationIds"),
    capacity: str("capacity"),
    occasion: str("occasion"),
    occasionEn: str("occasionEn"),
    context: str("context"),
    contextEn: str("contextEn"),
  };
}
export { arrayFields as eventFormArrayFields };

export function EventForm({
  defaultValues,
  serverErrors,
  formError,
  organizations,
  timeZones,
  submitLabel,
  hidden,
  cancelHref,
  canAddOrganization,
  quickAdd,
}: {
  defaultValues: EventFormValues;
  serverErrors?: Record<string, string> | null;
  formError?: string | null;
  organizations: OrganizationOption[];
  timeZones: string[];
  submitLabel: string;
  hidden?: ReactNode;
  cancelHref: string;
  canAddOrganization: boolean;
  /** The answer to "add an organization", when that was the last submit. */
  quickAdd?: QuickAddResult | null;
}) {
  const { t, tError, locale } = useT();
  const navigation = useNavigation();
  // A date-only start shows a date input (no time of day to type); the schema stores 00:00 local of that date.
  const initial =
    defaultValues.startPrecision === "date"
      ? { ...defaultValues, startsAt: defaultValues.startsAt.slice(0, 10), endsAt: defaultValues.endsAt.slice(0, 10) }
      : defaultValues;
  const { form, onSubmit } = useSchemaForm(eventFormSchema, { defaultValues: initial, serverErrors });
  const precision: "date" | "time" =
    form.watch("startPrecision") === "date" ? "date" : form.watch("startPrecision") === "time" ? "time" : initial.startPrecision === "date" ? "date" : "time";
  const lastStart = useRef(initial.startsAt);
  const lastEnd = useRef(initial.endsAt);
  const start = form.watch("startsAt");
  const end = form.watch("endsAt");
  if (typeof start === "string" && start) lastStart.current = start;
  if (typeof end === "string" && end) lastEnd.current = end;
  const shown = useRef(precision);
  useEffect(() => {
    if (shown.current === precision) return;
    shown.current = precision;
    // Changing the input's type empties it (the browser drops a value of the other shape): carry the date over.
    const date = /^\d{4}-\d{2}-\d{2}/.exec(lastStart.current ?? "")?.[0];
    if (date) form.setValue("startsAt", precision === "date" ? date : `${date}T09:00`);
    const endDate = /^\d{4}-\d{2}-\d{2}/.exec(lastEnd.current ?? "")?.[0];
    if (endDate) form.setValue("endsAt", precision === "date" ? endDate : `${endDate}T11:00`);
  }, [precision, form]);
  const orgOptions = organizations.map((o) => ({ value: o.id, label: locale === "en" && o.nameEn ? o.nameEn : o.nameVi }));
  const hasErrors = Object.keys(form.formState.errors).length > 0 || !!serverErrors;
  const labels = useEventFormLabels();
  return (
    <>
      {formError ? (
        <Notice tone="error">{tError(formError)}</Notice>
      ) : (
        <FormErrorSummary
          show={(hasErrors && form.formState.isSubmitted) || !!serverErrors}
          errors={currentErrors(form, serverErrors)}
          labels={labels}
        />
      )}
      <Form method="post" noValidate onSubmit={onSubmit} id="event-form">
        {/* Enter in a field submits with the form's first submit button: this one, not "add an organization". */}
        <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
        {hidden}
        <fieldset className="section">
          <legend>{t("event.section.basics")}</legend>
          <div className="grid-2">
            <TextField form={form} name="title" label={t("event.field.title")} maxLength={EVENT_TITLE_MAX} />
            <TextField form={form} name="titleEn" label={t("event.field.titleEn")} optional maxLength={EVENT_TITLE_MAX} hint={t("event.hint.english")} />
          </div>
          <div className="grid-2">
            <SelectField
              form={form}
              name="kind"
              label={t("event.field.kind")}
              options={eventKinds.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            />
            <SelectField
              form={form}
              name="status"
              label={t("event.field.status")}
              options={editableStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </div>
        </fieldset>
        <WhenFields form={form} precision={precision} timeZones={timeZones} />
        <fieldset className="section">
          <legend>{t("event.section.where")}</legend>
          <div className="grid-2">
            <TextField form={form} name="venueName" label={t("event.field.venueName")} optional maxLength={VENUE_NAME_MAX} />
            <TextField form={form} name="venueNameEn" label={t("event.field.venueNameEn")} optional maxLength={VENUE_NAME_MAX} />
          </div>
          <TextField form={form} name="venueRoom" label={t("event.field.venueRoom")} optional maxLength={VENUE_ROOM_MAX} />
          <TextField form={form} name="venueAddress" label={t("event.field.venueAddress")} optional maxLength={VENUE_ADDRESS_MAX} />
          <TextField form={form} name="capacity" label={t("event.field.capacity")} inputMode="numeric" optional />
        </fieldset>
        <fieldset className="section">
          <legend>{t("event.section.who")}</legend>
          <SelectField
            form={form}
            name="hostOrganizationId"
            label={t("event.field.host")}
            options={[{ value: "", label: t("event.field.noHost") }, ...orgOptions]}
          />
          <CheckboxGroupField form={form} name="partnerOrganizationIds" label={t("event.field.partners")} options={orgOptions} optional />
          {canAddOrganization ? <OrganizationQuickAdd key={quickAdd?.organization?.id ?? "add"} result={quickAdd ?? null} /> : null}
          <TextAreaField form={form} name="description" label={t("event.field.description")} optional rows={3} maxLength={EVENT_DESCRIPTION_MAX} />
          <div className="grid-2">
            <TextField form={form} name="occasion" label={t("event.field.occasion")} hint={t("event.field.occasionHint")} optional maxLength={OCCASION_MAX} />
            <TextField form={form} name="occasionEn" label={t("event.field.occasionEn")} optional maxLength={OCCASION_MAX} />
            <TextField form={form} name="context" label={t("event.field.context")} hint={t("event.field.contextHint")} optional maxLength={OCCASION_MAX} />
            <TextField form={form} name="contextEn" label={t("event.field.contextEn")} optional maxLength={OCCASION_MAX} />
          </div>
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
          <a href={cancelHref} className="button secondary">
            {t("action.cancel")}
          </a>
        </div>
      </Form>
    </>
  );
}

/** The event's date and time: a date-only start shows date inputs (no time of day to type). */
function WhenFields({ form, precision, timeZones }: { form: UseFormReturn<EventFormValues, unknown, EventInput>; precision: "date" | "time"; timeZones: string[] }) {
  const { t } = useT();
  return (
    <fieldset className="section">
      <legend>{t("event.section.when")}</legend>
      <div className="grid-3">
        <TextField
          form={form}
          name="startsAt"
          label={precision === "date" ? t("event.field.startDate") : t("event.field.startsAt")}
          type={precision === "date" ? "date" : "datetime-local"}
        />
        <TextField
          form={form}
          name="endsAt"
          label={precision === "date" ? t("event.field.endDate") : t("event.field.endsAt")}
          type={precision === "date" ? "date" : "datetime-local"}
        />
        <TextField
          form={form}
          name="timeZone"
          label={t("event.field.timeZone")}
          list="time-zones"
          autoComplete="off"
          hint={t("event.field.timeZoneHint")}
        />
      </div>
      <SelectField
        form={form}
        name="startPrecision"
        label={t("event.field.startPrecision")}
        options={[
          { value: "time", label: t("event.precision.time") },
          { value: "date", label: t("event.precision.date") },
        ]}
      />
      <datalist id="time-zones">
        {timeZones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </fieldset>
  );
}

/** The fields' labels, in the form's order: the error summary lists every error with its field's label. */
function useEventFormLabels() {
  const { t } = useT();
  const labels: Partial<Record<keyof EventFormValues, string>> = {
    title: t("event.field.title"),
    titleEn: t("event.field.titleEn"),
    kind: t("event.field.kind"),
    status: t("event.field.status"),
    startsAt: t("event.field.startsAt"),
    endsAt: t("event.field.endsAt"),
    timeZone: t("event.field.timeZone"),
    venueName: t("event.field.venueName"),
    venueNameEn: t("event.field.venueNameEn"),
    venueRoom: t("event.field.venueRoom"),
    venueAddress: t("event.field.venueAddress"),
    capacity: t("event.field.capacity"),
    hostOrganizationId: t("event.field.host"),
    partnerOrganizationIds: t("event.field.partners"),
    description: t("event.field.description"),
    startPrecision: t("event.field.startPrecision"),
    occasion: t("event.field.occasion"),
    occasionEn: t("event.field.occasionEn"),
    context: t("event.field.context"),
    contextEn: t("event.field.contextEn"),
  };
  return labels;
}
