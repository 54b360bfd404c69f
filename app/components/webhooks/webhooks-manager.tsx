/**
 * The webhooks page's body (/webhooks: every endpoint the user may manage, grouped by event; an event's Manage
 * tab: that event's): the registration form (react-hook-form + webhookFormSchema, the schema the action parses),
 * the endpoints with their delivery log (each attempt's response code), and the buttons to rotate, switch
 * off/on, delete and redeliver. Remix forms: everything works before JavaScript loads; a refused registration
 * keeps what was typed.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import type { FormEvent } from "react";
import { FormErrorSummary, TextField, useSchemaForm } from "~/components/forms";
import { useLatestAnswer } from "~/components/use-latest-answer";
import { webhookFormSchema } from "~/domain/webhooks/webhook.schema";
import type { WebhookJson } from "~/domain/api/webhook-json";
import { formatDateTime } from "~/domain/dates/phrasing";
import { WEBHOOK_EVENT_TYPES } from "~/domain/webhooks/event-types";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export interface WebhookRow extends WebhookJson {
  ownerName: string;
  eventTitle: string | null;
  deliveries: {
    id: string;
    messageId: string;
    type: string;
    status: "queued" | "sending" | "delivered" | "failed";
    attempts: number;
    lastStatusCode: number | null;
    lastError: string | null;
    createdAt: string;
    log: { at: string; attempt: number; statusCode: number | null; error: string | null }[];
  }[];
}

export interface WebhooksActionData {
  notice: MessageKey | null;
  secret: { value: string; kind: "created" | "rotated"; until: string | null } | null;
  fieldErrors: Record<string, string> | null;
  error: string | null;
  values: { url: string; description: string; events: string[]; includePersonalData: boolean } | null;
}

export function WebhooksManager({
  endpoints,
  actionData,
  canCreate = true,
  grouped = false,
}: {
  endpoints: WebhookRow[];
  actionData: WebhooksActionData | undefined;
  /** Show the registration form (the overview shows it to administrators only: every-event endpoints). */
  canCreate?: boolean;
  /** The overview: every-event endpoints first, then each event's, under the event's title. */
  grouped?: boolean;
}) {
  const { t, tError, locale } = useT();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const { current, submitted } = useLatestAnswer(actionData);
  const values = actionData?.values;
  const { form, onSubmit } = useSchemaForm(webhookFormSchema, {
    defaultValues: {
      url: values?.url ?? "",
      description: values?.description ?? "",
      events: values?.events ?? [],
      includePersonalData: values?.includePersonalData ?? false,
    },
    serverErrors: current?.fieldErrors,
  });
  const register = (event: FormEvent<HTMLFormElement>) => {
    submitted();
    onSubmit(event);
  };
  const eventsError = form.formState.errors.events?.message;
  const when = (iso: string) => formatDateTime(new Date(iso), OFFICE_ZONE, locale);
  const groups = grouped ? groupByEvent(endpoints) : [{ eventId: null, eventTitle: null, endpoints }];
  return (
    <div data-testid="webhooks">
      {current?.notice ? (
        <div className="notice notice-ok" role="status">
          {t(current.notice)}
        </div>
      ) : null}
      {current?.error && !Object.keys(current.fieldErrors ?? {}).length ? (
        <div className="notice notice-error" role="alert">
          {tError(current.error)}
        </div>
      ) : null}
      {current?.secret ? (
        <section className="card" data-testid="webhook-secret">
          <div className="notice notice-ok" role="status">
            {current.secret.kind === "created"
              ? t("webhooks.created")
              : t("webhooks.rotated", { date: when(current.secret.until ?? new Date().toISOString()) })}
          </div>
          <div className="field">
            <label htmlFor="webhook-secret-value">{t("webhooks.secret")}</label>
            <input id="webhook-secret-value" type="text" readOnly value={current.secret.value} style={{ fontFamily: "ui-monospace, monospace", width: "100%" }} />
          </div>
        </section>
      ) : null}

      {canCreate ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>{t("webhooks.add")}</h2>
          <FormErrorSummary show={!!current?.fieldErrors || Object.keys(form.formState.errors).length > 0} />
          <Form method="post" noValidate onSubmit={register}>
            <input type="hidden" name="intent" value="create" />
            <TextField form={form} name="url" label={t("webhooks.url")} type="url" inputMode="url" placeholder="https://" maxLength={2000} style={{ width: "100%" }} />
            <fieldset
              className={`field${eventsError ? " field-invalid" : ""}`}
              id="field-events"
              aria-describedby={eventsError ? "webhook-events-error" : undefined}
            >
              <legend>{t("webhooks.events")}</legend>
              {WEBHOOK_EVENT_TYPES.map((type) => (
                <label key={type} style={{ display: "block", fontWeight: "normal" }}>
                  <input type="checkbox" value={type} defaultChecked={values ? values.events.includes(type) : false} {...form.register("events")} />{" "}
                  {t(`webhooks.type.${type}` as MessageKey)} <code className="muted">{type}</code>
                </label>
              ))}
              {typeof eventsError === "string" ? (
                <p className="field-error" id="webhook-events-error" role="alert">
                  {tError(eventsError)}
                </p>
              ) : null}
            </fieldset>
            <div className="field">
              <label style={{ fontWeight: "normal" }}>
                <input
                  type="checkbox"
                  defaultChecked={values?.includePersonalData ?? false}
                  aria-describedby="webhook-personal-hint"
                  {...form.register("includePersonalData")}
                />{" "}
                {t("webhooks.personal")}
              </label>
              <p className="hint" id="webhook-personal-hint">
                {t("webhooks.personalHint")}
              </p>
            </div>
            <TextField form={form} name="description" label={t("webhooks.description")} optional maxLength={200} style={{ width: "100%" }} />
            <div className="actions">
              <button type="submit" className="button" disabled={busy}>
                {t("webhooks.submit")}
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      {endpoints.length === 0 ? <p className="muted">{t("webhooks.none")}</p> : null}
      {groups.map((group) => (
        <div key={group.eventId ?? "every"} data-testid="webhook-group">
          {grouped ? (
            <h2 style={{ fontSize: "1.15rem" }}>
              {group.eventId ? (
                <Link to={`/events/${group.eventId}/webhooks`}>{t("webhooks.forEvent", { title: group.eventTitle ?? "" })}</Link>
              ) : (
                t("webhooks.allEvents")
              )}
            </h2>
          ) : null}
          {group.endpoints.map((e) => (
            <EndpointCard key={e.id} endpoint={e} busy={busy} when={when} />
          ))}
        </div>
      ))}
    </div>
  );
}

function groupByEvent(endpoints: WebhookRow[]) {
  const groups: { eventId: string | null; eventTitle: string | null; endpoints: WebhookRow[] }[] = [];
  for (const e of endpoints) {
    let group = groups.find((g) => g.eventId === e.eventId);
    if (!group) groups.push((group = { eventId: e.eventId, eventTitle: e.eventTitle, endpoints: [] }));
    group.endpoints.push(e);
  }
  // Every-event endpoints first, then events by title.
  return groups.sort((a, b) => (a.eventId === null ? -1 : b.eventId === null ? 1 : (a.eventTitle ?? "").localeCompare(b.eventTitle ?? "", "vi")));
}

function EndpointCard({ endpoint: e, busy, when }: { endpoint: WebhookRow; busy: boolean; when: (iso: string) => string }) {
  const { t } = useT();
  return (
    <section className="card" data-testid="webhook-endpoint" aria-label={e.url}>
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
                  <td>
                  {d.log.length > 0 ? (
                    <details data-testid="webhook-attempts">
                      <summary>{d.attempts}</summary>
                      <ul style={{ margin: ".25rem 0", paddingLeft: "1.2rem", fontSize: ".85rem" }}>
                        {d.log.map((a) => (
                          <li key={a.attempt}>
                            {t("webhooks.log.attempt", {
                              attempt: a.attempt,
                              date: when(a.at),
                              result: `${a.statusCode ?? t("webhooks.noAnswer")}${a.error ? ` (${a.error})` : ""}`,
                            })}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : (
                    d.attempts
                  )}
                </td>
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
  );
}
