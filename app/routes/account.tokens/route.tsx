/** /account/tokens — the signed-in user's API tokens: create (scopes, one event, expiry), last use, revoke. */
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/forms";
import { formatDateTime } from "~/domain/dates/phrasing";
import { fieldErrors } from "~/domain/events/event.schema";
import { useT } from "~/i18n/use-t";
import { recordAudit } from "~/models/audit.server";
import { listEventChoices } from "~/models/events.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/services/accounts.server";
import { isUuid, requireUser } from "~/utils/auth.server";
import { formDataToObject, readForm } from "~/utils/form-data.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "tokens.title");

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";
const EXPIRY_DAYS = [30, 90, 365] as const;

const tokenFormSchema = z.object({
  name: z.string().trim().min(1, "tokens.errors.name").max(100, "tokens.errors.name"),
  scopes: z.array(z.enum(["read", "write"])).min(1, "tokens.errors.scopes"),
  eventId: z.union([z.literal(""), z.string().uuid("tokens.errors.event")]),
  expiresDays: z.enum(["", ...EXPIRY_DAYS.map(String)] as [string, ...string[]]),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const [tokens, events] = await Promise.all([listApiTokens(context.db, user.id), listEventChoices(context.db)]);
  return { tokens, events };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const raw = formDataToObject(await readForm(request), ["scopes"]);
  if (raw.intent === "revoke") {
    const tokenId = typeof raw.tokenId === "string" && isUuid(raw.tokenId) ? raw.tokenId : null;
    const ok = tokenId ? await revokeApiToken(context.db, user, tokenId) : false;
    return data({ token: null, revoked: ok, fieldErrors: null, values: null }, { status: ok ? 200 : 404 });
  }
  const values = {
    name: typeof raw.name === "string" ? raw.name : "",
    scopes: (raw.scopes as string[]) ?? [],
    eventId: typeof raw.eventId === "string" ? raw.eventId : "",
    expiresDays: typeof raw.expiresDays === "string" ? raw.expiresDays : "",
  };
  const parsed = tokenFormSchema.safeParse(values);
  if (!parsed.success) return data({ token: null, revoked: false, fieldErrors: fieldErrors(parsed.error), values }, { status: 400 });
  const days = parsed.data.expiresDays ? Number(parsed.data.expiresDays) : null;
  const token = await createApiToken(context.db, user.id, parsed.data.name, {
    scopes: parsed.data.scopes,
    eventId: parsed.data.eventId || null,
    expiresAt: days ? new Date(Date.now() + days * 86_400_000) : null,
  });
  await recordAudit(context.db, {
    actor: user,
    action: "user.token.create",
    entityType: "user",
    entityId: user.id,
    details: { name: parsed.data.name, scopes: parsed.data.scopes, eventId: parsed.data.eventId || null, expiresDays: days },
  });
  return { token, revoked: false, fieldErrors: null, values: null };
}

export default function AccountTokens() {
  const { tokens, events } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const busy = navigation.state !== "idle";
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values;
  const when = (d: string | Date) => formatDateTime(new Date(d), OFFICE_ZONE, locale);
  const eventTitle = (id: string | null) => (id ? (events.find((e) => e.id === id)?.title ?? id) : t("tokens.anyEvent"));
  const now = Date.now();
  return (
    <div style={{ maxWidth: "52rem" }}>
      <h1>{t("tokens.title")}</h1>
      <p>{t("tokens.intro")}</p>
      {actionData?.revoked ? (
        <div className="notice notice-ok" role="status">
          {t("tokens.revoked")}
        </div>
      ) : null}
      {actionData?.token ? (
        <section className="card" data-testid="token-created">
          <div className="notice notice-ok" role="status">
            {t("tokens.created")}
          </div>
          <input aria-label={t("tokens.title")} type="text" readOnly value={actionData.token} style={{ width: "100%", fontFamily: "ui-monospace, monospace" }} />
        </section>
      ) : null}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("tokens.create")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field label={t("tokens.name")} id="token-name" error={errors.name}>
            <input id="token-name" name="name" type="text" maxLength={100} defaultValue={values?.name ?? ""} aria-invalid={errors.name ? true : undefined} style={{ width: "100%" }} />
          </Field>
          <fieldset className={`field${errors.scopes ? " field-invalid" : ""}`}>
            <legend>{t("tokens.scopes")}</legend>
            {(["read", "write"] as const).map((scope) => (
              <label key={scope} style={{ display: "block", fontWeight: "normal" }}>
                <input type="checkbox" name="scopes" value={scope} defaultChecked={values ? values.scopes.includes(scope) : scope === "read"} /> {t(`tokens.scope.${scope}`)}
              </label>
            ))}
            {errors.scopes ? (
              <p className="field-error" role="alert">
                {t("tokens.errors.scopes")}
              </p>
            ) : null}
          </fieldset>
          <Field label={t("tokens.event")} id="token-event" error={errors.eventId}>
            <select id="token-event" name="eventId" defaultValue={values?.eventId ?? ""} style={{ width: "100%" }}>
              <option value="">{t("tokens.anyEvent")}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t("tokens.expires")} id="token-expires">
            <select id="token-expires" name="expiresDays" defaultValue={values?.expiresDays ?? "90"}>
              <option value="">{t("tokens.expires.never")}</option>
              {EXPIRY_DAYS.map((d) => (
                <option key={d} value={String(d)}>
                  {t("tokens.expires.days", { count: d })}
                </option>
              ))}
            </select>
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("tokens.create")}
            </button>
          </div>
        </Form>
      </section>

      {tokens.length === 0 ? <p className="muted">{t("tokens.none")}</p> : null}
      {tokens.length ? (
        <div style={{ overflowX: "auto" }}>
          <table className="list" data-testid="tokens">
            <thead>
              <tr>
                <th scope="col">{t("tokens.nameColumn")}</th>
                <th scope="col">{t("tokens.scopes")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.expiresAt")}</th>
                <th scope="col">
                  {t("tokens.revoke")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => {
                const expired = token.expiresAt !== null && new Date(token.expiresAt).getTime() <= now;
                return (
                  <tr key={token.id} data-testid="token-row">
                    <td>
                      <strong>{token.name}</strong>
                      <div className="muted" style={{ fontSize: ".85rem" }}>
                        {eventTitle(token.eventId)} · {t("tokens.createdAt")} {when(token.createdAt)}
                      </div>
                    </td>
                    <td>{token.scopes.map((s) => t(s === "read" ? "tokens.scope.read" : "tokens.scope.write")).join(", ")}</td>
                    <td data-testid="token-last-used">{token.lastUsedAt ? when(token.lastUsedAt) : t("tokens.neverUsed")}</td>
                    <td>{token.expiresAt ? (expired ? t("tokens.expired") : when(token.expiresAt)) : t("tokens.expires.never")}</td>
                    <td>
                      {token.revokedAt ? (
                        <span className="muted">{t("tokens.revokedAt", { date: when(token.revokedAt) })}</span>
                      ) : (
                        <Form method="post">
                          <input type="hidden" name="tokenId" value={token.id} />
                          <button type="submit" name="intent" value="revoke" className="button danger secondary" disabled={busy}>
                            {t("tokens.revoke")}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
