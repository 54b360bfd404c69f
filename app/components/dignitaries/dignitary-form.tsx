import { Form, useNavigation } from "@remix-run/react";
import { useMemo, type ReactNode } from "react";
import { currentErrors, FormActions, FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { HonorificField, OrganizationField, PersonEmailField, PersonNameField, PersonNotesField, PositionsField } from "~/components/person-fields";
import { englishAddress, fullAddress, shortAddress } from "~/domain/protocol/address";
import {
  DIGNITARY_DELEGATION_MAX,
  DIGNITARY_HONORIFIC_MAX,
  DIGNITARY_NAME_MAX,
  DIGNITARY_NOTES_MAX,
  DIGNITARY_ORGANIZATION_MAX,
  dignitaryFormSchema,
  FULL_ADDRESS_MAX,
  SHORT_ADDRESS_MAX,
  honorificSuggestions,
  positionsFromText,
  type DignitaryFormValues,
} from "~/domain/protocol/dignitary.schema";
import { useT } from "~/i18n/use-t";

export const emptyDignitaryForm: DignitaryFormValues = {
  honorific: "",
  name: "",
  positions: "",
  organization: "",
  delegation: "",
  arrivalAt: "",
  escortUserId: "",
  notes: "",
  email: "",
  fullAddressOverride: "",
  shortAddressOverride: "",
  englishAddressOverride: "",
};

/** What the action echoes back after a failed submit, as the form's string values. */
export function toDignitaryFormValues(raw: Record<string, unknown>): DignitaryFormValues {
  const out: Record<string, string> = {};
  for (const key of Object.keys(emptyDignitaryForm)) out[key] = typeof raw[key] === "string" ? (raw[key] as string) : "";
  return out as DignitaryFormValues;
}

export function DignitaryForm({
  mode,
  defaultValues,
  serverErrors,
  formError,
  timeZone,
  staff,
  organizations,
  cancelHref,
  hidden,
}: {
  mode: "new" | "edit";
  defaultValues: DignitaryFormValues;
  serverErrors?: Record<string, string> | null;
  formError?: string | null;
  timeZone: string;
  staff: { id: string; name: string }[];
  organizations: string[];
  cancelHref: string;
  hidden?: ReactNode;
}) {
  const { t } = useT();
  const schema = useMemo(() => dignitaryFormSchema(timeZone), [timeZone]);
  const { form, onSubmit } = useSchemaForm(schema, { defaultValues, serverErrors });
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  // The generated forms of address follow what is typed (before hydration: the defaults).
  const [honorific, name, positions] = form.watch(["honorific", "name", "positions"]);
  const person = {
    honorific: (honorific ?? defaultValues.honorific ?? "") || null,
    name: name ?? defaultValues.name ?? "",
    positions: positionsFromText(positions ?? defaultValues.positions ?? ""),
  };
  const generated = person.name.trim()
    ? { full: fullAddress(person), short: shortAddress(person), english: englishAddress(person) }
    : { full: "", short: "", english: "" };
  const errors = currentErrors(form, serverErrors);
  const showSummary = !!formError || (Object.keys(errors).length > 0 && (form.formState.isSubmitted || !!serverErrors));
  // In the form's order: the summary lists every error of the submission with its field's label.
  const labels: Partial<Record<keyof DignitaryFormValues, string>> = {
    honorific: t("protocol.field.honorific"),
    name: t("protocol.field.name"),
    positions: t("protocol.field.positions"),
    organization: t("protocol.field.organization"),
    delegation: t("protocol.field.delegation"),
    arrivalAt: t("protocol.field.arrivalAt"),
    escortUserId: t("protocol.field.escort"),
    email: t("protocol.field.email"),
    notes: t("protocol.field.notes"),
    fullAddressOverride: t("protocol.address.full"),
    shortAddressOverride: t("protocol.address.short"),
    englishAddressOverride: t("protocol.address.english"),
  };
  return (
    <Form method="post" noValidate onSubmit={onSubmit} className="dignitary-form">
      {hidden}
      <FormErrorSummary show={showSummary} message={formError ?? undefined} errors={errors} labels={labels} />
      <fieldset className="section">
        <legend>{t("protocol.col.dignitary")}</legend>
        <div className="grid-2">
          <HonorificField
            form={form}
            label={t("protocol.field.honorific")}
            hint={t("protocol.field.honorificHint")}
            suggestions={honorificSuggestions}
            maxLength={DIGNITARY_HONORIFIC_MAX}
          />
          <PersonNameField form={form} name="name" label={t("protocol.field.name")} maxLength={DIGNITARY_NAME_MAX} required />
        </div>
        <PositionsField form={form} label={t("protocol.field.positions")} hint={t("protocol.field.positionsHint")} className="textarea-positions" />
        <div className="grid-2">
          <OrganizationField form={form} label={t("protocol.field.organization")} suggestions={organizations} maxLength={DIGNITARY_ORGANIZATION_MAX} />
          <TextField
            form={form}
            name="delegation"
            label={t("protocol.field.delegation")}
            hint={t("protocol.field.delegationHint")}
            maxLength={DIGNITARY_DELEGATION_MAX}
            optional
          />
        </div>
        <div className="grid-2">
          <TextField
            form={form}
            name="arrivalAt"
            type="datetime-local"
            label={t("protocol.field.arrivalAt")}
            hint={t("protocol.field.arrivalAtHint", { zone: timeZone })}
            optional
          />
          <SelectField
            form={form}
            name="escortUserId"
            label={t("protocol.field.escort")}
            options={[{ value: "", label: t("protocol.field.noEscort") }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
          />
        </div>
        {mode === "new" ? (
          <PersonEmailField form={form} label={t("protocol.field.email")} hint={t("protocol.field.emailHint")} />
        ) : null}
        <PersonNotesField form={form} label={t("protocol.field.notes")} className="textarea-notes" maxLength={DIGNITARY_NOTES_MAX} />
      </fieldset>
      <fieldset className="section">
        <legend>{t("protocol.address.title")}</legend>
        <p className="hint address-hint">
          {t("protocol.address.hint")}
        </p>
        <TextField form={form} name="fullAddressOverride" label={t("protocol.address.full")} placeholder={generated.full} maxLength={FULL_ADDRESS_MAX} optional />
        <div className="grid-2">
          <TextField form={form} name="shortAddressOverride" label={t("protocol.address.short")} placeholder={generated.short} maxLength={SHORT_ADDRESS_MAX} optional />
          <TextField form={form} name="englishAddressOverride" label={t("protocol.address.english")} placeholder={generated.english} maxLength={FULL_ADDRESS_MAX} optional />
        </div>
      </fieldset>
      <FormActions submitLabel={mode === "new" ? t("protocol.dignitaries.add") : t("action.save")} cancelHref={cancelHref} busy={busy} intent="save" />
    </Form>
  );
}
