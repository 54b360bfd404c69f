import { readFileSync } from "node:fs";
import { contractChecked } from "./openapi-contract";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type Browser, type BrowserContext, type Locator, type Page } from "@playwright/test";

export type Role = "admin" | "organizer" | "communications" | "viewer";
export interface Account {
  id: string;
  email: string;
  password: string;
  name: string;
  token: string;
}

const stateDir = process.env.E2E_STATE
  ? path.resolve(process.env.E2E_STATE)
  : path.join(path.dirname(fileURLToPath(import.meta.url)), ".state");
const statePath = path.join(stateDir, "accounts.json");
function readState(): { accounts: Record<Role | "lockout", Account>; demo: { email: string; role: string; password: string }[] } {
  return JSON.parse(readFileSync(statePath, "utf8"));
}

let ipCounter = 0;
/** A distinct client address per test (the e2e server trusts X-Forwarded-For), so login rate limits don't leak. */
function uniqueIp() {
  ipCounter += 1;
  return `10.${process.pid % 250}.${Math.floor(ipCounter / 250) % 250}.${ipCounter % 250}`;
}

/**
 * Playwright acts as soon as an element is visible, which on a server-rendered page can be before React has
 * hydrated it: a click on a <Link> then either reloads the whole page or, mid-hydration, is dropped, and the test
 * waits for something that never comes. Every user action therefore first waits until the document has finished
 * parsing and, when the page runs Remix's scripts, until the root layout has marked it hydrated
 * (`<html data-hydrated>`). Pages without JavaScript never get `__remixContext`, so they are ready at once.
 */
const ACTIONS = [
  ...["check", "uncheck", "setChecked", "click", "dblclick", "tap", "dragTo"],
  ...["fill", "press", "pressSequentially", "selectOption", "setInputFiles"],
];
function guardActionsUntilHydrated(page: Page) {
  const proto = Object.getPrototypeOf(page.locator("html")) as Record<string, unknown> & { __hydrationGuard?: true };
  if (proto.__hydrationGuard) return;
  proto.__hydrationGuard = true;
  for (const name of ACTIONS) {
    const original = proto[name] as (this: Locator, ...args: unknown[]) => Promise<unknown>;
    proto[name] = async function (this: Locator, ...args: unknown[]) {
      await waitUntilInteractive(this.page());
      return original.apply(this, args);
    };
  }
}

/**
 * Polled from here, not with page.waitForFunction: that polls on requestAnimationFrame inside the page, which never
 * fires where JavaScript is disabled, so a no-JS page caught mid-load would wait forever.
 */
async function waitUntilInteractive(page: Page) {
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    const ready = await page
      .evaluate(() => document.readyState !== "loading" && (document.documentElement.hasAttribute("data-hydrated") || !("__remixContext" in window)))
      .catch((error: unknown) => {
        if (page.isClosed()) throw error;
        return false; // the document went away mid-check (a navigation): look again
      });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * Content-Security-Policy violations fail the test that caused them, in every spec: each browser context (the
 * default one and those a test opens itself) reports `securitypolicyviolation` events and Chromium's own
 * "…violates the following Content Security Policy directive…" console messages here.
 */
const cspViolations: string[] = [];
const watchedContexts = new WeakSet<BrowserContext>();
async function watchCsp(context: BrowserContext) {
  if (watchedContexts.has(context)) return;
  watchedContexts.add(context);
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  context.on("console", (message) => {
    const text = message.text();
    if (/CSP violation|Content Security Policy/i.test(text)) cspViolations.push(`${message.location().url}: ${text}`);
  });
}
function watchNewContexts(browser: Browser) {
  const patched = browser as Browser & { __cspGuard?: true };
  if (patched.__cspGuard) return;
  patched.__cspGuard = true;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
    const context = await newContext(...args);
    await watchCsp(context);
    return context;
  };
}

export const test = base.extend<
  {
    accounts: Record<Role | "lockout", Account>;
    demoAccounts: { email: string; role: string; password: string }[];
    clientIp: string;
    loginAs: (role: Role) => Promise<Page>;
    api: (role: Role) => Promise<APIRequestContext>;
    cspGuard: void;
  },
  { hydrationGuard: void; cspWatch: void }
>({
  cspWatch: [
    async ({ browser }, use) => {
      watchNewContexts(browser);
      await use();
    },
    { scope: "worker", auto: true },
  ],
  // Patches the shared Locator prototype once per worker, so pages of contexts a test opens itself are covered too.
  hydrationGuard: [
    async ({ browser }, use) => {
      const context = await browser.newContext();
      guardActionsUntilHydrated(await context.newPage());
      await context.close();
      await use();
    },
    { scope: "worker", auto: true },
  ],
  clientIp: async ({}, use) => use(uniqueIp()),
  accounts: async ({}, use) => use(readState().accounts),
  demoAccounts: async ({}, use) => use(readState().demo),
  context: async ({ context, clientIp }, use) => {
    await watchCsp(context);
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": clientIp });
    await use(context);
  },
  // Set up before and torn down after every context of the test, so each violation is counted by its test.
  cspGuard: [
    async ({}, use) => {
      cspViolations.length = 0;
      await use();
      expect(cspViolations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  loginAs: async ({ page, accounts }, use) => {
    await use(async (role) => {
      const account = accounts[role];
      await page.goto("/login");
      await page.getByLabel(/^(Email)/).fill(account.email);
      await page.getByLabel(/^(Mật khẩu|Password)/).fill(account.password);
      await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
      await expect(page).toHaveURL(/\/events/);
      return page;
    });
  },
  api: async ({ playwright, accounts, clientIp }, use) => {
    const contexts: APIRequestContext[] = [];
    await use(async (role) => {
      const ctx = await playwright.request.newContext({
        baseURL: test.info().project.use.baseURL,
        extraHTTPHeaders: { Authorization: `Bearer ${accounts[role].token}`, "X-Forwarded-For": clientIp },
      });
      contexts.push(ctx);
      // Every /api/v1 answer of the test is checked against the OpenAPI document (openapi-contract.ts).
      return contractChecked(ctx);
    });
    for (const ctx of contexts) await ctx.dispose();
  },
});

export { expect };

export const SEED_TITLE = "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020";

/**
 * The demo ceremony's id, read through the API. The list is newest first and the tests keep adding events, so
 * the 2017 ceremony sinks down the pages: walk them all rather than trusting the first hundred.
 */
export async function seedEventId(api: APIRequestContext): Promise<string> {
  let cursor: string | null = "";
  while (cursor !== null) {
    const response = await api.get(`/api/v1/events?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { data: { id: string; title: string; startsAt: string }[]; nextCursor: string | null };
    const found = body.data.find((event) => event.title === SEED_TITLE && event.startsAt === "2017-10-19T14:00:00+07:00");
    if (found) return found.id;
    cursor = body.nextCursor;
  }
  throw new Error("the demo ceremony is missing");
}
