import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { loader } from "./route";

function contextWith(pingDb: () => Promise<void>, dbKind: "pglite" | "postgres" = "pglite", draining = false) {
  return { pingDb, dbKind, isDraining: () => draining } as unknown as AppLoadContext;
}
const args = (context: AppLoadContext) => ({ request: new Request("http://x/healthz"), params: {}, context });

describe("GET /healthz", () => {
  it("answers 200 with the driver when the database answers", async () => {
    const res = await loader(args(contextWith(async () => {}, "postgres")));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, db: "postgres" });
  });
  it("answers 503 when the database cannot be reached", async () => {
    const res = await loader(args(contextWith(async () => Promise.reject(new Error("ECONNREFUSED")))));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "pglite" });
    expect(res.headers.get("Cache-Control")).toBe("no-store");
  });
  it("answers 503 while the server is stopping, even with the database up: a proxy sends no more", async () => {
    let pinged = false;
    const res = await loader(args(contextWith(async () => void (pinged = true), "postgres", true)));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, db: "postgres", draining: true });
    expect(pinged).toBe(false);
  });
});
