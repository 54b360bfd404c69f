/** GET /healthz — readiness under its first name (tests, e2e/serve.ts, existing monitors): the same answer as /readyz (app/services/health.server.ts). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readiness } from "~/services/health.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return readiness(context);
}
