/**
 * Test support: opens a .docx the way an independent reader would — python3's zipfile and ElementTree, not the
 * library that wrote it — and returns its parts and paragraphs (style, alignment, runs with bold/italic, images
 * with their placed size), plus the plain text in reading order. Used by the .docx unit test and the e2e test.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface DocxParagraph {
  style: string | null;
  align: string | null;
  text: string;
  runs: DocxRun[];
  /** Placed images: the media file and the size in EMU. */
  images: { target: string; cx: number; cy: number }[];
}

export interface DocxContent {
  files: string[];
  documentXml: string;
  paragraphs: DocxParagraph[];
  /** Paragraph texts joined by newlines (images as [image]). */
  text: string;
  /** The page's text width in EMU (page width minus left and right margins). */
  textWidthEmu: number;
}

const script = String.raw`
import sys, json, zipfile
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
z = zipfile.ZipFile(sys.argv[1])
names = z.namelist()
xml = z.read("word/document.xml").decode("utf-8")
rels = {}
for rel in ET.fromstring(z.read("word/_rels/document.xml.rels")).iter():
    if rel.get("Id"):
        rels[rel.get("Id")] = rel.get("Target")
root = ET.fromstring(xml)
body = root.find(W + "body")
paragraphs = []
def on(props, tag):
    if props is None: return False
    el = props.find(W + tag)
    if el is None: return False
    return el.get(W + "val") not in ("0", "false")
for p in body.iter(W + "p"):
    ppr = p.find(W + "pPr")
    style = None; align = None
    if ppr is not None:
        s = ppr.find(W + "pStyle"); style = s.get(W + "val") if s is not None else None
        j = ppr.find(W + "jc"); align = j.get(W + "val") if j is not None else None
    runs = []; images = []
    for r in p.iter(W + "r"):
        rpr = r.find(W + "rPr")
        text = "".join((t.text or "") if t.tag == W + "t" else ("\n" if t.tag == W + "br" else ("\t" if t.tag == W + "tab" else "")) for t in r)
        for d in r.iter(WP + "inline"):
            ext = d.find(WP + "extent")
            blip = d.find(".//" + A + "blip")
            images.append({"target": rels.get(blip.get(R + "embed")) if blip is not None else None, "cx": int(ext.get("cx")), "cy": int(ext.get("cy"))})
        if text:
            runs.append({"text": text, "bold": on(rpr, "b"), "italic": on(rpr, "i")})
    paragraphs.append({"style": style, "align": align, "text": "".join(r["text"] for r in runs), "runs": runs, "images": images})
sect = body.find(W + "sectPr")
pg = sect.find(W + "pgSz"); mar = sect.find(W + "pgMar")
width_twips = int(pg.get(W + "w")) - int(mar.get(W + "left")) - int(mar.get(W + "right"))
print(json.dumps({"files": names, "documentXml": xml, "paragraphs": paragraphs, "textWidthEmu": width_twips * 635}))
`;

export function readDocx(bytes: Buffer | Uint8Array): DocxContent {
  const dir = mkdtempSync(path.join(tmpdir(), "signet-docx-"));
  try {
    const file = path.join(dir, "document.docx");
    writeFileSync(file, bytes);
    const out = execFileSync("/usr/bin/python3", ["-c", script, file], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const parsed = JSON.parse(out) as Omit<DocxContent, "text">;
    const text = parsed.paragraphs
      .map((p) => [p.images.length ? "[image]" : "", p.text].filter(Boolean).join(" "))
      .filter(Boolean)
      .join("\n");
    return { ...parsed, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
