import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { forgotPasswordSchema } from "~/domain/accounts/password.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { requestPasswordReset } from "~/services/password-reset.server";
import { getUser } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
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
  const raw = formDataToObject(await readForm(request));
  const email = typeof raw.email === "string" ? raw.email : "";
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), formError: null, sent: null, email }, { status: 400 });
  const result = await requestPasswordReset(context.db, { email: parsed.data.email, ip: context.clientIp, appUrl: context.appUrl });
  if (!result.ok) {
    return data(
      { fieldErrors: null, formError: `forgot.rateLimited?minutes=${Math.ceil(result.retryAfterSeconds / 60)}`, sent: null, email },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return { fieldErrors: null, formError: null, sent: parsed.data.email, email };
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
        <div className="notice notice-ok" role="status">
          {t("forgot.sent", { email: current.sent })}
        </div>
      ) : (
        <p>{t("forgot.intro")}</p>
      )}
      {current?.formError ? (
        <div className="notice notice-error" role="alert">
          {tError(current.formError)}
        </div>
      ) : null}
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
