import { Link } from "@remix-run/react";
import { formatDateTime } from "~/domain/dates/phrasing";
import { mailStatusBadgeClass } from "~/domain/mail/status";
import { useT } from "~/i18n/use-t";
import type { MessageKey } from "~/i18n/i18n";

export interface MailMessageRow {
  id: string;
  createdAt: Date | string;
  to: string;
  subject: string;
  kind: string;
  status: string;
  attempts: number;
  eventTitle?: string | null;
  icsMethod?: string | null;
  deliveredVia?: string | null;
  nextAttemptAt?: Date | string | null;
  lastError?: string | null;
}

/** The outbox as a table: the admin Mailbox and each event's "Send invitations" page show the same rows. */
export function MailMessageTable({
  messages,
  label,
  zone,
  linkToMailbox,
}: {
  messages: MailMessageRow[];
  label: string;
  zone: string;
  linkToMailbox: boolean;
}) {
  const { t, locale } = useT();
  const when = (d: Date | string) => formatDateTime(new Date(d), zone, locale);
  return (
    <table className="list" aria-label={label}>
      <thead>
        <tr>
          <th>{t("mail.col.createdAt")}</th>
          <th>{t("mail.col.to")}</th>
          <th>{t("mail.col.subject")}</th>
          <th>{t("mail.col.kind")}</th>
          <th>{t("mail.col.status")}</th>
          <th>{t("mail.col.attempts")}</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m) => (
          <tr key={m.id}>
            <td className="nowrap">{when(m.createdAt)}</td>
            <td className="wrap-anywhere">{m.to === "" ? t("privacy.mail.erased") : m.to}</td>
            <td>
              {linkToMailbox ? <Link to={`/admin/mailbox/${m.id}`}>{m.subject}</Link> : m.subject}
              {m.eventTitle ? <div className="muted small-text">{m.eventTitle}</div> : null}
            </td>
            <td>
              {t(`mail.kind.${m.kind}` as MessageKey)}
              {m.icsMethod ? <div className="muted small-text">{m.icsMethod}</div> : null}
            </td>
            <td>
              <span className={mailStatusBadgeClass(m.status as Parameters<typeof mailStatusBadgeClass>[0])}>
                {t(`mail.status.${m.status}` as MessageKey)}
              </span>
              {m.deliveredVia ? (
                <div className="muted small-text">
                  {m.deliveredVia === "smtp" ? t("mail.via.smtp") : t("mail.via.mailbox")}
                </div>
              ) : null}
              {m.status === "queued" && m.attempts > 0 && m.nextAttemptAt ? (
                <div className="muted small-text">
                  {t("mail.col.nextAttempt")}: {when(m.nextAttemptAt)}
                </div>
              ) : null}
              {m.lastError && m.status !== "sent" ? (
                <div className="muted small-text" title={m.lastError}>
                  {m.lastError.slice(0, 120)}
                </div>
              ) : null}
            </td>
            <td>{m.attempts}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
