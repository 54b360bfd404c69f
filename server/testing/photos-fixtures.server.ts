/**
 * Test images made on the fly (nothing big is committed): photos with EXIF (capture time, camera, GPS,
 * orientation) and the bad inputs of the issue — a text file named .jpg, a 20000×20000 PNG header, a cut-off
 * JPEG, an SVG carrying a script, HEIC bytes. Used by the service tests and the browser tests.
 */
import { crc32 } from "node:zlib";
import sharp from "sharp";

export interface FixtureOptions {
  width?: number;
  height?: number;
  /** Background colour, so two fixtures never have the same bytes. */
  colour?: string;
  label?: string;
  /** EXIF orientation (6 = the camera was turned: displayed rotated 90° clockwise). */
  orientation?: number;
  gps?: boolean;
  /** "2017:10:19 14:35:10" */
  takenAt?: string;
  offset?: string;
  make?: string;
  model?: string;
}

/** A JPEG as a camera would write it: EXIF with capture time, camera, optionally GPS and an orientation. */
export async function cameraJpeg(options: FixtureOptions = {}): Promise<Buffer> {
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const label = options.label ?? "Signet";
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${options.colour ?? "#2a6f97"}"/>
    <rect x="0" y="0" width="${Math.round(width / 4)}" height="${Math.round(height / 4)}" fill="#ffd166"/>
    <text x="50%" y="55%" font-size="${Math.round(height / 8)}" text-anchor="middle" fill="#fff" font-family="sans-serif">${label}</text>
  </svg>`;
  const ifd0: Record<string, string> = { Make: options.make ?? "Canon", Model: options.model ?? "Canon EOS 80D" };
  const ifd2: Record<string, string> = { DateTimeOriginal: options.takenAt ?? "2017:10:19 14:35:10" };
  if (options.offset) ifd2.OffsetTimeOriginal = options.offset;
  const exif: Record<string, Record<string, string>> = { IFD0: ifd0, IFD2: ifd2 };
  if (options.gps)
    exif.IFD3 = { GPSLatitudeRef: "N", GPSLatitude: "20/1 26/1 5000/100", GPSLongitudeRef: "E", GPSLongitude: "106/1 20/1 1234/100" };
  let pipeline = sharp(Buffer.from(svg)).withExif(exif);
  if (options.orientation) pipeline = pipeline.withMetadata({ orientation: options.orientation });
  return pipeline.jpeg({ quality: 85 }).toBuffer();
}

export async function plainPng(options: { width?: number; height?: number; colour?: string } = {}): Promise<Buffer> {
  return sharp({
    create: { width: options.width ?? 320, height: options.height ?? 200, channels: 4, background: options.colour ?? "#80ff8080" },
  })
    .png()
    .toBuffer();
}

export async function plainWebp(options: { width?: number; height?: number; colour?: string } = {}): Promise<Buffer> {
  return sharp({ create: { width: options.width ?? 300, height: options.height ?? 300, channels: 3, background: options.colour ?? "#c0392b" } })
    .webp()
    .toBuffer();
}

/**
 * A PNG whose header says width × height (20000 × 20000 = 400 MP by default) with a valid CRC, around a tiny
 * image: a decompression bomb as far as the header goes, made in a millisecond, a few hundred bytes long.
 */
export async function pngBomb(width = 20000, height = 20000): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 1, height: 1, channels: 3, background: "#000" } }).png().toBuffer());
  // Signature (8) then the IHDR chunk: length (4), "IHDR" (4), width (4), height (4), … , CRC over type+data.
  if (png.toString("ascii", 12, 16) !== "IHDR") throw new Error("unexpected PNG layout");
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  const length = png.readUInt32BE(8);
  png.writeUInt32BE(crc32(png.subarray(12, 16 + length)) >>> 0, 16 + length);
  return png;
}

/** A real JPEG cut off at 60 %: the browser lost the connection, or the card was pulled out. */
export async function truncatedJpeg(): Promise<Buffer> {
  const full = await cameraJpeg({ width: 800, height: 600, label: "cut" });
  return full.subarray(0, Math.floor(full.length * 0.6));
}

export const textRenamedJpg = Buffer.from("Biên bản cuộc họp\nĐây là một tệp văn bản, chỉ đổi tên thành .jpg.\n", "utf8");

export const svgWithScript = Buffer.from(
  `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">` +
    `<script>alert(document.cookie)</script><rect width="100" height="100" fill="red" onload="alert(1)"/></svg>\n`,
  "utf8",
);

/** The start of a HEIC file as an iPhone writes it (ftyp heic, mif1): enough for any type sniffing. */
export function heicBytes(): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypheic", "ascii"),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from("mif1heic", "ascii"),
  ]);
  return Buffer.concat([ftyp, Buffer.alloc(2048, 0x11)]);
}

/** Whether bytes carry an Exif APP1 segment or the letters "GPS" anywhere. */
export function carriesExifOrGps(bytes: Buffer): { exif: boolean; gps: boolean } {
  return { exif: bytes.includes(Buffer.from("Exif\0\0", "latin1")), gps: bytes.includes(Buffer.from("GPS", "latin1")) };
}
