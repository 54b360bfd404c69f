/**
 * How documents leave app/entry.server.tsx (issue 12), in-process through the production build:
 *  - each render's abort timer is cleared once the document is rendered (it used to stay pending five seconds per
 *    request, keeping the render alive, and then "abort" a finished stream);
 *  - the invitee page folds the deputy form: its fields are in the HTML only with ?deputy (the no-JavaScript way
 *    to open it), and the button that opens it is a GET form.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { createAppHarness, type AppHarness } from "./testing/app-harness.server";

let app: AppHarness;
beforeAll(async () => {
  app = await createAppHarness();
}, 180_000);
afterAll(() => app?.close());

const pendingTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;

it("leaves no timer pending per rendered document", async () => {
  // As the Express adapter does, the request's signal aborts once the answer is sent: that clears Remix's own
  // timer (single fetch's stream timeout), so what is left pending is the entry's.
  const page = async () => {
    const sent = new AbortController();
    const res = await app.fetch(new Request(app.url("/login"), { signal: sent.signal }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("</html>");
    sent.abort();
  };
  await page();
  const before = pendingTimers();
  for (let i = 0; i < 20; i++) await page();
  // Twenty documents: before the fix, twenty more timers pending for five seconds.
  expect(pendingTimers() - before).toBeLessThan(5);
});

it("folds the invitee's deputy form behind a GET button, and opens it with ?deputy", async () => {
  const folded = await (await app.fetch("/invitation", { as: "otherInvitee" })).text();
  expect(folded).toContain('data-testid="deputy-section"');
  expect(folded).toMatch(/<form method="get" action="#deputy-heading"><button type="submit" name="deputy" value="1"/);
  expect(folded).not.toContain('name="fullName"');
  const open = await (await app.fetch("/invitation?deputy=1", { as: "otherInvitee" })).text();
  expect(open).toContain('name="fullName"');
  expect(open).not.toContain('action="#deputy-heading"');
});
