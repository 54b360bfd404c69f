import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";

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

export const test = base.extend<{
  accounts: Record<Role | "lockout", Account>;
  demoAccounts: { email: string; role: string; password: string }[];
  clientIp: string;
  loginAs: (role: Role) => Promise<Page>;
  api: (role: Role) => Promise<APIRequestContext>;
}>({
  clientIp: async ({}, use) => use(uniqueIp()),
  accounts: async ({}, use) => use(readState().accounts),
  demoAccounts: async ({}, use) => use(readState().demo),
  context: async ({ context, clientIp }, use) => {
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": clientIp });
    await use(context);
  },
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
      return ctx;
    });
    for (const ctx of contexts) await ctx.dispose();
  },
});

export { expect };
