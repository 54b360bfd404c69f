/**
 * Personal data (docs/decisions/017-personal-data.md): a viewer reads names and roles but no contact details,
 * no export and no photo originals; an administrator previews and runs retention, then exports and erases
 * one person's data on request.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, seedEventId, test } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createEvent(api: APIRequestContext, title: string, startsAt = "2031-10-19T14:00:00+07:00", endsAt = "2031-10-19T16:00:00+07:00") {
  const response = await api.post("/api/v1/events", { data: { title, kind: "signing_ceremony", status: "scheduled", startsAt, endsAt } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function invite(api: APIRequestContext, eventId: string, data: Record<string, unknown>) {
  const response = await api.post(`/api/v1/events/${eventId}/invitations`, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; personId: string };
}

test("a viewer sees names and roles, no contact details, no export and no photo originals; the organizer sees them", async ({ api, loginAs, page }) => {
  test.setTimeout(60_000);
  const organizer = await api("organizer");
  const id = suffix();
  const eventId = await createEvent(organizer, `Hội nghị riêng tư ${id}`);
  await invite(organizer, eventId, {
    name: `Lê Thị Riêng ${id}`,
    email: `rieng-${id}@example.vn`,
    organization: "Sở Y tế",
    positions: ["Phó Giám đốc"],
    dietaryNeeds: "Ăn chay",
  });
  const list = `/events/${eventId}/attendees`;

  await loginAs("viewer");
  await page.goto(list);
  const row = page.getByRole("row").filter({ hasText: `Lê Thị Riêng ${id}` });
  await expect(row).toContainText("Phó Giám đốc");
  await expect(row).toContainText("Sở Y tế");
  await expect(page.getByText(`rieng-${id}@example.vn`)).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Xuất CSV" })).toHaveCount(0);
  await expect(page.getByTestId("personal-data-hidden")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("attendees-viewer.png"), fullPage: true });
  expect((await page.request.get(`${list}/export.csv`)).status()).toBe(403);
  // The page's data does not carry the address either (not only hidden by the layout).
  expect(await page.content()).not.toContain(`rieng-${id}@example.vn`);
  const seed = await seedEventId(organizer);
  await page.goto(`/events/${seed}/photos`);
  await expect(page.getByTestId("photo-grid")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Tải ảnh gốc/ })).toHaveCount(0);

  await page.context().clearCookies();
  await loginAs("organizer");
  await page.goto(list);
  await expect(page.getByRole("row").filter({ hasText: `Lê Thị Riêng ${id}` })).toContainText(`rieng-${id}@example.vn`);
  await expect(page.getByRole("link", { name: "Xuất CSV" })).toBeVisible();
  await expect(page.getByTestId("personal-data-hidden")).toHaveCount(0);
});

test("an administrator previews retention and runs it, then exports and erases one person's data", async ({ api, loginAs, page }) => {
  test.setTimeout(90_000);
  const organizer = await api("organizer");
  const id = suffix();
  // The e2e server keeps 36,500 days: an event of 1910 is past it.
  const title = `Lễ ký kết năm 1910 ${id}`;
  const oldEvent = await createEvent(organizer, title, "1910-05-02T09:00:00+07:00", "1910-05-02T11:00:00+07:00");
  await invite(organizer, oldEvent, { name: `Ngô Văn Xưa ${id}`, email: `xua-${id}@example.vn`, phone: "0912 345 678", dietaryNeeds: "Không ăn cay" });
  const upcoming = await createEvent(organizer, `Hội nghị sắp tới ${id}`);
  const person = await invite(organizer, upcoming, { name: `Vũ Thị Yêu Cầu ${id}`, email: `yeucau-${id}@example.vn`, phone: "0987 654 321", accessNeeds: "Xe lăn" });

  await loginAs("admin");
  await page.goto("/admin/retention");
  const preview = page.getByTestId("retention-preview");
  const oldRow = preview.getByRole("row").filter({ hasText: title });
  await expect(oldRow).toBeVisible();
  // One person losing contact details, one invitation losing its needs.
  await expect(oldRow.getByRole("cell").nth(2)).toHaveText("1");
  await expect(oldRow.getByRole("cell").nth(4)).toHaveText("1");
  await page.screenshot({ path: test.info().outputPath("retention-preview.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("retention-preview-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole("button", { name: /^Xóa ngay dữ liệu cá nhân/ }).click();
  await expect(page.getByRole("status")).toContainText("Đã xóa dữ liệu cá nhân của");
  await expect(page.getByText(title)).toHaveCount(0);

  // Names stay for the record, the contact details went; the event's history says so.
  const kept = (await (await organizer.get(`/api/v1/events/${oldEvent}/invitations`)).json()) as { data: Record<string, unknown>[] };
  expect(kept.data[0]).toMatchObject({ name: `Ngô Văn Xưa ${id}`, email: null, phone: null, dietaryNeeds: null });
  await page.goto(`/events/${oldEvent}/history`);
  await expect(page.getByText("Xóa dữ liệu cá nhân khi hết thời hạn lưu giữ")).toBeVisible();

  // A person's data on request: from the directory to their page, a JSON export, then the erasure.
  await page.goto(`/admin/people?q=${encodeURIComponent(`Vũ Thị Yêu Cầu ${id}`)}`);
  await page.screenshot({ path: test.info().outputPath("people-search.png"), fullPage: true });
  await page.getByRole("link", { name: `Vũ Thị Yêu Cầu ${id}` }).click();
  await expect(page).toHaveURL(`/admin/people/${person.personId}`);
  await expect(page.getByTestId("person-facts")).toContainText(`yeucau-${id}@example.vn`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Tải toàn bộ dữ liệu (JSON)" }).click()]);
  const exported = JSON.parse(await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString("utf8"))) as {
    person: { email: string };
    invitations: { accessNeeds: string }[];
  };
  expect(exported.person.email).toBe(`yeucau-${id}@example.vn`);
  expect(exported.invitations[0]?.accessNeeds).toBe("Xe lăn");

  await page.getByRole("link", { name: "Xóa dữ liệu cá nhân" }).click();
  await expect(page.getByRole("alertdialog")).toContainText(`Vũ Thị Yêu Cầu ${id}`);
  await page.screenshot({ path: test.info().outputPath("person-erase-confirm.png"), fullPage: true });
  await page.getByRole("button", { name: "Xác nhận: Xóa dữ liệu cá nhân" }).click();
  await expect(page.getByRole("status")).toContainText(`Đã xóa dữ liệu cá nhân của Vũ Thị Yêu Cầu ${id}.`);
  await expect(page.getByTestId("person-facts")).not.toContainText(`yeucau-${id}@example.vn`);
  await expect(page.getByRole("link", { name: "Xóa dữ liệu cá nhân" })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("person-erased.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("person-erased-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  const after = (await (await organizer.get(`/api/v1/people/${person.personId}`)).json()) as Record<string, unknown>;
  expect(after).toMatchObject({ name: `Vũ Thị Yêu Cầu ${id}`, email: null, phone: null });

  // The audit log names the erasure, not the address.
  await page.goto("/admin/audit");
  await expect(page.getByText("Xóa dữ liệu cá nhân của một người theo yêu cầu").first()).toBeVisible();
  expect(await page.content()).not.toContain(`yeucau-${id}@example.vn`);
});

test("the people API: export and erase for administrators only", async ({ api }) => {
  const organizer = await api("organizer");
  const admin = await api("admin");
  const id = suffix();
  const eventId = await createEvent(organizer, `Hội nghị API dữ liệu ${id}`);
  const person = await invite(organizer, eventId, { name: `Đỗ Văn Api ${id}`, email: `api-${id}@example.vn` });
  expect((await organizer.get(`/api/v1/people/${person.personId}/export`)).status()).toBe(403);
  expect((await organizer.post(`/api/v1/people/${person.personId}/erase`)).status()).toBe(403);
  const exported = await admin.get(`/api/v1/people/${person.personId}/export`);
  expect(exported.status()).toBe(200);
  expect(await exported.json()).toMatchObject({ person: { email: `api-${id}@example.vn` }, invitations: [{ eventId }] });
  const erased = await admin.post(`/api/v1/people/${person.personId}/erase`);
  expect(erased.status()).toBe(200);
  expect(await erased.json()).toMatchObject({ person: { name: `Đỗ Văn Api ${id}`, email: null }, erased: { fields: ["email"] } });
  expect((await admin.post(`/api/v1/people/${crypto.randomUUID()}/erase`)).status()).toBe(404);
});
