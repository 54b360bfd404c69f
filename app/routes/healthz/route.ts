import { data, type LoaderFunctionArgs } from "@remix-run/node";

export async function loader({ context }: LoaderFunctionArgs) {
  try {
    await context.pingDb();
    return data({ ok: true, db: context.dbKind }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return data({ ok: false, db: context.dbKind }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
