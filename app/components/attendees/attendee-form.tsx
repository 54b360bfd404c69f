import { Form, Link, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { Notice } from "~/components/ui/notice";
import { FormActions, FormErrorSummary, SelectField, TextAreaField, TextField, useSchemaForm } from "~/components/forms";
import { HonorificField, OrganizationField, PersonEmailField, PersonNameField, PersonNotesField, PositionsField } from "~/components/person-fields";
import {
  ATTENDEE_LIMITS,
  attendeeFormSchema,
  attendeeLanguages,
  emptyAttendeeForm,
  invitationRoles,
  type AttendeeFormValues,
} from "~/domain/attendees/attendee.schema";
import { useT } from "~/i18n/use-t";

/** What the action echoes back after a failed submit: the strings the person typed. */
export function toAttendeeFormValues(raw: Record<string, unknown>): AttendeeFormValues {
  const str = (k: keyof AttendeeFormValues) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return {
    honorific: str("honorific"),
    fullName: str("fullName"),
    positions: str("positions"),
    organization: str("organization"),
    email: str("email"),
    phone: str("phone"),
    notes: str("notes"),
    language: attendeeLanguages.find((l) => l === raw.language) ?? "vi",
    role: invitationRoles.find((r) => r === raw.role) ?? "guest",
    groupLabel: str("groupLabel"),
    plusOnes: str("plusOnes"),
    dietaryNeeds: str("dietaryNeeds"),
    accessNeeds: str("accessNeeds"),
  };
}

export interface StoredAttendee {
  role: (typeof invitationRoles)[number];
  groupLabel: string | null;
  plusOnes: number;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  person: {
    honorific: string | null;
    fullName: string;
    positions: string[];
    organization: string | null;
    email: string | null;
    phone: string | null;
    language: (typeof attendeeLanguages)[number];
    notes: string | null;
  };
}

/** The edit form's starting values from a stored invitation. */
export function attendeeFormValuesOf(a: StoredAttendee): AttendeeFormValues {
  const p = a.person;
  return {
    ...emptyAttendeeForm,
    honorific: p.honorific ?? "",
    fullName: p.fullName,
    positions: p.positions.join("\n"),
    organization: p.organization ?? "",
    email: p.email ?? "",
    phone: p.phone ?? "",
    notes: p.notes ?? "",
    language: p.language,
    role: a.role,
    groupLabel: a.groupLabel ?? "",
    plusOnes: String(a.plusOnes),
    dietaryNeeds: a.dietaryNeeds ?? "",
    accessNeeds: a.accessNeeds ?? "",
  };
}

export function AttendeeForm({
  defaultValues,
  serverErrors,
  formError,
  existingHref,
  submitLabel,
  cancelHref,
  children,
}: {
  defaultValues: AttendeeFormValues;
  serverErrors?: Record<string, string> | null;
  formError?: string | null;
  /** A link to the invitation that already exists (adding someone twice). */
  existingHref?: string | null;
  submitLabel: string;
  cancelHref: string;
  children?: ReactNode;
}) {
  const { t, tError } = useT();
  const navigation = useNavigation();
  const { form, onSubmit } = useSchemaForm(attendeeFormSchema, { defaultValues, serverErrors });
  const hasErrors = Object.keys(form.formState.errors).length > 0;
  const busy = navigation.state === "submitting";
  // A form-level error (e.g. "already on the list") sits above the form: bring it into view.
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (formError) alertRef.current?.focus();
  }, [formError]);
  return (
    <>
      {formError ? (
        // The wrapper takes the focus (<Notice> passes no ref); the notice inside is the alert.
        <div ref={alertRef} tabIndex={-1}>
          <Notice tone="error">
            {tError(formError)}
            {existingHref ? (
              <div className="att-existing">
                <Link to={existingHref}>{t("attendees.openExisting")} →</Link>
              </div>
            ) : null}
          </Notice>
        </div>
      ) : (
        <FormErrorSummary show={(hasErrors && form.formState.isSubmitted) || !!serverErrors} />
      )}
      <Form method="post" noValidate onSubmit={onSubmit} id="attendee-form">
        <fieldset className="section">
          <legend>{t("attendees.section.person")}</legend>
          <p className="hint att-form-hint">{t("attendees.section.personHint")}</p>
          <div className="grid-2">
            <PersonNameField form={form} name="fullName" label={t("attendees.field.fullName")} maxLength={ATTENDEE_LIMITS.fullName} />
            <HonorificField form={form} label={t("attendees.field.honorific")} hint={t("attendees.hint.honorific")} maxLength={ATTENDEE_LIMITS.honorific} />
          </div>
          <PositionsField form={form} label={t("attendees.field.positions")} hint={t("attendees.hint.positions")} />
          <OrganizationField form={form} label={t("attendees.field.organization")} maxLength={ATTENDEE_LIMITS.organization} />
          <div className="grid-2">
            <PersonEmailField
              form={form}
              label={t("attendees.field.email")}
              hint={t("attendees.hint.email")}
              maxLength={ATTENDEE_LIMITS.email}
              autoComplete="off"
            />
            <TextField form={form} name="phone" label={t("attendees.field.phone")} optional type="tel" maxLength={ATTENDEE_LIMITS.phone} autoComplete="off" />
          </div>
          <SelectField
            form={form}
            name="language"
            label={t("attendees.field.language")}
            hint={t("attendees.hint.language")}
            options={attendeeLanguages.map((l) => ({ value: l, label: t(`attendees.language.${l}`) }))}
          />
          <PersonNotesField form={form} label={t("attendees.field.notes")} maxLength={ATTENDEE_LIMITS.notes} />
        </fieldset>
        <fieldset className="section">
          <legend>{t("attendees.section.invitation")}</legend>
          <div className="grid-3">
            <SelectField
              form={form}
              name="role"
              label={t("attendees.field.role")}
              options={invitationRoles.map((r) => ({ value: r, label: t(`attendees.role.${r}`) }))}
            />
            <TextField form={form} name="groupLabel" label={t("attendees.field.groupLabel")} optional maxLength={ATTENDEE_LIMITS.groupLabel} />
            <TextField
              form={form}
              name="plusOnes"
              label={t("attendees.field.plusOnes")}
              hint={t("attendees.hint.plusOnes")}
              type="number"
              min={0}
              max={20}
              inputMode="numeric"
            />
          </div>
          <div className="grid-2">
            <TextAreaField form={form} name="dietaryNeeds" label={t("attendees.field.dietaryNeeds")} optional rows={2} maxLength={ATTENDEE_LIMITS.dietaryNeeds} />
            <TextAreaField form={form} name="accessNeeds" label={t("attendees.field.accessNeeds")} optional rows={2} maxLength={ATTENDEE_LIMITS.accessNeeds} />
          </div>
        </fieldset>
        {children}
        <FormActions submitLabel={submitLabel} cancelHref={cancelHref} busy={busy} />
      </Form>
    </>
  );
}
