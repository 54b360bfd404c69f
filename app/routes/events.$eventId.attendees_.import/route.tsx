import {
  data,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { importFields, type ImportField } from "~/domain/attendees/attendee.schema";
import { decodeUtf8 } from "~/domain/attendees/csv";
import {
  chunk,
  IMPORT_CHUNK_SIZE,
  MAX_SERVER_IMPORT_BYTES,
  MAX_SERVER_IMPORT_ROWS,
  previewImport,
  readAttendeeCsv,
  type ImportRowError,
  type RawImportRow,
} from "~/domain/attendees/import";
import type { MessageKey } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { importAttendeeCsv, type ImportSummary } from "~/services/attendee-import.server";
import { isServiceError } from "~/utils/errors";
import { requireEventPermission } from "~/services/auth.server";
import { assertWellFormedForm, requireFormContentType } from "~/utils/form-data.server";
import styles from "../events.$eventId.attendees/attendees.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

/** How many row errors a preview lists (all are counted). */
const SHOWN_ERRORS = 200;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  return { eventId: access.event.id };
}

interface PreviewData {
  total: number;
  validCount: number;
  errorCount: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
  sample: { rowNumber: number; fullName: string; organization: string | null; email: string | null }[];
}

function toPreviewData(p: ReturnType<typeof previewImport>): PreviewData {
  return {
    total: p.total,
    validCount: p.validCount,
    errorCount: p.errors.length,
    errors: p.errors.slice(0, SHOWN_ERRORS),
    ignoredColumns: p.ignoredColumns,
    sample: p.sample.map((s) => ({
      rowNumber: s.rowNumber,
      fullName: s.row.fullName,
      organization: s.row.organization,
      email: s.row.email,
    })),
  };
}

type ActionData =
  | { kind: "error"; error: string }
  | { kind: "preview"; preview: PreviewData; csv: string }
  | { kind: "done"; summary: ImportSummary; skipped: number };

/**
 * Without JavaScript: "preview" reads the uploaded file on the server (at most MAX_SERVER_IMPORT_ROWS rows and
 * MAX_SERVER_IMPORT_BYTES); the preview page carries the text back in a hidden field, and "commit" imports it
 * chunk by chunk. With JavaScript the browser does the reading and posts chunks to ./import/rows instead.
 */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  const fail = (error: string, status = 400) => data<ActionData>({ kind: "error", error }, { status });
  // A wrong or missing Content-Type is a clear 415, not Node's TypeError (docs/decisions/024-bad-input.md).
  requireFormContentType(request);
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_SERVER_IMPORT_BYTES }),
    );
  } catch (error) {
    if (error instanceof Error && /exceeded|too large|size/i.test(error.message))
      return fail(`attendees.import.errors.tooLarge?size=${MAX_SERVER_IMPORT_BYTES / 1024 / 1024}`, 413);
    return fail("errors.invalid");
  }
  assertWellFormedForm(formData);
  const intent = formData.get("intent");
  let text: string | null;
  if (intent === "commit") {
    const csv = formData.get("csv");
    text = typeof csv === "string" ? csv : null;
  } else {
    const file = formData.get("file");
    if (!(file instanceof Blob) || file.size === 0) return fail("attendees.import.errors.noFile");
    text = decodeUtf8(await file.arrayBuffer());
    if (text === null) return fail("attendees.import.errors.notUtf8");
  }
  if (text === null) return fail("attendees.import.errors.noFile");
  if (intent !== "commit") {
    const read = readAttendeeCsv(text, { maxRows: MAX_SERVER_IMPORT_ROWS });
    if (!read.ok) return fail(read.error, 422);
    return data<ActionData>({ kind: "preview", preview: toPreviewData(previewImport(read)), csv: text });
  }
  try {
    const result = await importAttendeeCsv(context.db, access.user, access.event.id, text);
    if (!result.ok) return fail(result.error, 422);
    return data<ActionData>({ kind: "done", summary: result.summary, skipped: result.errors.length });
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return fail(error.message, 409);
  }
}

type Progress =
  | { state: "idle" }
  | { state: "reading" }
  | { state: "error"; error: string }
  | { state: "preview"; preview: PreviewData; rows: RawImportRow[] }
  | { state: "committing"; preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary }
  | { state: "failed"; preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary; row: number }
  | { state: "done"; summary: ImportSummary; skipped: number };

const zero: ImportSummary = { rows: 0, peopleCreated: 0, peopleUpdated: 0, invitationsCreated: 0, invitationsUpdated: 0, withdrawnKept: 0 };
const add = (a: ImportSummary, b: ImportSummary): ImportSummary => ({
  rows: a.rows + b.rows,
  peopleCreated: a.peopleCreated + b.peopleCreated,
  peopleUpdated: a.peopleUpdated + b.peopleUpdated,
  invitationsCreated: a.invitationsCreated + b.invitationsCreated,
  invitationsUpdated: a.invitationsUpdated + b.invitationsUpdated,
  withdrawnKept: a.withdrawnKept + b.withdrawnKept,
});

export default function ImportAttendeesPage() {
  const { eventId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, tError, locale } = useT();
  const [progress, setProgress] = useState<Progress>({ state: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const base = `/events/${eventId}/attendees`;
  const number = (n: number) => n.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB");

  // With JavaScript: read and check the file here, show the preview, nothing is sent yet.
  const onPreview = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return setProgress({ state: "error", error: "attendees.import.errors.noFile" });
    setProgress({ state: "reading" });
    const text = decodeUtf8(await file.arrayBuffer());
    if (text === null) return setProgress({ state: "error", error: "attendees.import.errors.notUtf8" });
    const read = readAttendeeCsv(text);
    if (!read.ok) return setProgress({ state: "error", error: read.error });
    const checked = previewImport(read);
    const valid = new Set(checked.valid.map((v) => v.rowNumber));
    setProgress({ state: "preview", preview: toPreviewData(checked), rows: read.rows.filter((r) => valid.has(r.rowNumber)) });
  };

  // Commit: chunk after chunk, each one transaction on the server; a failed chunk can be resumed.
  const commit = async (from: { preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary }) => {
    const parts = chunk(from.rows, IMPORT_CHUNK_SIZE);
    let { done, summary } = from;
    let extraErrors = 0;
    setProgress({ state: "committing", preview: from.preview, rows: from.rows, done, summary });
    for (let i = Math.floor(done / IMPORT_CHUNK_SIZE); i < parts.length; i++) {
      const part = parts[i]!;
      try {
        const response = await fetch(`${base}/import/rows`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ rows: part }),
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const result = (await response.json()) as { summary: ImportSummary; errors: ImportRowError[] };
        summary = add(summary, result.summary);
        extraErrors += result.errors.length;
        done += part.length;
        setProgress({ state: "committing", preview: from.preview, rows: from.rows, done, summary });
      } catch {
        setProgress({ state: "failed", preview: from.preview, rows: from.rows, done, summary, row: part[0]?.rowNumber ?? 0 });
        return;
      }
    }
    setProgress({ state: "done", summary, skipped: from.preview.errorCount + extraErrors });
  };

  // What to show: the browser's own progress first, else what the server answered (no JavaScript).
  const view: Progress =
    progress.state !== "idle"
      ? progress
      : actionData?.kind === "error"
        ? { state: "error", error: actionData.error }
        : actionData?.kind === "done"
          ? { state: "done", summary: actionData.summary, skipped: actionData.skipped }
          : actionData?.kind === "preview"
            ? { state: "preview", preview: actionData.preview, rows: [] }
            : { state: "idle" };
  const serverCsv = progress.state === "idle" && actionData?.kind === "preview" ? actionData.csv : null;
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

      {view.state === "done" ? (
        <div className="notice notice-ok" role="status" data-testid="import-done">
          <p style={{ margin: 0 }}>{t("attendees.import.done", numbers(view.summary, number))}</p>
          {view.summary.withdrawnKept ? <p>{t("attendees.import.withdrawnKept", { count: number(view.summary.withdrawnKept) })}</p> : null}
          {view.skipped ? <p>{t("attendees.import.skipped", { count: number(view.skipped) })}</p> : null}
          <p style={{ marginBottom: 0 }}>
            <Link to={base}>{t("attendees.import.backToList")} →</Link>
          </p>
        </div>
      ) : null}

      {view.state === "idle" || view.state === "error" || view.state === "reading" || view.state === "done" ? (
        <>
          <section className="card att-import-help">
            <p style={{ marginTop: 0 }}>{t("attendees.import.intro")}</p>
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
            <p style={{ marginBottom: 0 }}>
              <a href={`${base}/export.csv?template=1`} download>
                {t("attendees.import.template")}
              </a>
            </p>
          </section>
          {view.state === "error" ? (
            <div className="notice notice-error" role="alert">
              {tError(view.error)}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data" onSubmit={onPreview} className="card">
            <input type="hidden" name="intent" value="preview" />
            <div className="att-file-row">
              <div className="field">
                <label htmlFor="import-file">{t("attendees.import.file")}</label>
                <input
                  id="import-file"
                  ref={fileInput}
                  type="file"
                  name="file"
                  accept=".csv,text/csv,text/plain"
                  required
                  onChange={() => progress.state !== "idle" && setProgress({ state: "idle" })}
                />
              </div>
              <button type="submit" className="button" disabled={busy || view.state === "reading"}>
                {t("attendees.import.preview")}
              </button>
            </div>
            {view.state === "reading" ? <p className="muted">{t("attendees.import.reading")}</p> : null}
          </Form>
        </>
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
            <div className="notice notice-error" role="alert">
              {t("attendees.import.failed", { row: view.row })}{" "}
              <button type="button" className="button" onClick={() => void commit(view)}>
                {t("attendees.import.resume")}
              </button>
            </div>
          ) : null}
          {view.state === "preview" ? (
            view.preview.validCount === 0 ? (
              <div className="actions">
                <p className="muted">{t("attendees.import.nothingToCommit")}</p>
                <Link to="." className="button secondary" onClick={() => setProgress({ state: "idle" })}>
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
                <button
                  type="button"
                  className="button"
                  onClick={() => void commit({ preview: view.preview, rows: view.rows, done: 0, summary: zero })}
                >
                  {t("attendees.import.commit", { count: number(view.preview.validCount) })}
                </button>
                <button type="button" className="button secondary" onClick={() => setProgress({ state: "idle" })}>
                  {t("attendees.import.chooseAnother")}
                </button>
              </div>
            )
          ) : null}
        </Preview>
      ) : null}
    </>
  );
}

function numbers(s: ImportSummary, number: (n: number) => string) {
  return {
    rows: number(s.rows),
    invitationsCreated: number(s.invitationsCreated),
    invitationsUpdated: number(s.invitationsUpdated),
    peopleCreated: number(s.peopleCreated),
    peopleUpdated: number(s.peopleUpdated),
  };
}

function Preview({ preview, number, children }: { preview: PreviewData; number: (n: number) => string; children: ReactNode }) {
  const { t, tError } = useT();
  const fieldLabel = (f: ImportField | null) => (f ? t(`attendees.field.${f}` as MessageKey) : t("attendees.import.wholeRow"));
  return (
    <section aria-label={t("attendees.import.preview")} data-testid="import-preview">
      <p className={`notice ${preview.total > preview.validCount ? "notice-warn" : "notice-ok"}`} role="status">
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
      </p>
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

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
