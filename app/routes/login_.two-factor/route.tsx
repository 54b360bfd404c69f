import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { TextField, useSchemaForm } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { recoveryCodeSchema, totpCodeSchema } from "~/domain/accounts/password.schema";
import { useT } from "~/i18n/use-t";
import { destroySession } from "~/services/accounts.server";
import { challengeIsOpen, completeSecondFactor } from "~/services/two-factor.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { safeRedirect } from "~/utils/redirect";
import { deviceKeys, issueDeviceCookie, readDeviceEntries } from "~/utils/device-cookie.server";
import { challengeCookie, readChallengeId, readSessionId, sessionCookie } from "~/utils/session.server";
import { useLatestAnswer } from "~/components/use-latest-answer";
import { twoFactorActionSchema, twoFactorMethodOf, type TwoFactorMethod as Method } from "./two-factor.schema";

export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "twoFactor.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const method = twoFactorMethodOf(new URL(request.url).searchParams.get("method"));
  const challengeId = await readChallengeId(request, context);
  const open = challengeId ? await challengeIsOpen(context.db, challengeId) : false;
  return { method, open };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, twoFactorActionSchema);
  const method = twoFactorMethodOf(parsed.values.method);
  if (!parsed.success) return data({ method, fieldErrors: parsed.fieldErrors, formError: null, expired: false }, { status: 400 });
  const challengeId = await readChallengeId(request, context);
  if (!challengeId) return data({ method, fieldErrors: null, formError: "twoFactor.expired", expired: true }, { status: 401 });

  const devices = await readDeviceEntries(request, context);
  const result = await completeSecondFactor(context.db, context.secretBox, {
    devices: deviceKeys(devices),
    challengeId,
    code: parsed.data.code,
    method,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok && result.reason === "rate_limited") {
    return data(
      { method, fieldErrors: null, formError: `login.rateLimited?minutes=${Math.ceil(result.retryAfterSeconds / 60)}`, expired: false },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok && result.reason === "expired") {
    return data(
      { method, fieldErrors: null, formError: "twoFactor.expired", expired: true },
      { status: 401, headers: { "Set-Cookie": await challengeCookie(context).serialize("", { maxAge: 0 }) } },
    );
  }
  if (!result.ok) {
    const message = method === "recovery" ? "twoFactor.recoveryWrong" : "twoFactor.wrong";
    return data({ method, fieldErrors: { code: message }, formError: null, expired: false }, { status: 401 });
  }

  const previous = await readSessionId(request, context);
  if (previous) await destroySession(context.db, previous);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie(context).serialize(result.sessionId));
  headers.append("Set-Cookie", await challengeCookie(context).serialize("", { maxAge: 0 }));
  headers.append("Set-Cookie", await issueDeviceCookie(context, devices, result.user.id));
  throw redirect(safeRedirect(result.redirectTo), { headers });
}

export default function TwoFactorPage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, tError } = useT();
  const { current, submitted } = useLatestAnswer(actionData);
  const method = loaderData.method;
  const expired = current?.expired ?? !loaderData.open;
  return (
    <div className="card auth-card">
      <h1>{t("twoFactor.title")}</h1>
      {expired ? (
        <>
          <Notice tone="error">{t("twoFactor.expired")}</Notice>
          <p>
            <Link to="/login" className="button">
              {t("twoFactor.restart")}
            </Link>
          </p>
        </>
      ) : (
        <CodeForm
          key={method}
          method={method}
          current={current}
          onAttempt={submitted}
          formError={current?.formError ? tError(current.formError) : null}
        />
      )}
    </div>
  );
}

function CodeForm({
  method,
  current,
  onAttempt,
  formError,
}: {
  method: Method;
  current: { fieldErrors: Record<string, string> | null } | undefined;
  onAttempt: () => void;
  formError: string | null;
}) {
  const { t } = useT();
  const navigation = useNavigation();
  const { form, onSubmit } = useSchemaForm(method === "recovery" ? recoveryCodeSchema : totpCodeSchema, {
    defaultValues: { code: "" },
    serverErrors: current?.fieldErrors,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    onAttempt();
    onSubmit(event);
  };
  return (
    <>
      <p>{t(method === "recovery" ? "twoFactor.recoveryIntro" : "twoFactor.intro")}</p>
      {/* Above the field: the focused field's "required" on blur cannot shift it away mid-click. */}
      <p>
        {method === "recovery" ? (
          <Link to="/login/two-factor">{t("twoFactor.useApp")}</Link>
        ) : (
          <Link to="/login/two-factor?method=recovery">{t("twoFactor.useRecovery")}</Link>
        )}
      </p>
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      {/* One field: its own message (role=alert) says it all, no summary above. */}
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <input type="hidden" name="method" value={method} />
        {method === "recovery" ? (
          <TextField form={form} name="code" label={t("twoFactor.recoveryCode")} autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus />
        ) : (
          <TextField form={form} name="code" label={t("twoFactor.code")} inputMode="numeric" autoComplete="one-time-code" maxLength={9} autoFocus />
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("twoFactor.submit")}
          </button>
        </div>
      </Form>
    </>
  );
}
