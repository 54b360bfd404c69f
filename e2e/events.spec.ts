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
  await page.getByRole("link", { name: "Tạo sự kiện", exact: true }).click();
  await expect(page).toHaveURL(/\/events\/new$/);
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
  await page.getByLabel("Loại sự kiện").selectOption("signing_ceremony");
  await page.getByLabel("Trạng thái").selectOption("scheduled");
  await page.getByLabel("Bắt đầu").fill("2030-05-20T09:00");
  await page.getByLabel("Kết thúc").fill("2030-05-20T11:00");
  await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).fill("Hội trường Tỉnh ủy");
  await page.getByLabel("Cơ quan chủ trì").selectOption({ label: "Ban Tuyên giáo Tỉnh ủy" });
  await page.getByRole("group", { name: /Cơ quan phối hợp/ }).getByLabel("Sở Giáo dục và Đào tạo").check();
  await page.getByLabel(/^Nhân dịp/).first().fill("kỷ niệm 70 năm Ngày thành lập tỉnh");
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();

  await expect(page.getByRole("status")).toHaveText("Đã tạo sự kiện.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(page.getByTestId("event-when")).toHaveText("09:00 – 11:00, Thứ 2, 20/05/2030");
  // The browser runs in New York: the time is also shown in the visitor's zone.
  await expect(page.getByTestId("event-when-local")).toContainText("(America/New_York)");
  await expect(page.getByTestId("event-occasion")).toHaveText("kỷ niệm 70 năm Ngày thành lập tỉnh");
  // The documents are set on the ceremony's own page: none yet.
  await expect(page.getByText("Sở Giáo dục và Đào tạo", { exact: true })).toBeVisible();
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
  await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).fill("x".repeat(201));
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.locator(".field-error").getByText("Múi giờ không hợp lệ")).toBeVisible();
  // The input holds no more than the limit, and says so.
  await expect(page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/)).toHaveValue("x".repeat(200));
  await expect(page.locator("#field-venueName").getByTestId("char-count")).toHaveText("200/200 ký tự");
  await expect(page).toHaveURL(/\/events\/new$/);
  await page.getByLabel("Múi giờ").fill("Asia/Ho_Chi_Minh");
  await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).fill("Hội trường <b>A</b>");
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.locator(".field-error").getByText("Thời gian kết thúc phải sau thời gian bắt đầu.")).toBeVisible();
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
    await page.getByLabel(/^Trong khuôn khổ/).first().fill("hội nghị xúc tiến đầu tư");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.locator(".field-error").getByText("Thời gian kết thúc phải sau thời gian bắt đầu.")).toBeVisible();
    await expect(page.getByLabel("Kết thúc")).toHaveValue("2030-07-01T08:00");
    await page.getByLabel("Thời gian đã biết").selectOption("date");
    // A date-only event runs from 00:00 of its first day to the end of its last: an end on the day before is
    // refused, and what was typed stays (as a date: the form now asks for dates only).
    await page.getByLabel("Kết thúc").fill("2030-06-30T11:00");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.locator(".field-error").getByText("Thời gian kết thúc phải sau thời gian bắt đầu.")).toBeVisible();
    await expect(page.getByLabel("Tên sự kiện", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Ngày kết thúc")).toHaveAttribute("type", "date");
    await expect(page.getByLabel("Ngày kết thúc")).toHaveValue("2030-06-30");
    await expect(page.getByLabel("Thời gian đã biết")).toHaveValue("date");
    await expect(page.getByLabel(/^Trong khuôn khổ/).first()).toHaveValue("hội nghị xúc tiến đầu tư");
    await page.getByLabel("Ngày kết thúc").fill("2030-07-01");
    await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    // Only the date is shown, no invented time of day.
    await expect(page.getByTestId("event-when")).toHaveText("Thứ 2, 01/07/2030 (chưa nêu giờ)");
    await expect(page.getByTestId("event-context")).toHaveText("hội nghị xúc tiến đầu tư");
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

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });
    test("an organization added from the event form keeps every value typed, shows no error and can be chosen", async ({ loginAs }) => {
      const page = await loginAs("organizer");
      await page.goto("/events/new");
      const title = `Giữ nguyên tên này ${suffix()}`;
      await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
      await page.getByLabel("Bắt đầu").fill("2031-03-04T08:30");
      await page.getByLabel("Kết thúc").fill("2031-03-04T10:45");
      await page.getByLabel("Múi giờ").fill("Asia/Bangkok");
      await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).fill("Nhà khách Tỉnh ủy");
      const name = `Hội Khuyến học tỉnh ${suffix()}`;
      await page.getByText("+ Thêm cơ quan, đơn vị").click();
      // An empty name is refused in place; the event form is not checked, nor posted as the event.
      await page.getByRole("button", { name: "Thêm cơ quan" }).click();
      await expect(page.getByText("Vui lòng nhập thông tin này.")).toHaveCount(1);
      await expect(page.getByText("Vui lòng sửa các mục được đánh dấu bên dưới.")).toHaveCount(0);
      await page.getByLabel("Tên tiếng Việt").fill(name);
      await page.getByRole("button", { name: "Thêm cơ quan" }).click();
      await expect(page.getByRole("status")).toContainText(name);
      await expect(page).toHaveURL(/\/events\/new$/);
      for (const [label, value] of [
        ["Tên sự kiện", title],
        ["Bắt đầu", "2031-03-04T08:30"],
        ["Kết thúc", "2031-03-04T10:45"],
        ["Múi giờ", "Asia/Bangkok"],
      ] as const)
        await expect(page.getByLabel(label, { exact: true })).toHaveValue(value);
      await expect(page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/)).toHaveValue("Nhà khách Tỉnh ủy");
      await expect(page.getByRole("alert")).toHaveCount(0);
      await expect(page.getByLabel("Tên tiếng Việt")).toHaveValue("");
      // The new organization is offered as host, and the event saves with it.
      await page.getByLabel("Cơ quan chủ trì").selectOption({ label: name });
      await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
      await expect(page.getByTestId("event-when")).toContainText("08:30 – 10:45");
      await expect(page.getByText(name).first()).toBeVisible();
    });

    test("Enter in a field submits the event, not the organization; all errors come at once, listed above", async ({ loginAs }) => {
      const page = await loginAs("organizer");
      await page.goto("/events/new");
      await page.getByLabel("Tên sự kiện", { exact: true }).fill("");
      await page.getByLabel("Bắt đầu").fill("2031-06-01T10:00");
      await page.getByLabel("Kết thúc").fill("2031-06-01T09:00");
      await page.getByLabel(/^Địa điểm(?! \(tiếng Anh)/).press("Enter");
      const summary = page.locator(".error-summary");
      await expect(summary).toContainText("Vui lòng sửa các mục được đánh dấu bên dưới.");
      // One round: the field errors and the cross-field ones together, each in place and in the summary.
      await expect(summary.getByRole("listitem")).toHaveText([
        "Tên sự kiện: Vui lòng nhập thông tin này.",
        "Kết thúc: Thời gian kết thúc phải sau thời gian bắt đầu.",
      ]);
      await expect(page.locator(".field-error")).toHaveCount(2);
      await expect(page.getByLabel("Kết thúc")).toHaveValue("2031-06-01T09:00");
    });
  });
}

test("the title carries its real limit and counts as the person types", async ({ loginAs }) => {
  const page = await loginAs("organizer");
  await page.goto("/events/new");
  const title = page.getByLabel("Tên sự kiện", { exact: true });
  await expect(title).toHaveAttribute("maxlength", "200");
  await title.fill("Lễ ký kết");
  await expect(page.locator("#field-title").getByTestId("char-count")).toHaveText("9/200 ký tự");
  await title.fill("x".repeat(250));
  await expect(title).toHaveValue("x".repeat(200));
  await expect(page.locator("#field-title").getByTestId("char-count")).toHaveText("200/200 ký tự");
  await expect(page.getByLabel(/^Trong khuôn khổ/).first()).toHaveAttribute("maxlength", "500");
  // Past the input (a script, an old page): the browser check and the server refuse with a message, never cut.
  await title.evaluate((input) => input.removeAttribute("maxlength"));
  await title.fill("x".repeat(201));
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.locator("#field-title .field-error")).toHaveText("Không được dài quá 200 ký tự.");
  const response = await page.request.post("/events/new", {
    form: { title: "x".repeat(201), kind: "meeting", status: "draft", startsAt: "2031-01-01T09:00", endsAt: "2031-01-01T10:00", timeZone: "Asia/Ho_Chi_Minh" },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Không được dài quá 200 ký tự.");
});

test("only the saved partners are ticked when the person comes back to Edit (JavaScript on)", async ({ loginAs }) => {
  const page = await loginAs("organizer");
  await page.goto("/events/new");
  const title = `Hội nghị phối hợp ${suffix()}`;
  await page.getByLabel("Tên sự kiện", { exact: true }).fill(title);
  await page.getByLabel("Bắt đầu").fill("2030-07-01T09:00");
  await page.getByLabel("Kết thúc").fill("2030-07-01T11:00");
  const partners = page.getByRole("group", { name: /Cơ quan phối hợp/ }).getByRole("checkbox");
  expect(await partners.count()).toBeGreaterThan(1);
  // The first box ticked, the others not: react-hook-form registering the first box alone read it as one value and
  // then ticked every box of the group.
  await partners.first().check();
  await page.locator("#event-form > .actions").getByRole("button", { name: "Tạo" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã tạo sự kiện.");
  await page.getByRole("link", { name: "Sửa" }).click();
  await expect(page.getByLabel("Tên sự kiện", { exact: true })).toHaveValue(title);
  await expect(partners.first()).toBeChecked();
  const count = await partners.count();
  for (let i = 1; i < count; i++) await expect(partners.nth(i)).not.toBeChecked();
  // Saving again keeps exactly that one.
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thay đổi.");
  await page.getByRole("link", { name: "Sửa" }).click();
  await expect(partners.first()).toBeChecked();
  for (let i = 1; i < count; i++) await expect(partners.nth(i)).not.toBeChecked();
});
