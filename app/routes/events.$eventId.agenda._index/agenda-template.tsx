import { Form, Link } from "@remix-run/react";
import { useT } from "~/i18n/use-t";
import { ConfirmPanel } from "~/components/ui/confirm-panel";

/** "Replace the agenda with the signing ceremony's template?" — the agenda has items already. */
export function TemplateConfirm({ count, version }: { count: number; version: string }) {
  const { t, locale } = useT();
  return (
    <ConfirmPanel label={t("agenda.template.insert")}>
      <p>{t("agenda.template.confirm", { count })}</p>
      <Form method="post" replace className="actions">
        <input type="hidden" name="intent" value="template" />
        <input type="hidden" name="replace" value="1" />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="version" value={version} />
        <button type="submit" className="button danger">
          {t("agenda.template.replace", { count })}
        </button>
        <Link to="." className="button secondary" preventScrollReset>
          {t("action.back")}
        </Link>
      </Form>
    </ConfirmPanel>
  );
}

/** No item yet: say so, and offer the signing ceremony's template. */
export function EmptyAgenda({ canEdit, version, busy }: { canEdit: boolean; version: string; busy: boolean }) {
  const { t, locale } = useT();
  return (
    <section className="card agenda-empty">
      <p>{t("agenda.empty")}</p>
      {canEdit ? (
        <>
          <p className="muted">{t("agenda.template.hint")}</p>
          <Form method="post" replace>
            <input type="hidden" name="intent" value="template" />
            <input type="hidden" name="locale" value={locale} />
            <input type="hidden" name="version" value={version} />
            <button type="submit" className="button" disabled={busy}>
              {t("agenda.template.insert")}
            </button>
          </Form>
        </>
      ) : null}
    </section>
  );
}
