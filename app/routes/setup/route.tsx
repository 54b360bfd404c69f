import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, useActionData } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { useT } from "~/i18n/use-t";
import { countUsers } from "~/models/users.server";
import { createSession, createUser } from "~/services/accounts.server";
import { notFound } from "~/utils/responses.server";
import { parseForm } from "~/utils/action-kit.server";
import { sessionCookie } from "~/utils/session.server";
import { setupSchema } from "./setup.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "setup.title");

/** First run on an empty database (SIGNET_DEMO=0): create the first administrator. Gone once anyone exists. */
export async function loader({ context }: LoaderFunctionArgs) {
  if ((await countUsers(context.db)) > 0) throw notFound();
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  if ((await countUsers(context.db)) > 0) throw notFound();
  const parsed = await parseForm(request, setupSchema);
  const values = { name: String(parsed.values.name ?? ""), email: String(parsed.values.email ?? "") };
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, values }, { status: 400 });
  const { user } = await createUser(context.db, null, { ...parsed.data, role: "admin" });
  const sessionId = await createSession(context.db, user.id, {
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  throw redirect("/events", { headers: { "Set-Cookie": await sessionCookie(context).serialize(sessionId) } });
}

export default function SetupPage() {
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(setupSchema, {
    defaultValues: { name: actionData?.values.name ?? "", email: actionData?.values.email ?? "", password: "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="card auth-card">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <FormErrorSummary show={!!actionData?.fieldErrors} />
      <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
        <TextField form={form} name="name" label={t("setup.name")} autoComplete="name" />
        <TextField form={form} name="email" label={t("login.email")} type="email" autoComplete="username" />
        <TextField form={form} name="password" label={t("setup.password")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="button">
            {t("setup.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
