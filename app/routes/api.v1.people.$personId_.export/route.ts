/** GET /api/v1/people/:personId/export — everything Signet holds about one person (right of access). Admins only. See docs/api.md. */
import type { personExportJsonSchema } from "~/domain/api/resources";
import type { z } from "zod";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { canGlobal } from "~/domain/access/permissions";
import { exportPersonData } from "~/services/privacy.server";
import { apiError, apiJson, handleApi, messages, type ApiHandler } from "~/utils/api.server";
import { requireApiUser } from "~/services/api-auth.server";
import { idParam } from "~/services/api-resources/params.server";

const notFound = () => apiError(404, "No person with this id in the directory.");

const show: ApiHandler = async ({ request, context, params }) => {
  const user = await requireApiUser(request, context);
  if (!canGlobal(user, "personalData:administer")) throw apiError(403, messages.forbidden);
  const body: z.infer<typeof personExportJsonSchema> = await exportPersonData(context.db, user, idParam(params.personId, notFound));
  return apiJson(body);
};

const handlers = { GET: show };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
