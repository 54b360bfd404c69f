/**
 * The press workflow's two guards: a report taken towards the public before the event's end needs an explicit
 * confirmation (it is written in the past tense), and an event may require a second person to approve.
 */
import type { APIRequestContext, APIResponse, Browser, Page } from "@playwright/test";
import { test, expect, type Account } from "./fixtures";

// Tests run in parallel against one server: every event carries a suffix no other test uses.
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** A signing ceremony of the API caller's: in three days (not over yet), or on 17/10/2024 (long over). */
async function createCeremony(api: APIRequestContext, title: string, when: "upcoming" | "past"): Promise<string> {
  const start = when === "upcoming" ? new Date(Date.now() + 3 * 24 * 3600_000) : new Date("2024-10-17T07:00:00Z");
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: when === "upcoming" ? "scheduled" : "completed",
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      documents: [{ kind: "programme", title: `Chương trình phối hợp ${title}`, periodStart: 2024, periodEnd: 2026, aims: "Nhằm tăng cường phối hợp tuyên truyền." }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function login(browser: Browser, clientIp: string, account: Account, options: { javaScript?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: options.javaScript ?? true, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/events/);
  return page;
}

/** The organizer (owner of the event) adds the communications account to the event's team. */
async function addCommunications(page: Page, eventId: string, account: Account) {
  await page.goto(`/events/${eventId}/team`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Vai trò").selectOption("communications");
  await page.getByRole("button", { name: "Thêm thành viên" }).click();
  await expect(page.getByRole("status")).toContainText(account.name);
}

async function screenshots(page: Page, name: string) {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `/tmp/misc/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/misc/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function expectApiError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  return JSON.parse(text) as { error: { code: string; message: string; fields: Record<string, string> } };
}

test("before the event's end: a warning, and submit, approve and publish only with the confirmation (without JavaScript too)", async ({
  browser,
  accounts,
  clientIp,
  api,
}) => {
  const eventId = await createCeremony(await api("organizer"), `Lễ ký kết sắp tới ${suffix()}`, "upcoming");
  const organizer = await login(browser, clientIp, accounts.organizer, { javaScript: false });
  await addCommunications(organizer, eventId, accounts.communications);
  await organizer.goto(`/events/${eventId}/press`);
  await organizer.getByRole("button", { name: "Soạn bản tin", exact: true }).click();
  await expect(organizer.getByTestId("flash-notice")).toContainText("Đã soạn bản tin từ dữ liệu sự kiện.");
  const warning = organizer.getByTestId("press-before-event");
  await expect(warning).toContainText("Sự kiện chưa kết thúc (kết thúc lúc");
  await expect(warning).toContainText("người đọc có thể đọc về một việc chưa xảy ra");

  // Without the tick: refused in place, nothing moved.
  await organizer.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(organizer.locator(".press-workflow [role=alert]")).toHaveText("Sự kiện chưa kết thúc: đánh dấu ô xác nhận nếu vẫn muốn gửi duyệt bản tin.");
  await expect(organizer.locator(".press-page-head")).toContainText("Bản nháp");
  await screenshots(organizer, "press-before-event-refused");
  await organizer.getByLabel("Tôi biết sự kiện chưa kết thúc và vẫn muốn tiếp tục").check();
  await organizer.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(organizer.getByTestId("flash-notice")).toContainText("Đã gửi bản tin đi duyệt.");
  const summaryPath = new URL(organizer.url()).pathname;
  await organizer.context().close();

  // Communications, with JavaScript: approve and publish, each with its own confirmation.
  const comms = await login(browser, clientIp, accounts.communications);
  await comms.goto(summaryPath);
  await expect(comms.getByTestId("press-before-event")).toBeVisible();
  await comms.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(comms.locator(".press-workflow [role=alert]")).toHaveText("Sự kiện chưa kết thúc: đánh dấu ô xác nhận nếu vẫn muốn duyệt bản tin.");
  await expect(comms.locator(".press-page-head")).toContainText("Chờ duyệt");
  await comms.getByLabel("Tôi biết sự kiện chưa kết thúc và vẫn muốn tiếp tục").check();
  await comms.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(comms.getByTestId("flash-notice")).toContainText("Đã duyệt bản tin.");
  await comms.getByRole("link", { name: "Đăng bản tin" }).click();
  const dialog = comms.getByRole("alertdialog");
  await expect(dialog).toContainText("Đăng bản tin này lên trang công khai?");
  await screenshots(comms, "press-before-event-publish");
  await dialog.getByRole("button", { name: "Xác nhận: Đăng bản tin" }).click();
  await expect(comms.locator(".press-workflow [role=alert]")).toHaveText("Sự kiện chưa kết thúc: đánh dấu ô xác nhận nếu vẫn muốn đăng bản tin.");
  await expect(comms.locator(".press-page-head")).toContainText("Đã duyệt");
  await comms.getByLabel("Tôi biết sự kiện chưa kết thúc và vẫn muốn tiếp tục").check();
  await comms.getByRole("button", { name: "Xác nhận: Đăng bản tin" }).click();
  await expect(comms.getByTestId("flash-notice")).toContainText("Đã đăng bản tin.");
  // Unpublishing takes nothing towards the public: no warning now.
  await expect(comms.getByTestId("press-before-event")).toHaveCount(0);
  await comms.context().close();
});

test("after the event's end there is no warning and no checkbox", async ({ browser, accounts, clientIp, api }) => {
  const organizerApi = await api("organizer");
  const eventId = await createCeremony(organizerApi, `Lễ ký kết đã qua ${suffix()}`, "past");
  const created = await organizerApi.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "vi" } });
  const { id } = (await created.json()) as { id: string };
  const page = await login(browser, clientIp, accounts.organizer);
  await page.goto(`/events/${eventId}/press/${id}`);
  await expect(page.getByRole("button", { name: "Gửi duyệt" })).toBeVisible();
  await expect(page.getByTestId("press-before-event")).toHaveCount(0);
  await expect(page.getByLabel("Tôi biết sự kiện chưa kết thúc và vẫn muốn tiếp tục")).toHaveCount(0);
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã gửi bản tin đi duyệt.");
  await page.context().close();
});

test("API: before the event's end a step needs \"confirmBeforeEvent\": true (422 without it)", async ({ api }) => {
  const organizer = await api("organizer");
  const admin = await api("admin");
  const eventId = await createCeremony(organizer, `Lễ ký kết API sắp tới ${suffix()}`, "upcoming");
  const created = await organizer.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "vi" } });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const step = (who: APIRequestContext, data: Record<string, unknown>) => who.post(`/api/v1/press-summaries/${id}/transition`, { data });

  const refused = await expectApiError(await step(organizer, { to: "in_review" }), 422);
  expect(refused.error).toEqual({
    code: "invalid",
    message: 'The event has not ended yet and the summary is written as if it had happened. To go ahead anyway, send "confirmBeforeEvent": true.',
    fields: { confirmBeforeEvent: "Must be true before the event's end." },
  });
  expect(((await (await organizer.get(`/api/v1/press-summaries/${id}`)).json()) as { status: string }).status).toBe("draft");
  const wrongType = await expectApiError(await step(organizer, { to: "in_review", confirmBeforeEvent: "yes" }), 422);
  expect(wrongType.error.fields).toEqual({ confirmBeforeEvent: "This value is not valid." });
  await expectApiError(await step(organizer, { to: "in_review", confirmBeforeEvent: false }), 422);

  const submitted = await step(organizer, { to: "in_review", confirmBeforeEvent: true });
  expect(submitted.status(), await submitted.text()).toBe(200);
  expect(await submitted.json()).toMatchObject({ status: "in_review", transition: "submit" });
  await expectApiError(await step(admin, { to: "approved" }), 422);
  expect((await step(admin, { to: "approved", confirmBeforeEvent: true })).status()).toBe(200);
  await expectApiError(await step(admin, { to: "published" }), 422);
  expect((await step(admin, { to: "published", confirmBeforeEvent: true })).status()).toBe(200);
  // Unpublishing needs no confirmation.
  expect((await step(admin, { to: "draft" })).status()).toBe(200);
});

test("four-eyes: the organizer requires a second approver; the submitter may not approve, an admin does", async ({ browser, accounts, clientIp, api }) => {
  const eventId = await createCeremony(await api("organizer"), `Lễ ký kết hai người duyệt ${suffix()}`, "past");
  const organizer = await login(browser, clientIp, accounts.organizer);
  await addCommunications(organizer, eventId, accounts.communications);
  await organizer.goto(`/events/${eventId}/press`);
  const rule = organizer.getByLabel("Yêu cầu người thứ hai duyệt");
  await expect(rule).not.toBeChecked();
  await rule.check();
  await organizer.getByRole("button", { name: "Lưu cách duyệt" }).click();
  await expect(organizer.getByText("Đã lưu cách duyệt bản tin.")).toBeVisible();
  await expect(organizer.getByLabel("Yêu cầu người thứ hai duyệt")).toBeChecked();
  await screenshots(organizer, "press-tab-settings");
  await organizer.context().close();

  // Communications drafts and submits: they see the rule, and may not change it or approve.
  const comms = await login(browser, clientIp, accounts.communications);
  await comms.goto(`/events/${eventId}/press`);
  await expect(comms.getByTestId("press-settings-state")).toHaveText(
    "Bản tin của sự kiện này cần người thứ hai duyệt: người gửi duyệt và người sửa nội dung gần nhất không tự duyệt được.",
  );
  await expect(comms.getByLabel("Yêu cầu người thứ hai duyệt")).toHaveCount(0);
  const forgedSettings = await comms.request.post(`/events/${eventId}/press`, { form: { intent: "settings" } });
  expect(forgedSettings.status()).toBe(403);
  await comms.getByRole("button", { name: "Soạn bản tin", exact: true }).click();
  await expect(comms.getByTestId("flash-notice")).toContainText("Đã soạn bản tin từ dữ liệu sự kiện.");
  await comms.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(comms.getByTestId("flash-notice")).toContainText("Đã gửi bản tin đi duyệt.");
  await expect(comms.getByRole("button", { name: "Duyệt", exact: true })).toHaveCount(0);
  await expect(comms.getByTestId("press-four-eyes")).toHaveText(
    "Sự kiện này yêu cầu người thứ hai duyệt: bạn là người sửa nội dung bản tin gần nhất nên không tự duyệt được. Một cán bộ truyền thông khác hoặc quản trị viên cần duyệt.",
  );
  await expect(comms.getByRole("button", { name: "Trả lại để sửa" })).toBeVisible();
  await screenshots(comms, "press-four-eyes-blocked");
  const summaryPath = new URL(comms.url()).pathname;
  const summaryId = summaryPath.split("/").at(-1)!;
  const forged = await comms.request.post(summaryPath, { form: { intent: "transition", to: "approved" } });
  expect(forged.status()).toBe(403);
  const viaApi = await expectApiError(
    await (await api("communications")).post(`/api/v1/press-summaries/${summaryId}/transition`, { data: { to: "approved" } }),
    403,
  );
  expect(viaApi.error.message).toBe(
    "This event requires a second person to approve: you made the last change to this summary's text, so you may not approve it yourself. Another communications officer or an admin must approve it.",
  );
  await comms.context().close();

  // The admin neither wrote nor submitted it: they approve.
  const admin = await login(browser, clientIp, accounts.admin);
  await admin.goto(summaryPath);
  await expect(admin.getByText("Sự kiện này yêu cầu người thứ hai duyệt: người gửi duyệt và người sửa nội dung gần nhất không tự duyệt được.")).toBeVisible();
  await admin.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(admin.getByTestId("flash-notice")).toContainText("Đã duyệt bản tin.");
  await expect(admin.locator(".press-who")).toContainText(`Duyệt: ${accounts.admin.name}`);
  await admin.context().close();
});
