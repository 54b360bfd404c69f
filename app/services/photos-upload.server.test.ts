import { describe, expect, it } from "vitest";
import { isPhotoRejected } from "./photos-processing.server";
import { readPhotoUploads } from "./photos-upload.server";

const MB = 1024 * 1024;

function multipart(parts: { name: string; filename?: string; body: Buffer | string }[]) {
  const boundary = "----signet-test-boundary";
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = p.filename !== undefined ? `form-data; name="${p.name}"; filename="${p.filename}"` : `form-data; name="${p.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.filename !== undefined ? "Content-Type: image/jpeg\r\n" : ""}\r\n`));
    chunks.push(Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function request(body: Buffer | ReadableStream<Uint8Array>, contentType: string, length?: number) {
  const headers: Record<string, string> = { "Content-Type": contentType };
  if (length !== undefined) headers["Content-Length"] = String(length);
  return new Request("http://localhost/upload", { method: "POST", headers, body, duplex: "half" } as RequestInit);
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isPhotoRejected(error)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { status: error.status, message: error.message };
}

describe("readPhotoUploads", () => {
  it("reads files and text fields", async () => {
    const { body, contentType } = multipart([
      { name: "captionVi", body: "Lễ ký kết" },
      { name: "file", filename: "a.jpg", body: Buffer.from([0xff, 0xd8, 0xff, 1, 2]) },
    ]);
    const form = await readPhotoUploads(request(body, contentType, body.length), { maxBytes: MB, maxFiles: 1, single: true });
    expect(form.fields).toEqual({ captionVi: "Lễ ký kết" });
    expect(form.files).toEqual([{ filename: "a.jpg", bytes: Buffer.from([0xff, 0xd8, 0xff, 1, 2]), rejection: null }]);
  });

  it("refuses a declared 50 MB body at once (413), before reading it", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const refused = await refusal(readPhotoUploads(request(stream, "multipart/form-data; boundary=x", 50 * MB), { maxBytes: 25 * MB, maxFiles: 1, single: true }));
    expect(refused).toEqual({ status: 413, message: "photos.errors.tooLarge?max=25" });
    expect(pulled).toBeLessThanOrEqual(64 * 1024 * 2);
  });

  it("stops reading a streamed 50 MB file without Content-Length soon after the limit (not buffered whole)", async () => {
    const boundary = "b0undary";
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\n\r\n`);
    let sent = 0;
    const chunk = new Uint8Array(256 * 1024).fill(0xab);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (sent >= 50 * MB) {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const refused = await refusal(readPhotoUploads(request(stream, `multipart/form-data; boundary=${boundary}`), { maxBytes: 2 * MB, maxFiles: 1, single: true }));
    expect(refused.status).toBe(413);
    expect(sent).toBeLessThan(4 * MB);
  });

  it("in a plain form with several files, an oversized one is reported and the others are kept", async () => {
    const { body, contentType } = multipart([
      { name: "file", filename: "ok1.jpg", body: Buffer.alloc(100, 1) },
      { name: "file", filename: "huge.jpg", body: Buffer.alloc(2 * MB, 2) },
      { name: "file", filename: "ok2.jpg", body: Buffer.alloc(200, 3) },
    ]);
    const form = await readPhotoUploads(request(body, contentType, body.length), { maxBytes: MB, maxFiles: 10, single: false });
    expect(form.files.map((f) => [f.filename, f.bytes?.length ?? null, f.rejection?.message ?? null])).toEqual([
      ["ok1.jpg", 100, null],
      ["huge.jpg", null, "photos.errors.tooLarge?max=1"],
      ["ok2.jpg", 200, null],
    ]);
  });

  it("skips an empty file input, and refuses too many files and non-multipart bodies", async () => {
    const empty = multipart([{ name: "file", filename: "", body: "" }]);
    expect((await readPhotoUploads(request(empty.body, empty.contentType), { maxBytes: MB, maxFiles: 3, single: false })).files).toEqual([]);
    const many = multipart([1, 2, 3].map((i) => ({ name: "file", filename: `${i}.jpg`, body: "x" })));
    expect(await refusal(readPhotoUploads(request(many.body, many.contentType), { maxBytes: MB, maxFiles: 2, single: false }))).toEqual({
      status: 400,
      message: "photos.errors.tooManyFiles?max=2",
    });
    expect(await refusal(readPhotoUploads(request(Buffer.from("{}"), "application/json"), { maxBytes: MB, maxFiles: 1, single: true }))).toEqual({
      status: 415,
      message: "photos.errors.notMultipart",
    });
  });
});
