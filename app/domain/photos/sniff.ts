/**
 * What a file really is, read from its first bytes (magic numbers): never from its name or the Content-Type the
 * browser sent. Pure: the upload service calls it before handing anything to the image decoder.
 */

/** The types Signet accepts as photos. */
export type AcceptedImageType = "image/jpeg" | "image/png" | "image/webp";

export type SniffedType =
  | { kind: "accepted"; type: AcceptedImageType; extension: "jpg" | "png" | "webp" }
  /** HEIC/HEIF from phones: the image library here cannot decode HEVC. */
  | { kind: "heic" }
  | { kind: "svg" }
  | { kind: "pdf" }
  /** Another image format we do not take (GIF, AVIF, TIFF, BMP). */
  | { kind: "otherImage"; format: string }
  | { kind: "empty" }
  | { kind: "unknown" };

/** How many leading bytes sniffImageType looks at. */
export const SNIFF_BYTES = 512;

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let out = "";
  for (let i = start; i < Math.min(bytes.length, start + length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const HEIF_BRANDS = new Set(["heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1", "mif2"]);
const AVIF_BRANDS = new Set(["avif", "avis"]);

/** The brands of an ISO-BMFF `ftyp` box (major and compatible), or null when the file does not start with one. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== "ftyp") return null;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(bytes.length, size >= 16 ? size : 16);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands.map((b) => b.toLowerCase());
}

/** Whether the start of the file is text that opens an SVG (or XML/HTML carrying one). */
function looksLikeSvg(bytes: Uint8Array): boolean {
  let text = ascii(bytes, 0, SNIFF_BYTES);
  if (text.startsWith("\u00ef\u00bb\u00bf")) text = text.slice(3);
  text = text.trimStart().toLowerCase();
  if (!text.startsWith("<")) return false;
  return text.includes("<svg") || (text.startsWith("<?xml") && text.includes("svg"));
}

export function sniffImageType(bytes: Uint8Array): SniffedType {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: "accepted", type: "image/jpeg", extension: "jpg" };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: "accepted", type: "image/png", extension: "png" };
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 4) === "WEBP")
    return { kind: "accepted", type: "image/webp", extension: "webp" };
  const brands = ftypBrands(bytes);
  if (brands) {
    // AVIF files also list mif1: decide by the major brand first, then by any AVIF brand.
    if (AVIF_BRANDS.has(brands[0]!) || (!HEIF_BRANDS.has(brands[0]!) && brands.some((b) => AVIF_BRANDS.has(b))))
      return { kind: "otherImage", format: "AVIF" };
    if (brands.some((b) => HEIF_BRANDS.has(b))) return { kind: "heic" };
    return { kind: "unknown" };
  }
  if (ascii(bytes, 0, 5) === "%PDF-") return { kind: "pdf" };
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return { kind: "otherImage", format: "GIF" };
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return { kind: "otherImage", format: "TIFF" };
  if (ascii(bytes, 0, 2) === "BM" && bytes.length > 14) return { kind: "otherImage", format: "BMP" };
  if (looksLikeSvg(bytes)) return { kind: "svg" };
  return { kind: "unknown" };
}
