import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import exifReader from "exif-reader";
import sharp from "sharp";
import {
  cameraJpeg,
  carriesExifOrGps,
  heicBytes,
  plainPng,
  pngBomb,
  svgWithScript,
  textRenamedJpg,
  truncatedJpeg,
} from "../server/testing/photos-fixtures.server";
import { test, expect, seedEventId } from "./fixtures";

// Tests run in parallel against one server: every event carries a suffix no other test uses.
const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "completed",
      startsAt: "2030-05-01T14:00:00+07:00",
      endsAt: "2030-05-01T16:00:00+07:00",
      documents: [{ title: `Chương trình phối hợp ${title}` }],
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function addDignitary(api: APIRequestContext, eventId: string, name: string): Promise<{ invitationId: string }> {
  const response = await api.post(`/api/v1/events/${eventId}/dignitaries`, {
    data: { honorific: "đồng chí", name, positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"], organization: "Ban Tuyên giáo Tỉnh ủy" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { invitationId: string };
}

interface PhotoJson {
  id: string;
  number: number;
  url: string;
  thumbnailUrl: string;
  originalUrl: string;
  width: number;
  height: number;
  captionVi: string | null;
  captionEn: string | null;
  credit: string | null;
  takenAt: string | null;
  isCover: boolean;
  includeInPress: boolean;
  taggedInvitationIds: string[];
  originalFilename: string;
  version: number;
}

function upload(api: APIRequestContext, eventId: string, name: string, buffer: Buffer, fields: Record<string, string> = {}) {
  return api.post(`/api/v1/events/${eventId}/photos`, {
    multipart: { ...fields, file: { name, mimeType: "image/jpeg", buffer } },
  });
}

/** A JSON error in the API's format (never HTML, never a stack trace). */
async function expectError(response: APIResponse, status: number) {
  const text = await response.text();
  expect(response.status(), text).toBe(status);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(text).not.toMatch(/<html|<!DOCTYPE|\n\s+at /i);
  return (JSON.parse(text) as { error: { code: string; message: string } }).error;
}

/** Fails the test on any browser console error or uncaught exception (failed uploads answer 4xx by design). */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !/status of 4\d\d|net::ERR_CONNECTION_RESET/.test(m.text())) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** Drops files on the drop zone as a person dragging them from the desktop would (a synthetic drop event). */
async function dropFiles(page: Page, files: { name: string; type: string; buffer: Buffer }[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.type, data: f.buffer.toString("base64") }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type }));
    }
    return dt;
  }, payload);
  const zone = page.getByTestId("photo-dropzone");
  await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
  await zone.dispatchEvent("dragover", { dataTransfer: transfer });
  await zone.dispatchEvent("drop", { dataTransfer: transfer });
}

const item = (page: Page, name: string) => page.getByTestId("upload-item").filter({ hasText: name });
const cards = (page: Page) => page.getByTestId("photo-card");

test("an organizer uploads by file chooser and by drop, retries a failed file, captions, tags, picks the cover and press photos, reorders by keyboard and edits captions in bulk", async ({
  loginAs,
  api,
}) => {
  test.setTimeout(90_000);
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết ảnh ${suffix()}`);
  const chuyen = await addDignitary(organizer, event.id, "Nguyễn Hồng Chuyên");
  const page = await loginAs("organizer");
  const errors = watchConsole(page);

  await page.goto(`/events/${event.id}/photos`);
  await expect(page.getByTestId("photos-empty")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ảnh", exact: true })).toHaveAttribute("aria-current", "page");

  // The first attempt to send flaky.jpg loses its connection; the retry button sends it (and only it) again.
  let flakyAttempts = 0;
  const uploadsSeen: string[] = [];
  await page.route(`**/events/${event.id}/photos/upload`, async (route) => {
    const body = route.request().postDataBuffer()?.toString("latin1") ?? "";
    const name = /filename="([^"]+)"/.exec(body)?.[1] ?? "?";
    uploadsSeen.push(name);
    if (name === "flaky.jpg" && flakyAttempts++ === 0) return route.abort("connectionreset");
    return route.continue();
  });

  await page.locator("#photo-files").setInputFiles([
    { name: "le-ky-ket.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ colour: "#7a1f1f", label: "1", takenAt: "2030:05:01 14:32:00", gps: true }) },
    { name: "bao-cao.jpg", mimeType: "image/jpeg", buffer: textRenamedJpg },
    { name: "flaky.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ colour: "#1f4e8c", label: "2" }) },
  ]);
  await expect(item(page, "le-ky-ket.jpg")).toHaveAttribute("data-status", "done");
  await expect(item(page, "bao-cao.jpg")).toHaveAttribute("data-status", "failed");
  await expect(item(page, "bao-cao.jpg").getByTestId("upload-message")).toHaveText("Tệp này không phải ảnh JPEG, PNG hoặc WebP (dù tên tệp là gì).");
  // A file refused for what it is offers no pointless retry; a lost connection does.
  await expect(item(page, "bao-cao.jpg").getByRole("button")).toHaveCount(0);
  await expect(item(page, "flaky.jpg")).toHaveAttribute("data-status", "failed");
  await expect(item(page, "flaky.jpg").getByTestId("upload-message")).toHaveText("Mất kết nối khi gửi ảnh. Hãy thử lại.");
  await page.screenshot({ path: test.info().outputPath("photos-upload-failed.png"), fullPage: true });
  const before = uploadsSeen.length;
  await page.getByRole("button", { name: "Gửi lại flaky.jpg" }).click();
  await expect(item(page, "flaky.jpg")).toHaveAttribute("data-status", "done");
  expect(uploadsSeen.slice(before)).toEqual(["flaky.jpg"]);

  // A drop of two more files, one of them too big for the pixel limit.
  await dropFiles(page, [
    { name: "hoc-sinh.png", type: "image/png", buffer: await plainPng({ width: 900, height: 600, colour: "#2d8a57" }) },
    { name: "bom.png", type: "image/png", buffer: await pngBomb() },
  ]);
  await expect(item(page, "hoc-sinh.png")).toHaveAttribute("data-status", "done");
  await expect(item(page, "bom.png").getByTestId("upload-message")).toContainText("20000×20000");
  await expect(item(page, "bom.png").getByRole("button")).toHaveCount(0);
  await expect(page.getByText("Đã tải lên 3 ảnh, 2 ảnh lỗi.")).toBeVisible();
  await expect(cards(page)).toHaveCount(3);
  await expect(page.getByTestId("photo-number")).toHaveText(["Ảnh 1", "Ảnh 2", "Ảnh 3"]);
  // The capture time is read from EXIF and shown in the event's zone.
  await expect(cards(page).first()).toContainText("Chụp lúc 14:32, Thứ 4, 01/05/2030");

  // Captions and a tag on photo 1.
  await cards(page).first().getByRole("link", { name: "Sửa ảnh 1" }).click();
  await page.getByLabel("Chú thích (tiếng Việt)").fill("Lễ ký kết chương trình phối hợp công tác.");
  await page.getByLabel("Chú thích (tiếng Anh)").fill("The signing of the programme of cooperation.");
  await page.getByLabel("Tác giả ảnh").fill("Đặng Anh");
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu ảnh.");
  await page.getByLabel("Tìm khách mời").fill("chuyen");
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.getByRole("button", { name: "Gắn Đồng chí Nguyễn Hồng Chuyên vào ảnh" }).click();
  await expect(page.getByTestId("tag-list")).toContainText("Đồng chí Nguyễn Hồng Chuyên");
  await page.screenshot({ path: test.info().outputPath("photo-edit.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("photo-edit-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Cover and press selection from the grid.
  await page.getByRole("link", { name: "Về thư viện ảnh" }).click();
  await page.getByRole("button", { name: "Đặt ảnh 2 làm ảnh bìa" }).click();
  await expect(cards(page).nth(1).getByTestId("cover-badge")).toBeVisible();
  await page.getByRole("button", { name: "Bỏ ảnh 3 khỏi bản tin" }).click();
  await expect(cards(page).nth(2).getByTestId("out-badge")).toBeVisible();

  // Reorder with the keyboard: photo 1 one step later, then save.
  const firstId = await cards(page).first().getAttribute("data-photo-id");
  await page.getByRole("button", { name: "Đưa ảnh 1 ra sau" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Thứ tự chưa được lưu.")).toBeVisible();
  await expect(cards(page).nth(1)).toHaveAttribute("data-photo-id", firstId!);
  await page.getByRole("button", { name: "Lưu thứ tự" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thứ tự ảnh." })).toBeVisible();

  // Bulk captions: one form, every photo, saved at once.
  await page.getByRole("link", { name: "Sửa chú thích hàng loạt" }).click();
  await expect(page.getByTestId("caption-row")).toHaveCount(3);
  for (let i = 0; i < 3; i++) await page.getByTestId("caption-row").nth(i).getByLabel(/^Tác giả ảnh/).fill(`TTXVN ${i + 1}`);
  await page.getByTestId("caption-row").nth(0).getByLabel(/^Chú thích \(tiếng Việt\)/).fill("Đồng chí Nguyễn Hồng Chuyên tới dự.");
  await page.screenshot({ path: test.info().outputPath("photos-bulk-captions.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("photos-bulk-captions-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("button", { name: "Lưu tất cả chú thích" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}/photos$`));
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu chú thích của 3 ảnh.");

  // Everything is still there after a reload.
  await page.goto(`/events/${event.id}/photos`);
  await expect(cards(page).nth(1)).toHaveAttribute("data-photo-id", firstId!);
  await expect(cards(page).nth(0).getByTestId("caption-vi")).toHaveText("Đồng chí Nguyễn Hồng Chuyên tới dự.");
  await expect(cards(page).nth(1).getByTestId("caption-vi")).toHaveText("Lễ ký kết chương trình phối hợp công tác.");
  await expect(cards(page).nth(1).getByTestId("photo-tags")).toHaveText("Trong ảnh: Đồng chí Nguyễn Hồng Chuyên");
  await expect(cards(page).nth(0).getByTestId("cover-badge")).toBeVisible();
  await expect(cards(page).nth(2).getByTestId("out-badge")).toBeVisible();
  await expect(cards(page)).toContainText(["TTXVN 1", "TTXVN 2", "TTXVN 3"]);
  const list = (await (await organizer.get(`/api/v1/events/${event.id}/photos`)).json()) as { data: PhotoJson[] };
  expect(list.data.map((p) => [p.isCover, p.includeInPress, p.taggedInvitationIds])).toEqual([
    [true, true, []],
    [false, true, [chuyen.invitationId]],
    [false, false, []],
  ]);
  await page.screenshot({ path: test.info().outputPath("photos-gallery.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("photos-gallery-phone.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("drag and drop reorders, a too-large file is refused before sending, bulk captions tell of a conflict, and a photo is deleted after confirming", async ({
  loginAs,
  api,
}) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Ảnh kéo thả ${suffix()}`);
  const ids: string[] = [];
  for (const colour of ["#aa0000", "#00aa00", "#0000aa"]) {
    const response = await upload(organizer, event.id, `${colour.slice(1)}.jpg`, await cameraJpeg({ colour }));
    expect(response.status()).toBe(201);
    ids.push(((await response.json()) as PhotoJson).id);
  }
  const page = await loginAs("organizer");
  const errors = watchConsole(page);
  await page.goto(`/events/${event.id}/photos`);

  // Drag photo 3 onto the left half of photo 1: it becomes first.
  await cards(page).nth(2).locator(".photo-thumb").dragTo(cards(page).nth(0), { targetPosition: { x: 5, y: 40 } });
  await expect(cards(page).nth(0)).toHaveAttribute("data-photo-id", ids[2]!);
  await page.getByRole("button", { name: "Lưu thứ tự" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu thứ tự ảnh." })).toBeVisible();
  const order = (await (await organizer.get(`/api/v1/events/${event.id}/photos`)).json()) as { data: PhotoJson[] };
  expect(order.data.map((p) => p.id)).toEqual([ids[2], ids[0], ids[1]]);

  // Over 25 MB: refused in the browser at once, nothing sent.
  let sent = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/photos/upload")) sent += 1;
  });
  await page.locator("#photo-files").setInputFiles([{ name: "qua-lon.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(26 * 1024 * 1024, 0xff) }]);
  await expect(item(page, "qua-lon.jpg").getByTestId("upload-message")).toHaveText("Tệp quá lớn: tối đa 25 MB mỗi ảnh.");
  await expect(item(page, "qua-lon.jpg").getByRole("button")).toHaveCount(0);
  expect(sent).toBe(0);

  // Bulk captions while someone else edits photo 2: nothing saved, typed text kept, their text shown.
  await page.getByRole("link", { name: "Sửa chú thích hàng loạt" }).click();
  const rows = page.getByTestId("caption-row");
  await rows.nth(0).getByLabel(/^Chú thích \(tiếng Việt\)/).fill("Của tôi 1");
  await rows.nth(1).getByLabel(/^Chú thích \(tiếng Việt\)/).fill("Của tôi 2");
  expect((await organizer.patch(`/api/v1/events/${event.id}/photos/${ids[0]}`, { data: { captionVi: "Của người khác" } })).status()).toBe(200);
  await page.getByRole("button", { name: "Lưu tất cả chú thích" }).click();
  await expect(page.getByRole("alert").first()).toHaveText(
    "Chưa lưu chú thích nào: 1 ảnh vừa được người khác sửa (được đánh dấu). Nội dung bạn nhập vẫn được giữ; hãy kiểm tra rồi lưu lại.",
  );
  await expect(rows.nth(1).getByLabel(/^Chú thích \(tiếng Việt\)/)).toHaveValue("Của tôi 2");
  await expect(rows.nth(0).getByLabel(/^Chú thích \(tiếng Việt\)/)).toHaveValue("Của tôi 1");
  await expect(rows.nth(1).getByTestId("their-text")).toContainText("Của người khác");
  const unchanged = (await (await organizer.get(`/api/v1/events/${event.id}/photos`)).json()) as { data: PhotoJson[] };
  expect(unchanged.data.map((p) => p.captionVi)).toEqual([null, "Của người khác", null]);
  await page.screenshot({ path: test.info().outputPath("photos-bulk-conflict.png"), fullPage: true });
  // Saving again, knowingly, replaces theirs.
  await page.getByRole("button", { name: "Lưu tất cả chú thích" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã lưu chú thích của 2 ảnh.");
  await expect(page.getByTestId("caption-vi")).toHaveText(["Của tôi 1", "Của tôi 2"]);

  // Delete photo 3 after confirming.
  await cards(page).nth(2).getByRole("link", { name: "Sửa ảnh 3" }).click();
  await page.getByRole("link", { name: "Xóa ảnh 3" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("Không thể hoàn tác");
  await page.getByRole("button", { name: "Xác nhận: Xóa" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã xóa ảnh 3.");
  await expect(cards(page)).toHaveCount(2);
  expect((await organizer.get(`/api/v1/events/${event.id}/photos/${ids[1]}`)).status()).toBe(404);
  expect(errors).toEqual([]);
});

test("a stale edit of a photo is told, keeps what was typed and shows the other person's text", async ({ loginAs, api }) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Ảnh xung đột ${suffix()}`);
  const created = (await (await upload(organizer, event.id, "a.jpg", await cameraJpeg({ colour: "#654321" }))).json()) as PhotoJson;
  const page = await loginAs("organizer");
  await page.goto(`/events/${event.id}/photos/${created.id}`);
  await page.getByLabel("Chú thích (tiếng Việt)").fill("Chú thích của tôi");
  // Meanwhile someone else saves through the API.
  const other = await organizer.patch(`/api/v1/events/${event.id}/photos/${created.id}`, { data: { captionVi: "Chú thích của người khác" } });
  expect(other.status()).toBe(200);
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("alert").first()).toContainText("Ảnh này vừa được người khác sửa.");
  await expect(page.getByLabel("Chú thích (tiếng Việt)")).toHaveValue("Chú thích của tôi");
  await expect(page.getByTestId("theirs")).toContainText("Chú thích của người khác");
  // Saving again, knowingly, replaces theirs.
  await page.getByRole("button", { name: "Lưu" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu ảnh.");
  const now = (await (await organizer.get(`/api/v1/events/${event.id}/photos/${created.id}`)).json()) as PhotoJson;
  expect(now.captionVi).toBe("Chú thích của tôi");
});

test("a viewer sees the demo ceremony's photos read-only, in English too", async ({ loginAs, api, browser, clientIp }) => {
  const seed = { id: await seedEventId(await api("viewer")) };
  // A fresh viewer account (its language choice is its own, so switching to English disturbs no other test).
  const adminPage = await loginAs("admin");
  const id = suffix();
  const email = `viewer-${id}@signet.test`;
  const password = `mat-khau-${id}-dai`;
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Họ và tên").fill(`Người xem ${id}`);
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByLabel("Vai trò", { exact: true }).selectOption("viewer");
  await adminPage.getByLabel(/^Mật khẩu/).fill(password);
  await adminPage.getByRole("button", { name: "Tạo", exact: true }).click();
  await expect(adminPage.getByRole("status")).toContainText("Đã lưu");
  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  const errors = watchConsole(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);

  await page.goto(`/events/${seed.id}/photos`);
  await expect(page.getByText("Bạn chỉ có quyền xem ảnh của sự kiện này.")).toBeVisible();
  await expect(page.getByTestId("photo-dropzone")).toHaveCount(0);
  // The demo's three photos come first (the press journey spec may add more to this event meanwhile).
  await expect.poll(() => cards(page).count()).toBeGreaterThanOrEqual(3);
  expect((await page.getByTestId("caption-vi").allInnerTexts()).slice(0, 3)).toEqual([
    "Lễ ký kết chương trình phối hợp công tác giữa Ban Tuyên giáo Tỉnh ủy và Sở Giáo dục và Đào tạo giai đoạn 2017 – 2020.",
    "Đồng chí Nguyễn Hồng Chuyên, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng ban Tuyên giáo Tỉnh ủy tới dự hội nghị.",
    "Học sinh Trường Tiểu học Trần Lãm (thành phố Thái Bình) trong tiết học.",
  ]);
  await expect(cards(page).first().getByTestId("cover-badge")).toBeVisible();
  await expect(page.getByTestId("photo-grid").getByRole("button")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sửa chú thích hàng loạt" })).toHaveCount(0);
  // Originals keep EXIF and GPS: not offered to a viewer (docs/decisions/017-personal-data.md).
  await expect(page.getByRole("link", { name: "Tải ảnh gốc 1" })).toHaveCount(0);
  // Every thumbnail really loads.
  for (const img of await page.locator(".photo-thumb img").all()) expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await page.screenshot({ path: test.info().outputPath("photos-viewer.png"), fullPage: true });
  // The photo page shows no form; the bulk caption form and changes are refused.
  const bulk = await page.goto(`/events/${seed.id}/photos/captions`);
  expect(bulk?.status()).toBe(403);
  // English.
  await page.goto(`/events/${seed.id}/photos`);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByText("You can view this event's photos but not change them.")).toBeVisible();
  await expect(page.getByTestId("caption-en").first()).toContainText("The signing of the 2017 – 2020 programme");
  await expect(cards(page).first()).toContainText("Taken 14:32, Thursday, 19 October 2017");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath("photos-viewer-en-phone.png"), fullPage: true });
  expect(errors).toEqual([]);
  await context.close();
});

test("served photos carry no GPS or any EXIF, are cached for a year, and only the event's team gets the original", async ({ api, playwright, loginAs }) => {
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Ảnh GPS ${suffix()}`);
  const input = await cameraJpeg({ width: 2000, height: 1500, orientation: 6, gps: true, offset: "+07:00" });
  // The upload really carries a location.
  expect(exifReader((await sharp(input).metadata()).exif!).GPSInfo?.GPSLatitude).toEqual([20, 26, 50]);
  const response = await upload(organizer, event.id, "gps.jpg", input, { captionVi: "Có GPS", credit: "Đặng Anh" });
  expect(response.status(), await response.text()).toBe(201);
  const photo = (await response.json()) as PhotoJson;
  expect(photo).toMatchObject({ width: 1500, height: 2000, captionVi: "Có GPS", credit: "Đặng Anh", takenAt: "2017-10-19T14:35:10+07:00" });
  expect(response.headers().location).toBe(`/api/v1/events/${event.id}/photos/${photo.id}`);

  // Anonymous: no cookie, no token — the served variants are public by their unguessable URL.
  const anonymous = await playwright.request.newContext();
  for (const url of [photo.url, photo.thumbnailUrl]) {
    const served = await anonymous.get(url);
    expect(served.status()).toBe(200);
    const headers = served.headers();
    expect(headers["content-type"]).toBe("image/jpeg");
    expect(headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers.etag).toMatch(/^".+"$/);
    const bytes = await served.body();
    expect(carriesExifOrGps(bytes)).toEqual({ exif: false, gps: false });
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(meta.height!).toBeGreaterThan(meta.width!);
    const again = await anonymous.get(url, { headers: { "If-None-Match": headers.etag! } });
    expect(again.status()).toBe(304);
  }
  const wrong = [
    photo.url.replace(/\/[^/]+\/web\.jpg$/, "/AAAAAAAAAAAA/web.jpg"),
    photo.url.replace("web.jpg", "original.jpg"),
    photo.url.replace(photo.id, "00000000-0000-4000-8000-000000000000"),
    photo.url.replace("web.jpg", "../../../etc/passwd"),
  ];
  for (const url of wrong) expect((await anonymous.get(url)).status()).toBe(404);

  // The original: not for anonymous visitors (sent to the login), for staff as an attachment, never cached.
  const originalPath = new URL(photo.originalUrl).pathname;
  const refused = await anonymous.get(originalPath, { maxRedirects: 0 });
  expect(refused.status()).toBe(302);
  expect(refused.headers().location).toMatch(/^\/login/);
  await anonymous.dispose();
  const viewer = await loginAs("viewer");
  expect((await viewer.request.get(originalPath)).status()).toBe(403);
  await viewer.context().clearCookies();
  const page = await loginAs("organizer");
  const original = await page.request.get(originalPath);
  expect(original.status()).toBe(200);
  expect(original.headers()["cache-control"]).toBe("private, no-store");
  expect(original.headers()["content-disposition"]).toMatch(/^attachment; filename="gps\.jpg"/);
  expect((await original.body()).equals(input)).toBe(true);
});

test("the photo API refuses bad input with clear JSON errors, never a 5xx, and stores nothing", async ({ api }) => {
  test.setTimeout(60_000);
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Ảnh lỗi ${suffix()}`);
  const bad: [string, Buffer, number, RegExp][] = [
    ["bao-cao.jpg", textRenamedJpg, 415, /not a JPEG, PNG or WebP photo/],
    ["bom.png", await pngBomb(), 422, /too many pixels \(20000×20000\); at most 60 megapixels/],
    ["cut.jpg", await truncatedJpeg(), 422, /damaged or incomplete/],
    ["logo.svg", svgWithScript, 415, /SVG files are not accepted/],
    ["IMG_0001.HEIC", heicBytes(), 415, /export the photo as JPEG/],
  ];
  for (const [name, bytes, status, message] of bad) {
    const error = await expectError(await upload(organizer, event.id, name, bytes), status);
    expect(error.message, name).toMatch(message);
  }
  // 50 MB: refused from its size with 413, before the body is read.
  const started = Date.now();
  const big = await expectError(await upload(organizer, event.id, "big.jpg", Buffer.alloc(50 * 1024 * 1024, 0xff)), 413);
  expect(big.message).toBe("The file is too large: at most 25 MB per photo.");
  test.info().annotations.push({ type: "50 MB refusal", description: `${Date.now() - started} ms` });
  expect(await expectError(await organizer.post(`/api/v1/events/${event.id}/photos`, { data: { file: "x" } }), 415)).toMatchObject({
    code: "unsupported_media_type",
  });
  expect(((await (await organizer.get(`/api/v1/events/${event.id}/photos`)).json()) as { data: unknown[] }).data).toEqual([]);

  // A good one, then the same bytes again: 409 naming the first.
  const bytes = await cameraJpeg({ colour: "#336699" });
  const created = await upload(organizer, event.id, "first.jpg", bytes, { captionEn: "First" });
  expect(created.status()).toBe(201);
  const photo = (await created.json()) as PhotoJson;
  expect((await expectError(await upload(organizer, event.id, "again.jpg", bytes), 409)).message).toBe(
    "This photo is already in the event's gallery (photo 1, file first.jpg).",
  );

  // PATCH: validation, stale versions, unknown tags.
  const url = `/api/v1/events/${event.id}/photos/${photo.id}`;
  expect((await expectError(await organizer.patch(url, { data: { caption: "x" } }), 422)).message).toMatch(/correct the fields/);
  expect(await expectError(await organizer.patch(url, { data: { captionVi: "Mới", version: photo.version + 5 } }), 409)).toMatchObject({
    message: expect.stringMatching(/Someone else has just changed this photo/),
  });
  await expectError(await organizer.patch(url, { data: { taggedInvitationIds: ["00000000-0000-4000-8000-000000000000"] } }), 422);
  const patched = await organizer.patch(url, { data: { captionVi: "Mới", isCover: true, includeInPress: false, version: photo.version } });
  expect(patched.status()).toBe(200);
  expect((await patched.json()) as PhotoJson).toMatchObject({ captionVi: "Mới", captionEn: "First", isCover: true, includeInPress: false, version: photo.version + 1 });

  // A viewer may read but not change; a wrong id is a 404.
  const viewer = await api("viewer");
  expect((await viewer.get(url)).status()).toBe(200);
  await expectError(await viewer.patch(url, { data: { captionVi: "x" } }), 403);
  await expectError(await upload(viewer, event.id, "v.jpg", await cameraJpeg({ colour: "#999" })), 403);
  await expectError(await organizer.get(`/api/v1/events/${event.id}/photos/00000000-0000-4000-8000-000000000000`), 404);

  // DELETE: 204, then gone (and its files).
  const del = await organizer.delete(url);
  expect(del.status()).toBe(204);
  await expectError(await organizer.get(url), 404);
  expect((await organizer.get(photo.url)).status()).toBe(404);
});

test("without JavaScript, the plain form uploads several files at once and reports the bad one", async ({ browser, accounts }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel(/^Email/).fill(accounts.admin.email);
  await page.getByLabel(/^Mật khẩu/).fill(accounts.admin.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);
  const ownApi = await context.request;
  const event = await (
    await ownApi.post("/api/v1/events", {
      headers: { Authorization: `Bearer ${accounts.admin.token}` },
      data: { title: `Ảnh không JS ${suffix()}`, kind: "meeting", status: "completed", startsAt: "2030-06-01T09:00:00+07:00", endsAt: "2030-06-01T10:00:00+07:00" },
    })
  ).json() as { id: string };
  await page.goto(`/events/${event.id}/photos`);
  await page.locator("#photo-files").setInputFiles([
    { name: "mot.jpg", mimeType: "image/jpeg", buffer: await cameraJpeg({ colour: "#aa3300" }) },
    { name: "logo.svg", mimeType: "image/svg+xml", buffer: svgWithScript },
    { name: "hai.png", mimeType: "image/png", buffer: await plainPng({ colour: "#0033aa" }) },
  ]);
  await page.getByRole("button", { name: "Tải lên" }).click();
  const results = page.getByTestId("form-upload-results");
  await expect(results).toContainText("mot.jpg: đã tải lên.");
  await expect(results).toContainText("logo.svg: Không nhận tệp SVG");
  await expect(results).toContainText("hai.png: đã tải lên.");
  await expect(cards(page)).toHaveCount(2);
  // The Up/Down buttons are plain submit buttons: each press is saved by the server.
  const order = async () => {
    const response = await ownApi.get(`/api/v1/events/${event.id}/photos`, { headers: { Authorization: `Bearer ${accounts.admin.token}` } });
    return ((await response.json()) as { data: PhotoJson[] }).data.map((p) => p.originalFilename);
  };
  expect(await order()).toEqual(["mot.jpg", "hai.png"]);
  await page.getByRole("button", { name: "Đưa ảnh 1 ra sau" }).click();
  await expect(page.getByRole("status")).toHaveText("Đã lưu thứ tự ảnh.");
  expect(await order()).toEqual(["hai.png", "mot.jpg"]);
  // Past the first place (aria-disabled, but a click still submits) nothing moves and nothing is saved.
  await page.getByRole("button", { name: "Đưa ảnh 1 lên trước" }).click({ force: true });
  await expect(page.getByRole("status")).toHaveCount(0);
  expect(await order()).toEqual(["hai.png", "mot.jpg"]);
  await context.close();
});
