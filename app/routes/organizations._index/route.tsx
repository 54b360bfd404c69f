import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { canGlobal } from "~/domain/access/permissions";
import type { OrganizationFormValues } from "~/domain/organizations/organization.schema";
import { useT } from "~/i18n/use-t";
import { listOrganizations, type OrganizationUsage } from "~/models/organizations.server";
import { createOrganization, deleteOrganization, OrganizationInUseError, updateOrganization } from "~/services/organizations.server";
import { isUuid, requireGlobalPermission, requireUser } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { DeleteConfirmation } from "./delete-confirmation";
import { OrganizationForm } from "./organization-form";
import { organizationsActionSchema } from "./organizations.schema";

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
  const form = await parseForm(request, organizationsActionSchema);
  const raw = form.values;
  const intent = raw.intent === "update" || raw.intent === "delete" ? raw.intent : "create";
  const user = await requireGlobalPermission(request, context, `organization:${intent}`);
  const id = form.success && form.data.intent !== "create" ? form.data.id : "";
  if (!form.success) {
    if (intent === "create") return data<ActionData>({ intent, ok: false, fieldErrors: form.fieldErrors, organization: null, values: echo(raw) }, { status: 400 });
    const rawId = typeof raw.id === "string" && isUuid(raw.id) ? raw.id : "";
    if (intent === "update") return data<ActionData>({ intent, id: rawId, fieldErrors: form.fieldErrors, formError: null, values: echo(raw) }, { status: 400 });
    return data<ActionData>({ intent, id: rawId, formError: "errors.invalid", usage: null }, { status: 400 });
  }
  const change = form.data;
  if (change.intent === "create") {
    const created = await attempt(() => createOrganization(context.db, user, change));
    if (!created.ok)
      return data<ActionData>({ intent: "create", ok: false, fieldErrors: created.error.fields, organization: null, values: echo(raw) }, { status: created.status });
    return data<ActionData>({ intent: "create", ok: true, fieldErrors: null, organization: created.value, values: null });
  }
  if (change.intent === "update") {
    const saved = await attempt(() => updateOrganization(context.db, user, id, change));
    if (!saved.ok) {
      const hasFields = Object.keys(saved.error.fields).length > 0;
      return data<ActionData>(
        { intent: "update", id, fieldErrors: hasFields ? saved.error.fields : null, formError: hasFields ? null : saved.error.message, values: echo(raw) },
        { status: saved.status },
      );
    }
    return redirectWithNotice(context, "/organizations", { key: "orgs.updated", params: { name: saved.value.nameVi.slice(0, 300) } });
  }
  const deleted = await attempt(() => deleteOrganization(context.db, user, id));
  if (!deleted.ok)
    return data<ActionData>(
      { intent: "delete", id, formError: deleted.error.message, usage: deleted.error instanceof OrganizationInUseError ? deleted.error.usage : null },
      { status: deleted.status },
    );
  return redirectWithNotice(context, "/organizations", { key: "orgs.deleted", params: { name: deleted.value.nameVi.slice(0, 300) } });
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
  const notice = created ? t("orgs.created", { name: created.nameVi }) : null;
  return (
    <>
      <h1>{t("orgs.title")}</h1>
      {notice && !editing && !deleting ? (
        <Notice tone="ok">{notice}</Notice>
      ) : null}
      {actionData && "formError" in actionData && actionData.formError && !editing && !deleting ? (
        <Notice tone="error">{t("orgs.errors.notFound")}</Notice>
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
                  <td className="nowrap">
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
