import type { InvitationStatus } from "~/domain/attendees/attendee.schema";
import { isMessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

export function AttendeeStatusBadge({ status, withdrawn }: { status: InvitationStatus; withdrawn?: boolean }) {
  const { t } = useT();
  if (withdrawn) return <span className="badge badge-att-withdrawn">{t("attendees.withdrawnBadge")}</span>;
  return <span className={`badge badge-att-${status}`}>{t(`attendees.status.${status}`)}</span>;
}

export interface ReplyNotesData {
  mail: {
    partstat: string;
    client: string | null;
    answeredAt: Date | string;
    applied: boolean;
    outcome: string;
    guests: number | null;
    delegatedTo: string | null;
    comment: string | null;
  } | null;
  conflict: {
    web: { partstat: string; answeredAt: Date | string };
    email: { partstat: string; answeredAt: Date | string };
    counts: "web" | "email";
  } | null;
  bounce: { at: Date | string; reason: string | null } | null;
}

/** Under the status: "email bounced" with the reason, the mailed answer with its client, note and guests, a conflict. */
export function ReplyNotes({ reply, at }: { reply: ReplyNotesData; at: (d: Date | string) => string }) {
  const { t } = useT();
  const answer = (partstat: string, to?: string | null) => {
    const key = `inbound.partstat.${partstat}`;
    return isMessageKey(key) ? t(key, { to: to ?? "…" }) : partstat;
  };
  const clientKey = `inbound.client.${reply.mail?.client ?? "other"}`;
  const notCounted = reply.mail ? `inbound.mail.notCounted.${reply.mail.outcome}` : "";
  return (
    <div className="att-replies">
      {reply.bounce ? (
        <div className="att-bounce" data-testid="bounce">
          <span className="badge badge-att-bounced">{t("attendees.status.bounced")}</span>{" "}
          <span className="att-sub">
            {t("inbound.bounced.detail", { time: at(reply.bounce.at), reason: reply.bounce.reason ?? t("inbound.bounced.noReason") })}
          </span>
        </div>
      ) : null}
      {reply.mail ? (
        <div className="att-sub" data-testid="mailed-answer">
          {t("inbound.mail.answer", {
            client: t(isMessageKey(clientKey) ? clientKey : "inbound.client.other"),
            answer: answer(reply.mail.partstat, reply.mail.delegatedTo),
            time: at(reply.mail.answeredAt),
          })}
          {!reply.mail.applied && isMessageKey(notCounted) ? ` — ${t(notCounted)}` : null}
        </div>
      ) : null}
      {reply.mail?.comment ? <div className="att-sub att-comment">{t("inbound.mail.comment", { comment: reply.mail.comment })}</div> : null}
      {reply.mail?.guests ? <div className="att-sub">{t("inbound.mail.guests", { count: reply.mail.guests })}</div> : null}
      {reply.conflict ? (
        <div className="att-conflict" role="note" data-testid="reply-conflict">
          {t("inbound.conflict", {
            web: answer(reply.conflict.web.partstat),
            webTime: at(reply.conflict.web.answeredAt),
            email: answer(reply.conflict.email.partstat),
            emailTime: at(reply.conflict.email.answeredAt),
            counts: t(`inbound.source.${reply.conflict.counts}`),
          })}
        </div>
      ) : null}
    </div>
  );
}
