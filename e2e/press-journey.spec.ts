/**
 * Issue 5's "done when", in one go, as a new member of the communications staff would do it on the demo
 * ceremony: upload photos, caption them, draft the Vietnamese report from the event's data, edit it, send it
 * through review, publish it, download the .docx (opened and read) and see the public page.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { readDocx } from "../server/testing/docx-reader.server";
import { cameraJpeg } from "../server/testing/photos-fixtures.server";
import { test, expect, SEED_TITLE } from "./fixtures";

const cards = (page: Page) => page.getByTestId("photo-card");
const uploadItem = (page: Page, name: string) => page.getByTestId("upload-item").filter({ hasText: name });

/** Today's date and weekday in the event's time zone, as the Vietnamese header writes them. */
function todayHeaderPattern(): RegExp {
  const now = new Date();
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric", weekday: "short" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = { Mon: "Thứ 2", Tue: "Thứ 3", Wed: "Thứ 4", Thu: "Thứ 5", Fri: "Thứ 6", Sat: "Thứ 7", Sun: "Chủ nhật" }[parts.weekday!];
  return new RegExp(`^${weekday}, ${parts.day}/${parts.month}/${parts.year} \\| \\d\\d:\\d\\d$`);
}

test("a new communications officer turns the demo ceremony into a published report", async ({ loginAs, browser, clientIp }) => {
  test.setTimeout(120_000);
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const officer = { name: `Phóng viên ${id}`, email: `phong-vien-${id}@signet.test`, password: `mat-khau-${id}-dai` };

  // The administrator creates the account and puts it on the ceremony's team as communications staff.
  const admin = await loginAs("admin");
  await admin.goto("/admin/users");
  await admin.getByLabel("Họ và tên").fill(officer.name);
  await admin.getByLabel("Email").fill(officer.email);
  await admin.getByLabel("Vai trò", { exact: true }).selectOption("communications");
  await admin.getByLabel(/^Mật khẩu/).fill(officer.password);
  await admin.getByRole("button", { name: "Tạo", exact: true }).click();
  await expect(admin.getByRole("status")).toContainText("Đã lưu");
  await admin.goto("/events?tab=past&q=2017");
  await admin.getByRole("link", { name: SEED_TITLE }).first().click();
  await admin.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  const eventPath = new URL(admin.url()).pathname;
  await admin.goto(`${eventPath}/team`);
  await admin.getByLabel("Email").fill(officer.email);
  await admin.getByLabel("Vai trò").selectOption("communications");
  await admin.getByRole("button", { name: "Thêm thành viên" }).click();
  await expect(admin.getByRole("status")).toContainText(officer.name);

  // The officer signs in for the first time.
  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(officer.email);
  await page.getByLabel("Mật khẩu").fill(officer.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL(/\/events/);

  // Photos: two uploaded at once, each captioned in Vietnamese and English.
  await page.goto(`${eventPath}/photos`);
  const before = await cards(page).count();
  await page.locator("#photo-files").setInputFiles([
    { name: "trao-van-ban.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ colour: "#8a1c1c", label: `A ${id}`, gps: true }) },
    { name: "chup-anh-luu-niem.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ colour: "#1c4f8a", label: `B ${id}` }) },
  ]);
  await expect(uploadItem(page, "trao-van-ban.jpg")).toHaveAttribute("data-status", "done");
  await expect(uploadItem(page, "chup-anh-luu-niem.jpg")).toHaveAttribute("data-status", "done");
  await expect(cards(page)).toHaveCount(before + 2);
  const captions = [
    { vi: `Hai cơ quan trao văn bản chương trình phối hợp (${id}).`, en: `The two departments exchange the programme (${id}).` },
    { vi: `Các đại biểu chụp ảnh lưu niệm (${id}).`, en: `Delegates pose for a souvenir photo (${id}).` },
  ];
  for (const [i, caption] of captions.entries()) {
    await page.goto(`${eventPath}/photos`);
    await page.getByRole("link", { name: `Sửa ảnh ${before + i + 1}` }).click();
    await page.getByLabel("Chú thích (tiếng Việt)").fill(caption.vi);
    await page.getByLabel("Chú thích (tiếng Anh)").fill(caption.en);
    await page.getByRole("button", { name: "Lưu" }).click();
    await expect(page.getByRole("status")).toContainText("Đã lưu");
  }
  await page.goto(`${eventPath}/photos`);
  await expect(page.getByTestId("caption-vi").nth(before)).toHaveText(captions[0]!.vi);
  await expect(page.getByTestId("caption-vi").nth(before + 1)).toHaveText(captions[1]!.vi);

  // Draft the Vietnamese report from the event's data: the article's facts and the new photos are in it.
  await page.goto(`${eventPath}/press`);
  await page.getByRole("button", { name: "Soạn bản tin", exact: true }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã soạn bản tin từ dữ liệu sự kiện.");
  const body = page.getByLabel("Nội dung (Markdown)");
  const drafted = await body.inputValue();
  expect(drafted).toMatch(
    /^Chiều ngày 19\/10\/2017, Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020/,
  );
  expect(drafted).toContain("Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy");
  for (const caption of captions) expect(drafted).toContain(caption.vi);
  await expect(page.getByLabel("Tác giả (ký tên cuối bài)")).toHaveValue(officer.name);

  // Edit: a title of their own and a closing sentence; the preview follows as they type.
  const title = `Ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo và ngành Giáo dục (${id})`;
  await page.getByLabel("Tiêu đề", { exact: true }).fill(title);
  const added = "Chương trình được triển khai tới các trường học trong toàn tỉnh.";
  await body.fill(`${drafted}\n\n${added}`);
  await expect(page.getByTestId("press-preview")).toContainText(added);
  await page.getByRole("button", { name: "Lưu", exact: true }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã lưu phiên bản 2.");

  // Review: sent, approved, published (communications staff may approve).
  await page.getByRole("button", { name: "Gửi duyệt" }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã gửi bản tin đi duyệt.");
  await page.getByRole("button", { name: "Duyệt", exact: true }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã duyệt bản tin.");
  await page.getByRole("link", { name: "Đăng bản tin" }).click();
  await page.getByRole("button", { name: "Xác nhận: Đăng bản tin" }).click();
  await expect(page.getByTestId("flash-notice")).toContainText("Đã đăng bản tin.");
  await expect(page.locator(".press-page-head")).toContainText("Đã đăng");

  // The .docx: downloaded, opened, read.
  const exports = page.getByTestId("press-export");
  const downloadPromise = page.waitForEvent("download");
  await exports.getByRole("link", { name: "Tải .docx" }).click();
  const docx = readDocx(await readFile(await (await downloadPromise).path()));
  expect(docx.paragraphs[0]).toMatchObject({ style: "Title", text: title });
  const lead = docx.paragraphs.find((p) => p.text.startsWith("Chiều ngày 19/10/2017, Ban Tuyên giáo Tỉnh ủy"));
  expect(lead?.runs.every((run) => run.bold)).toBe(true);
  expect(docx.paragraphs.some((p) => p.text === added)).toBe(true);
  const photoParagraphs = docx.paragraphs.flatMap((p, i) => (p.images.length ? [i] : []));
  expect(photoParagraphs.length).toBeGreaterThanOrEqual(captions.length);
  const captionTexts = photoParagraphs.map((i) => docx.paragraphs[i + 1]!.text);
  for (const caption of captions) expect(captionTexts).toContain(caption.vi);
  expect(docx.files.filter((f) => f.startsWith("word/media/"))).toHaveLength(photoParagraphs.length);
  expect(docx.paragraphs.at(-1)).toMatchObject({ text: officer.name, align: "right" });

  // The public page, as any reader sees it (signed out).
  const publicLink = exports.getByRole("link", { name: "Trang công khai" });
  const publicPath = (await publicLink.getAttribute("href"))!;
  // The title folded to ASCII (shortened) and the publication date; "-2", "-3" when taken.
  expect(publicPath).toMatch(/^\/press\/ky-ket-chuong-trinh-phoi-hop-cong-tac-[a-z0-9-]+-\d\d-\d\d-\d{4}(-\d+)?$/);
  const reader = await (await browser.newContext({ locale: "vi-VN" })).newPage();
  await reader.goto(publicPath);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.getByTestId("press-date")).toHaveText(todayHeaderPattern());
  const article = reader.locator("article.press-article");
  await expect(article.locator(".press-lead")).toContainText("Chiều ngày 19/10/2017");
  await expect(article).toContainText(added);
  for (const caption of captions) {
    const figure = article.locator("figure.press-photo").filter({ hasText: caption.vi });
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator("img").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  await expect(reader.getByTestId("press-byline")).toHaveText(officer.name);
  await expect(reader.getByText("1 lượt xem")).toBeVisible();
  // …and in the press room, newest first: above the demo's report of 2017 (other specs may publish meanwhile).
  await reader.goto("/press");
  const items = reader.getByTestId("press-room-item");
  await expect(items.filter({ has: reader.locator(`a[href="${publicPath}"]`) })).toContainText(title);
  const order = await items.evaluateAll(
    (elements, mine) =>
      elements.map((el) => (el.querySelector(`a[href="${mine}"]`) ? "mine" : el.textContent?.includes("19/10/2017") ? "demo" : "other")),
    publicPath,
  );
  expect(order.indexOf("mine")).toBeLessThan(order.indexOf("demo"));
  await reader.context().close();

  // A photo the published report shows cannot be deleted from under its readers: the officer is told why.
  await page.goto(`${eventPath}/photos`);
  await page.getByRole("link", { name: `Sửa ảnh ${before + 1}` }).click();
  await page.getByRole("link", { name: `Xóa ảnh ${before + 1}` }).click();
  await page.getByRole("button", { name: "Xác nhận: Xóa" }).click();
  await expect(page.getByRole("alert")).toContainText(`Ảnh này đang có trong bản tin đã đăng “${title}”.`);
  await page.goto(`${eventPath}/photos`);
  await expect(cards(page)).toHaveCount(before + 2);
  await context.close();
});
