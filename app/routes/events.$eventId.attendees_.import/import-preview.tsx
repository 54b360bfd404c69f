import type { ReactNode } from "react";
import { Notice } from "~/components/ui/notice";
import type { ImportField } from "~/domain/attendees/attendee.schema";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { ImportSummary } from "~/services/attendee-import.server";
import type { PreviewData } from "./import-preview-data";

export function numbers(s: ImportSummary, number: (n: number) => string) {
  return {
    rows: number(s.rows),
    invitationsCreated: number(s.invitationsCreated),
    invitationsUpdated: number(s.invitationsUpdated),
    peopleCreated: number(s.peopleCreated),
    peopleUpdated: number(s.peopleUpdated),
  };
}

export function Preview({ preview, number, children }: { preview: PreviewData; number: (n: number) => string; children: ReactNode }) {
  const { t, tError } = useT();
  const fieldLabel = (f: ImportField | null) => (f ? t(`attendees.field.${f}` as MessageKey) : t("attendees.import.wholeRow"));
  return (
    <section aria-label={t("attendees.import.preview")} data-testid="import-preview">
      <Notice as="p" tone={preview.total > preview.validCount ? "warn" : "ok"}>
        {t("attendees.import.summary", {
          total: number(preview.total),
          valid: number(preview.validCount),
          invalid: number(preview.total - preview.validCount),
        })}
        {preview.ignoredColumns.length ? (
          <>
            <br />
            {t("attendees.import.ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}
          </>
        ) : null}
      </Notice>
      {children}
      {preview.errors.length ? (
        <>
          <h3>{t("attendees.import.errorsTitle")}</h3>
          <div className="att-table-scroll">
            <table className="list att-errors" data-testid="import-errors">
              <thead>
                <tr>
                  <th scope="col">{t("attendees.import.row")}</th>
                  <th scope="col">{t("attendees.import.field")}</th>
                  <th scope="col">{t("attendees.import.message")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={`${e.rowNumber}-${e.field ?? ""}-${i}`}>
                    <td>{e.rowNumber}</td>
                    <td>{fieldLabel(e.field)}</td>
                    <td>{tError(e.message)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {preview.errorCount > preview.errors.length ? (
            <p className="muted">{t("attendees.import.moreErrors", { count: number(preview.errorCount - preview.errors.length) })}</p>
          ) : null}
        </>
      ) : null}
      {preview.sample.length ? (
        <>
          <h3>{t("attendees.import.sampleTitle")}</h3>
          <div className="att-table-scroll">
            <table className="list att-errors">
              <thead>
                <tr>
                  <th scope="col">{t("attendees.import.row")}</th>
                  <th scope="col">{t("attendees.field.fullName")}</th>
                  <th scope="col">{t("attendees.field.organization")}</th>
                  <th scope="col" className="hide-sm">
                    {t("attendees.field.email")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((s) => (
                  <tr key={s.rowNumber}>
                    <td>{s.rowNumber}</td>
                    <td>{s.fullName}</td>
                    <td>{s.organization ?? "—"}</td>
                    <td className="hide-sm">{s.email ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}

