import { data, type AppLoadContext } from "@remix-run/node";
import { documentSchema, partySignatoriesSchema, sideSchema } from "~/domain/ceremony/ceremony.schema";
import { fieldErrors } from "~/domain/forms/fields";
import type { MessageKey } from "~/i18n/i18n";
import { moveSide, removeDocument, removeSide, saveDocument, saveSide, setPartySignatories } from "~/services/ceremony.server";
import { attempt } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import type { CeremonyAction, CeremonyIntent } from "./ceremony.schema";

/** Which form an answer belongs to: "side:new", "side:<id>", "document:<id>", "signatories:<documentId>:<sideId>". */
export type CeremonyActionData = {
  form: string;
  fieldErrors: Record<string, string> | null;
  formError: string | null;
  values: Record<string, unknown>;
};

interface Ctx {
  context: AppLoadContext;
  actor: Parameters<typeof saveSide>[1];
  eventId: string;
  raw: Record<string, unknown>;
}

/** A handler's answer: the notice and the anchor to go back to, or a refusal to show in place. */
type Done = { notice: MessageKey; anchor: string } | { refused: { fields: Record<string, string> | null; formError: string } };
type Handler<I extends CeremonyIntent> = (ctx: Ctx, form: Extract<CeremonyAction, { intent: I }>) => Promise<Done>;

const invalid: Done = { refused: { fields: null, formError: "errors.invalid" } };

const handlers: { [I in CeremonyIntent]: Handler<I> } = {
  side: async ({ context, actor, eventId, raw }, { id }) => {
    const parsed = sideSchema.safeParse(raw);
    if (!parsed.success) return { refused: { fields: fieldErrors(parsed.error), formError: "form.fixErrors" } };
    const sideId = await saveSide(context.db, actor, eventId, id, parsed.data);
    return { notice: id ? "ceremony.done.sideSaved" : "ceremony.done.sideCreated", anchor: `side-${sideId}` };
  },
  moveSide: async ({ context, actor, eventId }, { id, direction }) => {
    if (!id || !direction) return invalid;
    await moveSide(context.db, actor, eventId, id, direction);
    return { notice: "ceremony.done.sideMoved", anchor: `side-${id}` };
  },
  removeSide: async ({ context, actor, eventId }, { id }) => {
    if (!id) return invalid;
    await removeSide(context.db, actor, eventId, id);
    return { notice: "ceremony.done.sideRemoved", anchor: "sides" };
  },
  document: async ({ context, actor, eventId, raw }, { id }) => {
    const parsed = documentSchema.safeParse(raw);
    if (!parsed.success) return { refused: { fields: fieldErrors(parsed.error), formError: "form.fixErrors" } };
    const documentId = await saveDocument(context.db, actor, eventId, id, parsed.data);
    return { notice: id ? "ceremony.done.documentSaved" : "ceremony.done.documentCreated", anchor: `document-${documentId}` };
  },
  removeDocument: async ({ context, actor, eventId }, { id }) => {
    if (!id) return invalid;
    await removeDocument(context.db, actor, eventId, id);
    return { notice: "ceremony.done.documentRemoved", anchor: "documents" };
  },
  signatories: async ({ context, actor, eventId, raw }, { id, sideId }) => {
    const parsed = partySignatoriesSchema.safeParse({ signatoryIds: raw.signatoryIds });
    if (!id || !sideId || !parsed.success) return invalid;
    await setPartySignatories(context.db, actor, eventId, id, sideId, parsed.data.signatoryIds);
    return { notice: "ceremony.done.signatoriesSaved", anchor: `document-${id}` };
  },
};

/** The form an answer is shown beside (see CeremonyActionData). */
export function formKeyOf(raw: Record<string, unknown>, id: string | null): string {
  if (raw.intent === "signatories") return `signatories:${id}:${typeof raw.sideId === "string" ? raw.sideId : String(raw.sideId)}`;
  return `${String(raw.intent ?? "").replace(/^remove/, "").toLowerCase()}:${id ?? "new"}`;
}

export function refuse(form: string, raw: Record<string, unknown>, fields: Record<string, string> | null, formError: string | null, status: number) {
  return data<CeremonyActionData>({ form, fieldErrors: fields, formError, values: raw }, { status });
}

/** Runs the intent's handler: a refusal stays on the page beside its form, a success goes back to the form's anchor. */
export async function runCeremonyAction(ctx: Ctx, form: CeremonyAction) {
  const key = formKeyOf(ctx.raw, form.id);
  const handler = handlers[form.intent] as Handler<CeremonyIntent>;
  const outcome = await attempt(() => handler(ctx, form));
  if (!outcome.ok) {
    const fields = Object.keys(outcome.error.fields).length ? outcome.error.fields : null;
    return refuse(key, ctx.raw, fields, outcome.error.message, outcome.status);
  }
  const done = outcome.value;
  if ("refused" in done) return refuse(key, ctx.raw, done.refused.fields, done.refused.formError, 400);
  return redirectWithNotice(ctx.context, `/events/${ctx.eventId}/ceremony#${done.anchor}`, { key: done.notice });
}
