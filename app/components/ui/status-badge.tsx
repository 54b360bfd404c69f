import type { EventStatus } from "~/domain/events/event.schema";
import { useT } from "~/i18n/use-t";

export function StatusBadge({ status }: { status: EventStatus }) {
  const { t } = useT();
  return <span className={`badge badge-${status}`}>{t(`status.${status}`)}</span>;
}
