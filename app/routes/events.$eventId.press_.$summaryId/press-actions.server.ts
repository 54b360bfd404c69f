/**
 * The intents of a press summary's page, one small handler each: parse (the route did, with
 * pressSummaryActionSchema) → call the service → return or redirect with a notice. What a refusal looks like is
 * decided once, in `refused` (a stale edit shows the other version beside what was typed) and `invalidForm`.
 */
import { data, type AppLoadContext } from "@remix-run/node";
import { diffVersions, diffWordsIn, type DiffPart, type VersionDiff } from "~/domain/press/diff";
import type { PressEditFormValues } from "~/domain/press/press.schema";
import type { MessageKey } from "~/i18n/i18n";
import { addGlossaryEntry } from "~/services/glossary.server";
import {
  addPressComment,
  adoptGeneratedText,
  adoptGeneratedTitle,
  getPressSummary,
  isPressConflict,
  pressActionsFor,
  regeneratePressSummary,
  transitionPressSummary,
  updatePressSummary,
  type RegenerationReport,
} from "~/services/press.server";
import { attempt } from "~/utils/action-kit.server";
import type { ServiceError } from "~/utils/errors";
import { redirectWithNotice } from "~/utils/notice.server";
import { glossaryFields, type PressSummaryAction, type PressSummaryIntent } from "./press-summary.schema";

export interface PressActionResult {
  intent: PressSummaryIntent | "unknown";
  formError: string | null;
  fieldErrors: Record<string, string> | null;
  values?: PressEditFormValues;
  conflict?: { version: number; authorName: string | null; at: string | null; diff: VersionDiff; title: string; body: string; byline: string };
  regenerated?: RegenerationReport & { version: number; changeParts: (DiffPart[] | null)[] };
  comment?: string;
  /** The glossary term whose inline form failed, so its typed English stays. */
  glossaryTerm?: string;
  glossaryEn?: string;
}

type Summary = NonNullable<Awaited<ReturnType<typeof getPressSummary>>>;

export interface PressActionContext {
  context: AppLoadContext;
  actor: Parameters<typeof updatePressSummary>[1];
  summary: Summary;
  intent: PressSummaryIntent | "unknown";
  /** The form as sent (for what to give back on a refusal). */
  values: Record<string, unknown>;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

/** The editor's fields as typed: the editor is shown again with them after a refusal. */
function typedEdit(values: Record<string, unknown>): PressEditFormValues {
  return { title: str(values.title), body: str(values.body), byline: str(values.byline), version: str(values.version) };
}

function answer(c: PressActionContext, result: Omit<PressActionResult, "intent">, status: number) {
  return data<PressActionResult>({ intent: c.intent, ...result }, { status });
}
/**
 * A refusal answers with data; a success redirects with a notice, thrown (a returned Response would make the
 * page's useActionData untyped: Remix reads a plain Response as a TypedResponse of any). attempt() lets it through.
 */
type Answer = ReturnType<typeof answer>;

const base = (c: PressActionContext) => `/events/${c.summary.eventId}/press/${c.summary.id}`;

function regenerated(c: PressActionContext, after: { version: number }, report: RegenerationReport) {
  const changeParts = report.changes.map((ch) => (ch.kind === "changed" ? diffWordsIn(ch.before.join("\n\n"), ch.after.join("\n\n")) : null));
  // The inline glossary form answers as the redraft it ends with.
  return data<PressActionResult>({ intent: "regenerate", formError: null, fieldErrors: null, regenerated: { ...report, version: after.version, changeParts } });
}

const doneKey = (saved: { unchanged?: boolean; approvalLapsed?: boolean }): MessageKey =>
  saved.unchanged ? "press.editor.unchanged" : saved.approvalLapsed ? "press.editor.savedLapsed" : "press.editor.saved";

type Handlers = { [I in PressSummaryIntent]: (c: PressActionContext, form: Extract<PressSummaryAction, { intent: I }>) => Promise<Answer> };

const handlers: Handlers = {
  async save(c, { intent: _intent, ...edit }) {
    const saved = await updatePressSummary(c.context.db, c.actor, c.summary.id, edit);
    throw await redirectWithNotice(c.context, base(c), { key: doneKey(saved), params: { version: saved.summary.version } });
  },
  overwrite: (c, form) => handlers.save(c, { ...form, intent: "save" }),
  async transition(c, { to, comment, version, confirmBeforeEvent }) {
    const { summary: after } = await transitionPressSummary(c.context.db, c.actor, c.summary.id, to, { comment, version, confirmBeforeEvent });
    const key = `press.workflow.done.${after.status}` as const;
    throw await redirectWithNotice(c.context, base(c), { key });
  },
  async comment(c, { body }) {
    await addPressComment(c.context.db, c.actor, c.summary.id, body);
    throw await redirectWithNotice(c.context, `${base(c)}#comments`, { key: "press.comments.added" });
  },
  async regenerate(c, { version }) {
    const { summary: after, report } = await regeneratePressSummary(c.context.db, c.actor, c.summary.id, { version });
    return regenerated(c, after, report);
  },
  async adopt(c, { version, at, mine, theirs }) {
    const saved = await adoptGeneratedText(c.context.db, c.actor, c.summary.id, { version, at, mine, theirs });
    throw await redirectWithNotice(c.context, base(c), { key: "press.regenerate.adopted", params: { version: saved.summary.version } });
  },
  async adoptTitle(c, { title, version }) {
    const saved = await adoptGeneratedTitle(c.context.db, c.actor, c.summary.id, { title, version });
    throw await redirectWithNotice(c.context, base(c), { key: "press.regenerate.adopted", params: { version: saved.summary.version } });
  },
  // The press editor's inline form: add the term to the glossary, then redraft with it.
  async glossaryAdd(c, { kind, vi, en, version }) {
    await addGlossaryEntry(c.context.db, c.actor, { kind, vi, en });
    const { summary: after, report } = await regeneratePressSummary(c.context.db, c.actor, c.summary.id, { version });
    return regenerated(c, after, report);
  },
};

/**
 * Checked before the form is read, as the service would refuse it anyway: the inline glossary form is only for
 * those who may redraft.
 */
export async function guardPressAction(c: PressActionContext): Promise<Answer | null> {
  if (c.intent !== "glossaryAdd") return null;
  if ((await pressActionsFor(c.context.db, c.actor, c.summary)).regenerate) return null;
  return answer(c, { formError: "errors.forbidden", fieldErrors: null }, 403);
}

/** A form that did not pass its intent's schema: each intent keeps what its form needs to show again. */
export function invalidPressForm(c: PressActionContext, fieldErrors: Record<string, string>): Answer {
  switch (c.intent) {
    case "save":
    case "overwrite":
      return answer(c, { formError: null, fieldErrors, values: typedEdit(c.values) }, 400);
    case "transition":
      return answer(c, { formError: "form.fixErrors", fieldErrors, comment: String(c.values.comment ?? "") }, 400);
    case "comment":
      return answer(c, { formError: null, fieldErrors, comment: String(c.values.body ?? "") }, 400);
    case "glossaryAdd": {
      const own = Object.fromEntries(Object.entries(fieldErrors).filter(([name]) => glossaryFields.includes(name)));
      const fields = Object.keys(own).length ? own : null;
      return answer(c, { formError: "form.fixErrors", fieldErrors: fields, glossaryTerm: String(c.values.vi ?? ""), glossaryEn: String(c.values.en ?? "") }, 400);
    }
    default:
      return answer(c, { formError: "errors.invalid", fieldErrors: null }, 400);
  }
}

/** A refusal from the service, with the one table's status; a stale edit shows their version beside the typed one. */
function refused(c: PressActionContext, error: ServiceError, status: number): Answer {
  const values = typedEdit(c.values);
  if (isPressConflict(error)) {
    const current = error.current;
    const mine = { title: values.title, body: values.body, byline: values.byline || null };
    const conflict = {
      version: current.version,
      authorName: error.latest?.authorName ?? null,
      at: error.latest?.at.toISOString() ?? null,
      diff: diffVersions(current, mine),
      title: current.title,
      body: current.body,
      byline: current.byline ?? "",
    };
    return answer(c, { formError: null, fieldErrors: null, values, conflict }, 409);
  }
  const raw = c.values;
  return answer(
    c,
    {
      formError: error.message,
      fieldErrors: Object.keys(error.fields).length ? error.fields : null,
      values: c.intent === "save" || c.intent === "overwrite" ? values : undefined,
      comment: typeof raw.comment === "string" ? raw.comment : typeof raw.body === "string" && c.intent === "comment" ? raw.body : undefined,
    },
    status,
  );
}

export async function runPressAction(c: PressActionContext, form: PressSummaryAction): Promise<Answer> {
  const run = handlers[form.intent] as (c: PressActionContext, form: PressSummaryAction) => Promise<Answer>;
  const outcome = await attempt(() => run(c, form));
  return outcome.ok ? outcome.value : refused(c, outcome.error, outcome.status);
}
