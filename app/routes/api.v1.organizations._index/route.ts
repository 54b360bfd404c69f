/** /api/v1/organizations — GET all organizations; POST adds one. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { listOrganizations } from "~/models/organizations.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { organizationToJson } from "~/services/api-presenters/organizations.server";
import { createOrganization } from "~/services/organizations.server";
import { apiError, apiJson, handleApi, messages, readJsonAs, type ApiHandler } from "~/utils/api.server";

// The API refuses fields it does not know (a typo should not be silently dropped); the page's form uses the
// same schema without .strict().
const organizationApiSchema = organizationSchema.strict();

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const organizations = await listOrganizations(context.db);
  return apiJson({ data: organizations.map(organizationToJson) });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "organization:create")) throw apiError(403, messages.forbidden);
  const input = await readJsonAs(request, organizationApiSchema);
  const organization = await createOrganization(context.db, actorOf(user), input);
  return apiJson(organizationToJson(organization), { status: 201 });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
