/**
 * How documents leave app/entry.server.tsx (issue 12), in-process through the production build:
 *  - each render's abort timer is cleared once the document is rendered (it used to stay pending five seconds per
 *    request, keeping the render alive, and then "abort" a finished stream);
 *  - the invitee page folds the deputy form: its fields are in the HTML only with ?deputy (the no-JavaScript way
 *    to open it), and the button that opens it is a GET form;
 *  - the route tree a document renders with is built once, not per document (patches/@remix-run+react+*.patch and
 *    patches/react-router-dom+*.patch, docs/decisions/034-route-matching-cache.md).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
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

// The server's CommonJS copies, as the build loads them: the spies see the calls the patched code makes.
const require = createRequire(import.meta.url);
const remixRoutes = require("@remix-run/react/dist/routes.js") as { createServerRoutes: (...args: unknown[]) => unknown };
const router = require("@remix-run/router") as { UNSAFE_convertRoutesToDataRoutes: (...args: unknown[]) => unknown };
afterEach(() => vi.restoreAllMocks());

it("builds the route tree once for every document, not once per document, and each page is still its own", async () => {
  expect(readFileSync(require.resolve("@remix-run/react/dist/server.js"), "utf8")).toContain("const serverRoutesCache = new WeakMap()");
  expect(readFileSync(require.resolve("react-router-dom/server.js"), "utf8")).toContain("const dataRoutesCache = new WeakMap()");
  const built = vi.spyOn(remixRoutes, "createServerRoutes");
  const converted = vi.spyOn(router, "UNSAFE_convertRoutesToDataRoutes");
  const pages = [
    ["/login", "Đăng nhập"],
    ["/khong-co-trang-nay", "Không tìm thấy"],
    ["/invitation", 'data-testid="deputy-section"'],
    ["/login", "Đăng nhập"],
  ] as const;
  for (const [path, text] of pages) {
    const html = await (await app.fetch(path, path === "/invitation" ? { as: "otherInvitee" } : {})).text();
    expect(html, path).toContain(text);
  }
  // Built at most once (the first document of this worker may be rendered here); before, once per document.
  expect(built.mock.calls.length).toBeLessThanOrEqual(1);
  expect(converted.mock.calls.length).toBeLessThanOrEqual(1);
});
