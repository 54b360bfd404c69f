import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { canOnEvent, memberRoles } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { listEventMembers } from "~/models/events.server";
import { addMemberByEmail, removeMember } from "~/services/event-members.server";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { Notice } from "~/components/ui/notice";
import { addMemberSchema, teamActionSchema } from "./team.schema";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:read");
  return {
    members: await listEventMembers(context.db, access.event.id),
    canManage: canOnEvent(access.user, "event:manageMembers", { ownerId: access.event.createdBy, memberRole: access.memberRole }),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "event:manageMembers");
  const form = await parseForm(request, teamActionSchema);
  const raw = form.values;
  const values = { email: typeof raw.email === "string" ? raw.email : "", role: memberRoles.find((r) => r === raw.role) ?? "viewer" };
  if (!form.success) {
    if (raw.intent === "add") return data({ fieldErrors: form.fieldErrors, error: null, values, added: null }, { status: 400 });
    return data({ fieldErrors: null, error: "errors.invalid", values, added: null }, { status: 400 });
  }
  const change = form.data;
  const done = await attempt(async () =>
    change.intent === "remove"
      ? (await removeMember(context.db, access.user, access.event.id, change.userId), null)
      : (await addMemberByEmail(context.db, access.user, access.event.id, change)).name,
  );
  if (!done.ok)
    return data(
      { fieldErrors: Object.keys(done.error.fields).length ? done.error.fields : null, error: done.error.message, values, added: null },
      { status: done.status },
    );
  return { fieldErrors: null, error: null, values: null, added: done.value };
}

export default function EventTeam() {
  const { members, canManage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  return (
    <>
      <p className="muted">{t("team.intro")}</p>
      {actionData?.added ? (
        <Notice tone="ok">{t("team.added", { name: actionData.added })}</Notice>
      ) : null}
      {actionData?.error && !actionData.fieldErrors ? (
        <Notice tone="error">{tError(actionData.error)}</Notice>
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
    <section className="card space-above">
      <h2>{t("team.add")}</h2>
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
