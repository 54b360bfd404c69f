import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { pageTitle } from "~/utils/meta";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { fieldErrors } from "~/domain/events/event.schema";
import { useT } from "~/i18n/use-t";
import { countUsers } from "~/models/users.server";
import { destroySession, login } from "~/services/accounts.server";
import { getUser } from "~/utils/auth.server";
import { formDataToObject } from "~/utils/form-data.server";
import { safeRedirect } from "~/utils/redirect";
import { readSessionId, sessionCookie } from "~/utils/session.server";
import { loginSchema } from "./login.schema";

/** Document responses take their headers from here: pass the rate limiter's Retry-After through. */
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getUser(request, context)) throw redirect("/events");
  if ((await countUsers(context.db)) === 0) throw redirect("/setup");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const raw = formDataToObject(await request.formData());
  const parsed = loginSchema.safeParse(raw);
  const values = { email: typeof raw.email === "string" ? raw.email : "" };
  if (!parsed.success) return data({ fieldErrors: fieldErrors(parsed.error), formError: null, values }, { status: 400 });

  const result = await login(context.db, {
    email: parsed.data.email,
    password: parsed.data.password,
    ip: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok && result.reason === "rate_limited") {
    const minutes = Math.ceil(result.retryAfterSeconds / 60);
    return data(
      { fieldErrors: null, formError: `login.rateLimited?minutes=${minutes}`, values },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) return data({ fieldErrors: null, formError: "login.failed", values }, { status: 401 });

  const previous = await readSessionId(request, context);
  if (previous) await destroySession(context.db, previous);
  throw redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await sessionCookie(context).serialize(result.sessionId) },
  });
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t, tError } = useT();
  const { form, onSubmit } = useSchemaForm(loginSchema, {
    defaultValues: { email: actionData?.values.email ?? "", password: "", redirectTo: searchParams.get("redirectTo") ?? "" },
    serverErrors: actionData?.fieldErrors,
  });
  return (
    <div className="card auth-card">
      <h1>{t("login.title")}</h1>
      {actionData?.formError ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.formError)}
        </div>
      ) : null}
      <FormErrorSummary show={!!actionData?.fieldErrors} />
      <Form method="post" className="stack" noValidate onSubmit={onSubmit}>
        <input type="hidden" {...form.register("redirectTo")} />
        <TextField form={form} name="email" label={t("login.email")} type="email" autoComplete="username" autoFocus />
        <TextField form={form} name="password" label={t("login.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("login.submit")}
          </button>
        </div>
      </Form>
    </div>
  );
}
