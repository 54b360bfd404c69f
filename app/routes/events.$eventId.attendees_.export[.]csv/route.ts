import type { LoaderFunctionArgs } from "@remix-run/node";
import { writeCsv, writeCsvRows } from "~/domain/attendees/csv";
import { exportColumns, exportFileStem, exportRow, importableExportColumns, type ExportLabels } from "~/domain/attendees/export";
import { formatDate, formatTime, instantToLocalInput } from "~/domain/dates/phrasing";
import { translate, type MessageKey } from "~/i18n/i18n";
import { getEventDetail } from "~/models/events.server";
import { getInvitationsByIds, listEventInvitationIds } from "~/models/invitations.server";
import { requireEventPermission } from "~/services/auth.server";
import { attachmentHeader } from "~/utils/attachment";
import { notFound, answerThrownData } from "~/utils/responses.server";
import { parseListParams } from "~/components/attendees/list-params";

/**
 * GET /events/:id/attendees/export.csv[?q=&status=&role=&group=&sort=] — the list as filtered, all pages:
 * UTF-8 with BOM (Excel), comma-separated, CRLF, formula injection neutralised. Headers in the reader's
 * language; the import reads either language back. ?template=1 gives the importable header row only.
 * Streamed in batches, so a 100,000-row event does not sit in memory as one string.
 */
const BATCH = 2000;
const MAX_ROWS = 200_000;

async function load({ request, context, params }: LoaderFunctionArgs) {
  // Emails, phones, needs: the event's team and admins only (docs/decisions/017-personal-data.md).
  const access = await requireEventPermission(request, context, params.eventId, "personalData:read");
  const event = await getEventDetail(context.db, access.event.id);
  if (!event) throw notFound();
  const url = new URL(request.url);
  const locale = access.user.locale;
  const zone = event.timeZone;
  const today = instantToLocalInput(new Date(), zone).slice(0, 10);
  const fileStem = exportFileStem(event.title, today);
  const headers = {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": attachmentHeader({ stem: fileStem, extension: "csv", ascii: fileStem }),
    "Cache-Control": "private, no-store",
  };
  const label = (c: string) => translate(locale, `attendees.field.${c}` as MessageKey);

  if (url.searchParams.get("template") === "1")
    return new Response(writeCsv(importableExportColumns.map(label), []), { headers });

  const list = parseListParams(url.searchParams);
  const ids = await listEventInvitationIds(context.db, event.id, { ...list, limit: MAX_ROWS });
  const labels: ExportLabels = {
    role: (r) => translate(locale, `attendees.role.${r}`),
    status: (s) => translate(locale, `attendees.status.${s}`),
    language: (l) => translate(locale, `attendees.language.${l}`),
    instant: (d) => `${formatDate(d, zone)} ${formatTime(d, zone)}`,
  };
  const db = context.db;
  const encoder = new TextEncoder();
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(writeCsv(exportColumns.map(label), [])));
    },
    async pull(controller) {
      if (next >= ids.length) return controller.close();
      const batch = await getInvitationsByIds(db, ids.slice(next, next + BATCH));
      next += BATCH;
      controller.enqueue(encoder.encode(writeCsvRows(batch.map((i) => exportRow({ ...i, ...i.person }, labels)))));
    },
  });
  return new Response(stream, { headers });
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const loader = (args: LoaderFunctionArgs) => answerThrownData(() => load(args));
