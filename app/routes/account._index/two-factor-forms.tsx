import { Form } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { passwordOnlySchema, totpCodeSchema } from "~/domain/accounts/password.schema";
import { useT } from "~/i18n/use-t";
import type { AccountIntent } from "./account.schema";

/** The two-step sign-in parts of My account: the enrolment, the password-confirmed forms, the recovery codes. */
export function Enrolment({
  enrolment,
  serverErrors,
  onAttempt,
}: {
  enrolment: { secret: string; qr: string };
  serverErrors: Record<string, string> | null;
  onAttempt: () => void;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(totpCodeSchema, { defaultValues: { code: "" }, serverErrors });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onAttempt();
    onSubmit(event);
  };
  return (
    <>
      <p>{t("account.twoFactor.scan")}</p>
      <div className="totp-enrolment">
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qr)}`}
          alt={t("account.twoFactor.qrAlt")}
          width={200}
          height={200}
          className="totp-qr"
        />
        <div>
          <p className="hint account-secret-label">
            {t("account.twoFactor.secret")}
          </p>
          <p>
            <code data-testid="totp-secret" className="totp-secret">
              {enrolment.secret}
            </code>
          </p>
        </div>
      </div>
      <FormErrorSummary show={!!serverErrors} />
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <input type="hidden" name="intent" value="totp-confirm" />
        <TextField form={form} name="code" label={t("account.twoFactor.code")} inputMode="numeric" autoComplete="one-time-code" maxLength={9} />
        <div className="actions">
          <button type="submit" className="button">
            {t("account.twoFactor.confirm")}
          </button>
        </div>
      </Form>
      <Form method="post" className="actions">
        <button type="submit" name="intent" value="totp-cancel" className="button secondary">
          {t("account.twoFactor.cancelSetup")}
        </button>
      </Form>
    </>
  );
}

export function PasswordConfirmForm({
  intent,
  label,
  hint,
  serverErrors,
  onAttempt,
  danger,
}: {
  intent: Extract<AccountIntent, "totp-disable" | "recovery-regenerate">;
  label: string;
  hint?: string;
  serverErrors: Record<string, string> | null;
  onAttempt: () => void;
  danger: boolean;
}) {
  const { t } = useT();
  const { form, onSubmit } = useSchemaForm(passwordOnlySchema, { defaultValues: { password: "" }, serverErrors });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onAttempt();
    onSubmit(event);
  };
  return (
    <details open={!!serverErrors} className="account-details">
      <summary>{label}</summary>
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <input type="hidden" name="intent" value={intent} />
        <TextField form={form} name="password" label={t("account.twoFactor.disablePassword")} type="password" autoComplete="current-password" hint={hint} />
        <div className="actions">
          <button type="submit" className={danger ? "button danger" : "button secondary"}>
            {label}
          </button>
        </div>
      </Form>
    </details>
  );
}

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useT();
  return (
    <section className="card notice-warn" aria-labelledby="recovery-title" data-testid="recovery-codes">
      <h2 id="recovery-title">{t("account.twoFactor.recoveryTitle")}</h2>
      <p>{t("account.twoFactor.recoveryIntro")}</p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
