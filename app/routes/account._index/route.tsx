import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import QRCode from "qrcode";
import type { FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { changePasswordSchema, passwordOnlySchema, totpCodeSchema } from "~/domain/accounts/password.schema";
import { groupSecret, totpUri } from "~/domain/accounts/two-factor";
import { formatDateTime } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/forms/fields";
import { useT } from "~/i18n/use-t";
import { changePassword } from "~/services/accounts.server";
import { isServiceError } from "~/utils/errors";
import {
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableOwnTwoFactor,
  getTwoFactorState,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "~/services/two-factor.server";
import { requireUser } from "~/services/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";
import { deviceKeyFor, readDeviceEntries } from "~/utils/device-cookie.server";
import { readSessionId } from "~/utils/session.server";
import { useLatestAnswer } from "~/components/use-latest-answer";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "account.title");

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  // The page may show a two-step secret or recovery codes: never from a cache.
  const out: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfter) out["Retry-After"] = retryAfter;
  return out;
};

/** Times on this page are the office's (Vietnam), like the audit log. */
const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const state = await getTwoFactorState(context.db, context.secretBox, user.id);
  const enrolment = state.pendingSecret
    ? {
        secret: groupSecret(state.pendingSecret),
        qr: await QRCode.toString(totpUri(state.pendingSecret, user.email), { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
      }
    : null;
  return {
    email: user.email,
    twoFactor: { enabledAt: state.enabledAt, recoveryCodesLeft: state.recoveryCodesLeft },
    enrolment,
  };
}

type Intent = "password" | "totp-start" | "totp-confirm" | "totp-cancel" | "totp-disable" | "recovery-regenerate";
const intents: Intent[] = ["password", "totp-start", "totp-confirm", "totp-cancel", "totp-disable", "recovery-regenerate"];

interface ActionResult {
  intent: Intent | null;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  done: string | null;
  recoveryCodes: string[] | null;
}

const answer = (intent: Intent | null, rest: Partial<ActionResult>): ActionResult => ({
  intent,
  fieldErrors: null,
  formError: null,
  done: null,
  recoveryCodes: null,
  ...rest,
});

function rateLimited(intent: Intent, seconds: number) {
  return data(answer(intent, { formError: `login.rateLimited?minutes=${Math.ceil(seconds / 60)}` }), {
    status: 429,
    headers: { "Retry-After": String(seconds) },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const raw = formDataToObject(await readForm(request));
  const intent = intents.find((i) => i === raw.intent) ?? null;
  const ip = context.clientIp;
  // A browser that signed in to this account has its own failure budget here too.
  const device = deviceKeyFor(await readDeviceEntries(request, context), user.id);
  try {
    switch (intent) {
      case "password": {
        const parsed = changePasswordSchema.safeParse(raw);
        if (!parsed.success) return data(answer(intent, { fieldErrors: fieldErrors(parsed.error) }), { status: 400 });
        const sessionId = await readSessionId(request, context);
        const result = await changePassword(context.db, user, sessionId, { ...parsed.data, ip, device });
        if (result.ok) return answer(intent, { done: "account.password.changed" });
        if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
        const field: Record<string, string> =
          result.reason === "wrong_current" ? { currentPassword: "account.password.wrongCurrent" } : { newPassword: "account.password.sameAsOld" };
        return data(answer(intent, { fieldErrors: field }), { status: 422 });
      }
      case "totp-start":
        await startTotpEnrolment(context.db, context.secretBox, user.id);
        return answer(intent, {});
      case "totp-cancel":
        await cancelTotpEnrolment(context.db, user.id);
        return answer(intent, {});
      case "totp-confirm": {
        const parsed = totpCodeSchema.safeParse(raw);
        if (!parsed.success) return data(answer(intent, { fieldErrors: fieldErrors(parsed.error) }), { status: 400 });
        const codes = await confirmTotpEnrolment(context.db, context.secretBox, user, parsed.data.code);
        return answer(intent, { done: "account.twoFactor.enabled", recoveryCodes: codes });
      }
      case "totp-disable":
      case "recovery-regenerate": {
        const parsed = passwordOnlySchema.safeParse(raw);
        if (!parsed.success) return data(answer(intent, { fieldErrors: fieldErrors(parsed.error) }), { status: 400 });
        if (intent === "totp-disable") {
          const result = await disableOwnTwoFactor(context.db, user, { password: parsed.data.password, ip, device });
          if (result.ok) return answer(intent, { done: "account.twoFactor.disabled" });
          if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
        } else {
          const result = await regenerateRecoveryCodes(context.db, user, { password: parsed.data.password, ip, device });
          if (result.ok) return answer(intent, { recoveryCodes: result.codes });
          if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
        }
        return data(answer(intent, { fieldErrors: { password: "account.password.wrongCurrent" } }), { status: 422 });
      }
      default:
        return data(answer(null, { formError: "errors.invalid" }), { status: 400 });
    }
  } catch (error) {
    if (!isServiceError(error)) throw error;
    const status = error.code === "invalid" ? 422 : error.code === "conflict" ? 409 : error.code === "not_found" ? 404 : 403;
    const fields = Object.keys(error.fields).length ? error.fields : null;
    return data(answer(intent, { fieldErrors: fields, formError: fields ? null : error.message }), { status });
  }
}

export default function AccountPage() {
  const { email, twoFactor, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError, locale } = useT();
  const { current, submitted } = useLatestAnswer(actionData);
  const attempt = submitted;
  const errorsFor = (intent: Intent) => (current?.intent === intent ? current.fieldErrors : null);
  return (
    <div style={{ maxWidth: "46rem" }}>
      <h1>{t("account.title")}</h1>
      <p className="muted">{t("account.intro", { email })}</p>
      {current?.done ? (
        <div className="notice notice-ok" role="status">
          {tError(current.done)}
        </div>
      ) : null}
      {current?.formError ? (
        <div className="notice notice-error" role="alert">
          {tError(current.formError)}
        </div>
      ) : null}
      {current?.recoveryCodes ? <RecoveryCodes codes={current.recoveryCodes} /> : null}

      <PasswordSection key={current?.done === "account.password.changed" ? "changed" : "form"} serverErrors={errorsFor("password")} onAttempt={attempt} />

      <section className="card" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title" style={{ marginTop: 0 }}>
          {t("account.twoFactor.title")}
        </h2>
        {twoFactor.enabledAt ? (
          <>
            <p data-testid="two-factor-status">
              {t("account.twoFactor.on", {
                date: formatDateTime(new Date(twoFactor.enabledAt), OFFICE_ZONE, locale),
                count: twoFactor.recoveryCodesLeft,
              })}
            </p>
            <PasswordConfirmForm
              intent="recovery-regenerate"
              label={t("account.twoFactor.regenerate")}
              hint={t("account.twoFactor.regenerateHint")}
              serverErrors={errorsFor("recovery-regenerate")}
              onAttempt={attempt}
              danger={false}
            />
            <PasswordConfirmForm
              intent="totp-disable"
              label={t("account.twoFactor.disable")}
              serverErrors={errorsFor("totp-disable")}
              onAttempt={attempt}
              danger
            />
          </>
        ) : enrolment ? (
          <Enrolment enrolment={enrolment} serverErrors={errorsFor("totp-confirm")} onAttempt={attempt} />
        ) : (
          <>
            <p data-testid="two-factor-status">{t("account.twoFactor.off")}</p>
            <Form method="post" className="actions">
              <button type="submit" name="intent" value="totp-start" className="button">
                {t("account.twoFactor.start")}
              </button>
            </Form>
          </>
        )}
      </section>
      <p>
        <Link to="/account/calendar">{t("calendar.nav.myCalendar")}</Link>
        {" · "}
        <Link to="/account/tokens">{t("tokens.nav")}</Link>
      </p>
    </div>
  );
}

function PasswordSection({ serverErrors, onAttempt }: { serverErrors: Record<string, string> | null; onAttempt: () => void }) {
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
      <h2 id="password-title" style={{ marginTop: 0 }}>
        {t("account.password.title")}
      </h2>
      <p className="hint" style={{ marginBottom: ".75rem" }}>
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

function Enrolment({
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
          <p className="hint" style={{ marginBottom: ".25rem" }}>
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

function PasswordConfirmForm({
  intent,
  label,
  hint,
  serverErrors,
  onAttempt,
  danger,
}: {
  intent: Intent;
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

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useT();
  return (
    <section className="card notice-warn" aria-labelledby="recovery-title" data-testid="recovery-codes">
      <h2 id="recovery-title" style={{ marginTop: 0 }}>
        {t("account.twoFactor.recoveryTitle")}
      </h2>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
