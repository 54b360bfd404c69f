import { data, type AppLoadContext } from "@remix-run/node";
import { fieldErrors } from "~/domain/forms/fields";
import { agreementSigningSchema, assignSeatFormSchema, assignSeatSchema, seatingTableSchema, seatRefSchema } from "~/domain/protocol/seating.schema";
import { translate, type Locale, type MessageKey, type TranslateParams } from "~/i18n/i18n";
import {
  assignSeat,
  clearSeat,
  createDefaultLayout,
  createTable,
  deleteTable,
  loadSeating,
  proposeSeating,
  setSeatReserved,
  updateTable,
} from "~/services/seating.server";
import { saveSigning } from "~/services/signatories.server";
import { attempt } from "~/utils/action-kit.server";
import type { SeatingIntent } from "./seating-actions.schema";

/** A message the page shows in the reader's language: an i18n key and its parameters. */
export type SeatingMessage = { key: MessageKey; params?: TranslateParams };

/** What the seating page shows after a button or a drag. */
export type Outcome = {
  ok: MessageKey | null;
  name?: string;
  /** What the proposal could not do, listed under its notice. */
  notes?: SeatingMessage[];
  error?: string | null;
  fieldErrors?: Record<string, string> | null;
  form?: string;
  /** A refused signing form's fields as sent, shown again (without JavaScript too). */
  values?: Record<string, string>;
};

interface Ctx {
  context: AppLoadContext;
  actor: Parameters<typeof createTable>[1];
  locale: Locale;
  eventId: string;
  raw: Record<string, unknown>;
}

/** A handler's answer: what to show, and the status when it is a refusal of what was sent (400). */
type Answer = { outcome: Outcome; status?: number };
type Handler = (ctx: Ctx) => Promise<Answer>;

const shown = (outcome: Outcome): Answer => ({ outcome });
const refused = (outcome: Omit<Outcome, "ok">): Answer => ({ outcome: { ok: null, error: null, ...outcome }, status: 400 });
const invalid = refused({ error: "errors.invalid" });

/** Each document has its own signing form: "signing:<documentId>". */
function signingForm(raw: Record<string, unknown>): string {
  return `signing:${typeof raw.documentId === "string" ? raw.documentId : ""}`;
}

function sent(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
}

/** "parties.0.dignitaryId" form fields → { parties: [{ dignitaryId }] }. */
function nestParties(raw: Record<string, unknown>): Record<string, unknown> {
  const parties: Record<string, unknown>[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const match = /^parties\.(\d{1,2})\.(sideId|organizationId|dignitaryId|signingOrder)$/.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const index = Number(match[1]);
    (parties[index] ??= {})[match[2]!] = value;
  }
  out.parties = parties.filter(Boolean);
  return out;
}

const tableRef = seatRefSchema.pick({ tableId: true });

async function seatChange({ context, eventId, raw }: Ctx, change: "clear" | "reserve" | "unreserve"): Promise<Answer> {
  const parsed = seatRefSchema.safeParse(raw);
  if (!parsed.success) return invalid;
  if (change === "clear") await clearSeat(context.db, eventId, parsed.data);
  else await setSeatReserved(context.db, eventId, parsed.data, change === "reserve");
  return shown({ ok: null });
}

/** One small handler per intent: parse what it needs, call the service, say what to show. */
export const seatingHandlers: Record<SeatingIntent, Handler> = {
  // The default tables are named in the language of the person who makes them.
  createDefaults: async ({ context, actor, eventId, locale }) => {
    await createDefaultLayout(context.db, actor, eventId, {
      presidium: translate(locale, "protocol.table.defaultPresidium"),
      signing: translate(locale, "protocol.table.defaultSigning"),
      row: (n) => translate(locale, "protocol.table.defaultRow", { n }),
    });
    return shown({ ok: "protocol.seating.defaultsCreated" });
  },
  propose: async ({ context, actor, eventId }) => {
    const proposal = await proposeSeating(context.db, actor, eventId);
    const { labels } = await loadSeating(context.db, eventId);
    const names = (ids: string[]) => ids.map((id) => labels[id] ?? "?").join("; ");
    const notes: SeatingMessage[] = [];
    if (proposal.unseated.length)
      notes.push({ key: "protocol.seating.unseated", params: { count: proposal.unseated.length, names: names(proposal.unseated) } });
    if (proposal.signingOverflow.length) notes.push({ key: "protocol.seating.signingOverflow", params: { names: names(proposal.signingOverflow) } });
    if (proposal.noSignatories) notes.push({ key: "protocol.seating.noSignatories" });
    if (proposal.unseatedPeople.length > proposal.unseated.length)
      notes.push({ key: "protocol.seating.unseatedPeople", params: { count: proposal.unseatedPeople.length, names: names(proposal.unseatedPeople) } });
    if (proposal.unplacedSignings.length) notes.push({ key: "protocol.seating.unplacedSignings", params: { count: proposal.unplacedSignings.length } });
    return shown({ ok: "protocol.seating.proposed", notes });
  },
  addTable: async ({ context, actor, eventId, raw }) => {
    const parsed = seatingTableSchema.safeParse(raw);
    if (!parsed.success) return refused({ form: "addTable", fieldErrors: fieldErrors(parsed.error) });
    await createTable(context.db, actor, eventId, parsed.data);
    return shown({ ok: "protocol.table.created", name: parsed.data.name });
  },
  updateTable: async ({ context, actor, eventId, raw }) => {
    const form = `table:${String(raw.tableId)}`;
    const parsed = seatingTableSchema.safeParse(raw);
    if (!parsed.success) return refused({ form, fieldErrors: fieldErrors(parsed.error) });
    const ref = tableRef.safeParse(raw);
    if (!ref.success) return refused({ form, fieldErrors: { _form: "errors.invalid" } });
    await updateTable(context.db, actor, eventId, ref.data.tableId, parsed.data);
    return shown({ ok: "protocol.table.saved", name: parsed.data.name });
  },
  deleteTable: async ({ context, actor, eventId, raw }) => {
    const ref = tableRef.safeParse(raw);
    if (!ref.success) return invalid;
    const { name } = await deleteTable(context.db, actor, eventId, ref.data.tableId);
    return shown({ ok: "protocol.table.deleted", name });
  },
  assign: async ({ context, eventId, raw }) => {
    const parsed = assignSeatSchema.safeParse(raw);
    if (!parsed.success) return invalid;
    const { fromTableId, fromSeatIndex, ...seat } = parsed.data;
    const from = fromTableId && fromSeatIndex !== null ? { tableId: fromTableId, seatIndex: fromSeatIndex } : null;
    await assignSeat(context.db, eventId, { ...seat, from });
    return shown({ ok: null });
  },
  assignForm: async ({ context, eventId, raw }) => {
    const parsed = assignSeatFormSchema.safeParse(raw);
    if (!parsed.success) return refused({ form: "assignForm", fieldErrors: fieldErrors(parsed.error) });
    await assignSeat(context.db, eventId, { ...parsed.data.seat, invitationId: parsed.data.invitationId });
    return shown({ ok: null });
  },
  clear: (ctx) => seatChange(ctx, "clear"),
  reserve: (ctx) => seatChange(ctx, "reserve"),
  unreserve: (ctx) => seatChange(ctx, "unreserve"),
  signing: async ({ context, actor, eventId, raw }) => {
    const parsed = agreementSigningSchema.safeParse(nestParties(raw));
    if (!parsed.success) return refused({ form: signingForm(raw), fieldErrors: fieldErrors(parsed.error), values: sent(raw) });
    await saveSigning(context.db, actor, eventId, parsed.data);
    return shown({ ok: "protocol.agreement.saved" });
  },
};

/** Runs the intent's handler; a refusal by the service (ServiceError) is shown beside its form, with its status. */
export async function runSeatingAction(ctx: Ctx, intent: SeatingIntent) {
  const outcome = await attempt(() => seatingHandlers[intent](ctx));
  if (outcome.ok) return data<Outcome>(outcome.value.outcome, { status: outcome.value.status ?? 200 });
  const { error, status } = outcome;
  const form = intent === "signing" ? signingForm(ctx.raw) : intent === "assignForm" ? "assignForm" : undefined;
  return data<Outcome>(
    {
      ok: null,
      error: error.message,
      form,
      fieldErrors: Object.keys(error.fields).length ? error.fields : null,
      values: intent === "signing" ? sent(ctx.raw) : undefined,
    },
    { status },
  );
}
