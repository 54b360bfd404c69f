import { afterAll, beforeAll, expect, it } from "vitest";
import { createAppHarness, type AppHarness } from "./app-harness.server";
let app: AppHarness;
beforeAll(async () => { const t = Date.now(); app = await createAppHarness(); console.log("harness ms", Date.now() - t); }, 180_000);
afterAll(() => app?.close());
it("probe", async () => {
  const t = Date.now();
  const r1 = await app.fetch(new Request(app.url("/events")), { as: "organizer" });
  console.log(r1.status, Date.now() - t);
  const r2 = await app.fetch(new Request(app.url("/login"), { method: "POST" }));
  console.log(r2.status, (await r2.text()).slice(0, 200));
  const r3 = await app.fetch(new Request(app.url("/api/v1/events"), { method: "GET" }), { as: "admin" });
  console.log(r3.status, (await r3.text()).slice(0, 200));
  const t2 = Date.now();
  for (let i = 0; i < 20; i++) await (await app.fetch(new Request(app.url(`/events/${app.ids.eventId}/attendees`)), { as: "admin" })).text();
  console.log("20 pages ms", Date.now() - t2);
  expect(r1.status).toBe(200);
});
