/** An endpoint's delivery log: each delivery's type, status, last response code, attempts, and a redeliver button. */
import { DataTable } from "~/components/ui/data-table";
import { PostButton } from "~/components/ui/post-button";
import { useT } from "~/i18n/use-t";
import type { WebhookRow } from "./webhooks-manager";

export function DeliveryLog({ endpointId, deliveries, busy, when }: { endpointId: string; deliveries: WebhookRow["deliveries"]; busy: boolean; when: (iso: string) => string }) {
  const { t } = useT();
  if (deliveries.length === 0) return <p className="muted">{t("webhooks.logEmpty")}</p>;
  return (
    <DataTable
      testId="webhook-log"
      columns={[t("webhooks.log.when"), t("webhooks.log.type"), t("webhooks.log.status"), t("webhooks.log.code"), t("webhooks.log.attempts"), t("webhooks.redeliver")]}
    >
      {deliveries.map((d) => (
        <tr key={d.id} data-testid="webhook-delivery">
          <td className="nowrap">{when(d.createdAt)}</td>
          <td>
            <code>{d.type}</code>
          </td>
          <td>{t(`webhooks.delivery.${d.status}`)}</td>
          <td title={d.lastError ?? undefined}>
            {d.lastStatusCode ?? (d.attempts > 0 ? t("webhooks.noAnswer") : "—")}
            {d.lastError && d.status !== "delivered" ? <div className="muted small-text">{d.lastError}</div> : null}
          </td>
          <td>
            {d.log.length > 0 ? (
              <details data-testid="webhook-attempts">
                <summary>{d.attempts}</summary>
                <ul className="webhook-attempts">
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
            <PostButton intent="redeliver" fields={{ endpointId, deliveryId: d.id }} disabled={busy || d.status === "sending"}>
              {t("webhooks.redeliver")}
            </PostButton>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
