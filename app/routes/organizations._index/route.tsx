import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { canGlobal } from "~/domain/access/permissions";
import { fieldErrors } from "~/domain/forms/fields";
import { ORGANIZATION_NAME_MAX, ORGANIZATION_SHORT_NAME_MAX, organizationSchema, type OrganizationFormValues } from "~/domain/organizations/organization.schema";
import { useT } from "~/i18n/use-t";
import { listOrganizations, type OrganizationUsage } from "~/models/organizations.server";
import { isServiceError } from "~/utils/errors";
import { createOrganization, deleteOrganization, OrganizationInUseError, updateOrganization } from "~/services/organizations.server";
import { isUuid, requireGlobalPermission, requireUser } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "orgs.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  return {
    organizations: await listOrganizations(context.db),
    canCreate: canGlobal(user, "organization:create"),
    canEdit: canGlobal(user, "organization:update"),
    canDelete: canGlobal(user, "organization:delete"),
  };
}

function echo(raw: Record<string, unknown>): OrganizationFormValues {
  const s = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  return { nameVi: s("nameVi"), nameEn: s("nameEn"), shortName: s("shortName"), parentId: s("parentId") };
}

type ActionData =
  | { intent: "create"; ok: boolean; fieldErrors: Record<string, string> | null; organization: { id: string; nameVi: string } | null; values: OrganizationFormValues | null }
  | { intent: "update"; id: string; fieldErrors: Record<string, string> | null; formError: string | null; values: OrganizationFormValues }
  | { intent: "delete"; id: string; formError: string; usage: OrganizationUsage | null };

/** One page, three forms: "intent" says which (create is the default, as before). Each works without JavaScript. */
export async function action({ request, context }: ActionFunctionArgs) {
  const raw = formDataToObject(await readForm(request));
  const intent = raw.intent === "update" || raw.intent === "delete" ? raw.intent : "create";
  if (intent === "create") {
    const user = await requireGlobalPermission(request, context, "organization:create");
    const parsed = organizationSchema.safeParse(raw);
    if (!parsed.success)
      return data<ActionData>({ intent, ok: false, fieldErrors: fieldErrors(parsed.error), organization: null, values: echo(raw) }, { status: 400 });
    try {
      const organization = await createOrganization(context.db, user, parsed.data);
      return data<ActionData>({ intent, ok: true, fieldErrors: null, organization, values: null });
    } catch (error) {
      if (!isServiceError(error)) throw error;
      return data<ActionData>(
        { intent, ok: false, fieldErrors: error.fields, organization: null, values: echo(raw) },
        { status: error.code === "conflict" ? 409 : 422 },
      );
    }
  }

  const id = typeof raw.id === "string" && isUuid(raw.id) ? raw.id : "";
  if (intent === "update") {
    const user = await requireGlobalPermission(request, context, "organization:update");
    const parsed = organizationSchema.safeParse(raw);
    if (!parsed.success)
      return data<ActionData>({ intent, id, fieldErrors: fieldErrors(parsed.error), formError: null, values: echo(raw) }, { status: 400 });
    try {
      const saved = await updateOrganization(context.db, user, id, parsed.data);
      throw redirect(`/organizations?${new URLSearchParams({ updated: saved.nameVi.slice(0, 300) })}`);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      const hasFields = Object.keys(error.fields).length > 0;
      return data<ActionData>(
        { intent, id, fieldErrors: hasFields ? error.fields : null, formError: hasFields ? null : error.message, values: echo(raw) },
        { status: error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 422 },
      );
    }
  }

  const user = await requireGlobalPermission(request, context, "organization:delete");
  try {
    const deleted = await deleteOrganization(context.db, user, id);
    throw redirect(`/organizations?${new URLSearchParams({ deleted: deleted.nameVi.slice(0, 300) })}`);
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data<ActionData>(
      { intent, id, formError: error.message, usage: error instanceof OrganizationInUseError ? error.usage : null },
      { status: error.code === "conflict" ? 409 : 404 },
    );
  }
}

export default function OrganizationsPage() {
  const { organizations, canCreate, canEdit, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useT();
  const nameOf = (id: string | null) => organizations.find((o) => o.id === id)?.nameVi ?? "—";
  const created = actionData?.intent === "create" && actionData.ok ? actionData.organization : null;
  // Which organization is being edited or deleted: the link's ?edit= / ?delete=, or the form that just failed.
  const editId = actionData?.intent === "update" ? actionData.id : canEdit ? search.get("edit") : null;
  const deleteId = actionData?.intent === "delete" ? actionData.id : canDelete && !editId ? search.get("delete") : null;
  const editing = organizations.find((o) => o.id === editId) ?? null;
  const deleting = organizations.find((o) => o.id === deleteId) ?? null;
  const notice = search.get("updated")
    ? t("orgs.updated", { name: search.get("updated") ?? "" })
    : search.get("deleted")
      ? t("orgs.deleted", { name: search.get("deleted") ?? "" })
      : created
        ? t("orgs.created", { name: created.nameVi })
        : null;
  return (
    <>
      <h1>{t("orgs.title")}</h1>
      {notice && !editing && !deleting ? (
        <div className="notice notice-ok" role="status">
          {notice}
        </div>
      ) : null}
      {actionData && "formError" in actionData && actionData.formError && !editing && !deleting ? (
        <div className="notice notice-error" role="alert">
          {t("orgs.errors.notFound")}
        </div>
      ) : null}
      {editing ? (
        <OrganizationForm
          key={`edit-${editing.id}`}
          title={t("orgs.editTitle", { name: editing.nameVi })}
          hint={t("orgs.editHint")}
          intent="update"
          id={editing.id}
          // Itself cannot be its parent (nor can its descendants: the server says so in place).
          parents={organizations.filter((o) => o.id !== editing.id)}
          values={
            actionData?.intent === "update"
              ? actionData.values
              : { nameVi: editing.nameVi, nameEn: editing.nameEn ?? "", shortName: editing.shortName ?? "", parentId: editing.parentId ?? "" }
          }
          serverErrors={actionData?.intent === "update" ? actionData.fieldErrors : null}
          formError={actionData?.intent === "update" ? actionData.formError : null}
          submitLabel={t("orgs.save")}
        />
      ) : deleting ? (
        <DeleteConfirmation
          id={deleting.id}
          name={deleting.nameVi}
          error={actionData?.intent === "delete" ? actionData.formError : null}
          usage={actionData?.intent === "delete" ? actionData.usage : null}
        />
      ) : canCreate ? (
        <OrganizationForm
          key={created?.id ?? "new"}
          title={t("orgs.new")}
          intent="create"
          parents={organizations}
          values={actionData?.intent === "create" ? actionData.values : null}
          serverErrors={actionData?.intent === "create" ? actionData.fieldErrors : null}
          submitLabel={t("action.create")}
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
              {canEdit || canDelete ? <th>{t("orgs.actions")}</th> : null}
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
                {canEdit || canDelete ? (
                  <td style={{ whiteSpace: "nowrap" }}>
                    {canEdit ? (
                      <Link to={`?edit=${o.id}`} aria-label={`${t("action.edit")}: ${o.nameVi}`}>
                        {t("action.edit")}
                      </Link>
                    ) : null}
                    {canEdit && canDelete ? " · " : null}
                    {canDelete ? (
                      <Link to={`?delete=${o.id}`} aria-label={`${t("action.delete")}: ${o.nameVi}`}>
                        {t("action.delete")}
                      </Link>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function OrganizationForm({
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
      <h2 style={{ marginTop: 0 }}>{title}</h2>
      {hint ? (
        <p className="hint" style={{ marginBottom: "1rem" }}>
          {hint}
        </p>
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

function usageLines(usage: OrganizationUsage, t: ReturnType<typeof useT>["t"]): string[] {
  const names = (items: string[], total: number) => `${items.map((n) => `“${n}”`).join(", ")}${total > items.length ? ", …" : ""}`;
  const lines: string[] = [];
  if (usage.host.total) lines.push(t("orgs.inUse.host", { count: usage.host.total, names: names(usage.host.events.map((e) => e.title), usage.host.total) }));
  if (usage.partner.total)
    lines.push(t("orgs.inUse.partner", { count: usage.partner.total, names: names(usage.partner.events.map((e) => e.title), usage.partner.total) }));
  if (usage.agreementParty.total)
    lines.push(
      t("orgs.inUse.agreementParty", {
        count: usage.agreementParty.total,
        names: names(usage.agreementParty.events.map((e) => e.title), usage.agreementParty.total),
      }),
    );
  if (usage.children.total)
    lines.push(
      t("orgs.inUse.children", { count: usage.children.total, names: names(usage.children.organizations.map((o) => o.nameVi), usage.children.total) }),
    );
  if (usage.people) lines.push(t("orgs.inUse.people", { count: usage.people }));
  if (usage.dignitaries) lines.push(t("orgs.inUse.dignitaries", { count: usage.dignitaries }));
  return lines;
}

function DeleteConfirmation({ id, name, error, usage }: { id: string; name: string; error: string | null; usage: OrganizationUsage | null }) {
  const { t, tError } = useT();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);
  return (
    <section className="card notice-warn" role="alertdialog" aria-label={t("orgs.deleteConfirm", { name })}>
      {error ? (
        <div className="notice notice-error" role="alert" ref={alertRef} tabIndex={-1}>
          <p style={{ marginTop: 0 }}>{tError(error)}</p>
          {usage ? (
            <>
              <ul>
                {usageLines(usage, t).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p style={{ marginBottom: 0 }}>{t("orgs.inUse.hint")}</p>
            </>
          ) : null}
        </div>
      ) : null}
      <p>{t("orgs.deleteConfirm", { name })}</p>
      <Form method="post" className="actions" action={`?delete=${id}`}>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="id" value={id} />
        {error && usage ? null : (
          <button type="submit" className="button danger">
            {t("action.confirm")}: {t("action.delete")}
          </button>
        )}
        {usage ? (
          <Link to={`?edit=${id}`} className="button secondary">
            {t("action.edit")}
          </Link>
        ) : null}
        <Link to="/organizations" className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
