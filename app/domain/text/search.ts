/**
 * Folds text for diacritic-insensitive search: "Nguyễn Hồng Chuyên" → "nguyen hong chuyen".
 * Vietnamese đ/Đ is a separate letter, not a d with a combining mark, so NFD alone does not fold it.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes LIKE wildcards so a user's "%" or "_" match literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
