import type { ImportRowError, previewImport } from "~/domain/attendees/import";

/** How many row errors a preview lists (all are counted). */
const SHOWN_ERRORS = 200;

/** What the preview shows of a checked file: the same from the server (no JavaScript) and from the browser. */
export interface PreviewData {
  total: number;
  validCount: number;
  errorCount: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
  sample: { rowNumber: number; fullName: string; organization: string | null; email: string | null }[];
}

export function toPreviewData(p: ReturnType<typeof previewImport>): PreviewData {
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
