import { data, redirect, type AppLoadContext } from "@remix-run/node";
import { agendaItemFormSchema } from "~/domain/agenda/agenda-item.schema";
import { agendaItemCeremonySchema } from "~/domain/ceremony/ceremony.schema";
import { fieldErrors } from "~/domain/forms/fields";
import { isLocale, type Locale } from "~/i18n/i18n";
import { setAgendaItemDetails } from "~/services/ceremony.server";
import {
  addAgendaItem,
  deleteAgendaItem,
  getAgendaView,
  insertSigningTemplate,
  moveAgendaItem,
  reorderAgenda,
  updateAgendaItem,
  type AgendaView,
} from "~/services/agenda.server";
import { attempt } from "~/utils/action-kit.server";
import { redirectWithNotice } from "~/utils/notice.server";
import type { AgendaAction, AgendaIntent } from "./agenda.schema";
import { formValuesOf, type FormValues } from "./agenda-item-form";

/**
 * One small handler per button of the agenda page: each calls its service and says where to go and what to tell
 * the person; the route's action authorizes, parses (agenda.schema.ts) and answers through `answer` below.
 */
export interface ActionResult {
  intent: AgendaIntent | null;
  itemId: string | null;
  fieldErrors: Record<string, string> | null;
  values: FormValues | null;
  error: string | null;
}

interface Ctx {
  context: AppLoadContext;
  actor: { id: string; name: string };
  locale: Locale;
  eventId: string;
  raw: Record<string, unknown>;
}

/** Where to go and what to tell the person, or what was refused (shown in place, with its status). */
type Done = { to: string; notice: Parameters<typeof redirectWithNotice>[2] | null } | { refusal: Partial<ActionResult>; status: number };
type Handler<I extends AgendaIntent> = (ctx: Ctx, form: Extract<AgendaAction, { intent: I }>) => Promise<Done>;

const titled = (view: AgendaView, id: string) => view.items.find((i) => i.id === id);

async function saveItem(ctx: Ctx, form: Extract<AgendaAction, { intent: "create" | "update" }>): Promise<Done> {
  const { context, actor, eventId, raw } = ctx;
  const view = await getAgendaView(context.db, eventId);
  const parsed = agendaItemFormSchema(view.event.timeZone).safeParse(raw);
  const ceremony = agendaItemCeremonySchema.safeParse(raw);
  if (!parsed.success || !ceremony.success) {
    const errors = { ...(ceremony.success ? {} : fieldErrors(ceremony.error)), ...(parsed.success ? {} : fieldErrors(parsed.error)) };
    return { refusal: { fieldErrors: errors, values: formValuesOf(raw) }, status: 400 };
  }
  let id: string;
  let after: AgendaView;
  if (form.intent === "create") {
    ({ id, view: after } = await addAgendaItem(context.db, actor, eventId, parsed.data));
  } else {
    id = form.itemId!;
    after = await updateAgendaItem(context.db, actor, eventId, id, parsed.data, { itemVersion: form.itemVersion });
  }
  await setAgendaItemDetails(context.db, actor, eventId, id, ceremony.data);
  const item = titled(after, id);
  const key = form.intent === "create" ? "agenda.added" : "agenda.updated";
  return { to: `#item-${id}`, notice: item ? { key, params: { title: item.title } } : null };
}

const handlers: { [I in AgendaIntent]: Handler<I> } = {
  create: saveItem,
  update: saveItem,
  delete: async ({ context, actor, eventId }, form) => {
    await deleteAgendaItem(context.db, actor, eventId, form.itemId!, { itemVersion: form.itemVersion });
    return { to: "", notice: { key: "agenda.deleted" } };
  },
  move: async ({ context, actor, eventId }, form) => {
    const view = await moveAgendaItem(context.db, actor, eventId, form.itemId!, form.direction, { agendaVersion: form.version });
    const item = titled(view, form.itemId!);
    // The address names the moved item and the way it went: the page puts the keyboard back on its button.
    const to = `?${new URLSearchParams({ moved: form.itemId!, dir: form.direction })}`;
    return { to, notice: item ? { key: "agenda.moved", params: { title: item.title, position: view.items.indexOf(item) + 1 } } : null };
  },
  reorder: async ({ context, actor, eventId }, form) => {
    await reorderAgenda(context.db, actor, eventId, form.order, { agendaVersion: form.version });
    return { to: "", notice: { key: "agenda.reordered" } };
  },
  template: async ({ context, actor, eventId, locale }, form) => {
    await insertSigningTemplate(context.db, actor, eventId, isLocale(form.locale) ? form.locale : locale, {
      replace: form.replace,
      expected: { agendaVersion: form.version },
    });
    return { to: "", notice: { key: "agenda.template.inserted" } };
  },
};

export function result(intent: AgendaIntent | null, itemId: string | null, r: Partial<ActionResult>, status: number) {
  return data<ActionResult>({ intent, itemId, fieldErrors: null, values: null, error: null, ...r }, { status });
}

/** Runs the handler of the form's intent; a refusal (ServiceError) answers in place with the service's status. */
export async function runAgendaAction(ctx: Ctx, form: AgendaAction) {
  const itemId = "itemId" in form ? form.itemId : null;
  if (form.intent !== "create" && "itemId" in form && !form.itemId)
    return result(form.intent, null, { error: "agenda.errors.itemNotFound" }, 404);
  const handler = handlers[form.intent] as Handler<AgendaIntent>;
  const outcome = await attempt(() => handler(ctx, form));
  if (!outcome.ok) {
    const fields = Object.keys(outcome.error.fields).length ? outcome.error.fields : null;
    const values = form.intent === "create" || form.intent === "update" ? formValuesOf(ctx.raw) : null;
    return result(form.intent, itemId, { fieldErrors: fields, values, error: outcome.error.message }, outcome.status);
  }
  const done = outcome.value;
  if ("refusal" in done) return result(form.intent, itemId, done.refusal, done.status);
  const to = `/events/${ctx.eventId}/agenda${done.to}`;
  return done.notice ? redirectWithNotice(ctx.context, to, done.notice) : redirect(to);
}
