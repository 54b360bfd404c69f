import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MailMessageTable } from "~/components/mail-message-table";
import { useT } from "~/i18n/use-t";
import { countMailbox, listMailbox, mailStatuses, type MailStatus } from "~/models/mail.server";
import { mailDeliveryMode } from "~/services/mail-transport.server";
import { requireGlobalPermission } from "~/utils/auth.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.mailbox.title");

const PAGE_SIZE = 50;
/** The office reads its mail log in the office's time, as the audit log. */
const OFFICE_ZONE = "Asia/Ho_Chi_Minh";

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireGlobalPermission(request, context, "mailbox:read");
  const url = new URL(request.url);
  const statusParam = url.searchParams.get("status");
  const status = mailStatuses.find((s) => s === statusParam);
  const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const [messages, total] = await Promise.all([
    listMailbox(context.db, { status, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    countMailbox(context.db, status),
  ]);
  return { messages, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), status: status ?? null, mode: mailDeliveryMode() };
}

export default function MailboxPage() {
  const { messages, total, page, pages, status, mode } = useLoaderData<typeof loader>();
  const { t } = useT();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <div className="page-head">
        <h1>{t("mail.mailbox.title")}</h1>
        <Form method="get" className="actions" style={{ marginTop: 0 }}>
          <label htmlFor="mailbox-status" className="muted">
            {t("mail.mailbox.filter")}
          </label>
          <select id="mailbox-status" name="status" defaultValue={status ?? ""} style={{ font: "inherit", padding: ".4rem" }}>
            <option value="">{t("mail.mailbox.all")}</option>
            {(["queued", "sending", "sent", "failed"] as const satisfies readonly MailStatus[]).map((s) => (
              <option key={s} value={s}>
                {t(`mail.status.${s}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button secondary">
            {t("mail.mailbox.apply")}
          </button>
        </Form>
      </div>
      <div className={`notice ${mode === "mailbox" ? "notice-warn" : "notice-ok"}`} role="status">
        {mode === "mailbox" ? t("mail.mailbox.modeMailbox") : t("mail.mailbox.modeSmtp")}
      </div>
      <p className="muted">{t("mail.mailbox.count", { count: total })}</p>
      {messages.length === 0 ? (
        <p className="card muted">{t("mail.mailbox.empty")}</p>
      ) : (
        <MailMessageTable messages={messages} label={t("mail.mailbox.title")} zone={OFFICE_ZONE} linkToMailbox />
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label={t("mail.mailbox.title")}>
          {page > 1 ? <Link to={pageLink(page - 1)}>{t("mail.mailbox.newer")}</Link> : <span />}
          <span className="muted">
            {page} / {pages}
          </span>
          {page < pages ? <Link to={pageLink(page + 1)}>{t("mail.mailbox.older")}</Link> : <span />}
        </nav>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
