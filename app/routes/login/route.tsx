import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";
import { destroySession, hasAccounts, login } from "~/services/accounts.server";
import { getUser } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { safeRedirect } from "~/utils/redirect";
import { deviceKeys, issueDeviceCookie, readDeviceEntries } from "~/utils/device-cookie.server";
import { challengeCookie, readSessionId, sessionCookie } from "~/utils/session.server";
import { loginSchema } from "./login.schema";
import { useLatestAnswer } from "~/components/use-latest-answer";

/** Document responses take their headers from here: pass the rate limiter's Retry-After through. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

/** Where to go after signing in: a same-site path from ?redirectTo=, else nothing (the events list). */
function redirectTarget(value: unknown): string {
  return safeRedirect(value, "");
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = redirectTarget(url.searchParams.get("redirectTo"));
  if (await getUser(request, context)) throw redirect(redirectTo || "/events");
  if (!(await hasAccounts(context.db))) throw redirect("/setup");
  return { redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await parseForm(request, loginSchema);
  const values = { email: typeof parsed.values.email === "string" ? parsed.values.email : "" };
  if (!parsed.success) return data({ fieldErrors: parsed.fieldErrors, formError: null, values }, { status: 400 });
  const redirectTo = redirectTarget(parsed.data.redirectTo);

  const devices = await readDeviceEntries(request, context);
  const result = await login(context.db, {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
    redirectTo: redirectTo || null,
    devices: deviceKeys(devices),
  });
  if (!result.ok && result.reason === "rate_limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { fieldErrors: null, formError: `login.rateLimited?minutes=${minutes}`, values },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok && result.reason === "two_factor_required") {
    // The password was right; the code comes next, on its own page. Where to go afterwards rides in the challenge.
    throw redirect("/login/two-factor", {
      headers: { "Set-Cookie": await challengeCookie(context).serialize(result.challengeId) },
    });
  }
  if (!result.ok) return data({ fieldErrors: null, formError: "login.failed", values }, { status: 401 });

  const previous = await readSessionId(request, context);
  if (previous) await destroySession(context.db, previous);
  const headers = new Headers();
  headers.append("Set-Cookie", await sessionCookie(context).serialize(result.sessionId));
  // This browser is now trusted for the account: its own failures only count against it from here on.
  headers.append("Set-Cookie", await issueDeviceCookie(context, devices, result.user.id));
  throw redirect(redirectTo || "/events", { headers });
}

export default function LoginPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError } = useT();
  // Only the latest submission's messages: once the person submits again, the previous answer ("wrong email
  // or password") is gone, whether the browser's own check stops the form or the server answers anew.
  const { current, submitted } = useLatestAnswer(actionData);
  const { form, onSubmit } = useSchemaForm(loginSchema, {
    defaultValues: { email: actionData?.values.email ?? "", password: "" },
    serverErrors: current?.fieldErrors,
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    submitted();
    onSubmit(event);
  };
  return (
    <div className="card auth-card">
      <h1>{t("login.title")}</h1>
      {current?.formError ? <Notice tone="error">{tError(current.formError)}</Notice> : null}
      <FormErrorSummary show={!!current?.fieldErrors} />
      <Form method="post" className="stack" noValidate onSubmit={submit}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        {/* No autofocus: blurring an untouched, focused field would show "required" and shift the link below
            ("Forgot your password?") away from under the pointer mid-click. */}
        <TextField form={form} name="email" label={t("login.email")} type="email" autoComplete="username" />
        <TextField form={form} name="password" label={t("login.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
          <Link to="/forgot-password">{t("forgot.link")}</Link>
        </div>
      </Form>
    </div>
  );
}
