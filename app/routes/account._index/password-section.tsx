import { Form, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { changePasswordSchema } from "~/domain/accounts/password.schema";
import { useT } from "~/i18n/use-t";

/** "Change password" on My account (intent=password). */
export function PasswordSection({ serverErrors, onAttempt }: { serverErrors: Record<string, string> | null; onAttempt: () => void }) {
  const { t } = useT();
  const navigation = useNavigation();
  const { form, onSubmit } = useSchemaForm(changePasswordSchema, {
    defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" },
    serverErrors,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onAttempt();
    onSubmit(event);
  };
  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t("account.password.title")}</h2>
      <p className="hint account-hint">
        {t("account.password.hint")}
      </p>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <input type="hidden" name="intent" value="password" />
        <TextField form={form} name="currentPassword" label={t("account.password.current")} type="password" autoComplete="current-password" />
        <TextField form={form} name="newPassword" label={t("account.password.new")} type="password" autoComplete="new-password" />
        <TextField form={form} name="confirmPassword" label={t("account.password.confirm")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("account.password.submit")}
          </button>
        </div>
      </Form>
    </section>
  );
}
