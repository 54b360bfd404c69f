/** The organizations page: correcting an organization's names and parent, deleting one that nothing uses. */
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createOrganization(api: APIRequestContext, nameVi: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/organizations", { data: { nameVi } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function createEvent(api: APIRequestContext, title: string, hostOrganizationId: string): Promise<string> {
  const response = await api.post("/api/v1/events", {
    data: { title, kind: "meeting", startsAt: "2031-03-02T08:00:00+07:00", endsAt: "2031-03-02T10:00:00+07:00", hostOrganizationId },
  });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Edits the organization's row on the organizations page, the way a person does, and saves. */
async function editNames(page: Page, name: string, values: { nameVi?: string; shortName?: string; parent?: string }) {
  await page.goto("/organizations");
  await page.getByRole("link", { name: `Sửa: ${name}` }).click();
  const form = page.getByRole("region", { name: `Sửa “${name}”` });
  await expect(form).toBeVisible();
  if (values.nameVi !== undefined) await form.getByLabel("Tên tiếng Việt").fill(values.nameVi);
  if (values.shortName !== undefined) await form.getByLabel(/^Tên viết tắt/).fill(values.shortName);
  if (values.parent !== undefined) await form.getByLabel(/^Trực thuộc/).selectOption({ label: values.parent });
  await form.getByRole("button", { name: "Lưu thay đổi" }).click();
  return form;
}

for (const javaScriptEnabled of [true, false]) {
  test(`an organizer corrects a typo and deletes only what nothing uses (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({
    browser,
    api,
    accounts,
    clientIp,
  }) => {
    const organizerApi = await api("organizer");
    const id = suffix();
    const typo = `Sở Giáo dục và Đào tọa ${id}`;
    const fixed = `Sở Giáo dục và Đào tạo ${id}`;
    const parent = `Ủy ban nhân dân tỉnh ${id}`;
    const used = await createOrganization(organizerApi, typo);
    await createOrganization(organizerApi, parent);
    const unused = `Hội Cựu giáo chức ${id}`;
    await createOrganization(organizerApi, unused);
    const title = `Hội nghị tổng kết năm học ${id}`;
    const eventId = await createEvent(organizerApi, title, used.id);

    const context = await browser.newContext({ javaScriptEnabled, locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByLabel("Email").fill(accounts.organizer.email);
    await page.getByLabel("Mật khẩu").fill(accounts.organizer.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/events/);

    // An empty name and a taken one are refused in place; what was typed stays.
    let form = await editNames(page, typo, { nameVi: "", shortName: "Sở GD&ĐT" });
    await expect(form.getByText("Vui lòng nhập thông tin này.")).toBeVisible();
    await expect(form.getByLabel(/^Tên viết tắt/)).toHaveValue("Sở GD&ĐT");
    form = await editNames(page, typo, { nameVi: parent.toUpperCase() });
    await expect(form.getByText("Đã có cơ quan, đơn vị mang tên này.")).toBeVisible();
    await expect(form.getByLabel("Tên tiếng Việt")).toHaveValue(parent.toUpperCase());

    form = await editNames(page, typo, { nameVi: fixed, shortName: "Sở GD&ĐT", parent });
    await expect(page.getByRole("status")).toHaveText(`Đã lưu “${fixed}”.`);
    const row = page.getByRole("row").filter({ hasText: fixed });
    await expect(row).toContainText("Sở GD&ĐT");
    await expect(row).toContainText(parent);
    await expect(page.getByRole("cell", { name: typo, exact: true })).toHaveCount(0);
    // The event shows the corrected host.
    await page.goto(`/events/${eventId}`);
    await expect(page.getByText(fixed).first()).toBeVisible();

    // The parent cannot go under its own child.
    form = await editNames(page, parent, { parent: fixed });
    await expect(form.getByText("Không thể chọn một đơn vị cấp dưới của cơ quan này làm cơ quan chủ quản.")).toBeVisible();

    // Deleting what an event uses is refused, saying where.
    await page.goto("/organizations");
    await page.getByRole("link", { name: `Xóa: ${fixed}` }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog).toContainText(`Xóa cơ quan “${fixed}”? Không thể hoàn tác.`);
    await dialog.getByRole("button", { name: "Xác nhận: Xóa" }).click();
    const refusal = page.getByRole("alertdialog").getByRole("alert");
    await expect(refusal).toContainText("Không thể xóa: cơ quan này vẫn đang được dùng.");
    await expect(refusal.getByRole("listitem")).toHaveText([`Đơn vị chủ trì của 1 sự kiện: “${title}”`]);
    await expect(refusal).toContainText("Hãy đổi các nơi này sang cơ quan khác trước");
    await expect(page.getByRole("alertdialog").getByRole("button", { name: "Xác nhận: Xóa" })).toHaveCount(0);
    await page.goto("/organizations");
    await page.getByRole("link", { name: `Xóa: ${parent}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Xác nhận: Xóa" }).click();
    await expect(page.getByRole("alertdialog").getByRole("listitem")).toHaveText([`Cơ quan chủ quản của 1 đơn vị: “${fixed}”`]);

    // What nothing uses goes, after the confirmation; "Quay lại" keeps it.
    await page.goto("/organizations");
    await page.getByRole("link", { name: `Xóa: ${unused}` }).click();
    await page.getByRole("alertdialog").getByRole("link", { name: "Quay lại" }).click();
    await expect(page.getByRole("cell", { name: unused, exact: true })).toBeVisible();
    await page.getByRole("link", { name: `Xóa: ${unused}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Xác nhận: Xóa" }).click();
    await expect(page.getByRole("status")).toHaveText(`Đã xóa “${unused}”.`);
    await expect(page.getByRole("cell", { name: unused, exact: true })).toHaveCount(0);
    await context.close();
  });
}

test("viewers see no edit or delete, and their posts are refused", async ({ page, loginAs, api }) => {
  const org = await createOrganization(await api("organizer"), `Hội Người cao tuổi ${suffix()}`);
  await loginAs("viewer");
  await page.goto("/organizations");
  await expect(page.getByRole("columnheader", { name: "Thao tác" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /^(Sửa|Xóa):/ })).toHaveCount(0);
  const origin = new URL(page.url()).origin;
  for (const intent of ["update", "delete"]) {
    const response = await page.request.post("/organizations", { form: { intent, id: org.id, nameVi: "Đổi tên" }, headers: { Origin: origin } });
    expect(response.status(), intent).toBe(403);
  }
});

test("the organizations page with an edit form, on a phone", async ({ page, loginAs, api }) => {
  const name = `Sở Khoa học và Công nghệ ${suffix()}`;
  await createOrganization(await api("organizer"), name);
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs("organizer");
  await page.goto("/organizations");
  await page.getByRole("link", { name: `Sửa: ${name}` }).click();
  await expect(page.getByRole("region", { name: `Sửa “${name}”` })).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/api-orgs-phone.png", fullPage: true });
});
