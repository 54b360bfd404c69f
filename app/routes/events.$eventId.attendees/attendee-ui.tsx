import type { InvitationStatus } from "~/domain/attendees/attendee.schema";
import { useT } from "~/i18n/use-t";

export function AttendeeStatusBadge({ status, withdrawn }: { status: InvitationStatus; withdrawn?: boolean }) {
  const { t } = useT();
  if (withdrawn) return <span className="badge badge-att-withdrawn">{t("attendees.withdrawnBadge")}</span>;
  return <span className={`badge badge-att-${status}`}>{t(`attendees.status.${status}`)}</span>;
}

/** "?saved=added&who=Name" on the list after a form: the notice to show. */
export const savedNotices = {
  added: "attendees.notice.created",
  updated: "attendees.notice.updated",
  withdrawn: "attendees.notice.withdrawn",
} as const;

export function savedQuery(kind: keyof typeof savedNotices, name: string): string {
  return `?${new URLSearchParams({ saved: kind, who: name.slice(0, 200) }).toString()}`;
}
