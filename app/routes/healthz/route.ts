import type { LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ context }: LoaderFunctionArgs) {
  const headers = { "Cache-Control": "no-store" };
  try {
    await context.pingDb();
    return Response.json({ ok: true, db: context.dbKind }, { headers });
  } catch {
    return Response.json({ ok: false, db: context.dbKind }, { status: 503, headers });
  }
}
