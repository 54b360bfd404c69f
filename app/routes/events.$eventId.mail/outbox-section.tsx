import { Link } from "@remix-run/react";
import { MailMessageTable, type MailMessageRow } from "~/components/mail-message-table";
import type { OutboxCounts } from "~/components/mail-progress";
import { useT } from "~/i18n/use-t";

/** The event's outbox: the counts by status (kept current while sending) and the latest messages. */
export function OutboxSection({
  messages,
  progress,
  zone,
  canReadMailbox,
}: {
  messages: MailMessageRow[];
  progress: OutboxCounts;
  zone: string;
  canReadMailbox: boolean;
}) {
  const { t } = useT();
  return (
    <section aria-labelledby="mail-outbox">
      <div className="page-head space-below-sm">
        <h3 id="mail-outbox" className="flush">
          {t("mail.section.outbox")}
        </h3>
        <p className="muted flush">
          {(["queued", "sending", "sent", "failed"] as const).map((s, i) => (
            <span key={s}>
              {i > 0 ? " · " : null}
              {t(`mail.status.${s}`)}: {progress[s]}
            </span>
          ))}
          {canReadMailbox ? (
            <>
              {" · "}
              <Link to="/admin/mailbox">{t("mail.outbox.more")}</Link>
            </>
          ) : null}
        </p>
      </div>
      {messages.length === 0 ? (
        <p className="card muted">{t("mail.outbox.empty")}</p>
      ) : (
        <MailMessageTable messages={messages} label={t("mail.section.outbox")} zone={zone} linkToMailbox={canReadMailbox} />
      )}
    </section>
  );
}
