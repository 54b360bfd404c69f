import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { canGlobal } from "~/domain/access/permissions";
import { fieldErrors } from "~/domain/events/event.schema";
import { ORGANIZATION_NAME_MAX, ORGANIZATION_SHORT_NAME_MAX, organizationSchema, type OrganizationFormValues } from "~/domain/organizations/organization.schema";
import { useT } from "~/i18n/use-t";
import { listOrganizations } from "~/models/organizations.server";
import { isServiceError } from "~/services/errors";
import { createOrganization } from "~/services/organizations.server";
import { requireGlobalPermission, requireUser } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgs.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return { organizations: await listOrganizations(context.db), canCreate: canGlobal(user, "organization:create") };
}

function echo(raw: Record<string, unknown>): OrganizationFormValues {
  const s = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return { nameVi: s("nameVi"), nameEn: s("nameEn"), shortName: s("shortName"), parentId: s("parentId") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireGlobalPermission(request, context, "organization:create");
  const raw = formDataToObject(await request.formData());
  const parsed = organizationSchema.safeParse(raw);
  if (!parsed.success)
    return data({ ok: false, fieldErrors: fieldErrors(parsed.error), organization: null, values: echo(raw) }, { status: 400 });
  try {
    const organization = await createOrganization(context.db, user, parsed.data);
    return { ok: true, fieldErrors: null, organization, values: null };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data(
      { ok: false, fieldErrors: error.fields, organization: null, values: echo(raw) },
      { status: error.code === "conflict" ? 409 : 422 },
    );
  }
}

export default function OrganizationsPage() {
  const { organizations, canCreate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const nameOf = (id: string | null) => organizations.find((o) => o.id === id)?.nameVi ?? "—";
  return (
    <>
      <h1>{t("orgs.title")}</h1>
      {actionData?.ok && actionData.organization ? (
        <div className="notice notice-ok" role="status">
          {t("orgs.created", { name: actionData.organization.nameVi })}
        </div>
      ) : null}
      {canCreate ? (
        <NewOrganizationForm
          key={actionData?.organization?.id ?? "new"}
          organizations={organizations}
          values={actionData?.values ?? null}
          serverErrors={actionData?.fieldErrors ?? null}
        />
      ) : null}
      {organizations.length === 0 ? (
        <p className="card muted">{t("orgs.empty")}</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th>{t("orgs.nameVi")}</th>
              <th className="hide-sm">{t("orgs.nameEn")}</th>
              <th>{t("orgs.shortName")}</th>
              <th className="hide-sm">{t("orgs.parent")}</th>
            </tr>
          </thead>
          <tbody>
            {organizations.map((o) => (
              <tr key={o.id}>
                <td lang="vi">{o.nameVi}</td>
                <td className="hide-sm" lang="en">
                  {o.nameEn ?? "—"}
                </td>
                <td>{o.shortName ?? "—"}</td>
                <td className="hide-sm">{o.parentId ? nameOf(o.parentId) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function NewOrganizationForm({
  organizations,
  values,
  serverErrors,
}: {
  organizations: { id: string; nameVi: string }[];
  values: OrganizationFormValues | null;
  serverErrors: Record<string, string> | null;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(organizationSchema, {
    defaultValues: values ?? { nameVi: "", nameEn: "", shortName: "", parentId: "" },
    serverErrors,
  });
  return (
    <section className="card">
      <h2 style={{ marginTop: 0 }}>{t("orgs.new")}</h2>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <div className="grid-2">
          <TextField form={form} name="nameVi" label={t("orgs.nameVi")} maxLength={ORGANIZATION_NAME_MAX} />
          <TextField form={form} name="nameEn" label={t("orgs.nameEn")} optional maxLength={ORGANIZATION_NAME_MAX} />
          <TextField form={form} name="shortName" label={t("orgs.shortName")} optional maxLength={ORGANIZATION_SHORT_NAME_MAX} />
          <SelectField
            form={form}
            name="parentId"
            label={t("orgs.parent")}
            optional
            options={[{ value: "", label: t("orgs.noParent") }, ...organizations.map((o) => ({ value: o.id, label: o.nameVi }))]}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("action.create")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
