/**
 * POST /api/v1/events/:eventId/invitations/import — a CSV file as the body (Content-Type: text/csv), the same
 * format as the app's import. Without ?commit=1: the preview (nothing is saved); with it: the import. See docs/api.md.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import type { importReportJsonSchema } from "~/domain/api/resources";
import { decodeUtf8 } from "~/domain/attendees/csv";
import { MAX_SERVER_IMPORT_BYTES, MAX_SERVER_IMPORT_ROWS, previewImport, readAttendeeCsv } from "~/domain/attendees/import";
import { translateError } from "~/i18n/i18n";
import { importAttendeeCsv } from "~/services/attendee-import.server";
import { apiError, apiJson, handleApi, validationError, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { checkEventPermission } from "~/services/auth.server";
import { importRowErrorsToJson } from "~/services/api-presenters/invitations.server";

// The rest of the body is not read: the connection is closed after the answer, so a client does not reuse it.
const tooLarge = () =>
  apiError(413, `The CSV file is larger than ${MAX_SERVER_IMPORT_BYTES / 1024 / 1024} MiB: split it into several files.`, {}, { Connection: "close" });

/** The body's bytes, refused with 413 as soon as they cross the limit (whatever Content-Length says). */
async function readCsvBytes(request: Request): Promise<Uint8Array> {
  if (Number(request.headers.get("Content-Length") ?? "0") > MAX_SERVER_IMPORT_BYTES) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_SERVER_IMPORT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** A problem with the file as a whole (not one of its rows): 422, the message also under fields._body. */
const fileError = (message: string) => validationError({ _body: message }, message);

function isCsv(header: string | null): boolean {
  const type = (header ?? "").split(";")[0]?.trim().toLowerCase();
  return type === "text/csv" || type === "application/csv";
}

type ImportReportJson = z.infer<typeof importReportJsonSchema>;

const importCsv: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const { event } = await checkEventPermission(user, context, params.eventId, "attendees:manage");
  const commitParam = new URL(request.url).searchParams.get("commit");
  if (commitParam !== null && commitParam !== "0" && commitParam !== "1")
    throw apiError(400, "commit must be 1 (import) or 0 (preview).", { commit: "Use 1 or 0." });
  if (!isCsv(request.headers.get("Content-Type")))
    throw apiError(415, "Send the CSV file as the body with the header Content-Type: text/csv; charset=utf-8.");
  const bytes = await readCsvBytes(request);
  if (bytes.byteLength === 0) throw fileError("The request body is empty: send the CSV file as the body.");
  const text = decodeUtf8(bytes);
  if (text === null) throw fileError(translateError("en", "attendees.import.errors.notUtf8"));
  const read = readAttendeeCsv(text, { maxRows: MAX_SERVER_IMPORT_ROWS });
  if (!read.ok) throw fileError(translateError("en", read.error));

  if (commitParam !== "1") {
    const preview = previewImport(read);
    return apiJson({
      commit: false as const,
      rows: preview.total,
      validRows: preview.validCount,
      errors: importRowErrorsToJson(preview.errors),
      ignoredColumns: preview.ignoredColumns,
      sample: preview.sample.map((s) => ({ row: s.rowNumber, name: s.row.fullName, organization: s.row.organization, email: s.row.email })),
    } satisfies ImportReportJson);
  }
  const result = await importAttendeeCsv(context.db, actorOf(user), event.id, text);
  if (!result.ok) throw fileError(translateError("en", result.error));
  return apiJson({ commit: true as const, ...result.summary, skippedRows: result.errors.length, errors: importRowErrorsToJson(result.errors) } satisfies ImportReportJson);
};

const handlers = { POST: importCsv };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
