import { formatDateTime } from "~/domain/dates/phrasing";
import { describeAuditEntry } from "~/domain/audit/audit-text";
import { useT } from "~/i18n/use-t";

export interface AuditRow {
  id: string;
  at: Date | string;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
}

/** Times in Vietnam's zone: the audit log is the office's record, read in the office's time. */
export function AuditTable({ entries, zone = "Asia/Ho_Chi_Minh" }: { entries: AuditRow[]; zone?: string }) {
  const { t, locale } = useT();
  if (entries.length === 0) return <p className="card muted">{t("audit.empty")}</p>;
  return (
    <table className="list" aria-label={t("audit.title")}>
      <thead>
        <tr>
          <th>{t("audit.when")}</th>
          <th>{t("audit.who")}</th>
          <th>{t("audit.what")}</th>
          <th className="hide-sm">{t("audit.record")}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const text = describeAuditEntry(e, t);
          return (
            <tr key={e.id}>
              <td>{formatDateTime(new Date(e.at), zone, locale)}</td>
              <td>{e.actorName ?? t("audit.system")}</td>
              <td>
                {text.action}
                {text.changed ? <div className="muted">{text.changed}</div> : null}
              </td>
              <td className="hide-sm">{text.record}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
