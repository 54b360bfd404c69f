import type { PressStatus } from "~/domain/press/types";
import { useT } from "~/i18n/use-t";

export function PressStatusBadge({ status }: { status: PressStatus }) {
  const { t } = useT();
  return <span className={`badge press-status press-status-${status}`}>{t(`press.status.${status}`)}</span>;
}
