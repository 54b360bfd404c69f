import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { newPasswordSchema } from "~/domain/accounts/password.schema";
import { useT } from "~/i18n/use-t";
import { findPasswordResetAccount, resetPasswordWithToken } from "~/services/password-reset.server";
import { parseForm } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reset.title");

/** The token is in the address: never send it to another site as a Referer (same-origin: the page's own form post, without JavaScript, still carries its Origin), never keep the page in a cache. */
export const headers = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });

export async function loader({ params, context }: LoaderFunctionArgs) {
  const account = await findPasswordResetAccount(context.db, params.token ?? "");
  if (!account) return data({ email: null }, { status: 404, headers: { "Referrer-Policy": "same-origin", "Cache-Control": "no-store" } });
  return data({ email: account.email }, { headers: { "Referrer-Policy": "same-origin", "Cache-Control": "no-store" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, newPasswordSchema);
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, invalid: false }, { status: 400 });
  const result = await resetPasswordWithToken(context.db, params.token ?? "", parsed.data.newPassword);
  if (!result.ok) return data({ fieldErrors: null, invalid: true }, { status: 404 });
  throw await redirectWithNotice(context, "/login", { key: "reset.done" });
}

export default function ResetPasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useT();
  if (!email || actionData?.invalid) {
    return (
      <div className="card auth-card">
        <h1>{t("reset.title")}</h1>
        <Notice tone="error">{t("reset.invalid")}</Notice>
        <p>
          <Link to="/forgot-password" className="button">
            {t("reset.again")}
          </Link>
        </p>
      </div>
    );
  }
  return <ResetForm email={email} serverErrors={actionData?.fieldErrors ?? null} />;
}

function ResetForm({ email, serverErrors }: { email: string; serverErrors: Record<string, string> | null }) {
  const { t } = useT();
  const navigation = useNavigation();
  const { form, onSubmit } = useSchemaForm(newPasswordSchema, { defaultValues: { newPassword: "", confirmPassword: "" }, serverErrors });
  return (
    <div className="card auth-card">
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.intro", { email })}</p>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
        <input type="email" name="username" value={email} autoComplete="username" readOnly hidden />
        <TextField form={form} name="newPassword" label={t("account.password.new")} type="password" autoComplete="new-password" autoFocus />
        <TextField form={form} name="confirmPassword" label={t("account.password.confirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("reset.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
