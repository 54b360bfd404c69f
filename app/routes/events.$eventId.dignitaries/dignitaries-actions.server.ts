import { data, type AppLoadContext } from "@remix-run/node";
import { attendanceLineSchema } from "~/domain/ceremony/ceremony.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { submittedOrder } from "~/domain/protocol/precedence-list";
import type { MessageKey } from "~/i18n/i18n";
import { addAttendanceLine, changeAttendanceLine, removeAttendanceLine } from "~/services/ceremony.server";
import { markInvitationAsDignitary, resetToProposedOrder, saveManualOrder, setEqualsFirst } from "~/services/dignitaries.server";
import { attempt } from "~/utils/action-kit.server";
import type { LineAnswer } from "./attendance-lines";
import type { DignitariesAction, DignitariesIntent } from "./dignitaries.schema";

/** What the precedence page shows after a button: a notice, an error, or an attendance line's answer beside its form. */
export type ActionResult = { ok: MessageKey | null; name?: string; error: string | null; line?: LineAnswer };

interface Ctx {
  context: AppLoadContext;
  actor: Parameters<typeof saveManualOrder>[1];
  eventId: string;
  raw: Record<string, unknown>;
}

/** A handler's answer: the result to show, and its status (200 unless said). */
type Answer = { result: ActionResult; status?: number };
type Handler<I extends DignitariesIntent> = (ctx: Ctx, form: Extract<DignitariesAction, { intent: I }>) => Promise<Answer>;

const ok = (key: MessageKey | null, name?: string): Answer => ({ result: { ok: key, error: null, ...(name ? { name } : {}) } });
const failed = (error: string, status: number): Answer => ({ result: { ok: null, error }, status });

function lineAnswer(raw: Record<string, unknown>, lineId: string | null, fields: Record<string, string> | null, formError: string | null): LineAnswer {
  return { form: `line:${lineId ?? "new"}`, fieldErrors: fields, formError, values: raw };
}

const handlers: { [I in DignitariesIntent]: Handler<I> } = {
  // "move" is the Up/Down buttons without JavaScript: apply the step to the submitted order and save it.
  order: async ({ context, actor, eventId }, form) => {
    const order = submittedOrder(form.ids, form.move);
    if (order === "invalid") return failed("errors.invalid", 400);
    // A step past either end changes nothing: nothing to save.
    if (order === "unchanged") return ok(null);
    await saveManualOrder(context.db, actor, eventId, order.ids, form.version);
    return ok("protocol.order.saved");
  },
  reset: async ({ context, actor, eventId }, form) => {
    await resetToProposedOrder(context.db, actor, eventId, form.version);
    return ok("protocol.order.resetDone");
  },
  equalsFirst: async ({ context, actor, eventId }, form) => {
    await setEqualsFirst(context.db, actor, eventId, form.equalsFirst);
    return ok("protocol.tie.saved");
  },
  line: async ({ context, actor, eventId, raw }, { lineId }) => {
    const parsed = attendanceLineSchema.safeParse(raw);
    if (!parsed.success) return { result: { ok: null, error: null, line: lineAnswer(raw, lineId, fieldErrors(parsed.error), "form.fixErrors") }, status: 400 };
    // A refusal of the line itself is shown beside its form; any other (not found, conflict) at the top.
    const saved = await attempt(async () => {
      if (lineId) await changeAttendanceLine(context.db, actor, eventId, lineId, parsed.data);
      else await addAttendanceLine(context.db, actor, eventId, parsed.data);
    });
    if (!saved.ok && saved.error.code !== "invalid") throw saved.error;
    if (!saved.ok) return { result: { ok: null, error: null, line: lineAnswer(raw, lineId, saved.error.fields, saved.error.message) }, status: saved.status };
    return ok(lineId ? "ceremony.done.lineSaved" : "ceremony.done.lineCreated");
  },
  removeLine: async ({ context, actor, eventId }, { lineId }) => {
    if (!lineId) return failed("errors.invalid", 400);
    await removeAttendanceLine(context.db, actor, eventId, lineId);
    return ok("ceremony.done.lineRemoved");
  },
  mark: async ({ context, actor, eventId }, form) => {
    const marked = await markInvitationAsDignitary(context.db, actor, eventId, form.invitationId);
    return ok("protocol.marked", marked.name);
  },
};

/** The message for a form that did not parse: the tie-break and "mark" choices say "choose one", the others "invalid". */
export function refusedForm(intent: unknown) {
  return data<ActionResult>({ ok: null, error: intent === "equalsFirst" || intent === "mark" ? "errors.choice" : "errors.invalid" }, { status: 400 });
}

export async function runDignitariesAction(ctx: Ctx, form: DignitariesAction) {
  const handler = handlers[form.intent] as Handler<DignitariesIntent>;
  const outcome = await attempt(() => handler(ctx, form));
  if (!outcome.ok) return data<ActionResult>({ ok: null, error: outcome.error.message }, { status: outcome.status });
  return data<ActionResult>(outcome.value.result, { status: outcome.value.status ?? 200 });
}
