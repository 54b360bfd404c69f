import { Form, useNavigation } from "@remix-run/react";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";

/** Deputy proposals awaiting the organizer: accept (the deputy is invited in the invitee's place) or refuse (with a reason mailed to them). */
export interface QueueItem {
  id: string;
  principal: string;
  principalPosition: string | null;
  deputy: string;
  deputyPosition: string | null;
  deputyOrganization: string | null;
  deputyEmail: string | null;
  note: string | null;
  source: "web" | "mail";
  createdAt: string | Date;
}

export function DeputyQueue({ items, canManage, at, error }: { items: QueueItem[]; canManage: boolean; at: (d: Date | string) => string; error: { proposalId: string; message: string } | null }) {
  const { t, tError } = useT();
  const navigation = useNavigation();
  if (items.length === 0) return null;
  return (
    <section className="card att-deputies" aria-labelledby="deputy-queue-title" data-testid="deputy-queue">
      <h3 id="deputy-queue-title">
        {t("delegation.queue.heading")} <span className="badge">{items.length}</span>
      </h3>
      <ul className="att-deputy-list">
        {items.map((p) => {
          const busy = navigation.state !== "idle" && navigation.formData?.get("proposalId") === p.id;
          return (
            <li key={p.id} data-testid="deputy-proposal">
              <p className="att-deputy-line">
                <strong>{capitalise(t("delegation.queue.item", { principal: p.principal, deputy: p.deputy }))}</strong>{" "}
                <span className="muted">
                  ({t(`delegation.queue.via.${p.source}`)}, {at(p.createdAt)})
                </span>
              </p>
              <p className="att-sub">
                {[p.deputyPosition, p.deputyOrganization, p.deputyEmail].filter(Boolean).join(" · ")}
                {p.principalPosition ? ` — ${t("delegation.standsInFor", { name: p.principalPosition })}` : null}
              </p>
              {p.note ? <p className="att-sub">“{p.note}”</p> : null}
              {error?.proposalId === p.id ? (
                <Notice tone="error">{tError(error.message)}</Notice>
              ) : null}
              {canManage ? (
                <div className="att-deputy-actions">
                  <Form method="post">
                    <input type="hidden" name="proposalId" value={p.id} />
                    <button type="submit" name="intent" value="deputy-accept" className="button" disabled={busy}>
                      {t("delegation.queue.accept")}
                    </button>
                  </Form>
                  <Form method="post" className="att-deputy-refuse">
                    <input type="hidden" name="proposalId" value={p.id} />
                    <label>
                      {t("delegation.queue.reason")}
                      <input type="text" name="reason" maxLength={500} />
                    </label>
                    <button type="submit" name="intent" value="deputy-refuse" className="button secondary" disabled={busy}>
                      {t("delegation.queue.refuse")}
                    </button>
                  </Form>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The sentence opens with the principal's honorific, stored as typed ("ông"). */
function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);
}
