import { Form, Link } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { ORGANIZATION_NAME_MAX, ORGANIZATION_SHORT_NAME_MAX, organizationSchema, type OrganizationFormValues } from "~/domain/organizations/organization.schema";
import { useT } from "~/i18n/use-t";

/** Create or edit an organization (the organizations page). */
export function OrganizationForm({
  title,
  hint,
  intent,
  id,
  parents,
  values,
  serverErrors,
  formError,
  submitLabel,
}: {
  title: string;
  hint?: string;
  intent: "create" | "update";
  id?: string;
  parents: { id: string; nameVi: string }[];
  values: OrganizationFormValues | null;
  serverErrors: Record<string, string> | null;
  formError?: string | null;
  submitLabel: string;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(organizationSchema, {
    defaultValues: values ?? { nameVi: "", nameEn: "", shortName: "", parentId: "" },
    serverErrors,
  });
  return (
    <section className="card" aria-label={title}>
      <h2>{title}</h2>
      {hint ? (
        <p className="hint space-below">{hint}</p>
      ) : null}
      <FormErrorSummary show={!!serverErrors || !!formError} message={formError ?? undefined} />
      <Form method="post" noValidate onSubmit={onSubmit} action={intent === "update" ? `?edit=${id}` : undefined}>
        {intent === "update" ? (
          <>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="id" value={id} />
          </>
        ) : null}
        <div className="grid-2">
          <TextField form={form} name="nameVi" label={t("orgs.nameVi")} maxLength={ORGANIZATION_NAME_MAX} />
          <TextField form={form} name="nameEn" label={t("orgs.nameEn")} optional maxLength={ORGANIZATION_NAME_MAX} />
          <TextField form={form} name="shortName" label={t("orgs.shortName")} optional maxLength={ORGANIZATION_SHORT_NAME_MAX} />
          <SelectField
            form={form}
            name="parentId"
            label={t("orgs.parent")}
            optional
            options={[{ value: "", label: t("orgs.noParent") }, ...parents.map((o) => ({ value: o.id, label: o.nameVi }))]}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {submitLabel}
          </button>
          {intent === "update" ? (
            <Link to="/organizations" className="button secondary">
              {t("action.cancel")}
            </Link>
          ) : null}
        </div>
      </Form>
    </section>
  );
}
