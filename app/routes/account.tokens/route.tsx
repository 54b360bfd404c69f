/** /account/tokens — the signed-in user's API tokens: create (scopes, one event, expiry), last use, revoke. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { SecretReveal } from "~/components/ui/secret-reveal";
import { CheckboxGroupField, FormErrorSummary, SelectField, TextField, useSchemaForm } from "~/components/forms";
import { useLatestAnswer } from "~/components/use-latest-answer";
import { apiTokenFormSchema, TOKEN_EXPIRY_DAYS } from "~/domain/accounts/api-token.schema";
import { useT } from "~/i18n/use-t";
import { recordAudit } from "~/models/audit.server";
import { listEventChoices } from "~/models/events.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/services/accounts.server";
import { requireUser } from "~/services/auth.server";
import { parseForm } from "~/utils/action-kit.server";
import { pageTitle } from "~/utils/meta";
import { TokensTable } from "./tokens-table";
import { tokenFormValues, tokensActionSchema } from "./tokens.schema";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tokens.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [tokens, events] = await Promise.all([listApiTokens(context.db, user.id), listEventChoices(context.db)]);
  return { tokens, events };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await parseForm(request, tokensActionSchema, { arrayFields: ["scopes"] });
  if (!form.success) return data({ token: null, revoked: false, fieldErrors: form.fieldErrors, values: tokenFormValues(form.values) }, { status: 400 });
  if (form.data.intent === "revoke") {
    const ok = form.data.tokenId ? await revokeApiToken(context.db, user, form.data.tokenId) : false;
    return data({ token: null, revoked: ok, fieldErrors: null, values: null }, { status: ok ? 200 : 404 });
  }
  const { name, scopes, eventId, expiresDays } = form.data;
  const days = expiresDays ? Number(expiresDays) : null;
  const token = await createApiToken(context.db, user.id, name, {
    scopes,
    eventId: eventId || null,
    expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
  });
  await recordAudit(context.db, {
    actor: user,
    action: "user.token.create",
    entityType: "user",
    entityId: user.id,
    details: { name, scopes, eventId: eventId || null, expiresDays: days },
  });
  return { token, revoked: false, fieldErrors: null, values: null };
}

export default function AccountTokens() {
  const { tokens, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useT();
  const busy = navigation.state !== "idle";
  const { current, submitted } = useLatestAnswer(actionData);
  const values = actionData?.values;
  const expiry = values ? (values.expiresDays === "" ? "" : (TOKEN_EXPIRY_DAYS.find((d) => d === values.expiresDays) ?? "90")) : "90";
  const { form, onSubmit } = useSchemaForm(apiTokenFormSchema, {
    defaultValues: { name: values?.name ?? "", scopes: values?.scopes ?? ["read"], eventId: values?.eventId ?? "", expiresDays: expiry },
    serverErrors: current?.fieldErrors,
  });
  const create = (event: FormEvent<HTMLFormElement>) => {
    submitted();
    onSubmit(event);
  };
  return (
    <div className="tokens-page">
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {current?.revoked ? <Notice tone="ok">{t("tokens.revoked")}</Notice> : null}
      {current?.token ? <SecretReveal id="token-value" testId="token-created" message={t("tokens.created")} label={t("tokens.title")} value={current.token} /> : null}

      <section className="card">
        <h2>{t("tokens.create")}</h2>
        <FormErrorSummary show={!!current?.fieldErrors || Object.keys(form.formState.errors).length > 0} />
        <Form method="post" noValidate onSubmit={create}>
          <input type="hidden" name="intent" value="create" />
          <TextField form={form} name="name" label={t("tokens.name")} maxLength={100} className="full-width" />
          <CheckboxGroupField
            form={form}
            name="scopes"
            label={t("tokens.scopes")}
            options={(["read", "write"] as const).map((scope) => ({ value: scope, label: t(`tokens.scope.${scope}`) }))}
          />
          <SelectField
            form={form}
            name="eventId"
            label={t("tokens.event")}
            className="full-width"
            options={[{ value: "", label: t("tokens.anyEvent") }, ...events.map((e) => ({ value: e.id, label: e.title }))]}
          />
          <SelectField
            form={form}
            name="expiresDays"
            label={t("tokens.expires")}
            options={[{ value: "", label: t("tokens.expires.never") }, ...TOKEN_EXPIRY_DAYS.map((d) => ({ value: d, label: t("tokens.expires.days", { count: Number(d) }) }))]}
          />
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("tokens.create")}
            </button>
          </div>
        </Form>
      </section>

      {tokens.length === 0 ? <p className="muted">{t("tokens.none")}</p> : null}
      {tokens.length ? <TokensTable tokens={tokens} events={events} busy={busy} /> : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
