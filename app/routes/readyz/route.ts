/** GET /readyz — readiness for a proxy or an orchestrator (app/services/health.server.ts); /healthz answers the same. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readiness } from "~/services/health.server";

export async function loader({ context }: LoaderFunctionArgs) {
  return readiness(context);
}
