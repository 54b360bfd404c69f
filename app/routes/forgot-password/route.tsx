import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { forgotPasswordSchema } from "~/domain/accounts/password.schema";
import { useT } from "~/i18n/use-t";
import { requestPasswordReset } from "~/services/password-reset.server";
import { getUser } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { useLatestAnswer } from "~/components/use-latest-answer";

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "forgot.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/account");
  return null;
}

/** The same answer whether or not the email has an account; the limit applies to every email alike. */
export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, forgotPasswordSchema);
  const email = typeof parsed.values.email === "string" ? parsed.values.email : "";
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, formError: null, sent: null, email }, { status: 400 });
  const result = await requestPasswordReset(context.db, { email: parsed.data.email, ip: context.clientIp, appUrl: context.appUrl });
  if (!result.ok) {
    return data(
      { fieldErrors: null, formError: `forgot.rateLimited?minutes=${Math.ceil(result.retryAfterSeconds / 60)}`, sent: null, email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ fieldErrors: null, formError: null, sent: parsed.data.email, email });
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const { current, submitted } = useLatestAnswer(actionData);
  const { form, onSubmit } = useSchemaForm(forgotPasswordSchema, {
    defaultValues: { email: actionData?.email ?? "" },
    serverErrors: current?.fieldErrors,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    submitted();
    onSubmit(event);
  };
  return (
    <div className="card auth-card">
      <h1>{t("forgot.title")}</h1>
      {current?.sent ? (
        <Notice tone="ok">{t("forgot.sent", { email: current.sent })}</Notice>
      ) : (
        <p>{t("forgot.intro")}</p>
      )}
      {current?.formError ? <Notice tone="error">{tError(current.formError)}</Notice> : null}
      <FormErrorSummary show={!!current?.fieldErrors} />
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <TextField form={form} name="email" label={t("login.email")} type="email" autoComplete="username" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("forgot.submit")}
          </button>
          <Link to="/login">{t("forgot.backToLogin")}</Link>
        </div>
      </Form>
    </div>
  );
}
