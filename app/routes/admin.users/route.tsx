import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { userRoles } from "~/domain/access/permissions";
import { useT } from "~/i18n/use-t";
import { listUsers } from "~/models/users.server";
import { createUser, setUserActive, setUserRole } from "~/services/accounts.server";
import { adminResetPassword } from "~/services/password-reset.server";
import { adminRemoveTwoFactor } from "~/services/two-factor.server";
import { requireGlobalPermission } from "~/services/auth.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { newUserSchema, userActionSchema, userIntents, type NewUserValues, type UserAction } from "./user.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const admin = await requireGlobalPermission(request, context, "user:manage");
  return { users: await listUsers(context.db), selfId: admin.id };
}

function echo(raw: Record<string, unknown>): NewUserValues {
  const s = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : "");
  const role = userRoles.find((r) => r === raw.role) ?? "organizer";
  return { name: s("name"), email: s("email"), role, password: "" };
}

type Admin = Awaited<ReturnType<typeof requireGlobalPermission>>;

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requireGlobalPermission(request, context, "user:manage");
  const form = await parseForm(request, userActionSchema);
  if (!form.success) {
    const intent = userIntents.find((i) => i === form.values.intent) ?? null;
    if (intent === "create")
      return data({ intent, fieldErrors: form.fieldErrors, values: echo(form.values), error: null, created: null }, { status: 400 });
    return data({ intent, fieldErrors: null, values: null, error: "errors.invalid", created: null }, { status: 400 });
  }
  const outcome = await attempt(() => handle(context, admin, form.data));
  if (outcome.ok) return outcome.value;
  const { error } = outcome;
  return data(
    { intent: form.data.intent, fieldErrors: Object.keys(error.fields).length ? error.fields : null, values: echo(form.values), error: error.message, created: null },
    { status: outcome.status },
  );
}

/** One handler per intent; a ServiceError thrown here is answered by the action through the status table. */
async function handle(context: ActionFunctionArgs["context"], admin: Admin, input: UserAction) {
  const none = { fieldErrors: null, values: null, error: null, created: null };
  switch (input.intent) {
    case "create": {
      const { user, password, generated } = await createUser(context.db, admin, { name: input.name, email: input.email, role: input.role, password: input.password });
      return data({ ...none, intent: input.intent, created: { email: user.email, password: generated ? password : null } });
    }
    case "role":
      await setUserRole(context.db, admin, input.userId, input.role);
      return data({ ...none, intent: input.intent });
    case "deactivate":
    case "activate":
      await setUserActive(context.db, admin, input.userId, input.intent === "activate");
      throw redirect("/admin/users");
    case "reset-password": {
      const { name, email } = await adminResetPassword(context.db, admin, input.userId, { appUrl: context.appUrl });
      return data({ ...none, intent: input.intent, done: { key: "users.resetDone" as const, name, email } });
    }
    case "remove-two-factor": {
      const { name } = await adminRemoveTwoFactor(context.db, admin, input.userId);
      return data({ ...none, intent: input.intent, done: { key: "users.twoFactorRemoved" as const, name, email: "" } });
    }
  }
}

export default function UsersPage() {
  const { users, selfId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const [params] = useSearchParams();
  const confirmId = params.get("deactivate");
  const confirmUser = users.find((u) => u.id === confirmId && u.active);
  const resetUser = users.find((u) => u.id === params.get("reset") && u.active && u.id !== selfId);
  const twoFactorUser = users.find((u) => u.id === params.get("twoFactor") && u.totpEnabledAt);
  const done = actionData && "done" in actionData ? actionData.done : null;
  return (
    <>
      <h1>{t("users.title")}</h1>
      {actionData?.created ? (
        <Notice tone="ok">{actionData.created.password ? t("users.created", { password: actionData.created.password }) : t("form.saved")}</Notice>
      ) : null}
      {done ? <Notice tone="ok">{t(done.key, { name: done.name, email: done.email })}</Notice> : null}
      {actionData?.intent === "role" && !actionData.error ? <Notice tone="ok">{t("users.roleChanged")}</Notice> : null}
      {actionData?.error && actionData.intent !== "create" ? <Notice tone="error">{tError(actionData.error)}</Notice> : null}
      {confirmUser ? (
        <ConfirmUserAction
          intent="deactivate"
          userId={confirmUser.id}
          action={t("users.deactivate")}
          question={t("users.deactivateConfirm", { name: confirmUser.name })}
        />
      ) : null}
      {resetUser && !done ? (
        <ConfirmUserAction
          intent="reset-password"
          userId={resetUser.id}
          action={t("users.resetPassword")}
          question={t("users.resetConfirm", { name: resetUser.name, email: resetUser.email })}
        />
      ) : null}
      {twoFactorUser && !done ? (
        <ConfirmUserAction
          intent="remove-two-factor"
          userId={twoFactorUser.id}
          action={t("users.removeTwoFactor")}
          question={t("users.removeTwoFactorConfirm", { name: twoFactorUser.name })}
        />
      ) : null}
      {/* On a phone the table scrolls on its own rather than widening the page. */}
      <div className="scroll-x">
        <table className="list">
          <thead>
            <tr>
              <th>{t("users.name")}</th>
              <th className="hide-sm">{t("users.email")}</th>
              <th>{t("users.role")}</th>
              <th>{t("users.status")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td className="hide-sm">{u.email}</td>
                <td>
                  {u.id === selfId ? (
                    t(`role.${u.role}`)
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="role" />
                      <input type="hidden" name="userId" value={u.id} />
                      <select name="role" defaultValue={u.role} aria-label={`${t("users.changeRole")}: ${u.name}`}>
                        {userRoles.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>{" "}
                      <button type="submit" className="button secondary">
                        {t("action.save")}
                      </button>
                    </Form>
                  )}
                </td>
                <td>
                  {u.active ? t("users.active") : <span className="badge badge-cancelled">{t("users.inactive")}</span>}{" "}
                  {u.id === selfId ? null : u.active ? (
                    <Link to={`?deactivate=${u.id}`} aria-label={`${t("users.deactivate")}: ${u.name}`}>
                      {t("users.deactivate")}
                    </Link>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="activate" />
                      <input type="hidden" name="userId" value={u.id} />
                      <button type="submit" className="link-button">
                        {t("users.activate")}
                      </button>
                    </Form>
                  )}
                  <div className="user-sign-in">
                    {u.totpEnabledAt ? (
                      <>
                        <span className="badge" title={t("users.twoFactor")}>
                          {t("users.twoFactorOn")}
                        </span>{" "}
                        <Link to={`?twoFactor=${u.id}`} aria-label={`${t("users.removeTwoFactor")}: ${u.name}`}>
                          {t("users.removeTwoFactor")}
                        </Link>{" "}
                      </>
                    ) : null}
                    {u.id !== selfId && u.active ? (
                      <Link to={`?reset=${u.id}`} aria-label={`${t("users.resetPassword")}: ${u.name}`}>
                        {t("users.resetPassword")}
                      </Link>
                    ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <NewUserForm
        key={actionData?.created?.email ?? "new"}
        values={actionData?.intent === "create" ? actionData.values : null}
        serverErrors={actionData?.intent === "create" ? actionData.fieldErrors : null}
      />
    </>
  );
}

/** The confirmation step of a consequential action on an account (works without JavaScript: a plain form). */
function ConfirmUserAction({ intent, userId, action, question }: { intent: string; userId: string; action: string; question: string }) {
  const { t } = useT();
  return (
    <div className="card notice-warn" role="alertdialog" aria-label={action}>
      <p>{question}</p>
      <Form method="post" className="actions">
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="userId" value={userId} />
        <button type="submit" className="button danger">
          {t("action.confirm")}: {action}
        </button>
        <Link to="/admin/users" className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </div>
  );
}

function NewUserForm({ values, serverErrors }: { values: NewUserValues | null; serverErrors: Record<string, string> | null }) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(newUserSchema, {
    defaultValues: values ?? { name: "", email: "", role: "organizer", password: "" },
    serverErrors,
  });
  return (
    <section className="card space-above-lg">
      <h2>{t("users.new")}</h2>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" noValidate onSubmit={onSubmit}>
        <input type="hidden" name="intent" value="create" />
        <div className="grid-2">
          <TextField form={form} name="name" label={t("users.name")} />
          <TextField form={form} name="email" label={t("users.email")} type="email" />
          <SelectField form={form} name="role" label={t("users.role")} options={userRoles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
          <TextField form={form} name="password" label={t("setup.password")} type="password" autoComplete="new-password" optional />
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
