import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { MailMessageTable } from "~/components/mail-message-table";
import { useT } from "~/i18n/use-t";
import { mailStatuses } from "~/domain/mail/status";
import { countMailbox, listMailbox } from "~/models/mail.server";
import { parseImapUrl } from "~/services/inbound-imap.server";
import { mailDeliveryMode, readMailSettings } from "~/services/mail-transport.server";
import { inboundSettings } from "~/utils/env.server";
import { requireGlobalPermission } from "~/services/auth.server";
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
  return {
    messages,
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    status: status ?? null,
    mode: mailDeliveryMode(),
    replies: repliesStatus(),
  };
}

/** Whether calendar replies are on and how they come in; never the IMAP credentials. */
function repliesStatus() {
  const settings = inboundSettings();
  return {
    domain: settings.domain,
    from: readMailSettings().from.address,
    smtp: settings.smtp ? { port: settings.smtp.port, tls: settings.smtp.tls !== null } : null,
    imap: settings.imap ? { folder: parseImapUrl(settings.imap.url).folder, seconds: Math.round(settings.imap.intervalMs / 1000) } : null,
  };
}

function RepliesCard({ replies }: { replies: ReturnType<typeof repliesStatus> }) {
  const { t } = useT();
  const channels = [
    replies.smtp ? t(replies.smtp.tls ? "inbound.settings.channel.smtpTls" : "inbound.settings.channel.smtp", { port: replies.smtp.port }) : null,
    replies.imap ? t("inbound.settings.channel.imap", { folder: replies.imap.folder, seconds: replies.imap.seconds }) : null,
  ].filter((c): c is string => c !== null);
  const on = replies.domain !== null && channels.length > 0;
  return (
    <section className="card" aria-labelledby="replies-title" data-testid="replies-settings">
      <h2 id="replies-title">{t("inbound.settings.title")}</h2>
      <Notice as="p" tone={on ? "ok" : "warn"} role="note">
        {!replies.domain
          ? t("inbound.settings.off", { from: replies.from })
          : on
            ? t("inbound.settings.on", { domain: replies.domain, channels: channels.join(t("inbound.settings.and")) })
            : t("inbound.settings.noChannel", { domain: replies.domain })}
      </Notice>
      <p className="muted">{t("inbound.settings.bounces")}</p>
    </section>
  );
}

export default function MailboxPage() {
  const { messages, total, page, pages, status, mode, replies } = useLoaderData<typeof loader>();
  const { t } = useT();
  const pageLink = (p: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) }).toString()}`;
  return (
    <>
      <div className="page-head">
        <h1>{t("mail.mailbox.title")}</h1>
        <Form method="get" className="actions flush-top">
          <label htmlFor="mailbox-status" className="muted">
            {t("mail.mailbox.filter")}
          </label>
          <select id="mailbox-status" name="status" defaultValue={status ?? ""} className="mailbox-filter">
            <option value="">{t("mail.mailbox.all")}</option>
            {mailStatuses.map((s) => (
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
      <Notice tone={mode === "mailbox" ? "warn" : "ok"}>{mode === "mailbox" ? t("mail.mailbox.modeMailbox") : t("mail.mailbox.modeSmtp")}</Notice>
      <RepliesCard replies={replies} />
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
