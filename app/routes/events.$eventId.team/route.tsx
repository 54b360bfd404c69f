import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { canOnEvent, memberRoles } from "~/domain/access/permissions";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { listEventMembers } from "~/models/events.server";
import { isServiceError } from "~/utils/errors";
import { addMemberByEmail, removeMember } from "~/services/event-members.server";
import { isUuid, requireEventPermission } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { addMemberSchema } from "./team.schema";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return {
    members: await listEventMembers(context.db, access.event.id),
    canManage: canOnEvent(access.user, "event:manageMembers", { ownerId: access.event.createdBy, memberRole: access.memberRole }),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:manageMembers");
  const raw = formDataToObject(await readForm(request));
  const values = { email: typeof raw.email === "string" ? raw.email : "", role: memberRoles.find((r) => r === raw.role) ?? "viewer" };
  try {
    if (raw.intent === "remove") {
      if (typeof raw.userId !== "string" || !isUuid(raw.userId)) return data({ fieldErrors: null, error: "errors.invalid", values, added: null }, { status: 400 });
      await removeMember(context.db, access.user, access.event.id, raw.userId);
      return { fieldErrors: null, error: null, values: null, added: null };
    }
    const parsed = addMemberSchema.safeParse(raw);
    if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), error: null, values, added: null }, { status: 400 });
    const user = await addMemberByEmail(context.db, access.user, access.event.id, parsed.data);
    return { fieldErrors: null, error: null, values: null, added: user.name };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return data({ fieldErrors: Object.keys(error.fields).length ? error.fields : null, error: error.message, values, added: null }, { status: error.code === "not_found" ? 404 : 422 });
  }
}

export default function EventTeam() {
  const { members, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  return (
    <>
      <p className="muted">{t("team.intro")}</p>
      {actionData?.added ? (
        <div className="notice notice-ok" role="status">
          {t("team.added", { name: actionData.added })}
        </div>
      ) : null}
      {actionData?.error && !actionData.fieldErrors ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {members.length === 0 ? (
        <p className="card muted">{t("team.empty")}</p>
      ) : (
        <table className="list" aria-label={t("event.tab.team")}>
          <thead>
            <tr>
              <th>{t("users.name")}</th>
              <th className="hide-sm">{t("users.email")}</th>
              <th>{t("users.role")}</th>
              {canManage ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td className="hide-sm">{m.email}</td>
                <td>{t(`role.${m.role}`)}</td>
                {canManage ? (
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="userId" value={m.userId} />
                      <button type="submit" className="link-button" aria-label={`${t("team.remove")}: ${m.name}`}>
                        {t("team.remove")}
                      </button>
                    </Form>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <AddMemberForm
          key={actionData?.added ?? "add"}
          values={actionData?.values ?? null}
          serverErrors={actionData?.fieldErrors ?? null}
        />
      ) : null}
    </>
  );
}

function AddMemberForm({
  values,
  serverErrors,
}: {
  values: { email: string; role: (typeof memberRoles)[number] } | null;
  serverErrors: Record<string, string> | null;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(addMemberSchema, {
    defaultValues: values ?? { email: "", role: "organizer" },
    serverErrors,
  });
  return (
    <section className="card" style={{ marginTop: "1rem" }}>
      <h2 style={{ marginTop: 0 }}>{t("team.add")}</h2>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="add" />
        <div className="grid-2">
          <TextField form={form} name="email" label={t("users.email")} type="email" />
          <SelectField form={form} name="role" label={t("users.role")} options={memberRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t("team.add")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
