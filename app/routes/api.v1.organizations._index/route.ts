/** /api/v1/organizations — GET all organizations; POST adds one. See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { listOrganizations, type Organization } from "~/models/organizations.server";
import { createOrganization } from "~/services/organizations.server";
import { apiError, apiJson, handleApi, messages, readJson, validationError, zodFields, type ApiHandler } from "~/utils/api.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";

// The API refuses fields it does not know (a typo should not be silently dropped); the page's form uses the
// same schema without .strict().
const organizationApiSchema = organizationSchema.strict();

function organizationToJson(o: Organization) {
  return { id: o.id, nameVi: o.nameVi, nameEn: o.nameEn, shortName: o.shortName, parentId: o.parentId };
}

const list: ApiHandler = async ({ request, context }) => {
  await requireApiUser(request, context);
  const organizations = await listOrganizations(context.db);
  return apiJson({ data: organizations.map(organizationToJson) });
};

const create: ApiHandler = async ({ request, context }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "organization:create")) throw apiError(403, messages.forbidden);
  const body = await readJson(request);
  const parsed = organizationApiSchema.safeParse(body);
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  const organization = await createOrganization(context.db, actorOf(user), parsed.data);
  return apiJson(organizationToJson(organization), { status: 201 });
};

const handlers = { GET: list, POST: create };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
