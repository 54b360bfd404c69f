import { Form, Link } from "@remix-run/react";
import { useRef } from "react";
import { Notice } from "~/components/ui/notice";
import { importFields } from "~/domain/attendees/attendee.schema";
import { MAX_SERVER_IMPORT_BYTES, MAX_SERVER_IMPORT_ROWS } from "~/domain/attendees/import";
import { useT } from "~/i18n/use-t";
import type { ImportSummary } from "~/services/attendee-import.server";
import { numbers } from "./import-preview";

/** The import's outcome, above the form (to import another file). */
export function ImportDone({ summary, skipped, base, number }: { summary: ImportSummary; skipped: number; base: string; number: (n: number) => string }) {
  const { t } = useT();
  return (
    <Notice tone="ok" data-testid="import-done">
      <p className="flush">{t("attendees.import.done", numbers(summary, number))}</p>
      {summary.withdrawnKept ? <p>{t("attendees.import.withdrawnKept", { count: number(summary.withdrawnKept) })}</p> : null}
      {skipped ? <p>{t("attendees.import.skipped", { count: number(skipped) })}</p> : null}
      <p className="flush-bottom">
        <Link to={base}>{t("attendees.import.backToList")} →</Link>
      </p>
    </Notice>
  );
}

/**
 * The columns, the template and the file input. With JavaScript the browser reads the file (onPreview); without it
 * the form posts the file to the route's action.
 */
export function UploadForm({
  base,
  number,
  error,
  reading,
  busy,
  onPreview,
  onChange,
}: {
  base: string;
  number: (n: number) => string;
  error: string | null;
  reading: boolean;
  busy: boolean;
  onPreview: (file: File | undefined) => void;
  onChange: () => void;
}) {
  const { t, tError } = useT();
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <>
      <section className="card att-import-help">
        <p>{t("attendees.import.intro")}</p>
        <ul>
          <li>{t("attendees.import.columns", { columns: importFields.map((f) => t(`attendees.field.${f}`)).join(", ") })}</li>
          <li>{t("attendees.import.positionsHint")}</li>
          <li>{t("attendees.import.reimport")}</li>
          <li className="muted">
            {t("attendees.import.noJsLimit", {
              rows: number(MAX_SERVER_IMPORT_ROWS),
              size: MAX_SERVER_IMPORT_BYTES / 1024 / 1024,
            })}
          </li>
        </ul>
        <p className="flush-bottom">
          <a href={`${base}/export.csv?template=1`} download>
            {t("attendees.import.template")}
          </a>
        </p>
      </section>
      {error ? <Notice tone="error">{tError(error)}</Notice> : null}
      <Form
        method="post"
        encType="multipart/form-data"
        onSubmit={(event) => {
          event.preventDefault();
          onPreview(fileInput.current?.files?.[0]);
        }}
        className="card"
      >
        <input type="hidden" name="intent" value="preview" />
        <div className="att-file-row">
          <div className="field">
            <label htmlFor="import-file">{t("attendees.import.file")}</label>
            <input id="import-file" ref={fileInput} type="file" name="file" accept=".csv,text/csv,text/plain" required onChange={onChange} />
          </div>
          <button type="submit" className="button" disabled={busy || reading}>
            {t("attendees.import.preview")}
          </button>
        </div>
        {reading ? <p className="muted">{t("attendees.import.reading")}</p> : null}
      </Form>
    </>
  );
}
