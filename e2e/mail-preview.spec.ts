/**
 * A mass send shows the invitation as the invitees will see it, in each of their languages, and asks to
 * confirm the count; nothing is queued before. Screenshots: NAV_SHOTS=/tmp/nav …
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-05-20T09:00:00+07:00",
      endsAt: "2031-05-20T11:00:00+07:00",
      venue: { name: "Hội trường Tỉnh ủy", address: "Số 1 Lê Lợi, Thái Bình" },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

/** 26 guests reading Vietnamese, 2 English, 1 without an email: imported from a CSV. */
async function importGuests(page: Page, eventId: string, id: string) {
  const rows = [
    ...Array.from({ length: 26 }, (_, i) => `Ông;Khách ${String(i + 1).padStart(2, "0")} ${id};khach${i + 1}.${id}@example.org;Tiếng Việt`),
    `Mr;John Smith ${id};john.${id}@example.org;English`,
    `Ms;Jane Doe ${id};jane.${id}@example.org;English`,
    `Bà;Không Thư ${id};;Tiếng Việt`,
  ];
  const csv = `Danh xưng;Họ và tên;Email;Ngôn ngữ\r\n${rows.join("\r\n")}\r\n`;
  await page.goto(`/events/${eventId}/attendees/import`);
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "khach.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Xem trước" }).click();
  await page.getByRole("button", { name: "Nhập 29 dòng hợp lệ" }).click();
  await expect(page.getByTestId("import-done")).toContainText("thêm 29 khách mời");
}

async function shots(page: Page, name: string) {
  const dir = process.env.NAV_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: `${dir}/${name}-1366.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/${name}-390.png`, fullPage: true });
  if (size) await page.setViewportSize(size);
}

test("sending to 28 shows the email in Vietnamese and English and asks 'Gửi lời mời tới 28 người?' before queuing", async ({ page, loginAs, api }) => {
  test.setTimeout(90_000);
  const id = suffix();
  const title = `Lễ ký kết xem trước thư ${id}`;
  const event = await createEvent(await api("organizer"), title);
  await loginAs("organizer");
  await importGuests(page, event.id, id);

  await page.goto(`/events/${event.id}/mail`);
  await page.getByRole("button", { name: "Gửi cho người chưa được gửi (28)" }).click();
  const confirm = page.getByRole("region", { name: "Gửi lời mời tới 28 người?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("1 người không có email nên sẽ không nhận được thư.");
  await expect(confirm).toContainText("Thư tiếng Việt — 26 người nhận.");
  await expect(confirm).toContainText("Thư tiếng Anh — 2 người nhận.");
  // Each preview is addressed to one of its recipients (the first on the list), as that person will see it.
  const text = (await confirm.textContent()) ?? "";
  const viName = new RegExp(`Xem trước đúng như (Ông Khách \\d\\d ${id}) \\(khach\\d+\\.${id}@example\\.org\\) sẽ nhận`).exec(text)?.[1];
  const enName = new RegExp(`Xem trước đúng như ((?:Mr John Smith|Ms Jane Doe) ${id}) \\(`).exec(text)?.[1];
  expect(viName, text).toBeTruthy();
  expect(enName, text).toBeTruthy();
  await expect(page.getByTestId("mail-preview-subject-vi")).toContainText(title);
  await expect(page.getByTestId("mail-preview-subject-en")).toContainText(title);
  const vi = page.frameLocator('iframe[title="Xem trước thư tiếng Việt"]');
  await expect(vi.getByText(`Kính gửi ${viName},`)).toBeVisible();
  await expect(vi.getByRole("heading", { name: title })).toBeVisible();
  const en = page.frameLocator('iframe[title="Xem trước thư tiếng Anh"]');
  // English papers write "Mr." and "Ms." (the glossary's honorifics, issue 14).
  await expect(en.getByText(`Dear ${enName!.replace(/^(Mr|Ms)\.? /, "$1. ")},`)).toBeVisible();
  await expect(en.getByRole("link", { name: "Reply to the invitation" })).toBeVisible();
  // Nothing queued yet, and the send buttons wait behind the confirmation.
  await expect(page.getByText("Chưa có thư nào của sự kiện này.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi cho người chưa được gửi (28)" })).toBeHidden();
  await shots(page, "mail-confirm");

  // Back: still nothing sent.
  await confirm.getByRole("link", { name: "Quay lại" }).click();
  await expect(page.getByRole("button", { name: "Gửi cho người chưa được gửi (28)" })).toBeEnabled();
  await expect(page.getByText("Chưa có thư nào của sự kiện này.")).toBeVisible();

  await page.getByRole("button", { name: "Gửi cho tất cả (28)" }).click();
  await expect(page.getByRole("region", { name: "Gửi lời mời tới 28 người?" })).toBeVisible();
  await page.getByRole("button", { name: "Gửi 28 lời mời" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đưa 28 thư vào hàng đợi gửi." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi cho người chưa được gửi (0)" })).toBeDisabled();
});

test("without JavaScript: a selection from the attendee list is confirmed, then sent", async ({
  browser,
  accounts,
  clientIp,
  api,
}) => {
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết không JS ${id}`);
  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(accounts.organizer.email);
  await page.getByLabel("Mật khẩu").fill(accounts.organizer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/events/);
  await importGuests(page, event.id, id);

  await page.goto(`/events/${event.id}/attendees`);
  await page.getByLabel(`Chọn: John Smith ${id}`).check();
  await page.getByLabel(`Chọn: Khách 02 ${id}`).check();
  await page.getByRole("button", { name: "Gửi thư mời cho những người đã chọn" }).click();
  const confirm = page.getByRole("region", { name: "Gửi lời mời tới 2 người?" });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText("Thư tiếng Việt — 1 người nhận.");
  await expect(confirm).toContainText(`Xem trước đúng như Mr John Smith ${id} (john.${id}@example.org) sẽ nhận`);
  await expect(page.getByText("Chưa có thư nào của sự kiện này.")).toBeVisible();
  await page.getByRole("button", { name: "Gửi 2 lời mời" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đưa 2 thư vào hàng đợi gửi." })).toBeVisible();
  const outbox = page.getByRole("table", { name: "Thư của sự kiện" });
  await expect(outbox.getByRole("row")).toHaveCount(3);
  await expect(outbox).toContainText(`john.${id}@example.org`);
  await expect(outbox).toContainText(`khach2.${id}@example.org`);
  await context.close();
});
