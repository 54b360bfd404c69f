/**
 * /api/v1/glossary — GET: the instance's own entries (the built-in ones are in app/domain/glossary/builtin.ts);
 * POST: add an entry, or replace the English of the entry of the same kind and term (admins). See docs/api.md.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { glossaryEntrySchema } from "~/domain/glossary/glossary.schema";
import { listGlossaryEntries } from "~/models/glossary.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { glossaryEntryToJson } from "~/services/api-presenters/organizations.server";
import { addGlossaryEntry } from "~/services/glossary.server";
import { apiError, apiJson, handleApi, messages, readJsonAs, type ApiHandler } from "~/utils/api.server";

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const rows = await listGlossaryEntries(context.db);
  return apiJson({ data: rows.map(glossaryEntryToJson) });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "glossary:manage")) throw apiError(403, messages.forbidden);
  const entry = await readJsonAs(request, glossaryEntrySchema);
  const row = await addGlossaryEntry(context.db, actorOf(user), entry);
  return apiJson(glossaryEntryToJson(row), { status: 201 });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
