import type { ImportField } from "./attendee.schema";

/**
 * Header names an import understands, in Vietnamese (with or without diacritics) and English, compared
 * after folding: case, diacritics, punctuation and spacing do not matter ("Họ và tên", "HO VA TEN",
 * "ho_va_ten", "Full name" all name the full name).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const aliases: Record<ImportField, string[]> = {
  honorific: ["danh xung", "xung ho", "chuc danh xung ho", "kinh goi", "honorific", "salutation", "title", "prefix"],
  fullName: ["ho va ten", "ho ten", "ten", "ten khach", "ten khach moi", "ten dai bieu", "full name", "fullname", "name"],
  positions: ["chuc vu", "chuc danh", "chuc vu chuc danh", "position", "positions", "job title", "job titles"],
  organization: [
    "co quan",
    "don vi",
    "co quan don vi",
    "noi cong tac",
    "to chuc",
    "organization",
    "organisation",
    "company",
    "agency",
  ],
  email: ["email", "e mail", "thu dien tu", "dia chi email", "email address"],
  phone: ["dien thoai", "so dien thoai", "sdt", "dt", "di dong", "phone", "phone number", "mobile", "tel", "telephone"],
  language: ["ngon ngu", "language", "lang"],
  role: ["vai tro", "loai khach", "thanh phan", "role", "type"],
  groupLabel: ["nhom", "ban", "nhom ban", "ban so", "khu vuc", "group", "table", "group table"],
  plusOnes: ["nguoi di kem", "so nguoi di kem", "di kem", "plus ones", "plus one", "plusones", "companions", "guests"],
  notes: ["ghi chu", "notes", "note", "remarks"],
  dietaryNeeds: ["an uong", "che do an", "yeu cau an uong", "an kieng", "dietary", "dietary needs", "diet"],
  accessNeeds: [
    "tiep can",
    "ho tro tiep can",
    "nhu cau tiep can",
    "nhu cau ho tro",
    "access",
    "access needs",
    "accessibility",
  ],
};

const byAlias = new Map<string, ImportField>();
for (const [field, names] of Object.entries(aliases) as [ImportField, string[]][])
  for (const name of names) {
    const key = normalizeHeader(name);
    if (byAlias.has(key)) throw new Error(`header alias "${name}" is listed twice`);
    byAlias.set(key, field);
  }

export function fieldForHeader(header: string): ImportField | null {
  return byAlias.get(normalizeHeader(header)) ?? null;
}

export interface HeaderMapping {
  /** For each column, the field it fills, or null when the column is not imported. */
  columns: (ImportField | null)[];
  /** Headers of the columns that are not imported (shown to the user as a warning). */
  ignored: string[];
  /** Fields named by more than one column. */
  duplicated: ImportField[];
  /** Whether the one required column (the full name) is there. */
  hasFullName: boolean;
}

export function mapHeaders(headers: readonly string[]): HeaderMapping {
  const seen = new Set<ImportField>();
  const duplicated = new Set<ImportField>();
  const ignored: string[] = [];
  const columns = headers.map((h) => {
    const field = fieldForHeader(h);
    if (!field) {
      if (h.trim()) ignored.push(h.trim());
      return null;
    }
    if (seen.has(field)) duplicated.add(field);
    seen.add(field);
    return field;
  });
  return { columns, ignored, duplicated: [...duplicated], hasFullName: seen.has("fullName") };
}
