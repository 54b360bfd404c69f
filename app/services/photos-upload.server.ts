/**
 * Reads photo uploads from a multipart request as a stream, part by part, never holding more than
 * PHOTO_MAX_BYTES of one file: a larger file is refused as soon as it crosses the limit (or at once, from
 * Content-Length, when the request can only hold one file). No temporary files; no new dependency (Remix's
 * multipart parser with our own handler).
 */
import { unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import { cleanFilename, tooLarge, type Rejection } from "~/domain/photos/rules";
import { isWellFormedText } from "~/domain/text/well-formed";
import { PhotoRejectedError } from "./photos-processing.server";

/** Text fields must be UTF-8 and obey the text rule (docs/decisions/024-bad-input.md). */
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

export type UploadedPart =
  | { filename: string; bytes: Buffer; rejection: null }
  | { filename: string; bytes: null; rejection: Rejection };

export interface UploadedForm {
  files: UploadedPart[];
  /** The text fields (first value of each). */
  fields: Record<string, string>;
}

const MAX_FIELD_BYTES = 16 * 1024;
const MAX_FIELDS = 50;
/** Room for the multipart boundaries, headers and the text fields beside a file. */
const OVERHEAD = 256 * 1024;

/**
 * Parses the request. `single`: the request carries one file (the uploader, the API); a file over the limit
 * fails the whole request with 413. Otherwise (the plain form), a file over the limit is skipped and reported
 * beside the others, which are kept.
 */
export async function readPhotoUploads(
  request: Request,
  options: { maxBytes: number; maxFiles: number; single: boolean },
): Promise<UploadedForm> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType))
    throw new PhotoRejectedError({ status: 415, message: "photos.errors.notMultipart" });
  const declared = Number(request.headers.get("Content-Length") ?? "");
  const ceiling = (options.single ? options.maxBytes : options.maxBytes * options.maxFiles) + OVERHEAD;
  if (Number.isFinite(declared) && declared > ceiling) throw new PhotoRejectedError(tooLarge(options.maxBytes));

  const files: UploadedPart[] = [];
  const fields: Record<string, string> = {};
  let fieldCount = 0;

  const handler: UploadHandler = async (part) => {
    if (typeof part.filename === "string") {
      const filename = cleanFilename(part.filename);
      const chunks: Uint8Array[] = [];
      let size = 0;
      let over = false;
      for await (const chunk of part.data) {
        if (over) continue;
        size += chunk.byteLength;
        if (size > options.maxBytes) {
          if (options.single) throw new PhotoRejectedError(tooLarge(options.maxBytes));
          over = true;
          chunks.length = 0;
          continue;
        }
        chunks.push(chunk);
      }
      // A file input left empty sends a part without a name and without bytes: nothing was chosen.
      if (part.filename === "" && size === 0) return undefined;
      if (files.length >= options.maxFiles)
        throw new PhotoRejectedError({ status: 400, message: `photos.errors.tooManyFiles?max=${options.maxFiles}` });
      files.push(
        over
          ? { filename, bytes: null, rejection: tooLarge(options.maxBytes) }
          : { filename, bytes: Buffer.concat(chunks), rejection: null },
      );
      return undefined;
    }
    fieldCount += 1;
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of part.data) {
      size += chunk.byteLength;
      if (size > MAX_FIELD_BYTES || fieldCount > MAX_FIELDS) throw new PhotoRejectedError({ status: 413, message: "errors.invalid" });
      chunks.push(chunk);
    }
    let value: string;
    try {
      value = strictUtf8.decode(Buffer.concat(chunks));
    } catch {
      throw new PhotoRejectedError({ status: 422, message: "errors.badText" });
    }
    if (!isWellFormedText(value) || !isWellFormedText(part.name))
      throw new PhotoRejectedError({ status: 422, message: "errors.badText" });
    if (!(part.name in fields)) fields[part.name] = value;
    return undefined;
  };

  try {
    await unstable_parseMultipartFormData(request, handler);
  } catch (error) {
    if (error instanceof PhotoRejectedError) throw error;
    // A body that is not well-formed multipart (cut off, wrong boundary).
    throw new PhotoRejectedError({ status: 400, message: "photos.errors.notMultipart" });
  }
  return { files, fields };
}
