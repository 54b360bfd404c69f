/**
 * Content-Disposition for a download (RFC 6266): the name as written, by RFC 5987 (`filename*`, which every
 * current browser reads — "Giấy mời - Lại Văn Hoàn.pdf"), and an ASCII name for the clients that cannot
 * ("giay-moi-lai-van-hoan.pdf"). Built by `content-disposition` (jshttp, the one Express uses); this module only
 * decides the two names.
 */
import contentDisposition from "content-disposition";
import { asciiWords } from "~/domain/text/ascii-words";

/** Control characters and what a file system refuses in a name (/ \ : * ? " < > |) become one space. */
// eslint-disable-next-line no-control-regex
const refusedInFileNames = /[\u0000-\u001f\u007f/\\:*?"<>|]+/g;

/** The text as a file name: refused characters out, spaces collapsed, at most `max` characters. */
export function fileNameAsWritten(text: string, max = 120): string {
  // Cut by characters, not UTF-16 units: half an emoji would make the header's encoding throw.
  return Array.from(text.replace(refusedInFileNames, " ").replace(/\s+/g, " ").trim()).slice(0, max).join("").trim();
}

/** The ASCII name: the text folded (diacritics, đ) into hyphenated words, or `fallback` when nothing is left. */
export function asciiFileStem(text: string, fallback: string): string {
  return asciiWords(text, 80) || fallback;
}

/**
 * `stem` and `extension` name the file as written; `ascii` is its ASCII stem (default: `stem` folded, else
 * `asciiFallback`).
 */
export function attachmentHeader(options: {
  stem: string;
  extension: string;
  ascii?: string;
  asciiFallback?: string;
  type?: "attachment" | "inline";
}): string {
  const { stem, extension, type = "attachment" } = options;
  const ascii = options.ascii ?? asciiFileStem(stem, options.asciiFallback ?? "signet");
  const written = fileNameAsWritten(stem) || ascii;
  return contentDisposition(`${written}.${extension}`, { type, fallback: `${ascii}.${extension}` });
}

/**
 * An uploaded file's download, by the name it was uploaded with ("Ảnh lễ ký.JPG": ASCII "anh-le-ky.JPG"); a name
 * without a usable extension gets its type's ("image/png" → ".png").
 */
export function uploadedFileHeader(filename: string, contentType: string): string {
  const dot = filename.lastIndexOf(".");
  const given = dot > 0 ? filename.slice(dot + 1) : "";
  const usable = /^[A-Za-z0-9]{1,10}$/.test(given);
  const extension = usable ? given : (contentType.split("/")[1]?.replace("jpeg", "jpg").replace(/[^A-Za-z0-9]/g, "") || "bin");
  return attachmentHeader({ stem: usable ? filename.slice(0, dot) : filename.replace(/\.+$/, ""), extension, asciiFallback: "file" });
}
