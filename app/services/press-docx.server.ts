/**
 * The press summary as a Word document (.docx, the docx package): the headline in the Title style, the lead in
 * bold, the body's paragraphs, headings and lists, each placed photo (its web.jpg from the photo storage) scaled
 * to the page width keeping its aspect ratio and followed by its caption in italics, and the byline last,
 * right-aligned in bold. A4, Times New Roman 13 pt, the usual face of Vietnamese administrative documents.
 */
import {
  LineRuleType,
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  TextRun,
  type ParagraphChild,
} from "docx";
import sharp from "sharp";
import { photoCaptionLine, pressMarkdownBlocks, type PressBlock, type PressRun } from "~/domain/press/markdown";
import { isProvisionalSlug, slugWords } from "~/domain/press/slug";
import { attachmentHeader } from "~/utils/attachment";
import { photoVariantKey } from "~/domain/photos/urls";
import type { PressDocument, PressOutputPhoto } from "./press-outputs.server";
import type { ObjectStorage } from "./storage.server";

export const docxContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** A4 and 2 cm margins, in twips. */
const page = { width: 11906, height: 16838, margin: 1134 };
/** The text width in pixels at 96 dpi (twips / 15), where the docx package measures images. */
export const docxImageMaxWidth = Math.floor((page.width - 2 * page.margin) / 15);
/** Leave room under a portrait photo for its caption on the same page. */
export const docxImageMaxHeight = Math.floor((page.height - 2 * page.margin) / 15) - 160;

const font = "Times New Roman";

/** The size an image is placed at: the page width at most (and a page minus the caption in height), ratio kept. */
export function fitImage(width: number, height: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: docxImageMaxWidth, height: Math.round(docxImageMaxWidth * 0.75) };
  const scale = Math.min(1, docxImageMaxWidth / width, docxImageMaxHeight / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function absoluteHref(href: string, appUrl: string): string | null {
  if (/^(https?:|mailto:)/i.test(href)) return href;
  if (href.startsWith("/") && !href.startsWith("//")) return `${appUrl}${href}`;
  return null;
}

function textRuns(runs: PressRun[], appUrl: string, extra: { bold?: boolean; italics?: boolean } = {}): ParagraphChild[] {
  const children: ParagraphChild[] = [];
  for (const run of runs) {
    const pieces = run.text.split("\n");
    const make = (text: string, index: number) =>
      new TextRun({
        text,
        bold: extra.bold || run.bold || undefined,
        italics: extra.italics || run.italic || undefined,
        strike: run.strike || undefined,
        font: run.code ? "Courier New" : undefined,
        break: index > 0 ? 1 : undefined,
        style: run.href ? "Hyperlink" : undefined,
      });
    const made = pieces.map(make);
    const href = run.href ? absoluteHref(run.href, appUrl) : null;
    if (href) children.push(new ExternalHyperlink({ link: href, children: made }));
    else children.push(...made);
  }
  return children;
}

interface LoadedImage {
  data: Buffer;
  width: number;
  height: number;
}

async function loadImage(storage: ObjectStorage, photo: PressOutputPhoto): Promise<LoadedImage | null> {
  const stored = await storage.get(photoVariantKey(photo, "web"));
  if (!stored) return null;
  try {
    const meta = await sharp(stored.body).metadata();
    return { data: stored.body, width: meta.width ?? photo.width, height: meta.height ?? photo.height };
  } catch {
    return null;
  }
}

function captionParagraph(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, italics: true })],
  });
}

async function photoParagraphs(
  block: Extract<PressBlock, { kind: "photo" }>,
  doc: PressDocument,
  storage: ObjectStorage,
  photoNotFound: string,
): Promise<Paragraph[]> {
  const photo = block.photoId ? doc.photos.find((p) => p.id === block.photoId) : undefined;
  const caption = block.caption || photo?.caption || "";
  const captionLine = photoCaptionLine(caption, photo?.credit);
  const image = photo ? await loadImage(storage, photo) : null;
  const out: Paragraph[] = [];
  if (image) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 60 },
        keepNext: true,
        children: [
          new ImageRun({
            type: "jpg",
            data: image.data,
            transformation: fitImage(image.width, image.height),
            altText: { name: `photo-${photo?.id ?? ""}`, title: caption, description: caption },
          }),
        ],
      }),
    );
  } else {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: `[${photoNotFound}]`, italics: true, color: "8A1F14" })],
      }),
    );
  }
  if (captionLine) out.push(captionParagraph(captionLine));
  return out;
}

/** The .docx bytes of a press summary. */
export async function buildPressDocx(
  doc: PressDocument,
  storage: ObjectStorage,
  options: { appUrl: string; photoNotFound: string },
): Promise<Buffer> {
  const blocks = pressMarkdownBlocks(doc.body);
  const leadIndex = blocks.findIndex((block) => block.kind === "paragraph");
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 240 }, children: [new TextRun({ text: doc.title })] }),
  ];
  for (const [index, block] of blocks.entries()) {
    switch (block.kind) {
      case "paragraph":
        children.push(
          new Paragraph({
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 160 },
            children: textRuns(block.runs, options.appUrl, { bold: index === leadIndex }),
          }),
        );
        break;
      case "heading":
        children.push(
          new Paragraph({
            heading: block.level <= 2 ? HeadingLevel.HEADING_1 : block.level === 3 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
            children: textRuns(block.runs, options.appUrl),
          }),
        );
        break;
      case "photo":
        children.push(...(await photoParagraphs(block, doc, storage, options.photoNotFound)));
        break;
      case "list":
        block.items.forEach((item, itemIndex) => {
          children.push(
            block.ordered
              ? new Paragraph({
                  indent: { left: 567, hanging: 340 },
                  children: [new TextRun({ text: `${block.start + itemIndex}.\t` }), ...textRuns(item, options.appUrl)],
                })
              : new Paragraph({ bullet: { level: 0 }, children: textRuns(item, options.appUrl) }),
          );
        });
        break;
      case "quote":
        children.push(
          new Paragraph({ indent: { left: 567 }, spacing: { after: 160 }, children: textRuns(block.runs, options.appUrl, { italics: true }) }),
        );
        break;
      case "code":
        children.push(
          new Paragraph({
            children: block.text
              .split("\n")
              .map((line, lineIndex) => new TextRun({ text: line, font: "Courier New", break: lineIndex > 0 ? 1 : undefined })),
          }),
        );
        break;
      case "table":
        for (const row of block.rows) children.push(new Paragraph({ children: [new TextRun({ text: row.join("\t") })] }));
        break;
    }
  }
  const byline = doc.byline?.trim();
  if (byline) {
    children.push(
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [new TextRun({ text: byline, bold: true })] }),
    );
  }
  const document = new Document({
    creator: byline || "Signet",
    title: doc.title,
    description: doc.eventTitle,
    styles: {
      default: {
        document: {
          run: { font, size: 26, language: { value: doc.language === "vi" ? "vi-VN" : "en-GB" } },
          // lineRule "auto" said outright: without it LibreOffice reads the 1.25 spacing as exact and clips
          // every photo to one line's height.
          paragraph: { spacing: { line: 300, lineRule: LineRuleType.AUTO } },
        },
        title: { run: { font, size: 36, bold: true, color: "111111" }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { font, size: 30, bold: true, color: "111111" } },
        heading2: { run: { font, size: 28, bold: true, color: "111111" } },
        heading3: { run: { font, size: 26, bold: true, color: "111111" } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.margin, bottom: page.margin, left: page.margin, right: page.margin },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Characters no file system takes in a name, and control characters. */
/**
 * The download's Content-Disposition: an ASCII filename from the slug (or the folded title while not
 * published) and, by RFC 5987, the title as it is ("Ký kết chương trình phối hợp công tác.docx").
 */
export function docxContentDisposition(doc: Pick<PressDocument, "slug" | "title">): string {
  const ascii = (isProvisionalSlug(doc.slug) ? slugWords(doc.title) : doc.slug) || "ban-tin";
  return attachmentHeader({ stem: doc.title, extension: "docx", ascii });
}
