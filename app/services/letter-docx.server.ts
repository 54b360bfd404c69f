/**
 * The Giấy mời as a Word document (.docx, the docx package), laid out like the print view: A4 with Nghị định
 * 30/2020's margins (top 20, bottom 20, left 30, right 15 mm), Times New Roman 14 pt (13 pt in the letterhead),
 * the letterhead's two blocks and the recipients/signer blocks as borderless two-column tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
} from "docx";
import type { LetterParts } from "~/domain/letter/invitation-letter";
import { letterFileStem } from "~/domain/letter/invitation-letter";
import { attachmentHeader } from "~/utils/attachment";

export { docxContentType } from "./press-docx.server";

/** Millimetres in twips (1 mm = 56.7 twips). */
const mm = (v: number) => Math.round(v * 56.6929);
export const letterPage = { width: 11906, height: 16838, margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } };
const textWidth = letterPage.width - letterPage.margin.left - letterPage.margin.right;
const font = "Times New Roman";
/** Half-points. */
const pt = (v: number) => v * 2;

const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };
const cellNoBorders = { top: none, bottom: none, left: none, right: none };

function line(text: string, o: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; rule?: boolean; before?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: o.align ?? AlignmentType.CENTER,
    spacing: { before: o.before ?? 0, after: 0 },
    // The rule under a block's last line, as the decree draws it (a paragraph border the width of the text).
    border: o.rule ? { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } } : undefined,
    children: [new TextRun({ text, bold: o.bold, italics: o.italics, size: o.size ? pt(o.size) : undefined })],
  });
}

function twoColumns(left: Paragraph[], right: Paragraph[], leftShare: number): Table {
  const lw = Math.round(textWidth * leftShare);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [lw, textWidth - lw],
    borders: noBorders,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: lw, type: WidthType.DXA }, borders: cellNoBorders, children: left }),
          new TableCell({ width: { size: textWidth - lw, type: WidthType.DXA }, borders: cellNoBorders, children: right }),
        ],
      }),
    ],
  });
}

/** The .docx bytes of one letter. */
export async function buildLetterDocx(letter: LetterParts): Promise<Buffer> {
  const lh = letter.letterhead;
  const left: Paragraph[] = [
    ...(lh.superior ? [line(lh.superior, { size: 13 })] : []),
    line(lh.issuer, { bold: true, size: 13, rule: !lh.star }),
    ...(lh.star ? [line("*", { size: 13 })] : []),
    line(letter.number, { size: 13, before: 120 }),
  ];
  const right: Paragraph[] = [
    line(lh.national, { bold: true, size: 13, rule: !lh.motto }),
    ...(lh.motto ? [line(lh.motto, { bold: true, size: 14, rule: true })] : []),
    line(letter.placeDate, { italics: true, size: 14, before: 120 }),
  ];
  const body = (text: string) =>
    new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: mm(10) }, spacing: { after: 80 }, children: [new TextRun(text)] });
  const item = (text: string, indent: number) => new Paragraph({ indent: { left: indent }, spacing: { after: 40 }, children: [new TextRun(text)] });
  const children: (Paragraph | Table)[] = [
    twoColumns(left, right, 0.42),
    line(letter.title, { bold: true, size: 14, before: 360 }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120, after: 200 }, children: [new TextRun(letter.addressee)] }),
    body(letter.opening),
    ...letter.details.map((d) => item(`- ${d.label}: ${d.text}`, mm(10))),
    ...(letter.programmeLabel ? [item(`- ${letter.programmeLabel}:`, mm(10))] : []),
    ...letter.programme.map((p) => item(`+ ${p.time ? `${p.time}: ` : ""}${p.title}`, mm(16))),
    body(letter.closing),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    twoColumns(
      [
        new Paragraph({ children: [new TextRun({ text: letter.recipientsLabel, bold: true, italics: true, size: pt(12) })] }),
        ...letter.recipients.map((r) => new Paragraph({ children: [new TextRun({ text: r, size: pt(11) })] })),
      ],
      [
        ...letter.signer.lines.map((l) => line(l, { bold: true, size: 14 })),
        new Paragraph({ spacing: { before: mm(22) }, children: [] }),
        line(letter.signer.name, { bold: true, size: 14 }),
      ],
      0.5,
    ),
  ];
  const list = letter.attachedList;
  if (list) {
    children.push(
      new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [new TextRun({ text: list.title, bold: true })] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [new TextRun({ text: list.reference, italics: true })] }),
      ...list.people.map((p, i) => new Paragraph({ indent: { left: mm(10), hanging: mm(8) }, spacing: { after: 60 }, children: [new TextRun(`${i + 1}.\t${p}`)] })),
    );
  }
  const document = new Document({
    creator: "Signet",
    title: letter.title,
    styles: {
      default: {
        document: {
          run: { font, size: pt(14), language: { value: letter.locale === "vi" ? "vi-VN" : "en-GB" } },
          paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: letterPage.width, height: letterPage.height },
            margin: letterPage.margin,
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** "giay-moi-lai-van-hoan.docx", and the name as written by RFC 5987. */
export function letterContentDisposition(locale: "vi" | "en", name: string | null): string {
  return attachmentHeader({ stem: letterFileStem(locale, name), extension: "docx", asciiFallback: "giay-moi" });
}
