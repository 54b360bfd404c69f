/** /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the routes' zod schemas. Public. */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiJson, handleApi, type ApiHandler } from "~/utils/api.server";
import { openApiDocument } from "~/utils/openapi.server";

const show: ApiHandler = async () => apiJson(openApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });

const handlers = { GET: show };
export const loader = (args: LoaderFunctionArgs) => handleApi(args, handlers);
export const action = (args: ActionFunctionArgs) => handleApi(args, handlers);
