/**
 * The Giấy mời as a PDF, made on the server with pdfkit (no browser needed), laid out like the print view and the
 * .docx: A4 with Nghị định 30/2020's margins (top 20, bottom 20, left 30, right 15 mm), a Times-metric serif 14 pt
 * (13 pt in the letterhead, the recipients 12/11 pt), the letterhead's two blocks with their rules, the title, the
 * addressee, the body, the recipients beside the signer, and the letter to many's attached list on a page of its
 * own.
 *
 * The font is Liberation Serif 2 (SIL OFL 1.1, metric-compatible with Times New Roman, which the decree names but
 * which may not be redistributed), shipped in app/assets/fonts/liberation-serif and embedded (subset) in every PDF so
 * that Vietnamese reads the same on any machine.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { LetterParts } from "~/domain/letter/invitation-letter";
import { attachmentHeader } from "~/utils/attachment";
import { letterFileStem } from "~/domain/letter/invitation-letter";

export const pdfContentType = "application/pdf";

/** Points per millimetre. */
const MM = 72 / 25.4;
export const letterPdfPage = { size: "A4" as const, margin: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM } };

const FONT_FILES = {
  regular: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
  italic: "LiberationSerif-Italic.ttf",
  boldItalic: "LiberationSerif-BoldItalic.ttf",
} as const;
type Face = keyof typeof FONT_FILES;

/** Where the font files are: LETTER_FONT_DIR, else the project's assets (the server runs from the project root). */
export function letterFontDir(): string {
  return process.env.LETTER_FONT_DIR?.trim() || path.resolve(process.cwd(), "app/assets/fonts/liberation-serif");
}

function fontPaths(): Record<Face, string> {
  const dir = letterFontDir();
  const out = {} as Record<Face, string>;
  for (const [face, file] of Object.entries(FONT_FILES) as [Face, string][]) {
    const p = path.join(dir, file);
    if (!existsSync(p)) throw new Error(`letter PDF: font file missing: ${p}`);
    out[face] = p;
  }
  return out;
}

interface Style {
  face?: Face;
  size?: number;
}

/** The PDF bytes of one letter. */
export async function buildLetterPdf(letter: LetterParts): Promise<Buffer> {
  const fonts = fontPaths();
  const doc = new PDFDocument({
    size: letterPdfPage.size,
    margins: letterPdfPage.margin,
    font: fonts.regular,
    lang: letter.locale === "vi" ? "vi-VN" : "en-GB",
    displayTitle: true,
    info: { Title: letter.title, Creator: "Signet", Producer: "Signet (pdfkit)" },
    autoFirstPage: true,
  });
  for (const [face, p] of Object.entries(fonts)) doc.registerFont(face, p);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const top = doc.page.margins.top;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  const use = (s: Style) => doc.font(s.face ?? "regular").fontSize(s.size ?? 14);
  const lineGap = 14 * 0.15;

  /** Centred text in a column, returning the y under it. */
  const centred = (text: string, x: number, y: number, w: number, s: Style) => {
    use(s);
    doc.text(text, x, y, { width: w, align: "center", lineGap: 0 });
    return doc.y;
  };
  /** A rule of `w` points, centred in the column at y. */
  const rule = (x: number, y: number, colW: number, w: number) => {
    const x0 = x + (colW - w) / 2;
    doc.moveTo(x0, y).lineTo(x0 + w, y).lineWidth(0.6).strokeColor("#000").stroke();
  };
  /** The width of the longest line of `text` as laid out in a column (for a rule under it). */
  const textWidth = (text: string, s: Style, colW: number) => {
    use(s);
    return Math.min(doc.widthOfString(text), colW);
  };

  // Letterhead: the issuing body (42%) beside the national motto block (58%).
  const lh = letter.letterhead;
  // A 3 mm gutter between the blocks so that a long superior body never touches the national name.
  const gutter = 3 * MM;
  const lw = width * 0.42 - gutter / 2;
  const rw = width - lw - gutter;
  const rx = left + lw + gutter;
  let ly = top;
  if (lh.superior) ly = centred(lh.superior, left, ly, lw, { size: 13 });
  ly = centred(lh.issuer, left, ly, lw, { face: "bold", size: 13 });
  if (lh.star) {
    ly = centred("*", left, ly, lw, { size: 13 });
  } else {
    ly += 1.5 * MM;
    rule(left, ly, lw, lw * 0.35);
  }
  // The national name at 13 pt on one line; 12 pt where a long name would not fit (the decree allows 12–13).
  const nationalSize = textWidth(lh.national, { face: "bold", size: 13 }, Infinity) > rw ? 12 : 13;
  let ry = centred(lh.national, rx, top, rw, { face: "bold", size: nationalSize });
  if (lh.motto) {
    ry = centred(lh.motto, rx, ry, rw, { face: "bold", size: 14 });
    ry += 1.5 * MM;
    rule(rx, ry, rw, textWidth(lh.motto, { face: "bold", size: 14 }, rw));
  } else {
    ry += 1.5 * MM;
    rule(rx, ry, rw, textWidth(lh.national, { face: "bold", size: nationalSize }, rw));
  }
  const numberY = Math.max(ly, ry) + 3 * MM;
  const afterNumber = centred(letter.number, left, numberY, lw, { size: 13 });
  const afterDate = centred(letter.placeDate, rx, numberY, rw, { face: "italic", size: 14 });

  // Title and addressee.
  let y = Math.max(afterNumber, afterDate) + 8 * MM;
  y = centred(letter.title, left, y, width, { face: "bold", size: 14 });
  y = centred(letter.addressee, left, y + 3 * MM, width, { size: 14 }) + 3 * MM;

  // Body: paragraphs justified with a 10 mm first line; the details and the programme as indented lists.
  use({ size: 14 });
  doc.text(letter.opening, left, y, { width, align: "justify", indent: 10 * MM, lineGap, paragraphGap: 2 * MM });
  const item = (text: string, indent: number) => {
    use({ size: 14 });
    doc.text(text, left + indent, doc.y, { width: width - indent, align: "left", lineGap, paragraphGap: 1 * MM });
  };
  for (const d of letter.details) item(`- ${d.label}: ${d.text}`, 10 * MM);
  if (letter.programmeLabel) item(`- ${letter.programmeLabel}:`, 10 * MM);
  for (const p of letter.programme) item(`+ ${p.time ? `${p.time}: ` : ""}${p.title}`, 16 * MM);
  use({ size: 14 });
  doc.text(letter.closing, left, doc.y + 1 * MM, { width, align: "justify", indent: 10 * MM, lineGap });

  // Recipients (left half) beside the signer (right half), kept together on one page.
  const half = width / 2;
  const signerSpace = 24 * MM;
  const measure = (text: string, s: Style, w: number) => {
    use(s);
    return doc.heightOfString(text, { width: w, lineGap: 0 });
  };
  const recipientsH =
    measure(letter.recipientsLabel, { face: "boldItalic", size: 12 }, half) + letter.recipients.reduce((h, r) => h + measure(r, { size: 11 }, half), 0);
  const signerH =
    letter.signer.lines.reduce((h, l) => h + measure(l, { face: "bold", size: 14 }, half), 0) + signerSpace + measure(letter.signer.name || " ", { face: "bold", size: 14 }, half);
  let fy = doc.y + 6 * MM;
  if (fy + Math.max(recipientsH, signerH) > bottom()) {
    doc.addPage();
    fy = doc.page.margins.top;
  }
  use({ face: "boldItalic", size: 12 });
  doc.text(letter.recipientsLabel, left, fy, { width: half, lineGap: 0 });
  use({ size: 11 });
  for (const r of letter.recipients) doc.text(r, left, doc.y, { width: half, lineGap: 0 });
  let sy = fy;
  for (const l of letter.signer.lines) sy = centred(l, left + half, sy, half, { face: "bold", size: 14 });
  if (letter.signer.name) centred(letter.signer.name, left + half, sy + signerSpace, half, { face: "bold", size: 14 });

  // The letter to many: its list of guests on a page of its own.
  const list = letter.attachedList;
  if (list) {
    doc.addPage();
    let ay = centred(list.title, left, doc.page.margins.top, width, { face: "bold", size: 14 });
    ay = centred(list.reference, left, ay, width, { face: "italic", size: 14 }) + 4 * MM;
    use({ size: 14 });
    doc.y = ay;
    list.people.forEach((p, i) => {
      const label = `${i + 1}.`;
      const at = doc.y;
      doc.text(label, left + 2 * MM, at, { width: 8 * MM, lineBreak: false });
      doc.text(p, left + 10 * MM, at, { width: width - 10 * MM, lineGap, paragraphGap: 1.5 * MM });
    });
  }

  doc.end();
  return done;
}

/** "giay-moi-lai-van-hoan.pdf", and the name as written by RFC 5987. */
export function letterPdfContentDisposition(locale: "vi" | "en", name: string | null, disposition: "inline" | "attachment" = "inline"): string {
  return attachmentHeader({ stem: letterFileStem(locale, name), extension: "pdf", asciiFallback: "giay-moi", type: disposition });
}
