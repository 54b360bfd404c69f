import { parseImportRow, type AttendeeImportRow, type ImportField } from "./attendee.schema";
import { parseCsv, unescapeCsvCell, type Delimiter } from "./csv";
import { mapHeaders } from "./csv-headers";
import { personDedupeKey } from "./dedupe";

/** Rows sent to the server per request, each request committed in one transaction. */
export const IMPORT_CHUNK_SIZE = 1000;
/** The most rows one file may hold (parsed in the browser, committed chunk by chunk). */
export const MAX_IMPORT_ROWS = 50_000;
/** Without JavaScript the server parses the upload itself: smaller files only. */
export const MAX_SERVER_IMPORT_ROWS = 5_000;
/**
 * Rows per transaction when the server reads the whole file (no JavaScript, the API): a file of up to
 * MAX_SERVER_IMPORT_ROWS rows is one transaction. Each transaction pays a fixed part (the event check, the lock,
 * one statement per step, the audit entry), so bigger ones are faster; the browser's requests stay at
 * IMPORT_CHUNK_SIZE.
 */
export const SERVER_IMPORT_CHUNK_SIZE = MAX_SERVER_IMPORT_ROWS;
export const MAX_SERVER_IMPORT_BYTES = 2 * 1024 * 1024;

/** A data row as read from the file: the spreadsheet row number and the text of each imported column. */
export interface RawImportRow {
  rowNumber: number;
  values: Partial<Record<ImportField, string>>;
}

export interface ImportRowError {
  rowNumber: number;
  /** The field at fault, or null for the row as a whole. */
  field: ImportField | null;
  /** An i18n key with optional parameters ("errors.tooLong?max=200"). */
  message: string;
}

export interface ValidImportRow {
  rowNumber: number;
  row: AttendeeImportRow;
}

export type ReadResult =
  | { ok: true; delimiter: Delimiter; rows: RawImportRow[]; ignoredColumns: string[] }
  | { ok: false; error: string };

/** Reads a CSV file's text (BOM, comma or semicolon) into rows keyed by field; file-level problems are an error key. */
export function readAttendeeCsv(text: string, options: { maxRows?: number } = {}): ReadResult {
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS;
  const parsed = parseCsv(text);
  if (parsed.header.every((h) => h === "")) return { ok: false, error: "attendees.import.errors.empty" };
  const mapping = mapHeaders(parsed.header);
  if (!mapping.hasFullName) return { ok: false, error: "attendees.import.errors.noNameColumn" };
  const duplicated = mapping.duplicated[0];
  if (duplicated) {
    const names = parsed.header.filter((_, i) => mapping.columns[i] === duplicated).join(", ");
    return { ok: false, error: `attendees.import.errors.duplicateColumn?columns=${encodeURIComponent(names)}` };
  }
  if (parsed.records.length === 0) return { ok: false, error: "attendees.import.errors.noRows" };
  if (parsed.records.length > maxRows) return { ok: false, error: `attendees.import.errors.tooManyRows?max=${maxRows}` };
  const rows = parsed.records.map(({ rowNumber, cells }): RawImportRow => {
    const values: RawImportRow["values"] = {};
    mapping.columns.forEach((field, i) => {
      const cell = cells[i];
      if (field && cell !== undefined) values[field] = unescapeCsvCell(cell);
    });
    return { rowNumber, values };
  });
  return { ok: true, delimiter: parsed.delimiter, rows, ignoredColumns: mapping.ignored };
}

/**
 * Checks every row with the import schema and finds rows that name the same person twice (same email, or same
 * name and organization without email): the later one is an error that points at the first.
 */
export function validateImportRows(rows: readonly RawImportRow[]): { valid: ValidImportRow[]; errors: ImportRowError[] } {
  const valid: ValidImportRow[] = [];
  const errors: ImportRowError[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { rowNumber, values } of rows) {
    const result = parseImportRow(values);
    if (!result.success) {
      for (const { field, message } of result.errors) errors.push({ rowNumber, field, message });
      continue;
    }
    const key = personDedupeKey(result.data);
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      errors.push({
        rowNumber,
        field: result.data.email ? "email" : "fullName",
        message: `attendees.import.errors.duplicateRow?row=${first}`,
      });
      continue;
    }
    firstRowOf.set(key, rowNumber);
    valid.push({ rowNumber, row: result.data });
  }
  return { valid, errors };
}

export interface ImportPreview {
  total: number;
  validCount: number;
  errors: ImportRowError[];
  ignoredColumns: string[];
  /** The first few valid rows, to show what will be imported. */
  sample: ValidImportRow[];
}

export function previewImport(read: Extract<ReadResult, { ok: true }>, sampleSize = 5): ImportPreview & { valid: ValidImportRow[] } {
  const { valid, errors } = validateImportRows(read.rows);
  return {
    total: read.rows.length,
    validCount: valid.length,
    errors,
    ignoredColumns: read.ignoredColumns,
    sample: valid.slice(0, sampleSize),
    valid,
  };
}

/** Splits into request-sized chunks. */
export function chunk<T>(items: readonly T[], size = IMPORT_CHUNK_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
