import { execFileSync } from "node:child_process";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { photoVariantKey } from "~/domain/photos/urls";
import { readDocx, type DocxContent } from "../../server/testing/docx-reader.server";
import { buildPressDocx, docxContentDisposition, docxImageMaxWidth, fitImage } from "./press-docx.server";
import type { PressDocument, PressOutputPhoto } from "./press-outputs.server";
import type { ObjectStorage, StoredObject } from "./storage.server";

function memoryStorage(): ObjectStorage & { objects: Map<string, StoredObject> } {
  const objects = new Map<string, StoredObject>();
  return {
    objects,
    put: (key, body, contentType) => {
      objects.set(key, { body, contentType, size: body.length });
      return Promise.resolve();
    },
    get: (key) => Promise.resolve(objects.get(key) ?? null),
    deletePrefix: (prefix) => {
      for (const key of [...objects.keys()]) if (key.startsWith(prefix)) objects.delete(key);
      return Promise.resolve();
    },
    list: async function* (prefix) {
      await Promise.resolve();
      for (const key of objects.keys()) if (key.startsWith(prefix)) yield key;
    },
    location: "memory:",
  };
}

function photo(id: string, width: number, height: number, caption: string, credit: string | null): PressOutputPhoto {
  return {
    id,
    url: `/media/photos/${id}/r1/web.jpg`,
    thumbnailUrl: `/media/photos/${id}/r1/thumb.jpg`,
    width,
    height,
    caption,
    credit,
    isCover: false,
    storageKey: `photos/e1/${id}`,
    revision: "r1",
  };
}

const landscape = photo("11111111-1111-4111-8111-111111111111", 1600, 1067, "Ảnh lưu niệm của đại biểu.", "Đặng Anh");
const portrait = photo("22222222-2222-4222-8222-222222222222", 900, 1600, "Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.", null);

const lead = "Chiều ngày 19/10, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020.";
const attendance = "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.";
const remarks = "Tại buổi lễ, đồng chí Trưởng ban đề nghị hai cơ quan phối hợp xây dựng bộ tiêu chí.";
const signingCaption = "Lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.";

const doc: PressDocument = {
  id: "33333333-3333-4333-8333-333333333333",
  eventId: "e1",
  eventTitle: "Lễ ký kết",
  language: "vi",
  slug: "ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017",
  title: "Ký kết chương trình phối hợp công tác",
  body: [
    lead,
    `![${signingCaption}](photo:${landscape.id})`,
    attendance,
    `![](photo:${portrait.id})`,
    remarks.replace("đồng chí Trưởng ban", "**đồng chí Trưởng ban**"),
    "![Ảnh đã bị xoá](photo:gone)",
  ].join("\n\n"),
  byline: "Đặng Anh",
  status: "published",
  publishedAt: new Date("2017-10-19T12:13:53Z"),
  viewCount: 0,
  timeZone: "Asia/Ho_Chi_Minh",
  updatedAt: new Date(),
  photos: [landscape, portrait],
};

describe("buildPressDocx, opened with python3 zipfile + ElementTree", () => {
  let content: DocxContent;
  let bytes: Buffer;

  beforeAll(async () => {
    const storage = memoryStorage();
    for (const p of [landscape, portrait]) {
      const jpeg = await sharp({ create: { width: p.width, height: p.height, channels: 3, background: "#7a1f1f" } }).jpeg().toBuffer();
      await storage.put(photoVariantKey(p, "web"), jpeg, "image/jpeg");
    }
    bytes = await buildPressDocx(doc, storage, { appUrl: "https://signet.example", photoNotFound: "Không tìm thấy ảnh" });
    content = readDocx(bytes);
  });

  it("is a zip with the Word parts", () => {
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(content.files).toEqual(expect.arrayContaining(["[Content_Types].xml", "word/document.xml", "word/styles.xml"]));
  });

  it("spaces lines by a multiple (lineRule auto), so a photo is never clipped to one line's height", () => {
    const read = "import io, sys, zipfile; print(zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read())).read('word/styles.xml').decode())";
    const styles = execFileSync("/usr/bin/python3", ["-c", read], { input: bytes }).toString();
    expect(styles).toMatch(/<w:pPrDefault><w:pPr><w:spacing [^>]*w:lineRule="auto"/);
  });

  it("starts with the headline in the Title style", () => {
    expect(content.paragraphs[0]).toMatchObject({ style: "Title", text: "Ký kết chương trình phối hợp công tác" });
  });

  it("sets the lead in bold, every run of it", () => {
    const leadParagraph = content.paragraphs.find((p) => p.text === lead);
    expect(leadParagraph).toBeDefined();
    expect(leadParagraph!.runs.every((run) => run.bold)).toBe(true);
    // …and the other paragraphs are not bold (except what the body makes bold).
    expect(content.paragraphs.find((p) => p.text === attendance)!.runs.some((run) => run.bold)).toBe(false);
    const withBold = content.paragraphs.find((p) => p.text === remarks)!;
    expect(withBold.runs.filter((run) => run.bold).map((run) => run.text)).toEqual(["đồng chí Trưởng ban"]);
  });

  it("keeps every paragraph, with Vietnamese intact", () => {
    for (const text of [lead, attendance, remarks]) expect(content.paragraphs.map((p) => p.text)).toContain(text);
    expect(content.documentXml).toContain("Trưởng ban Tuyên giáo Tỉnh ủy");
  });

  it("places one image per photo in word/media, each followed by its caption in italics", () => {
    const media = content.files.filter((name) => name.startsWith("word/media/"));
    expect(media).toHaveLength(2);
    const imageParagraphs = content.paragraphs.filter((p) => p.images.length > 0);
    expect(imageParagraphs).toHaveLength(2);
    for (const [caption, credit] of [
      [signingCaption, "Đặng Anh"],
      [portrait.caption, null],
    ] as const) {
      const line = credit ? `${caption} — ${credit}` : caption;
      const index = content.paragraphs.findIndex((p) => p.text === line);
      expect(index, line ?? "").toBeGreaterThan(0);
      expect(content.paragraphs[index - 1]!.images).toHaveLength(1);
      expect(content.paragraphs[index]!.runs.every((run) => run.italic)).toBe(true);
    }
  });

  it("scales photos to the page width at most, keeping the aspect ratio", () => {
    const [wide, tall] = content.paragraphs.flatMap((p) => p.images);
    expect(wide!.cx).toBeLessThanOrEqual(content.textWidthEmu);
    expect(wide!.cx).toBeGreaterThan(content.textWidthEmu * 0.95);
    expect(wide!.cx / wide!.cy).toBeCloseTo(1600 / 1067, 2);
    expect(tall!.cx / tall!.cy).toBeCloseTo(900 / 1600, 2);
    expect(tall!.cx).toBeLessThanOrEqual(content.textWidthEmu);
  });

  it("shows a missing photo as a visible note with its caption", () => {
    expect(content.paragraphs.map((p) => p.text)).toEqual(expect.arrayContaining(["[Không tìm thấy ảnh]", "Ảnh đã bị xoá"]));
  });

  it("ends with the byline, right-aligned and bold", () => {
    const last = content.paragraphs[content.paragraphs.length - 1]!;
    expect(last).toMatchObject({ text: "Đặng Anh", align: "right" });
    expect(last.runs.every((run) => run.bold)).toBe(true);
  });

  it("reads in order as text", () => {
    expect(content.text).toBe(
      [
        "Ký kết chương trình phối hợp công tác",
        lead,
        "[image]",
        `${signingCaption} — Đặng Anh`,
        attendance,
        "[image]",
        portrait.caption,
        remarks,
        "[Không tìm thấy ảnh]",
        "Ảnh đã bị xoá",
        "Đặng Anh",
      ].join("\n"),
    );
  });
});

describe("fitImage", () => {
  it("keeps small images as they are and scales large ones to the text width", () => {
    expect(fitImage(400, 300)).toEqual({ width: 400, height: 300 });
    const big = fitImage(1600, 1200);
    expect(big.width).toBe(docxImageMaxWidth);
    expect(big.height).toBe(Math.round(1200 * (docxImageMaxWidth / 1600)));
  });
});

describe("docxContentDisposition", () => {
  it("gives the slug as the ASCII name and the Vietnamese title by RFC 5987", () => {
    expect(docxContentDisposition(doc)).toBe(
      `attachment; filename="ky-ket-chuong-trinh-phoi-hop-cong-tac-19-10-2017.docx"; filename*=UTF-8''` +
        "K%C3%BD%20k%E1%BA%BFt%20ch%C6%B0%C6%A1ng%20tr%C3%ACnh%20ph%E1%BB%91i%20h%E1%BB%A3p%20c%C3%B4ng%20t%C3%A1c.docx",
    );
  });

  it("folds the title while the slug is still provisional, and keeps file-system characters out", () => {
    const draft = { slug: "draft-33333333-3333-4333-8333-333333333333", title: 'Báo cáo: "nháp" / 2024?' };
    expect(docxContentDisposition(draft)).toBe(
      `attachment; filename="bao-cao-nhap-2024.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20nh%C3%A1p%202024.docx`,
    );
  });
});
