import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { useLatestAnswer } from "~/components/use-latest-answer";
import { groupSecret, totpUri } from "~/domain/accounts/two-factor";
import { formatDateTime } from "~/domain/dates/phrasing";
import { useT } from "~/i18n/use-t";
import { changePassword } from "~/services/accounts.server";
import { requireUser } from "~/services/auth.server";
import {
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableOwnTwoFactor,
  getTwoFactorState,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "~/services/two-factor.server";
import { attempt, parseForm } from "~/utils/action-kit.server";
import { deviceKeyFor, readDeviceEntries } from "~/utils/device-cookie.server";
import { pageTitle } from "~/utils/meta";
import { readSessionId } from "~/utils/session.server";
import { accountActionSchema, accountIntentOf, type AccountAction, type AccountIntent } from "./account.schema";
import { PasswordSection } from "./password-section";
import { Enrolment, PasswordConfirmForm, RecoveryCodes } from "./two-factor-forms";

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

interface ActionResult {
  intent: AccountIntent | null;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  done: string | null;
  recoveryCodes: string[] | null;
}

const answer = (intent: AccountIntent | null, rest: Partial<ActionResult>): ActionResult => ({
  intent,
  fieldErrors: null,
  formError: null,
  done: null,
  recoveryCodes: null,
  ...rest,
});

function rateLimited(intent: AccountIntent, seconds: number) {
  return data(answer(intent, { formError: `login.rateLimited?minutes=${Math.ceil(seconds / 60)}` }), {
    status: 429,
    headers: { "Retry-After": String(seconds) },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await parseForm(request, accountActionSchema);
  if (!form.success) {
    const intent = accountIntentOf(form.values);
    if (!intent) return data(answer(null, { formError: "errors.invalid" }), { status: 400 });
    return data(answer(intent, { fieldErrors: form.fieldErrors }), { status: 400 });
  }
  const outcome = await attempt(() => handle(request, context, user, form.data));
  if (outcome.ok) return outcome.value;
  const fields = Object.keys(outcome.error.fields).length ? outcome.error.fields : null;
  return data(answer(form.data.intent, { fieldErrors: fields, formError: fields ? null : outcome.error.message }), { status: outcome.status });
}

type User = Awaited<ReturnType<typeof requireUser>>;

/** One handler per intent; a ServiceError thrown here is answered by the action through the status table. */
async function handle(request: Request, context: ActionFunctionArgs["context"], user: User, input: AccountAction) {
  const { intent } = input;
  const ip = context.clientIp;
  // A browser that signed in to this account has its own failure budget here too.
  const device = deviceKeyFor(await readDeviceEntries(request, context), user.id);
  switch (input.intent) {
    case "password": {
      const sessionId = await readSessionId(request, context);
      const { currentPassword, newPassword } = input;
      const result = await changePassword(context.db, user, sessionId, { currentPassword, newPassword, ip, device });
      if (result.ok) return data(answer(intent, { done: "account.password.changed" }));
      if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
      const field: Record<string, string> =
        result.reason === "wrong_current" ? { currentPassword: "account.password.wrongCurrent" } : { newPassword: "account.password.sameAsOld" };
      return data(answer(intent, { fieldErrors: field }), { status: 422 });
    }
    case "totp-start":
      await startTotpEnrolment(context.db, context.secretBox, user.id);
      return data(answer(intent, {}));
    case "totp-cancel":
      await cancelTotpEnrolment(context.db, user.id);
      return data(answer(intent, {}));
    case "totp-confirm": {
      const codes = await confirmTotpEnrolment(context.db, context.secretBox, user, input.code);
      return data(answer(intent, { done: "account.twoFactor.enabled", recoveryCodes: codes }));
    }
    case "totp-disable": {
      const result = await disableOwnTwoFactor(context.db, user, { password: input.password, ip, device });
      if (result.ok) return data(answer(intent, { done: "account.twoFactor.disabled" }));
      if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
      return data(answer(intent, { fieldErrors: { password: "account.password.wrongCurrent" } }), { status: 422 });
    }
    case "recovery-regenerate": {
      const result = await regenerateRecoveryCodes(context.db, user, { password: input.password, ip, device });
      if (result.ok) return data(answer(intent, { recoveryCodes: result.codes }));
      if (result.reason === "rate_limited") return rateLimited(intent, result.retryAfterSeconds);
      return data(answer(intent, { fieldErrors: { password: "account.password.wrongCurrent" } }), { status: 422 });
    }
  }
}

export default function AccountPage() {
  const { email, twoFactor, enrolment } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError, locale } = useT();
  const { current, submitted } = useLatestAnswer(actionData);
  const attempt = submitted;
  const errorsFor = (intent: AccountIntent) => (current?.intent === intent ? current.fieldErrors : null);
  return (
    <div className="measure">
      <h1>{t("account.title")}</h1>
      <p className="muted">{t("account.intro", { email })}</p>
      {current?.done ? <Notice tone="ok">{tError(current.done)}</Notice> : null}
      {current?.formError ? <Notice tone="error">{tError(current.formError)}</Notice> : null}
      {current?.recoveryCodes ? <RecoveryCodes codes={current.recoveryCodes} /> : null}

      <PasswordSection key={current?.done === "account.password.changed" ? "changed" : "form"} serverErrors={errorsFor("password")} onAttempt={attempt} />

      <section className="card" aria-labelledby="two-factor-title">
        <h2 id="two-factor-title">{t("account.twoFactor.title")}</h2>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
