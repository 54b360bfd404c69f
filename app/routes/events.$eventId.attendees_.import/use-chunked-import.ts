/**
 * The browser's side of a CSV import (with JavaScript): read and check the file here and show the preview (nothing
 * is sent yet), then commit the valid rows chunk after chunk to ./import/rows, each chunk one transaction on the
 * server; a failed chunk can be resumed from where it stopped. Without JavaScript the route's action does the same
 * on the server, and `view` shows its answer.
 */
import { useState } from "react";
import { decodeUtf8 } from "~/domain/attendees/csv";
import { chunk, IMPORT_CHUNK_SIZE, previewImport, readAttendeeCsv, type ImportRowError, type RawImportRow } from "~/domain/attendees/import";
import type { ImportSummary } from "~/services/attendee-import.server";
import { toPreviewData, type PreviewData } from "./import-preview-data";

export type ImportProgress =
  | { state: "idle" }
  | { state: "reading" }
  | { state: "error"; error: string }
  | { state: "preview"; preview: PreviewData; rows: RawImportRow[] }
  | { state: "committing"; preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary }
  | { state: "failed"; preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary; row: number }
  | { state: "done"; summary: ImportSummary; skipped: number };

/** Where a commit starts: from the first row, or from the chunk that failed. */
export type CommitFrom = { preview: PreviewData; rows: RawImportRow[]; done: number; summary: ImportSummary };

/** What the server answered a form posted without JavaScript (the route's action). */
export type ServerImportAnswer =
  | { kind: "error"; error: string }
  | { kind: "preview"; preview: PreviewData; csv: string }
  | { kind: "done"; summary: ImportSummary; skipped: number };

export const noRowsYet: ImportSummary = { rows: 0, peopleCreated: 0, peopleUpdated: 0, invitationsCreated: 0, invitationsUpdated: 0, withdrawnKept: 0 };

const add = (a: ImportSummary, b: ImportSummary): ImportSummary => ({
  rows: a.rows + b.rows,
  peopleCreated: a.peopleCreated + b.peopleCreated,
  peopleUpdated: a.peopleUpdated + b.peopleUpdated,
  invitationsCreated: a.invitationsCreated + b.invitationsCreated,
  invitationsUpdated: a.invitationsUpdated + b.invitationsUpdated,
  withdrawnKept: a.withdrawnKept + b.withdrawnKept,
});

export function useChunkedImport(rowsUrl: string, answer: ServerImportAnswer | undefined) {
  const [progress, setProgress] = useState<ImportProgress>({ state: "idle" });

  const preview = async (file: File | undefined) => {
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

  const commit = async (from: CommitFrom) => {
    const parts = chunk(from.rows, IMPORT_CHUNK_SIZE);
    let { done, summary } = from;
    let extraErrors = 0;
    setProgress({ state: "committing", preview: from.preview, rows: from.rows, done, summary });
    for (let i = Math.floor(done / IMPORT_CHUNK_SIZE); i < parts.length; i++) {
      const part = parts[i]!;
      try {
        const response = await fetch(rowsUrl, {
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
  const view: ImportProgress =
    progress.state !== "idle"
      ? progress
      : answer?.kind === "error"
        ? { state: "error", error: answer.error }
        : answer?.kind === "done"
          ? { state: "done", summary: answer.summary, skipped: answer.skipped }
          : answer?.kind === "preview"
            ? { state: "preview", preview: answer.preview, rows: [] }
            : { state: "idle" };
  const serverCsv = progress.state === "idle" && answer?.kind === "preview" ? answer.csv : null;
  const reset = () => setProgress({ state: "idle" });
  const touched = progress.state !== "idle";

  return { view, serverCsv, preview, commit, reset, touched };
}
