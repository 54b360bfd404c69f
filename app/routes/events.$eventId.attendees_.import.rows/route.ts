import type { ActionFunctionArgs } from "@remix-run/node";
import { badTextMessage, findIllFormedText } from "~/domain/text/well-formed";
import { z } from "zod";
import { importFields } from "~/domain/attendees/attendee.schema";
import { IMPORT_CHUNK_SIZE } from "~/domain/attendees/import";
import { importAttendeeChunk } from "~/services/attendee-import.server";
import { attempt } from "~/utils/action-kit.server";
import { requireEventPermission } from "~/services/auth.server";
import { answerThrownData } from "~/utils/responses.server";

/**
 * POST { rows: [{ rowNumber, values: { fullName, email, … } }] } — one chunk of a browser import (at most
 * IMPORT_CHUNK_SIZE rows), checked again and committed in one transaction. Answers { summary, errors }.
 */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

const cell = z.string().max(20_000);
const bodySchema = z.object({
  rows: z
    .array(
      z.object({
        rowNumber: z.number().int().min(2).max(10_000_000),
        values: z.object(Object.fromEntries(importFields.map((f) => [f, cell.optional()])) as Record<(typeof importFields)[number], z.ZodOptional<typeof cell>>).strict(),
      }),
    )
    .max(IMPORT_CHUNK_SIZE),
});

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

async function act({ request, context, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return json({ error: "errors.invalid" }, 405);
  const access = await requireEventPermission(request, context, params.eventId, "attendees:manage");
  if (!(request.headers.get("Content-Type") ?? "").startsWith("application/json")) return json({ error: "errors.invalid" }, 415);
  const length = Number(request.headers.get("Content-Length") ?? "0");
  if (length > MAX_BODY_BYTES) return json({ error: "errors.invalid" }, 413);
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return json({ error: "errors.invalid" }, 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json({ error: "errors.invalid" }, 400);
  }
  // The text rule (docs/decisions/024-bad-input.md): a NUL or lone surrogate in a cell is refused, naming it.
  const badField = findIllFormedText(body);
  if (badField !== null) return json({ error: badTextMessage, field: badField }, 422);
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) return json({ error: "errors.invalid" }, 400);
  const rows = parsed.data.rows;
  const outcome = await attempt(() => importAttendeeChunk(context.db, access.user, access.event.id, rows));
  return outcome.ok ? json(outcome.value) : json({ error: outcome.error.message }, outcome.status);
}

// A thrown 403/404 is answered without a server-error log (answerThrownData).
export const action = (args: ActionFunctionArgs) => answerThrownData(() => act(args));
