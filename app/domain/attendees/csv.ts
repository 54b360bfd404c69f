import Papa from "papaparse";

/**
 * CSV as spreadsheets write and read it. Pure (papaparse does no I/O here), used by the browser and the server.
 */

export const BOM = "\uFEFF";

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return, which
 * some programs skip before reading the formula). Such cells get a leading apostrophe, which Excel and
 * LibreOffice show as text and hide.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse on import, so a file we exported reads back unchanged ("'+84 912…" → "+84 912…"). */
export function unescapeCsvCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

export type Delimiter = "," | ";";

/**
 * Comma or semicolon (Excel in a Vietnamese or European locale writes ";"): whichever occurs more often
 * outside quotes in the first record (the header row). Ties and neither → comma.
 */
export function detectDelimiter(text: string): Delimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else quoted = !quoted;
    } else if (!quoted) {
      if (c === "\n" || c === "\r") break;
      if (c === ",") commas++;
      else if (c === ";") semicolons++;
    }
  }
  return semicolons > commas ? ";" : ",";
}

export interface ParsedCsv {
  delimiter: Delimiter;
  header: string[];
  /** Data records in file order; `rowNumber` is the spreadsheet row (the header is row 1). Blank records are left out. */
  records: { rowNumber: number; cells: string[] }[];
}

export function parseCsv(input: string): ParsedCsv {
  const text = stripBom(input);
  const delimiter = detectDelimiter(text);
  const result = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const rows = result.data;
  const header = (rows[0] ?? []).map((h) => h.trim());
  const records: ParsedCsv["records"] = [];
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.every((c) => c.trim() === "")) continue;
    records.push({ rowNumber: i + 1, cells });
  }
  return { delimiter, header, records };
}

/** Writes CSV for spreadsheets: comma-separated, CRLF, every cell formula-escaped; with a BOM so Excel reads UTF-8. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[], options: { bom?: boolean } = {}): string {
  return `${options.bom === false ? "" : BOM}${writeCsvRows([header, ...rows])}`;
}

/** Rows without the header, for streaming a long export in pieces after a first writeCsv(header, []). */
export function writeCsvRows(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(
    rows.map((r) => r.map(escapeCsvCell)),
    { delimiter: ",", newline: "\r\n", quotes: false, escapeFormulae: false },
  )}\r\n`;
}

/** Decodes bytes as UTF-8, refusing anything else (Excel's "CSV" in a legacy code page): null then. */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array): string | null {
  try {
    return stripBom(new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes));
  } catch {
    return null;
  }
}
