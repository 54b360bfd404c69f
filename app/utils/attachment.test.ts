import { describe, expect, it } from "vitest";
import { attachmentHeader, fileNameAsWritten, uploadedFileHeader } from "./attachment";

describe("attachmentHeader", () => {
  it("names the file as written (RFC 5987) and folded to ASCII for older clients", () => {
    expect(attachmentHeader({ stem: "Lễ ký kết Đề án", extension: "ics", asciiFallback: "signet-event" })).toBe(
      `attachment; filename="le-ky-ket-de-an.ics"; filename*=UTF-8''L%E1%BB%85%20k%C3%BD%20k%E1%BA%BFt%20%C4%90%E1%BB%81%20%C3%A1n.ics`,
    );
  });

  it("an ASCII name is given once; inline when asked; the fallback when nothing folds", () => {
    expect(attachmentHeader({ stem: "khach-moi-le-2017-10-19", extension: "csv", ascii: "khach-moi-le-2017-10-19" })).toBe(
      'attachment; filename="khach-moi-le-2017-10-19.csv"',
    );
    expect(attachmentHeader({ stem: "🤝", extension: "pdf", asciiFallback: "giay-moi", type: "inline" })).toBe(
      `inline; filename="giay-moi.pdf"; filename*=UTF-8''%F0%9F%A4%9D.pdf`,
    );
  });

  it("keeps characters a file system refuses, quotes and line breaks out of both names", () => {
    const header = attachmentHeader({ stem: 'Báo cáo: "nháp" / 2024?\r\nX', extension: "docx", asciiFallback: "ban-tin" });
    expect(header).toBe(`attachment; filename="bao-cao-nhap-2024-x.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20nh%C3%A1p%202024%20X.docx`);
    expect(fileNameAsWritten("a/b\\c")).toBe("a b c");
  });

  it("cuts a long name by characters, never inside an emoji (a lone surrogate would make the encoding throw)", () => {
    const stem = `${"a".repeat(119)}🤝 end`;
    expect(fileNameAsWritten(stem)).toBe(`${"a".repeat(119)}🤝`);
    expect(() => attachmentHeader({ stem, extension: "pdf", asciiFallback: "x" })).not.toThrow();
  });
});

describe("uploadedFileHeader", () => {
  it("keeps the uploaded extension as it was, folds the rest, and gives a name without one its type's", () => {
    expect(uploadedFileHeader("gps.jpg", "image/jpeg")).toBe('attachment; filename="gps.jpg"');
    expect(uploadedFileHeader("Ảnh lễ ký.JPG", "image/jpeg")).toBe(`attachment; filename="anh-le-ky.JPG"; filename*=UTF-8''%E1%BA%A2nh%20l%E1%BB%85%20k%C3%BD.JPG`);
    expect(uploadedFileHeader("chup-man-hinh", "image/png")).toBe('attachment; filename="chup-man-hinh.png"');
    expect(uploadedFileHeader("anh.", "image/webp")).toBe('attachment; filename="anh.webp"');
  });
});
