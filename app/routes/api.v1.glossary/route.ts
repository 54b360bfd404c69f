/**
 * /api/v1/glossary — GET: the instance's own entries (the built-in ones are in app/domain/glossary/builtin.ts);
 * POST: add an entry, or replace the English of the entry of the same kind and term (admins). See docs/api.md.
 */
import type { GlossaryEntryJson } from "~/domain/api/resources";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import { listGlossaryEntries } from "~/models/glossary.server";
import { addGlossaryEntry } from "~/services/glossary.server";
import { apiError, apiJson, handleApi, messages, readJson, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const rows = await listGlossaryEntries(context.db);
  return apiJson({ data: rows.map((r): GlossaryEntryJson => ({ id: r.id, kind: r.kind, vi: r.vi, en: r.en, updatedAt: r.updatedAt.toISOString() })) });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "glossary:manage")) throw apiError(403, messages.forbidden);
  const parsed = glossaryEntrySchema.safeParse(await readJson(request));
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const row = await addGlossaryEntry(context.db, actorOf(user), parsed.data);
  return apiJson({ id: row.id, kind: row.kind, vi: row.vi, en: row.en, updatedAt: row.updatedAt.toISOString() } satisfies GlossaryEntryJson, { status: 201 });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
