import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const BOM = "\uFEFF";
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createEvent(client: APIRequestContext, title: string): Promise<string> {
  const response = await client.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-03-10T14:00:00+07:00",
      endsAt: "2031-03-10T16:00:00+07:00",
      timeZone: "Asia/Ho_Chi_Minh",
      venue: { name: "Hội trường Tỉnh ủy" },
    },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

const count = (page: Page, testId: string) => page.getByTestId(testId).locator("strong");

test("an organizer adds an attendee, finds them without diacritics, imports a CSV, exports it safely and prints", async ({
  loginAs,
  api,
}) => {
  const id = suffix();
  const eventId = await createEvent(await api("organizer"), `Lễ ký kết khách mời ${id}`);
  const page = await loginAs("organizer");
  const list = `/events/${eventId}/attendees`;

  await page.goto(list);
  await expect(page.getByText("Chưa có khách mời nào.")).toBeVisible();
  await expect(count(page, "count-active")).toHaveText("0");

  // Add one by hand; a mistake is shown in place and what was typed stays.
  await page.getByRole("link", { name: "Thêm khách mời" }).click();
  await page.getByLabel("Họ và tên").fill("Nguyễn Hồng Chuyên");
  await page.getByLabel(/^Danh xưng/).fill("Ông");
  await page.getByLabel(/^Chức vụ/).fill("Ủy viên Ban Thường vụ Tỉnh ủy\nTrưởng ban Tuyên giáo Tỉnh ủy");
  await page.getByLabel(/^Cơ quan, đơn vị/).fill("Ban Tuyên giáo Tỉnh ủy");
  await page.getByLabel(/^Email/).fill(`chuyen.${id}@thaibinh`);
  await page.getByLabel("Vai trò").selectOption("dignitary");
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page.getByText("Địa chỉ email không hợp lệ.")).toBeVisible();
  await expect(page.getByLabel("Họ và tên")).toHaveValue("Nguyễn Hồng Chuyên");
  await page.getByLabel(/^Email/).fill(`chuyen.${id}@thaibinh.gov.vn`);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã thêm Nguyễn Hồng Chuyên vào danh sách khách mời.");
  await expect(count(page, "count-active")).toHaveText("1");

  // Adding the same person again says so, with a link to the invitation.
  await page.getByRole("link", { name: "Thêm khách mời" }).click();
  await page.getByLabel("Họ và tên").fill("Nguyễn Hồng Chuyên");
  await page.getByLabel(/^Email/).fill(`CHUYEN.${id}@thaibinh.gov.vn`);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "đã có trong danh sách khách mời" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Mở lời mời hiện có/ })).toBeVisible();

  // Search without diacritics.
  await page.goto(list);
  await page.getByRole("searchbox").fill("nguyen hong chuyen");
  await page.getByRole("searchbox").press("Enter");
  await expect(page).toHaveURL(/q=nguyen/);
  await expect(page.getByRole("link", { name: "Sửa: Nguyễn Hồng Chuyên" })).toBeVisible();
  await expect(page.getByTestId("attendee-total")).toHaveText("1–1 trong tổng số 1");

  // Import: semicolons, BOM, Vietnamese, one row already on the list (updated, not duplicated), one bad row.
  const csv =
    `${BOM}Danh xưng;Họ và tên;Chức vụ;Cơ quan;Email;Vai trò;Nhóm/bàn;Số người đi kèm;Ghi chú\r\n` +
    `Ông;Nguyễn Hồng Chuyên;;Ban Tuyên giáo Tỉnh ủy;chuyen.${id}@thaibinh.gov.vn;Đại biểu;Bàn 1;1;\r\n` +
    `Bà;Trần Thị Bích;Giám đốc;Sở Giáo dục và Đào tạo;bich.${id}@sgd.vn;Người ký;Bàn 1;;\r\n` +
    `;Lê Văn Sai;;;không-phải-email;;;;\r\n` +
    `Ông;Đặng Anh;Phóng viên;Báo Thái Bình;danganh.${id}@baothaibinh.vn;Báo chí;;0;=cmd|' /C calc'!A0\r\n`;
  await page.getByRole("link", { name: "Nhập từ CSV" }).click();
  await page.getByLabel("Tệp CSV").setInputFiles({ name: "khach-moi.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Xem trước" }).click();
  const preview = page.getByTestId("import-preview");
  await expect(preview.getByRole("status")).toHaveText("4 dòng dữ liệu: 3 hợp lệ, 1 có lỗi.");
  const errors = page.getByTestId("import-errors");
  await expect(errors.locator("tbody tr")).toHaveCount(1);
  await expect(errors.locator("tbody tr")).toHaveText(["4EmailĐịa chỉ email không hợp lệ."]);
  // Nothing is committed before the button.
  await expect(page.getByRole("button", { name: "Nhập 3 dòng hợp lệ" })).toBeVisible();
  await page.getByRole("button", { name: "Nhập 3 dòng hợp lệ" }).click();
  const done = page.getByTestId("import-done");
  await expect(done).toContainText("Đã nhập 3 dòng: thêm 2 khách mời, cập nhật 1");
  await expect(done).toContainText("1 dòng có lỗi đã được bỏ qua.");
  await done.getByRole("link", { name: /Xem danh sách khách mời/ }).click();
  await expect(count(page, "count-active")).toHaveText("3");
  await expect(count(page, "count-not_sent")).toHaveText("3");
  await expect(page.getByRole("link", { name: "Sửa: Trần Thị Bích" })).toBeVisible();
  await expect(page.getByText("Lê Văn Sai")).toHaveCount(0);

  // Filter by role.
  await page.getByLabel("Vai trò").selectOption("press");
  await expect(page).toHaveURL(/role=press/);
  await expect(page.getByTestId("attendee-total")).toHaveText("1–1 trong tổng số 1");
  await page.getByRole("link", { name: "Bỏ lọc" }).click();
  await expect(page).not.toHaveURL(/role=/);
  await expect(page.getByTestId("attendee-total")).toHaveText("1–3 trong tổng số 3");

  // Export: UTF-8 with BOM, the formula neutralised.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Xuất CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^khach-moi-le-ky-ket-khach-moi-.*\.csv$/);
  const text = await readFile((await download.path())!, "utf8");
  expect(text.startsWith(BOM)).toBe(true);
  const rows = Papa.parse<string[]>(text.slice(1).trimEnd(), { delimiter: "," }).data;
  expect(rows[0]?.slice(0, 3)).toEqual(["Danh xưng", "Họ và tên", "Chức vụ"]);
  expect(rows).toHaveLength(4);
  const notes = rows[0]!.indexOf("Ghi chú");
  const dang = rows.find((r) => r[1] === "Đặng Anh");
  expect(dang?.[notes]).toBe("'=cmd|' /C calc'!A0");
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  const chuyen = rows.find((r) => r[1] === "Nguyễn Hồng Chuyên");
  expect(chuyen?.[2]).toBe("Ủy viên Ban Thường vụ Tỉnh ủy\nTrưởng ban Tuyên giáo Tỉnh ủy");

  // Print view.
  await page.getByRole("link", { name: "Bản in" }).click();
  const sheet = page.getByTestId("attendee-sheet");
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText("Danh sách khách mời");
  await expect(sheet).toContainText(`Lễ ký kết khách mời ${id}`);
  await expect(sheet.locator("tbody tr")).toHaveCount(3);
  await expect(sheet).toContainText("Ông Nguyễn Hồng Chuyên");
  await expect(sheet).toContainText("Trưởng ban Tuyên giáo Tỉnh ủy");
  await expect(sheet).toContainText("Tổng số: 3 khách mời");
});

test("withdrawing an invitation greys it out and stops counting it", async ({ loginAs, api }) => {
  const id = suffix();
  const eventId = await createEvent(await api("organizer"), `Lễ rút lời mời ${id}`);
  const page = await loginAs("organizer");
  await page.goto(`/events/${eventId}/attendees/new`);
  await page.getByLabel("Họ và tên").fill("Phạm Văn Rút");
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(count(page, "count-active")).toHaveText("1");
  await page.getByRole("link", { name: "Sửa: Phạm Văn Rút" }).click();
  await expect(page.getByRole("heading", { name: "Sửa thông tin khách mời" })).toBeVisible();
  await page.getByRole("link", { name: "Rút lời mời", exact: true }).click();
  await page.getByRole("button", { name: "Xác nhận: Rút lời mời" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã rút lời mời của Phạm Văn Rút.");
  await expect(count(page, "count-active")).toHaveText("0");
  await expect(count(page, "count-withdrawn")).toHaveText("1");
  await page.getByTestId("count-withdrawn").click();
  await expect(page.locator("tr.att-withdrawn")).toContainText("Phạm Văn Rút");
  await expect(page.locator("tr.att-withdrawn")).toContainText("Đã rút");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the server reads a small CSV, previews it and imports it", async ({ loginAs, api }) => {
    const id = suffix();
    const eventId = await createEvent(await api("organizer"), `Lễ không JS ${id}`);
    const page = await loginAs("organizer");
    await page.goto(`/events/${eventId}/attendees/import`);
    const csv = `Full name,Organization,Email,Role\nHoàng Thị Mai,Sở Y tế,mai.${id}@soyte.vn,Speaker\nNo Email Guy,,,\n,Thiếu tên,,\n`;
    await page.getByLabel("Tệp CSV").setInputFiles({ name: "guests.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
    await page.getByRole("button", { name: "Xem trước" }).click();
    await expect(page.getByTestId("import-preview").getByRole("status")).toHaveText("3 dòng dữ liệu: 2 hợp lệ, 1 có lỗi.");
    await expect(page.getByTestId("import-errors").locator("tbody tr")).toHaveText(["4Họ và tênVui lòng nhập thông tin này."]);
    await page.getByRole("button", { name: "Nhập 2 dòng hợp lệ" }).click();
    await expect(page.getByTestId("import-done")).toContainText("Đã nhập 2 dòng: thêm 2 khách mời");
    await page.goto(`/events/${eventId}/attendees?q=hoang thi mai`);
    await expect(page.getByRole("link", { name: "Sửa: Hoàng Thị Mai" })).toBeVisible();
    await expect(page.locator("td", { hasText: "Diễn giả" })).toBeVisible();
  });
});
