import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a new organizer creates a signing ceremony, edits it, finds it, switches to English and cancels it", async ({
  browser,
  loginAs,
  clientIp,
}) => {
  // The admin creates a fresh organizer account through the Users page (its language choice is its own).
  const adminPage = await loginAs("admin");
  const id = suffix();
  const email = `organizer-${id}@signet.test`;
  const password = `mat-khau-${id}-dai`;
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Họ và tên").fill(`Nguyễn Thị Tổ Chức ${id}`);
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByLabel("Vai trò", { exact: true }).selectOption("organizer");
  await adminPage.getByLabel(/^Mật khẩu/).fill(password);
  await adminPage.getByRole("button", { name: "Tạo", exact: true }).click();
  await expect(adminPage.getByRole("status")).toContainText("Đã lưu");
  await expect(adminPage.getByRole("cell", { name: email })).toBeVisible();

  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events$/);

  // Create.
  const title = `Lễ ký kết thử nghiệm ${id} ✍️`;
  await page.getByRole("link", { name: "Tạo sự kiện" }).click();
  await expect(page).toHaveURL(/\/events\/new$/);
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
  await page.getByLabel("Loại sự kiện").selectOption("signing_ceremony");
  await page.getByLabel("Trạng thái").selectOption("scheduled");
  await page.getByLabel("Bắt đầu").fill("2030-05-20T09:00");
  await page.getByLabel("Kết thúc").fill("2030-05-20T11:00");
  await page.getByLabel(/^Địa điểm/).fill("Hội trường Tỉnh ủy");
  await page.getByLabel("Cơ quan chủ trì").selectOption({ label: "Ban Tuyên giáo Tỉnh ủy" });
  await page.getByRole("group", { name: /Cơ quan phối hợp/ }).getByLabel("Sở Giáo dục và Đào tạo").check();
  await page.getByLabel("Tên văn bản").fill(`Chương trình phối hợp ${id}`);
  await page.getByLabel("Giai đoạn từ năm").fill("2030");
  await page.getByLabel("đến năm").fill("2032");
  const parties = page.getByRole("group", { name: "Các bên ký kết" });
  await parties.getByLabel("Ban Tuyên giáo Tỉnh ủy").check();
  await parties.getByLabel("Sở Giáo dục và Đào tạo").check();
  await page.getByLabel(/Mục đích, nội dung/).fill("Nâng cao chất lượng giáo dục toàn diện.");
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();

  await expect(page.getByRole("status")).toHaveText("Đã tạo sự kiện.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("event-when")).toHaveText("09:00 – 11:00, Thứ 2, 20/05/2030");
  // The browser runs in New York: the time is also shown in the visitor's zone.
  await expect(page.getByTestId("event-when-local")).toContainText("(America/New_York)");
  await expect(page.getByText("2030 – 2032")).toBeVisible();
  await expect(page.getByText("Ban Tuyên giáo Tỉnh ủy; Sở Giáo dục và Đào tạo")).toBeVisible();
  const eventUrl = page.url().replace(/\?.*$/, "");

  // Edit.
  await page.getByRole("link", { name: "Sửa" }).click();
  await expect(page.getByLabel("Bắt đầu")).toHaveValue("2030-05-20T09:00");
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(`${title} (sửa)`);
  await page.getByLabel("Kết thúc").fill("2030-05-20T11:30");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title} (sửa)`);
  await expect(page.getByTestId("event-when")).toHaveText("09:00 – 11:30, Thứ 2, 20/05/2030");

  // Find it in the list, searching without diacritics.
  await page.goto("/events");
  await page.getByRole("searchbox").fill(`le ky ket thu nghiem ${id}`);
  await page.getByRole("button", { name: "Tìm" }).click();
  await expect(page.getByRole("link", { name: `${title} (sửa)` })).toBeVisible();
  await expect(page.getByText("1 sự kiện")).toBeVisible();

  // Switch to English; the choice stays with the account.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Events");
  await page.goto(eventUrl);
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page.getByTestId("event-when")).toHaveText("09:00 – 11:30, Monday, 20 May 2030");

  // Cancel, with a confirmation.
  await page.getByRole("link", { name: "Cancel event" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("This cannot be undone");
  await page.getByRole("button", { name: "Confirm: Cancel event" }).click();
  await expect(page.getByRole("status")).toHaveText("The event was cancelled.");
  await expect(page.locator(".badge")).toHaveText("Cancelled");
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await page.goto(`/events?tab=cancelled&q=${encodeURIComponent(id)}`);
  await expect(page.getByRole("link", { name: `${title} (sửa)` })).toBeVisible();

  // The history records each step.
  await page.goto(`${eventUrl}/history`);
  for (const action of ["Created the event", "Edited the event", "Cancelled the event"])
    await expect(page.getByRole("cell", { name: action })).toBeVisible();
  await context.close();
});

test("wrong input gets a clear message in place and keeps what was typed", async ({ loginAs }) => {
  const page = await loginAs("organizer");
  await page.goto("/events/new");
  const title = `Hội nghị <script>alert(1)</script> 😀 ${suffix()}`;
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
  await page.getByLabel("Bắt đầu").fill("2030-06-01T10:00");
  await page.getByLabel("Kết thúc").fill("2030-06-01T09:00");
  await page.getByLabel("Múi giờ").fill("Mars/Olympus");
  await page.getByLabel(/^Địa điểm/).fill("x".repeat(201));
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByText("Múi giờ không hợp lệ")).toBeVisible();
  await expect(page.getByText("Không được dài quá 200 ký tự.")).toBeVisible();
  await expect(page).toHaveURL(/\/events\/new$/);
  await page.getByLabel("Múi giờ").fill("Asia/Ho_Chi_Minh");
  await page.getByLabel(/^Địa điểm/).fill("Hội trường <b>A</b>");
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByText("Thời gian kết thúc phải sau thời gian bắt đầu.")).toBeVisible();
  await expect(page.getByLabel("Tên sự kiện", { exact: true })).toHaveValue(title);
  await page.getByLabel("Kết thúc").fill("2030-06-01T12:00");
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  // Markup typed by a user is shown as text, never run.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByText("Hội trường <b>A</b>")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("the server checks the same rules and gives back what was typed", async ({ loginAs }) => {
    const page = await loginAs("organizer");
    await page.goto("/events/new");
    const title = `Sự kiện không JS ${suffix()}`;
    await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
    await page.getByLabel("Bắt đầu").fill("2030-07-01T10:00");
    await page.getByLabel("Kết thúc").fill("2030-07-01T08:00");
    await page.getByLabel("Múi giờ").fill("Asia/Ho_Chi_Minh");
    await page.getByLabel("Tên văn bản").fill("");
    await page.getByLabel("Giai đoạn từ năm").fill("20x0");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByText("Năm không hợp lệ (1900–2200).")).toBeVisible();
    await expect(page.getByLabel("Tên sự kiện", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Giai đoạn từ năm")).toHaveValue("20x0");
    await page.getByLabel("Giai đoạn từ năm").fill("2030");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    // A period without the agreement's title: the title is asked for.
    await expect(page.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    await page.getByLabel("Tên văn bản").fill("Chương trình phối hợp không JS");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByText("Thời gian kết thúc phải sau thời gian bắt đầu.")).toBeVisible();
    await expect(page.getByLabel("Kết thúc")).toHaveValue("2030-07-01T08:00");
    await page.getByLabel("Kết thúc").fill("2030-07-01T11:00");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
});

test("a duplicate organization is refused with a message, from the organizations page", async ({ loginAs }) => {
  const page = await loginAs("organizer");
  await page.goto("/organizations");
  await page.getByLabel("Tên tiếng Việt").fill("sở giáo dục và đào tạo");
  await page.getByLabel(/^Tên tiếng Anh/).fill("Duplicate");
  await page.getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByText("Đã có cơ quan, đơn vị mang tên này.")).toBeVisible();
  await expect(page.getByLabel(/^Tên tiếng Anh/)).toHaveValue("Duplicate");
  const name = `Sở Tư pháp ${suffix()}`;
  await page.getByLabel("Tên tiếng Việt").fill(name);
  await page.getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByRole("status")).toContainText(name);
  await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
});

test("an organization added from the event form appears in its lists, and nothing typed is lost", async ({ loginAs }) => {
  const page = await loginAs("organizer");
  await page.goto("/events/new");
  await page.getByLabel("Tên sự kiện", { exact: true }).fill("Giữ nguyên tên này");
  const name = `Hội Khuyến học tỉnh ${suffix()}`;
  await page.getByText("+ Thêm cơ quan, đơn vị").click();
  await page.getByLabel("Tên tiếng Việt").fill(name);
  await page.getByRole("button", { name: "Thêm cơ quan" }).click();
  await expect(page.getByRole("status")).toContainText(name);
  await expect(page.getByRole("group", { name: /Cơ quan phối hợp/ }).getByLabel(name)).toBeVisible();
  await expect(page.getByLabel("Tên sự kiện", { exact: true })).toHaveValue("Giữ nguyên tên này");
});
