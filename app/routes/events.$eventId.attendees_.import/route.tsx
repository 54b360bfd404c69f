import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import styles from "~/components/attendees/attendees.css";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Notice } from "~/components/ui/notice";
import { decodeUtf8 } from "~/domain/attendees/csv";
import { MAX_SERVER_IMPORT_BYTES, MAX_SERVER_IMPORT_ROWS, previewImport, readAttendeeCsv } from "~/domain/attendees/import";
import { useT } from "~/i18n/use-t";
import { importAttendeeCsv } from "~/services/attendee-import.server";
import { requireEventPermission } from "~/services/auth.server";
import { attempt, parseFormData } from "~/utils/action-kit.server";
import { assertWellFormedForm, requireFormContentType } from "~/utils/form-data.server";
import { importActionSchema } from "./import.schema";
import { Preview } from "./import-preview";
import { toPreviewData } from "./import-preview-data";
import { ImportDone, UploadForm } from "./import-upload";
import { noRowsYet, useChunkedImport, type ServerImportAnswer } from "./use-chunked-import";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  return { eventId: access.event.id };
}

/** The multipart form, read in memory up to MAX_SERVER_IMPORT_BYTES; an answer to send back when it cannot be read. */
async function readUpload(request: Request): Promise<FormData | { error: string; status: number }> {
  // A wrong or missing Content-Type is a clear 415, not Node's TypeError (docs/decisions/024-bad-input.md).
  requireFormContentType(request);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_SERVER_IMPORT_BYTES }));
  } catch (error) {
    if (error instanceof Error && /exceeded|too large|size/i.test(error.message))
      return { error: `attendees.import.errors.tooLarge?size=${MAX_SERVER_IMPORT_BYTES / 1024 / 1024}`, status: 413 };
    return { error: "errors.invalid", status: 400 };
  }
  assertWellFormedForm(formData);
  return formData;
}

/**
 * Without JavaScript: "preview" reads the uploaded file on the server (at most MAX_SERVER_IMPORT_ROWS rows and
 * MAX_SERVER_IMPORT_BYTES); the preview page carries the text back in a hidden field, and "commit" imports it
 * chunk by chunk. With JavaScript the browser does the reading and posts chunks to ./import/rows instead
 * (use-chunked-import.ts).
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const fail = (error: string, status = 400) => data<ServerImportAnswer>({ kind: "error", error }, { status });
  const upload = await readUpload(request);
  if (!(upload instanceof FormData)) return fail(upload.error, upload.status);
  const form = parseFormData(upload, importActionSchema);
  if (!form.success) return fail(form.values.intent === "commit" ? "attendees.import.errors.noFile" : "errors.invalid");
  if (form.data.intent === "preview") {
    const file = upload.get("file");
    if (!(file instanceof Blob) || file.size === 0) return fail("attendees.import.errors.noFile");
    const text = decodeUtf8(await file.arrayBuffer());
    if (text === null) return fail("attendees.import.errors.notUtf8");
    const read = readAttendeeCsv(text, { maxRows: MAX_SERVER_IMPORT_ROWS });
    if (!read.ok) return fail(read.error, 422);
    return data<ServerImportAnswer>({ kind: "preview", preview: toPreviewData(previewImport(read)), csv: text });
  }
  const csv = form.data.csv;
  const outcome = await attempt(() => importAttendeeCsv(context.db, access.user, access.event.id, csv));
  if (!outcome.ok) return fail(outcome.error.message, outcome.status);
  const result = outcome.value;
  if (!result.ok) return fail(result.error, 422);
  return data<ServerImportAnswer>({ kind: "done", summary: result.summary, skipped: result.errors.length });
}

export default function ImportAttendeesPage() {
  const { eventId } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useT();
  const base = `/events/${eventId}/attendees`;
  const { view, serverCsv, preview, commit, reset, touched } = useChunkedImport(`${base}/import/rows`, answer);
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");
  const busy = navigation.state === "submitting";

  return (
    <>
      <div className="att-head">
        <h2>{t("attendees.import.title")}</h2>
        <div className="actions">
          <Link to={base} className="button secondary">
            ← {t("attendees.title")}
          </Link>
        </div>
      </div>

      {view.state === "done" ? <ImportDone summary={view.summary} skipped={view.skipped} base={base} number={number} /> : null}

      {view.state === "idle" || view.state === "error" || view.state === "reading" || view.state === "done" ? (
        <UploadForm
          base={base}
          number={number}
          error={view.state === "error" ? view.error : null}
          reading={view.state === "reading"}
          busy={busy}
          onPreview={(file) => void preview(file)}
          onChange={() => touched && reset()}
        />
      ) : null}

      {view.state === "preview" || view.state === "committing" || view.state === "failed" ? (
        <Preview preview={view.preview} number={number}>
          {view.state === "committing" || view.state === "failed" ? (
            <div className="att-progress" data-testid="import-progress">
              <progress max={view.rows.length} value={view.done} aria-label={t("attendees.import.committing")} />
              <span aria-live="polite">
                {t("attendees.import.progress", { done: number(view.done), total: number(view.rows.length) })}
                {view.state === "committing" ? ` — ${t("attendees.import.committing")}` : ""}
              </span>
            </div>
          ) : null}
          {view.state === "failed" ? (
            <Notice tone="error">
              {t("attendees.import.failed", { row: view.row })}{" "}
              <button type="button" className="button" onClick={() => void commit(view)}>
                {t("attendees.import.resume")}
              </button>
            </Notice>
          ) : null}
          {view.state !== "preview" ? null : view.preview.validCount === 0 ? (
            <div className="actions">
              <p className="muted">{t("attendees.import.nothingToCommit")}</p>
              <Link to="." className="button secondary" onClick={reset}>
                {t("attendees.import.chooseAnother")}
              </Link>
            </div>
          ) : serverCsv !== null ? (
            <Form method="post" encType="multipart/form-data" className="actions">
              <input type="hidden" name="intent" value="commit" />
              <input type="hidden" name="csv" value={serverCsv} />
              <button type="submit" className="button" disabled={busy}>
                {t("attendees.import.commit", { count: number(view.preview.validCount) })}
              </button>
              <Link to="." className="button secondary">
                {t("attendees.import.chooseAnother")}
              </Link>
            </Form>
          ) : (
            <div className="actions">
              <button type="button" className="button" onClick={() => void commit({ preview: view.preview, rows: view.rows, done: 0, summary: noRowsYet })}>
                {t("attendees.import.commit", { count: number(view.preview.validCount) })}
              </button>
              <button type="button" className="button secondary" onClick={reset}>
                {t("attendees.import.chooseAnother")}
              </button>
            </div>
          )}
        </Preview>
      ) : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
