/**
 * The webhooks page's body (admin: every event; an event's Manage tab: that event): the registration form, the
 * endpoints with their delivery log, and the buttons to rotate, switch off/on, delete and redeliver. Plain
 * Remix forms: everything works before JavaScript loads; a refused registration keeps what was typed.
 */
import { Form, useNavigation } from "@remix-run/react";
import { Field } from "~/components/forms";
import type { WebhookJson } from "~/domain/api/webhook-json";
import { formatDateTime } from "~/domain/dates/phrasing";
import { WEBHOOK_EVENT_TYPES } from "~/domain/webhooks/event-types";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export interface WebhookRow extends WebhookJson {
  ownerName: string;
  deliveries: {
    id: string;
    messageId: string;
    type: string;
    status: "queued" | "sending" | "delivered" | "failed";
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
  }[];
}

export interface WebhooksActionData {
  notice: MessageKey | null;
  secret: { value: string; kind: "created" | "rotated"; until: string | null } | null;
  fieldErrors: Record<string, string> | null;
  error: string | null;
  values: { url: string; description: string; events: string[]; includePersonalData: boolean } | null;
}

export function WebhooksManager({ endpoints, actionData }: { endpoints: WebhookRow[]; actionData: WebhooksActionData | undefined }) {
  const { t, tError, locale } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values;
  const when = (iso: string) => formatDateTime(new Date(iso), OFFICE_ZONE, locale);
  return (
    <div data-testid="webhooks">
      {actionData?.notice ? (
        <div className="notice notice-ok" role="status">
          {t(actionData.notice)}
        </div>
      ) : null}
      {actionData?.error && !Object.keys(errors).length ? (
        <div className="notice notice-error" role="alert">
          {tError(actionData.error)}
        </div>
      ) : null}
      {actionData?.secret ? (
        <section className="card" data-testid="webhook-secret">
          <div className="notice notice-ok" role="status">
            {actionData.secret.kind === "created"
              ? t("webhooks.created")
              : t("webhooks.rotated", { date: when(actionData.secret.until ?? new Date().toISOString()) })}
          </div>
          <div className="field">
            <label htmlFor="webhook-secret-value">{t("webhooks.secret")}</label>
            <input id="webhook-secret-value" type="text" readOnly value={actionData.secret.value} style={{ fontFamily: "ui-monospace, monospace", width: "100%" }} />
          </div>
        </section>
      ) : null}

      <section className="card">
        <h2 style={{ marginTop: 0 }}>{t("webhooks.add")}</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <Field label={t("webhooks.url")} id="webhook-url" error={errors.url}>
            <input
              id="webhook-url"
              name="url"
              type="url"
              inputMode="url"
              defaultValue={values?.url ?? ""}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={errors.url ? "webhook-url-error" : undefined}
              placeholder="https://"
              maxLength={2000}
              style={{ width: "100%" }}
            />
          </Field>
          <fieldset className={`field${errors.events ? " field-invalid" : ""}`} aria-describedby={errors.events ? "webhook-events-error" : undefined}>
            <legend>{t("webhooks.events")}</legend>
            {WEBHOOK_EVENT_TYPES.map((type) => (
              <label key={type} style={{ display: "block", fontWeight: "normal" }}>
                <input type="checkbox" name="events" value={type} defaultChecked={values ? values.events.includes(type) : false} />{" "}
                {t(`webhooks.type.${type}` as MessageKey)} <code className="muted">{type}</code>
              </label>
            ))}
            {errors.events ? (
              <p className="field-error" id="webhook-events-error" role="alert">
                {tError(errors.events)}
              </p>
            ) : null}
          </fieldset>
          <div className="field">
            <label style={{ fontWeight: "normal" }}>
              <input type="checkbox" name="includePersonalData" defaultChecked={values?.includePersonalData ?? false} aria-describedby="webhook-personal-hint" />{" "}
              {t("webhooks.personal")}
            </label>
            <p className="hint" id="webhook-personal-hint">
              {t("webhooks.personalHint")}
            </p>
          </div>
          <Field label={t("webhooks.description")} id="webhook-description" error={errors.description} optional>
            <input id="webhook-description" name="description" type="text" maxLength={200} defaultValue={values?.description ?? ""} style={{ width: "100%" }} />
          </Field>
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {t("webhooks.submit")}
            </button>
          </div>
        </Form>
      </section>

      {endpoints.length === 0 ? <p className="muted">{t("webhooks.none")}</p> : null}
      {endpoints.map((e) => (
        <section key={e.id} className="card" data-testid="webhook-endpoint" aria-label={e.url}>
          <h2 style={{ marginTop: 0, fontSize: "1.05rem", overflowWrap: "anywhere" }}>{e.url}</h2>
          <p style={{ margin: ".25rem 0" }}>
            <strong data-testid="webhook-status">{e.enabled ? t("webhooks.statusOn") : t("webhooks.statusOff")}</strong>
            {" · "}
            {e.includePersonalData ? t("webhooks.personalOn") : t("webhooks.personalOff")}
            {" · "}
            <span className="muted">{e.ownerName}</span>
            {e.description ? <span className="muted"> · {e.description}</span> : null}
          </p>
          <p className="muted" style={{ margin: ".25rem 0" }}>
            {e.events.map((type) => t(`webhooks.type.${type}` as MessageKey)).join(", ")}
          </p>
          {!e.enabled && e.disabledAt ? (
            <div className="notice notice-error" role="status">
              {e.disabledReason === "failing" ? t("webhooks.disabledFailing", { date: when(e.disabledAt) }) : t("webhooks.disabledManual", { date: when(e.disabledAt) })}
            </div>
          ) : null}
          {e.enabled && e.failingSince ? <p className="muted">{t("webhooks.failingSince", { date: when(e.failingSince) })}</p> : null}
          <Form method="post" className="actions">
            <input type="hidden" name="endpointId" value={e.id} />
            <button type="submit" name="intent" value="rotate" className="button secondary" disabled={busy}>
              {t("webhooks.rotate")}
            </button>
            <button type="submit" name="intent" value={e.enabled ? "disable" : "enable"} className="button secondary" disabled={busy}>
              {e.enabled ? t("webhooks.disable") : t("webhooks.enable")}
            </button>
            <button type="submit" name="intent" value="delete" className="button danger secondary" disabled={busy}>
              {t("webhooks.delete")}
            </button>
          </Form>
          <h3 style={{ fontSize: "1rem" }}>{t("webhooks.log")}</h3>
          {e.deliveries.length === 0 ? (
            <p className="muted">{t("webhooks.logEmpty")}</p>
          ) : (
            <div style={{ overflowX: "auto" }}>
              <table className="list" data-testid="webhook-log">
                <thead>
                  <tr>
                    <th scope="col">{t("webhooks.log.when")}</th>
                    <th scope="col">{t("webhooks.log.type")}</th>
                    <th scope="col">{t("webhooks.log.status")}</th>
                    <th scope="col">{t("webhooks.log.code")}</th>
                    <th scope="col">{t("webhooks.log.attempts")}</th>
                    <th scope="col">
                      {t("webhooks.redeliver")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {e.deliveries.map((d) => (
                    <tr key={d.id} data-testid="webhook-delivery">
                      <td style={{ whiteSpace: "nowrap" }}>{when(d.createdAt)}</td>
                      <td>
                        <code>{d.type}</code>
                      </td>
                      <td>{t(`webhooks.delivery.${d.status}`)}</td>
                      <td title={d.lastError ?? undefined}>
                        {d.lastStatusCode ?? (d.attempts > 0 ? t("webhooks.noAnswer") : "—")}
                        {d.lastError && d.status !== "delivered" ? <div className="muted" style={{ fontSize: ".85rem" }}>{d.lastError}</div> : null}
                      </td>
                      <td>{d.attempts}</td>
                      <td>
                        <Form method="post">
                          <input type="hidden" name="endpointId" value={e.id} />
                          <input type="hidden" name="deliveryId" value={d.id} />
                          <button type="submit" name="intent" value="redeliver" className="button secondary" disabled={busy || d.status === "sending"}>
                            {t("webhooks.redeliver")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
