/**
 * /api/v1/people/:personId — GET a person with their invitations; PATCH their details (every event sees them).
 * Contact details and notes only for the team of an event the person is invited to, and admins.
 */
import type { PersonDetailJson } from "~/domain/api/resources";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getPerson, listPersonInvitations } from "~/models/people.server";
import { canManagePerson, updatePerson } from "~/services/people.server";
import { personalDataVisibleFor } from "~/services/privacy.server";
import type { User } from "~/models/users.server";
import { apiError, apiJson, handleApi, messages, readJson, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { personDetailToJson } from "~/services/api-presenters/invitations.server";
import { personValuesFromPatch } from "~/services/api-resources/invitations.server";
import { idParam } from "~/services/api-resources/params.server";

const notFound = () => apiError(404, "No person with this id in the directory.");

async function load(context: LoaderFunctionArgs["context"], raw: string | undefined) {
  const person = await getPerson(context.db, idParam(raw, notFound));
  if (!person) throw notFound();
  return person;
}

async function withInvitations(context: LoaderFunctionArgs["context"], user: User, person: Awaited<ReturnType<typeof load>>): Promise<PersonDetailJson> {
  const invitations = await listPersonInvitations(context.db, person.id);
  const personal = (await personalDataVisibleFor(context.db, user, [person.id])).has(person.id);
  return personDetailToJson(person, invitations, personal);
}

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  return apiJson(await withInvitations(context, user, await load(context, params.personId)));
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  const person = await load(context, params.personId);
  if (!(await canManagePerson(context.db, user, person.id))) throw apiError(403, messages.forbidden);
  const input = personValuesFromPatch(person, await readJson(request));
  const saved = await updatePerson(context.db, actorOf(user), person.id, input);
  return apiJson(await withInvitations(context, user, saved));
};

const handlers = { GET: show, PATCH: patch };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
