import { describe, expect, it } from "vitest";
import { sniffImageType } from "./sniff";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** An ISO-BMFF ftyp box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]) {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], "ftyp", major, [0, 0, 0, 0], ...compatible);
}

describe("sniffImageType", () => {
  it("recognises JPEG, PNG and WebP by their magic numbers", () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF"))).toEqual({ kind: "accepted", type: "image/jpeg", extension: "jpg" });
    expect(sniffImageType(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))).toEqual({
      kind: "accepted",
      type: "image/png",
      extension: "png",
    });
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 "))).toEqual({ kind: "accepted", type: "image/webp", extension: "webp" });
  });

  it("does not take a RIFF file that is not WebP (e.g. a WAV) or a PNG signature cut short", () => {
    expect(sniffImageType(bytes("RIFF", [0x24, 0, 0, 0], "WAVEfmt "))).toEqual({ kind: "unknown" });
    expect(sniffImageType(bytes([0x89], "PNG"))).toEqual({ kind: "unknown" });
  });

  it("tells HEIC/HEIF (phones) apart from AVIF", () => {
    expect(sniffImageType(ftyp("heic", "mif1", "heic"))).toEqual({ kind: "heic" });
    expect(sniffImageType(ftyp("mif1", "heic"))).toEqual({ kind: "heic" });
    expect(sniffImageType(ftyp("heix", "mif1"))).toEqual({ kind: "heic" });
    expect(sniffImageType(ftyp("avif", "mif1", "miaf"))).toEqual({ kind: "otherImage", format: "AVIF" });
    // An MP4 video is ISO-BMFF too, but no photo.
    expect(sniffImageType(ftyp("isom", "mp41"))).toEqual({ kind: "unknown" });
  });

  it("refuses SVG (even with an XML prolog, a BOM or leading blanks), PDF, GIF, TIFF and text", () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toEqual({ kind: "svg" });
    expect(sniffImageType(bytes([0xef, 0xbb, 0xbf], '\n  <?xml version="1.0"?>\n<!DOCTYPE svg>\n<svg>'))).toEqual({ kind: "svg" });
    expect(sniffImageType(bytes("%PDF-1.7\n"))).toEqual({ kind: "pdf" });
    expect(sniffImageType(bytes("GIF89a", [1, 0, 1, 0]))).toEqual({ kind: "otherImage", format: "GIF" });
    expect(sniffImageType(bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]))).toEqual({ kind: "otherImage", format: "TIFF" });
    expect(sniffImageType(bytes("Xin chào, đây là một tệp văn bản đổi tên thành .jpg"))).toEqual({ kind: "unknown" });
    expect(sniffImageType(new Uint8Array())).toEqual({ kind: "empty" });
  });

  it("ignores what a name or type would claim: only the bytes count", () => {
    // An HTML page is not an image even if it mentions <svg> later than the first tag.
    expect(sniffImageType(bytes("<html><body>hello</body></html>"))).toEqual({ kind: "unknown" });
    // A JPEG with trailing text is still a JPEG.
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xdb], "<svg>"))).toMatchObject({ kind: "accepted", type: "image/jpeg" });
  });
});
