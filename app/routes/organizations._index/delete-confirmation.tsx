import { Form, Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Notice } from "~/components/ui/notice";
import { useT } from "~/i18n/use-t";
import type { OrganizationUsage } from "~/models/organizations.server";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

function usageLines(usage: OrganizationUsage, t: ReturnType<typeof useT>["t"]): string[] {
  const names = (items: string[], total: number) => `${items.map((n) => `“${n}”`).join(", ")}${total > items.length ? ", …" : ""}`;
  const lines: string[] = [];
  if (usage.host.total) lines.push(t("orgs.inUse.host", { count: usage.host.total, names: names(usage.host.events.map((e) => e.title), usage.host.total) }));
  if (usage.partner.total)
    lines.push(t("orgs.inUse.partner", { count: usage.partner.total, names: names(usage.partner.events.map((e) => e.title), usage.partner.total) }));
  if (usage.agreementParty.total)
    lines.push(
      t("orgs.inUse.agreementParty", {
        count: usage.agreementParty.total,
        names: names(usage.agreementParty.events.map((e) => e.title), usage.agreementParty.total),
      }),
    );
  if (usage.children.total)
    lines.push(
      t("orgs.inUse.children", { count: usage.children.total, names: names(usage.children.organizations.map((o) => o.nameVi), usage.children.total) }),
    );
  if (usage.people) lines.push(t("orgs.inUse.people", { count: usage.people }));
  if (usage.dignitaries) lines.push(t("orgs.inUse.dignitaries", { count: usage.dignitaries }));
  return lines;
}

/** "Delete this organization?" — and, when it is still used, where (so the person can fix that first). */
export function DeleteConfirmation({ id, name, error, usage }: { id: string; name: string; error: string | null; usage: OrganizationUsage | null }) {
  const { t, tError } = useT();
  const alertRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) alertRef.current?.focus();
  }, [error]);
  return (
    <ConfirmPanel label={t("orgs.deleteConfirm", { name })} as="section">
      {error ? (
        // The wrapper takes the focus, so a screen reader reads the refusal and where the organization is used.
        <div ref={alertRef} tabIndex={-1}>
          <Notice tone="error">
          <p>{tError(error)}</p>
          {usage ? (
            <>
              <ul>
                {usageLines(usage, t).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <p className="flush-bottom">{t("orgs.inUse.hint")}</p>
            </>
          ) : null}
          </Notice>
        </div>
      ) : null}
      <p>{t("orgs.deleteConfirm", { name })}</p>
      <Form method="post" className="actions" action={`?delete=${id}`}>
        <input type="hidden" name="intent" value="delete" />
        <input type="hidden" name="id" value={id} />
        {error && usage ? null : (
          <button type="submit" className="button danger">
            {t("action.confirm")}: {t("action.delete")}
          </button>
        )}
        {usage ? (
          <Link to={`?edit=${id}`} className="button secondary">
            {t("action.edit")}
          </Link>
        ) : null}
        <Link to="/organizations" className="button secondary">
          {t("action.back")}
        </Link>
      </Form>
    </ConfirmPanel>
  );
}
