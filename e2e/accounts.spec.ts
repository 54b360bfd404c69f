/**
 * Accounts: the way back after signing in (redirectTo), the login form's messages, changing one's password, an
 * administrator's reset, "forgot password" through the Mailbox (the e2e server has no SMTP_URL), and two-step
 * verification with a code computed here from the secret the page shows.
 */
import type { Browser, Page } from "@playwright/test";
import { totpCodeAt } from "../app/domain/accounts/two-factor";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A fresh account made by the admin on /admin/users, so these tests never change the shared fixtures' passwords. */
async function newAccount(admin: Page, role = "viewer") {
  const id = suffix();
  const email = `acc-${id}@signet.test`;
  const name = `Tài khoản ${id}`;
  await admin.goto("/admin/users");
  await admin.getByLabel("Họ và tên").fill(name);
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Vai trò", { exact: true }).selectOption(role);
  await admin.getByRole("button", { name: "Tạo", exact: true }).click();
  const notice = await admin.getByRole("status").filter({ hasText: "Mật khẩu tạm thời" }).textContent();
  const password = /: (\S+)$/.exec(notice ?? "")?.[1] ?? "";
  expect(password).not.toBe("");
  return { email, name, password };
}

async function browserFor(browser: Browser, clientIp: string) {
  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  return context.newPage();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

/** The reset link in the newest Mailbox message to `email` (the outbox worker files it within seconds). */
async function resetLinkFromMailbox(admin: Page, email: string): Promise<string> {
  let href: string | null = null;
  await expect(async () => {
    await admin.goto("/admin/mailbox");
    const row = admin.getByRole("row").filter({ hasText: email }).first();
    await expect(row).toContainText("Đã gửi", { timeout: 1000 });
    await row.getByRole("link", { name: "Đặt lại mật khẩu Signet" }).click();
    const link = admin.locator("pre a[href*='/reset-password/']").first();
    href = await link.getAttribute("href", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  expect(href).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  return new URL(href!).pathname;
}

test("after signing in, the user lands where they were going; other sites are never a destination", async ({ page, request, accounts }) => {
  await page.goto("/events?tab=past");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fevents%3Ftab%3Dpast$/);
  // Rendered by the server, so it works before (and without) JavaScript.
  const html = await (await request.get("/login?redirectTo=%2Fevents%3Ftab%3Dpast")).text();
  expect(html).toContain('name="redirectTo" value="/events?tab=past"');
  await page.getByLabel("Email").fill(accounts.viewer.email);
  await page.getByLabel("Mật khẩu").fill(accounts.viewer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events\?tab=past$/);

  const evils = ["//evil.example/x", "https://evil.example/", "/\t/evil.example"];
  for (const evil of evils) {
    const page = await request.get(`/login?redirectTo=${encodeURIComponent(evil)}`);
    expect(await page.text()).toContain('name="redirectTo" value=""');
  }
  for (const evil of evils) {
    const posted = await request.post("/login", {
      form: { email: accounts.viewer.email, password: accounts.viewer.password, redirectTo: evil },
      maxRedirects: 0,
      headers: { "X-Forwarded-For": "10.252.0.1" },
    });
    expect(posted.status()).toBe(302);
    expect(posted.headers().location).toBe("/events");
  }
});

test("the login form shows only the latest submission's errors", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("khong-co@signet.test");
  await page.getByLabel("Mật khẩu").fill("sai-mat-khau");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." });
  await expect(failed).toBeVisible();
  await page.getByLabel("Email").fill("");
  await page.getByLabel("Mật khẩu").fill("");
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByText("Vui lòng nhập thông tin này.").first()).toBeVisible();
  await expect(failed).toHaveCount(0);
});

test("changing one's password ends the other sessions and keeps this one", async ({ browser, loginAs, clientIp }) => {
  const admin = await loginAs("admin");
  const account = await newAccount(admin);
  const here = await browserFor(browser, clientIp);
  const elsewhere = await browserFor(browser, clientIp);
  await signIn(here, account.email, account.password);
  await expect(here).toHaveURL(/\/events/);
  await signIn(elsewhere, account.email, account.password);
  await expect(elsewhere).toHaveURL(/\/events/);

  await here.getByRole("link", { name: account.name }).click();
  await expect(here.getByRole("heading", { name: "Tài khoản của tôi" })).toBeVisible();
  const section = here.getByRole("region", { name: "Đổi mật khẩu" });
  await section.getByLabel("Mật khẩu hiện tại").fill("không phải mật khẩu");
  await section.getByLabel("Mật khẩu mới (ít nhất 12 ký tự)").fill("mật khẩu mới của tôi");
  await section.getByLabel("Nhập lại mật khẩu mới").fill("mật khẩu mới của tôi");
  await section.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(section.getByText("Mật khẩu hiện tại không đúng.")).toBeVisible();

  await section.getByLabel("Mật khẩu hiện tại").fill(account.password);
  await section.getByLabel("Mật khẩu mới (ít nhất 12 ký tự)").fill("mật khẩu mới của tôi");
  await section.getByLabel("Nhập lại mật khẩu mới").fill("mật khẩu mới khác");
  await section.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(section.getByText("Hai lần nhập mật khẩu mới không giống nhau.")).toBeVisible();

  await section.getByLabel("Nhập lại mật khẩu mới").fill("mật khẩu mới của tôi");
  await section.getByRole("button", { name: "Đổi mật khẩu" }).click();
  await expect(here.getByRole("status").filter({ hasText: "Đã đổi mật khẩu." })).toBeVisible();

  await here.goto("/events");
  await expect(here).toHaveURL(/\/events$/);
  await elsewhere.goto("/events");
  await expect(elsewhere).toHaveURL(/\/login/);
  await signIn(elsewhere, account.email, account.password);
  await expect(elsewhere.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." })).toBeVisible();
  await signIn(elsewhere, account.email, "mật khẩu mới của tôi");
  await expect(elsewhere).toHaveURL(/\/events/);
  await here.context().close();
  await elsewhere.context().close();
});

test("an administrator's reset stops the old password and session; the mailed link sets a new one", async ({ browser, loginAs, clientIp }) => {
  const admin = await loginAs("admin");
  const account = await newAccount(admin);
  const user = await browserFor(browser, clientIp);
  await signIn(user, account.email, account.password);
  await expect(user).toHaveURL(/\/events/);

  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: `Đặt lại mật khẩu: ${account.name}` }).click();
  await expect(admin.getByRole("alertdialog")).toContainText(account.email);
  await admin.getByRole("button", { name: "Xác nhận: Đặt lại mật khẩu" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Đã đặt lại mật khẩu của ${account.name}` })).toBeVisible();

  await user.goto("/events");
  await expect(user).toHaveURL(/\/login/);
  await signIn(user, account.email, account.password);
  await expect(user.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." })).toBeVisible();

  const link = await resetLinkFromMailbox(admin, account.email);
  await user.goto(link);
  await expect(user.getByRole("heading", { name: "Đặt mật khẩu mới" })).toBeVisible();
  await user.getByLabel("Mật khẩu mới (ít nhất 12 ký tự)").fill("mật khẩu sau khi đặt lại");
  await user.getByLabel("Nhập lại mật khẩu mới").fill("mật khẩu sau khi đặt lại");
  await user.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(user).toHaveURL(/\/login$/);
  await expect(user.getByTestId("flash-notice")).toHaveText("Đã đặt mật khẩu mới. Hãy đăng nhập.");
  await signIn(user, account.email, "mật khẩu sau khi đặt lại");
  await expect(user).toHaveURL(/\/events/);
  await user.context().close();
});

test("forgot password: the same answer for any email, a link in the Mailbox, used once", async ({ page, browser, loginAs, clientIp }) => {
  const admin = await loginAs("admin");
  const account = await newAccount(admin);
  const visitor = await browserFor(browser, clientIp);
  await visitor.goto("/login");
  await visitor.getByRole("link", { name: "Quên mật khẩu?" }).click();
  await expect(visitor.getByRole("heading", { name: "Quên mật khẩu" })).toBeVisible();

  await visitor.getByLabel("Email").fill(`khong-ai-${suffix()}@signet.test`);
  await visitor.getByRole("button", { name: "Gửi đường dẫn" }).click();
  const unknownAnswer = (await visitor.getByRole("status").textContent())?.replace(/\S+@signet\.test/, "EMAIL");
  await visitor.getByLabel("Email").fill(account.email);
  await visitor.getByRole("button", { name: "Gửi đường dẫn" }).click();
  await expect(visitor.getByRole("status")).toContainText(account.email);
  const knownAnswer = (await visitor.getByRole("status").textContent())?.replace(/\S+@signet\.test/, "EMAIL");
  expect(knownAnswer).toBe(unknownAnswer);
  expect(knownAnswer).toContain("có hiệu lực trong 1 giờ");

  const link = await resetLinkFromMailbox(admin, account.email);
  await visitor.goto(link);
  await visitor.getByLabel("Mật khẩu mới (ít nhất 12 ký tự)").fill("ngắn");
  await visitor.getByLabel("Nhập lại mật khẩu mới").fill("ngắn");
  await visitor.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(visitor.getByText("Cần ít nhất 12 ký tự.")).toBeVisible();
  await visitor.getByLabel("Mật khẩu mới (ít nhất 12 ký tự)").fill("mật khẩu tôi vừa nhớ ra");
  await visitor.getByLabel("Nhập lại mật khẩu mới").fill("mật khẩu tôi vừa nhớ ra");
  await visitor.getByRole("button", { name: "Lưu mật khẩu mới" }).click();
  await expect(visitor.getByRole("status").filter({ hasText: "Đã đặt mật khẩu mới. Hãy đăng nhập." })).toBeVisible();
  await visitor.getByLabel("Email").fill(account.email);
  await visitor.getByLabel("Mật khẩu").fill("mật khẩu tôi vừa nhớ ra");
  await visitor.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(visitor).toHaveURL(/\/events/);

  // The link worked once.
  const again = await page.request.get(link);
  expect(again.status()).toBe(404);
  await visitor.goto(link);
  await expect(visitor.getByRole("alert")).toContainText("Đường dẫn này không còn hiệu lực");
  await visitor.context().close();
});

test("two-step verification: enrol with a code, then sign in with a code or a recovery code, back where one was going", async ({
  browser,
  loginAs,
  clientIp,
}) => {
  test.setTimeout(90_000); // three sign-ins, two with a second step: 14 s here, more than 30 s on a busy CI machine
  const admin = await loginAs("admin");
  const account = await newAccount(admin);
  const page = await browserFor(browser, clientIp);
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/events$/);
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Xác thực hai bước" });
  await section.getByRole("button", { name: "Bật xác thực hai bước" }).click();
  await expect(section.getByRole("img", { name: "Mã QR để thêm Signet vào ứng dụng xác thực" })).toBeVisible();
  const secret = ((await section.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await section.getByLabel("Mã 6 chữ số").fill("000000");
  await section.getByRole("button", { name: "Xác nhận và bật" }).click();
  await expect(section.getByText("Mã không đúng hoặc đã hết hạn.")).toBeVisible();
  await section.getByLabel("Mã 6 chữ số").fill(totpCodeAt(secret, new Date()));
  await section.getByRole("button", { name: "Xác nhận và bật" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã bật xác thực hai bước." })).toBeVisible();
  const codes = (await page.getByTestId("recovery-codes").locator("code").allTextContents()).map((c) => c.trim());
  expect(codes).toHaveLength(10);
  await expect(section.getByTestId("two-factor-status")).toContainText("Còn 10 mã khôi phục");

  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // The sign-out has landed (a navigation right after the click could abort its POST and keep the session).
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/organizations");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Forganizations$/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await page.getByLabel("Mã xác thực").fill("123456");
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText("Mã không đúng. Hãy thử lại với mã đang hiển thị.")).toBeVisible();
  // The code used to enrol is spent, and this may still be its 30-second step: take the code of the next step,
  // as a phone whose clock runs a little ahead shows it (one step either side is accepted).
  await page.getByLabel("Mã xác thực").fill(totpCodeAt(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page).toHaveURL(/\/organizations$/);

  // A lost phone: a recovery code instead, once.
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // The sign-out has landed (a navigation right after the click could abort its POST and keep the session).
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: "Không dùng được điện thoại? Dùng mã khôi phục" }).click();
  await page.getByLabel("Mã khôi phục").fill(codes[0]!);
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page).toHaveURL(/\/events$/);
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  // The sign-out has landed (a navigation right after the click could abort its POST and keep the session).
  await expect(page).toHaveURL(/\/login$/);
  await signIn(page, account.email, account.password);
  await page.getByRole("link", { name: "Không dùng được điện thoại? Dùng mã khôi phục" }).click();
  await page.getByLabel("Mã khôi phục").fill(codes[0]!);
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await expect(page.getByText("Mã khôi phục không đúng hoặc đã được dùng.")).toBeVisible();

  // The administrator removes it: the password alone signs in again.
  await admin.goto("/admin/users");
  await admin.getByRole("link", { name: `Gỡ xác thực hai bước: ${account.name}` }).click();
  await admin.getByRole("button", { name: "Xác nhận: Gỡ xác thực hai bước" }).click();
  await expect(admin.getByRole("status").filter({ hasText: `Đã gỡ xác thực hai bước của ${account.name}.` })).toBeVisible();
  await signIn(page, account.email, account.password);
  await expect(page).toHaveURL(/\/events$/);
  await page.context().close();
});
