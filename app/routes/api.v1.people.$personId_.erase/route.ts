/**
 * POST /api/v1/people/:personId/erase — erases a person's contact details, notes and needs on request; the
 * name and invitations stay for the record. Admins only; running it twice is harmless. See docs/api.md.
 */
import type { personErasureJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { erasePerson } from "~/services/privacy.server";
import { apiError, apiJson, handleApi, messages, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { personToJson } from "~/services/api-presenters/invitations.server";
import { idParam } from "~/services/api-resources/params.server";

const notFound = () => apiError(404, "No person with this id in the directory.");

const erase: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "personalData:administer")) throw apiError(403, messages.forbidden);
  const result = await erasePerson(context.db, user, idParam(params.personId, notFound));
  return apiJson({
    person: personToJson(result.person, true),
    erased: { fields: result.fields, invitations: result.invitations, mail: result.mail, auditEntries: result.auditEntries, links: result.links },
  } satisfies z.infer<typeof personErasureJsonSchema>);
};

const handlers = { POST: erase };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
