import { useRef, useState } from "react";
import type { PressStatus } from "~/domain/press/types";
import { useT } from "~/i18n/use-t";
import { Notice } from "~/components/ui/notice";

export type PressExportFormat = "html" | "text";

interface Props {
  eventId: string;
  summaryId: string;
  status: PressStatus;
  slug: string | null;
}

type CopyState =
  | { kind: "idle" }
  | { kind: "copying"; format: PressExportFormat }
  | { kind: "copied"; format: PressExportFormat }
  | { kind: "fetchFailed"; status: string }
  | { kind: "denied" };

interface ExportPayload {
  html: string | null;
  text: string;
}

class ExportFetchError extends Error {
  constructor(readonly status: string) {
    super(`export request failed: ${status}`);
  }
}

export function pressExportUrl(eventId: string, summaryId: string, format: PressExportFormat): string {
  return `/events/${eventId}/press/${summaryId}/export?format=${format}`;
}

async function fetchExport(url: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html, text/plain" } });
  } catch {
    throw new ExportFetchError("network");
  }
  if (!response.ok) throw new ExportFetchError(String(response.status));
  return response.text();
}

/**
 * The summary's outputs for staff: print view, .docx, the public page once published, and copying the report to
 * the clipboard as HTML (rich text for a news site's editor, with a plain-text alternative) or as plain text.
 * The ClipboardItem is created within the click with promised contents, as Safari requires; where rich
 * clipboard writing is missing or refused, the text is written with writeText.
 */
export function PressExportActions({ eventId, summaryId, status, slug }: Props) {
  const { t } = useT();
  const [state, setState] = useState<CopyState>({ kind: "idle" });
  const running = useRef(false);
  const base = `/events/${eventId}/press/${summaryId}`;

  async function copy(format: PressExportFormat) {
    if (running.current) return;
    running.current = true;
    setState({ kind: "copying", format });
    const payload: Promise<ExportPayload> = Promise.all([
      format === "html" ? fetchExport(pressExportUrl(eventId, summaryId, "html")) : Promise.resolve(null),
      fetchExport(pressExportUrl(eventId, summaryId, "text")),
    ]).then(([html, text]) => ({ html, text }));
    // Handled below; this keeps an early failure from being reported as unhandled before it is awaited.
    payload.catch(() => undefined);
    try {
      await writeRich(format, payload);
      setState({ kind: "copied", format });
    } catch {
      let content: ExportPayload;
      try {
        content = await payload;
      } catch (error) {
        setState({ kind: "fetchFailed", status: error instanceof ExportFetchError ? error.status : "?" });
        running.current = false;
        return;
      }
      try {
        if (!navigator.clipboard?.writeText) throw new Error("no clipboard");
        await navigator.clipboard.writeText(format === "html" ? (content.html ?? content.text) : content.text);
        setState({ kind: "copied", format });
      } catch {
        setState({ kind: "denied" });
      }
    }
    running.current = false;
  }

  const busy = state.kind === "copying";
  return (
    <section className="press-export" aria-labelledby="press-export-heading" data-testid="press-export">
      <h2 id="press-export-heading">{t("pressPublic.export.heading")}</h2>
      <div className="actions press-export-actions">
        <a className="button secondary" href={`${base}/print`}>
          {t("pressPublic.export.print")}
        </a>
        <a className="button secondary" href={`${base}/docx`} download>
          {t("pressPublic.export.docx")}
        </a>
        {status === "published" && slug ? (
          <a className="button secondary" href={`/press/${encodeURIComponent(slug)}`}>
            {t("pressPublic.export.publicPage")}
          </a>
        ) : null}
        <button type="button" className="button secondary" disabled={busy} onClick={() => void copy("html")}>
          {busy && state.format === "html" ? t("pressPublic.export.copying") : t("pressPublic.export.copyHtml")}
        </button>
        <button type="button" className="button secondary" disabled={busy} onClick={() => void copy("text")}>
          {busy && state.format === "text" ? t("pressPublic.export.copying") : t("pressPublic.export.copyText")}
        </button>
      </div>
      {/* The live region is on the page before anything is copied (so the news is read out); the notice inside it
          is a plain note, not a second status. */}
      <div role="status" aria-live="polite" className="press-export-status">
        {state.kind === "copied" ? (
          <Notice as="p" tone="ok" role="note">
            {state.format === "html" ? t("pressPublic.export.copiedHtml") : t("pressPublic.export.copiedText")}
          </Notice>
        ) : null}
      </div>
      {state.kind === "denied" ? (
        <Notice as="p" tone="error">
          {t("pressPublic.export.clipboardDenied")}
        </Notice>
      ) : null}
      {state.kind === "fetchFailed" ? (
        <Notice as="p" tone="error">
          {t("pressPublic.export.fetchFailed", { status: state.status })}
        </Notice>
      ) : null}
    </section>
  );
}

async function writeRich(format: PressExportFormat, payload: Promise<ExportPayload>): Promise<void> {
  if (typeof ClipboardItem === "undefined" || !navigator.clipboard?.write) throw new Error("no rich clipboard");
  const blob = (type: string, pick: (content: ExportPayload) => string) =>
    payload.then((content) => new Blob([pick(content)], { type }));
  const parts: Record<string, Promise<Blob>> = { "text/plain": blob("text/plain", (content) => content.text) };
  if (format === "html") parts["text/html"] = blob("text/html", (content) => content.html ?? content.text);
  await navigator.clipboard.write([new ClipboardItem(parts)]);
}
