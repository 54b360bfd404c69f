/** One webhook endpoint: its address, status and events, the buttons to rotate, switch off/on and delete, its log. */
import { Form } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { DeliveryLog } from "./delivery-log";
import type { WebhookRow } from "./webhooks-manager";

export function EndpointCard({ endpoint: e, busy, when }: { endpoint: WebhookRow; busy: boolean; when: (iso: string) => string }) {
  const { t } = useT();
  return (
    <section className="card" data-testid="webhook-endpoint" aria-label={e.url}>
      <h2 className="webhook-endpoint-title">{e.url}</h2>
      <p className="webhook-meta">
        <strong data-testid="webhook-status">{e.enabled ? t("webhooks.statusOn") : t("webhooks.statusOff")}</strong>
        {" · "}
        {e.includePersonalData ? t("webhooks.personalOn") : t("webhooks.personalOff")}
        {" · "}
        <span className="muted">{e.ownerName}</span>
        {e.description ? <span className="muted"> · {e.description}</span> : null}
      </p>
      <p className="muted webhook-meta">{e.events.map((type) => t(`webhooks.type.${type}` as MessageKey)).join(", ")}</p>
      {!e.enabled && e.disabledAt ? (
        <Notice tone="error" role="status">
          {e.disabledReason === "failing" ? t("webhooks.disabledFailing", { date: when(e.disabledAt) }) : t("webhooks.disabledManual", { date: when(e.disabledAt) })}
        </Notice>
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
      <h3 className="webhook-log-title">{t("webhooks.log")}</h3>
      <DeliveryLog endpointId={e.id} deliveries={e.deliveries} busy={busy} when={when} />
    </section>
  );
}
