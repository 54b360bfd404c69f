/**
 * Readiness, answered by GET /readyz and by GET /healthz (its first name, kept for tests, e2e/serve.ts and
 * existing monitors): 200 when the database answers and the server is not stopping; 503 otherwise. /livez
 * (process up, no database) is answered by server/index.ts.
 */
import type { AppLoadContext } from "@remix-run/node";

export async function readiness(context: AppLoadContext): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  if (context.isDraining?.()) return Response.json({ ok: false, db: context.dbKind, draining: true }, { status: 503, headers });
  try {
    await context.pingDb();
    return Response.json({ ok: true, db: context.dbKind }, { headers });
  } catch {
    return Response.json({ ok: false, db: context.dbKind }, { status: 503, headers });
  }
}
