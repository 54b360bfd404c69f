/** /api/v1/organizations/:organizationId — GET, PATCH (send only what changes), DELETE (409 while in use). See docs/api.md. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { getOrganization, type Organization, type OrganizationUsage } from "~/models/organizations.server";
import { actorOf, requireApiUser } from "~/services/api-auth.server";
import { organizationToJson } from "~/services/api-presenters/organizations.server";
import { isUuid } from "~/services/auth.server";
import { deleteOrganization, OrganizationInUseError, updateOrganization } from "~/services/organizations.server";
import { apiError, apiJson, handleApi, messages, noContent, readJson, validationError, withApiWording, zodFields, type ApiHandler } from "~/utils/api.server";

const organizationApiSchema = organizationSchema.strict();
const notFound = () => apiError(404, "No organization with this id.");

async function load(context: LoaderFunctionArgs["context"], id: string | undefined): Promise<Organization> {
  if (!id || !isUuid(id)) throw notFound();
  const organization = await getOrganization(context.db, id);
  if (!organization) throw notFound();
  return organization;
}

/** "host of 2 events (A, B); parent of 1 organization (C); …" — English, for the 409's message. */
function usageText(u: OrganizationUsage): string {
  const titles = (items: { title?: string; nameVi?: string }[], total: number) =>
    `${items.map((i) => `“${i.title ?? i.nameVi}”`).join(", ")}${total > items.length ? `, and ${total - items.length} more` : ""}`;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (u.host.total) parts.push(`host of ${plural(u.host.total, "event", "events")} (${titles(u.host.events, u.host.total)})`);
  if (u.partner.total) parts.push(`partner of ${plural(u.partner.total, "event", "events")} (${titles(u.partner.events, u.partner.total)})`);
  if (u.agreementParty.total)
    parts.push(`signing party to a document of ${plural(u.agreementParty.total, "event", "events")} (${titles(u.agreementParty.events, u.agreementParty.total)})`);
  if (u.children.total)
    parts.push(`parent of ${plural(u.children.total, "organization", "organizations")} (${titles(u.children.organizations, u.children.total)})`);
  if (u.people) parts.push(`written as the organization of ${plural(u.people, "person", "people")} in the directory`);
  if (u.dignitaries) parts.push(`written as the organization of ${plural(u.dignitaries, "dignitary", "dignitaries")}`);
  return parts.join("; ");
}

const show: ApiHandler = async ({ request, context, params }) => {
  await requireApiUser(request, context);
  return apiJson(organizationToJson(await load(context, params.organizationId)));
};

const patch: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "organization:update")) throw apiError(403, messages.forbidden);
  const current = await load(context, params.organizationId);
  const body = await readJson(request);
  const parsed = organizationApiSchema.safeParse({
    nameVi: current.nameVi,
    nameEn: current.nameEn,
    shortName: current.shortName,
    parentId: current.parentId,
    ...body,
  });
  if (!parsed.success) throw validationError(zodFields(parsed.error));
  return apiJson(organizationToJson(await updateOrganization(context.db, actorOf(user), current.id, parsed.data)));
};

const remove: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "organization:delete")) throw apiError(403, messages.forbidden);
  const current = await load(context, params.organizationId);
  // In use: 409 (the table's conflict) with what uses it, in English and as data.
  await withApiWording(
    () => deleteOrganization(context.db, actorOf(user), current.id),
    (error) =>
      error instanceof OrganizationInUseError
        ? { message: `The organization is in use and was not deleted: ${usageText(error.usage)}.`, extra: { usedBy: error.usage } }
        : null,
  );
  return noContent();
};

const handlers = { GET: show, PATCH: patch, DELETE: remove };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
