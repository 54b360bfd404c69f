/**
 * Sending invitations and the Mailbox. The e2e server has no SMTP_URL, so every message lands in the Mailbox
 * (/admin/mailbox) after the outbox worker's next round (every few seconds).
 *
 * Own port/state/output when run beside other specs:
 *   E2E_PORT=3430 E2E_STATE=/tmp/e2e-mail npx playwright test -c e2e/playwright.config.ts mail.spec.ts --output /tmp/pw-mail
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

/**
 * Adds an invitee through the attendees page (built by another part of the team). Returns false while that
 * page does not offer "Thêm khách mời" yet (placeholder or missing): then no person can add an invitee.
 */
async function addInviteeThroughAttendeesPage(page: Page, eventId: string, name: string, email: string): Promise<boolean> {
  const response = await page.goto(`/events/${eventId}/attendees`);
  // Server-rendered: when the page has no "add" link now, it is still the placeholder (or not there at all).
  const addLink = page.getByRole("link", { name: "Thêm khách mời" });
  if (!response?.ok() || (await addLink.count()) === 0) return false;
  await addLink.first().click();
  await page.getByLabel("Họ và tên", { exact: true }).fill(name);
  await page.getByLabel(/^Email/).fill(email);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page.getByText(name).first()).toBeVisible();
  return true;
}

test("an organizer sends invitations and an admin reads the message, with its calendar file, in the Mailbox", async ({
  page,
  loginAs,
  api,
}) => {
  const id = suffix();
  const title = `Lễ ký kết gửi thư ${id}`;
  const event = await createEvent(await api("organizer"), title);
  const email = `khach-${id}@example.org`;

  await loginAs("organizer");
  const added = await addInviteeThroughAttendeesPage(page, event.id, `Nguyễn Văn Khách ${id}`, email);
  expect(added, "the attendees page offers 'Thêm khách mời'").toBe(true);

  await page.goto(`/events/${event.id}/mail`);
  await expect(page.getByRole("heading", { name: "Gửi thư mời" })).toBeVisible();
  await page.getByRole("button", { name: "Gửi cho người chưa được gửi (1)" }).click();
  await page.getByRole("button", { name: "Gửi 1 lời mời" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đưa 1 thư vào hàng đợi gửi." })).toBeVisible();
  // A second click: nobody is left to invite.
  await expect(page.getByRole("button", { name: "Gửi cho người chưa được gửi (0)" })).toBeDisabled();
  const outbox = page.getByRole("table", { name: "Thư của sự kiện" });
  await expect(outbox.getByRole("row")).toHaveCount(2);
  await expect(outbox).toContainText(email);
  // The worker files it in the Mailbox within a few seconds.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Thư của sự kiện" })).toContainText("Đã gửi", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });

  // The organizer has no Mailbox; the admin does.
  await expect(page.getByRole("link", { name: "Hộp thư" })).toHaveCount(0);
  await page.context().clearCookies();
  await loginAs("admin");
  await page.getByRole("navigation").getByRole("link", { name: "Hộp thư" }).click();
  await expect(page).toHaveURL(/\/admin\/mailbox$/);
  await expect(page.getByText("Chưa cấu hình máy chủ thư (SMTP_URL)")).toBeVisible();
  await page.getByRole("link", { name: `Thư mời: ${title}` }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Thư mời: ${title}`);
  await expect(page.getByText(email).first()).toBeVisible();
  const delivery = page.getByRole("region", { name: "Tình trạng gửi" });
  await expect(delivery).toContainText("Đã gửi");
  await expect(delivery).toContainText("Hộp thư");
  await expect(delivery).toContainText(/invitation:[0-9a-f-]{36}:seq:0/);
  const preview = page.locator("iframe[title='Xem trước nội dung thư']");
  await expect(preview).toHaveAttribute("sandbox", "");
  await expect(page.frameLocator("iframe[title='Xem trước nội dung thư']").getByText("Trả lời thư mời")).toBeVisible();
  const ics = page.getByLabel("invite.ics");
  await expect(ics).toContainText("BEGIN:VCALENDAR");
  await expect(ics).toContainText("METHOD:REQUEST");
  await expect(ics).toContainText("SEQUENCE:0");
  await expect(page.getByText("Tệp lịch (invite.ics, method=REQUEST)")).toBeVisible();
  // The plain-text version links to the invitee's personal page.
  await expect(page.locator("pre a[href*='/i/']")).toHaveCount(1);
});

test("the Send invitations page works without invitees: schedule and cancel a reminder; others are kept out", async ({
  page,
  browser,
  loginAs,
  api,
  accounts,
  clientIp,
}) => {
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Hội nghị nhắc lịch ${id}`);

  await loginAs("organizer");
  await page.goto(`/events/${event.id}/mail`);
  await expect(page.getByRole("heading", { name: "Gửi thư mời" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Gửi cho người chưa được gửi (0)" })).toBeDisabled();
  await expect(page.getByText("Chưa có thư nào của sự kiện này.")).toBeVisible();

  // A wrong number is refused in place (the browser checks it with the same schema as the server).
  await page.getByLabel("Số ngày trước sự kiện").fill("0");
  await page.getByRole("button", { name: "Hẹn nhắc" }).click();
  await expect(page.getByText("Nhập số ngày từ 1 đến 60.")).toBeVisible();

  await page.getByLabel("Số ngày trước sự kiện").fill("3");
  await page.getByRole("button", { name: "Hẹn nhắc" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã hẹn nhắc." })).toBeVisible();
  const reminders = page.getByRole("table", { name: "Hẹn nhắc tự động" });
  // 09:00 on 20/05/2031 in Hà Nội, three days earlier.
  await expect(reminders).toContainText("09:00, Thứ 7, 17/05/2031");
  await expect(reminders).toContainText("Đã hẹn");
  // The same moment twice is refused.
  await page.getByLabel("Số ngày trước sự kiện").fill("3");
  await page.getByRole("button", { name: "Hẹn nhắc" }).click();
  await expect(page.getByText("Đã có lịch nhắc vào thời điểm này.")).toBeVisible();

  await reminders.getByRole("button", { name: "Hủy lịch nhắc" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã hủy lịch nhắc." })).toBeVisible();
  await expect(page.getByRole("table", { name: "Hẹn nhắc tự động" })).toContainText("Đã hủy");

  // A viewer may read the event but not send its mail, nor read the Mailbox.
  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const viewer = await context.newPage();
  await viewer.goto("/login");
  await viewer.getByLabel("Email").fill(accounts.viewer.email);
  await viewer.getByLabel("Mật khẩu").fill(accounts.viewer.password);
  await viewer.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(viewer).toHaveURL(/\/events/);
  for (const path of [`/events/${event.id}/mail`, "/admin/mailbox"]) {
    const response = await viewer.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const post = await viewer.request.post(`/events/${event.id}/mail`, {
    form: { intent: "send-all" },
    headers: { Origin: new URL(viewer.url()).origin },
  });
  expect(post.status()).toBe(403);
  await context.close();
});

test("send to a selection from the attendee list, then withdraw one: a CANCEL goes to that person", async ({ page, loginAs, api }) => {
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết chọn người ${id}`);
  await loginAs("organizer");
  const picked = `Trần Thị Chọn ${id}`;
  expect(await addInviteeThroughAttendeesPage(page, event.id, picked, `chon-${id}@example.org`)).toBe(true);
  expect(await addInviteeThroughAttendeesPage(page, event.id, `Lê Văn Không ${id}`, `khong-${id}@example.org`)).toBe(true);

  await page.goto(`/events/${event.id}/attendees`);
  await page.getByLabel(`Chọn: ${picked}`).check();
  await page.getByRole("button", { name: "Gửi thư mời cho những người đã chọn" }).click();
  await page.getByRole("button", { name: "Gửi 1 lời mời" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}/mail`));
  const outbox = page.getByRole("table", { name: "Thư của sự kiện" });
  await expect(outbox).toContainText(`chon-${id}@example.org`);
  await expect(outbox).not.toContainText(`khong-${id}@example.org`);

  await page.goto(`/events/${event.id}/attendees`);
  await page.getByRole("link", { name: `Sửa: ${picked}` }).click();
  // Exact: until the edit page has loaded, the list's "Đã rút lời mời" filter also contains these words.
  await page.getByRole("link", { name: "Rút lời mời", exact: true }).click();
  await page.getByRole("button", { name: "Xác nhận: Rút lời mời" }).click();
  // Not the URL: the confirmation page's own URL starts the same way. The list's message says it is done.
  await expect(page.getByRole("status")).toHaveText(`Đã rút lời mời của ${picked}.`);
  await page.goto(`/events/${event.id}/mail`);
  // Header row, the invitation, and now the cancellation, both to the picked person only.
  const rows = page.getByRole("table", { name: "Thư của sự kiện" }).getByRole("row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: `chon-${id}@example.org` })).toHaveCount(2);
});

test("a mass send answers at once and the page shows how many have gone: 'Đã gửi N/M thư'", async ({ page, loginAs, api }) => {
  const id = suffix();
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết gửi hàng loạt ${id}`);
  // 240 invitees (over the 200 rendered in the request): queued in one statement, written by the outbox worker.
  const lines = ["Họ và tên,Email"];
  for (let i = 1; i <= 240; i++) lines.push(`Khách mời số ${i} ${id},khach${i}-${id}@example.org`);
  const imported = await organizer.post(`/api/v1/events/${event.id}/invitations/import?commit=1`, {
    data: lines.join("\n") + "\n",
    headers: { "Content-Type": "text/csv" },
  });
  expect(imported.status(), await imported.text()).toBe(200);

  await loginAs("organizer");
  await page.goto(`/events/${event.id}/mail`);
  await page.getByRole("button", { name: "Gửi cho người chưa được gửi (240)" }).click();
  await page.getByRole("button", { name: "Gửi 240 lời mời" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã đưa 240 thư vào hàng đợi gửi." })).toBeVisible();
  const progress = page.getByTestId("mail-progress");
  await expect(progress).toContainText(/đã gửi \d+\/240 thư/i);
  // The page polls while messages wait and ends on the total, without a reload.
  await expect(progress).toContainText("Đã gửi 240/240 thư", { timeout: 30_000 });
  await expect(progress.locator("progress")).toHaveAttribute("value", "240");
  await page.screenshot({ path: test.info().outputPath("mail-progress.png"), fullPage: false });
  // The messages are listed with their subject, written by the worker.
  const outbox = page.getByRole("table", { name: "Thư của sự kiện" });
  await expect(outbox).toContainText(`Thư mời: Lễ ký kết gửi hàng loạt ${id}`);
});
