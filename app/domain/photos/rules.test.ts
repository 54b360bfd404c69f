import { describe, expect, it } from "vitest";
import { checkPixels, checkSize, checkSniffed, cleanFilename, megabytes, megapixels, uploadRetryable, DEFAULT_PHOTO_MAX_BYTES } from "./rules";

describe("upload rules", () => {
  it("offers to send again only where that can help: the network or the server failed", () => {
    for (const status of [0, 408, 429, 500, 502, 503]) expect(uploadRetryable(status), String(status)).toBe(true);
    // Refusals of the file itself, and of the person: sending it again would be refused the same way.
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422]) expect(uploadRetryable(status), String(status)).toBe(false);
  });
  it("checks the size against the limit, with the limit in MB in the message", () => {
    expect(checkSize(1, 1000)).toBeNull();
    expect(checkSize(1000, 1000)).toBeNull();
    expect(checkSize(1024 * 1024 + 1, 1024 * 1024)).toEqual({ status: 413, message: "photos.errors.tooLarge?max=1" });
    expect(checkSize(50 * 1024 * 1024, DEFAULT_PHOTO_MAX_BYTES)).toEqual({ status: 413, message: "photos.errors.tooLarge?max=25" });
    expect(checkSize(0, 1000)).toEqual({ status: 400, message: "photos.errors.empty" });
  });

  it("formats megabytes and megapixels for messages", () => {
    expect(megabytes(25 * 1024 * 1024)).toBe("25");
    expect(megabytes(2.5 * 1024 * 1024)).toBe("2.5");
    expect(megabytes(12.4 * 1024 * 1024)).toBe("12");
    expect(megabytes(40 * 1024)).toBe("0.04");
    expect(megabytes(100)).toBe("0.01");
    expect(megapixels(60_000_000)).toBe("60");
    expect(megapixels(2_500_000)).toBe("2.5");
  });

  it("explains each kind of refused file, with 415 for types we do not take", () => {
    expect(checkSniffed({ kind: "accepted", type: "image/png", extension: "png" })).toBeNull();
    expect(checkSniffed({ kind: "heic" })).toEqual({ status: 415, message: "photos.errors.heic" });
    expect(checkSniffed({ kind: "svg" })).toEqual({ status: 415, message: "photos.errors.svg" });
    expect(checkSniffed({ kind: "pdf" })).toEqual({ status: 415, message: "photos.errors.pdf" });
    expect(checkSniffed({ kind: "otherImage", format: "GIF" })).toEqual({ status: 415, message: "photos.errors.otherImage?format=GIF" });
    expect(checkSniffed({ kind: "unknown" })).toEqual({ status: 415, message: "photos.errors.notImage" });
    expect(checkSniffed({ kind: "empty" })).toEqual({ status: 400, message: "photos.errors.empty" });
  });

  it("refuses a decompression bomb from its header size", () => {
    expect(checkPixels(6000, 4000, 60_000_000)).toBeNull();
    expect(checkPixels(20000, 20000, 60_000_000)).toEqual({
      status: 422,
      message: "photos.errors.tooManyPixels?width=20000&height=20000&max=60",
    });
    expect(checkPixels(0, 100, 60_000_000)).toEqual({ status: 422, message: "photos.errors.corrupt" });
  });

  it("keeps only a safe base name", () => {
    expect(cleanFilename("C:\\Users\\a\\Ảnh lễ ký.jpg")).toBe("Ảnh lễ ký.jpg");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("a\u0000b\nc.jpg")).toBe("abc.jpg");
    expect(cleanFilename("")).toBe("photo");
    expect(cleanFilename(`${"x".repeat(300)}.jpg`)).toHaveLength(200);
    expect(cleanFilename(`${"x".repeat(300)}.jpg`).endsWith(".jpg")).toBe(true);
  });
});
