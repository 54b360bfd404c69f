/**
 * The door: /events/:id/check-in on a phone. Guests are added on the attendees page; for the camera test the
 * invitee's QR code is taken from their own invitation page (link read in the Mailbox), turned into a video
 * file, and fed to a Chromium whose fake camera plays it.
 *
 * Own port/state/output when run beside other specs:
 *   E2E_PORT=3440 E2E_STATE=/tmp/e2e-rsvp npx playwright test -c e2e/playwright.config.ts rsvp.spec.ts check-in.spec.ts --output /tmp/pw-rsvp
 */
import { writeFile } from "node:fs/promises";
import { chromium, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { test, expect, type Account } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-06-12T14:00:00+07:00",
      endsAt: "2031-06-12T16:00:00+07:00",
      venue: { name: "Hội trường Tỉnh ủy", address: "Số 1 Lê Lợi, TP. Thái Bình" },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

interface Guest {
  name: string;
  honorific: string;
  email: string;
  positions?: string;
  group?: string;
  role?: "guest" | "dignitary";
}

/** Adds a guest on the attendees page; false when that page cannot add one (not built). */
async function addGuest(page: Page, eventId: string, guest: Guest): Promise<boolean> {
  const response = await page.goto(`/events/${eventId}/attendees/new`);
  if (!response?.ok() || (await page.getByRole("button", { name: "Thêm vào danh sách" }).count()) === 0) return false;
  await page.getByLabel("Họ và tên").fill(guest.name);
  await page.getByLabel(/^Danh xưng/).fill(guest.honorific);
  if (guest.positions) await page.getByLabel(/^Chức vụ/).fill(guest.positions);
  await page.getByLabel(/^Email/).fill(guest.email);
  if (guest.role) await page.getByLabel(/^Vai trò/).selectOption(guest.role);
  if (guest.group) await page.getByLabel(/^Nhóm\/bàn/).fill(guest.group);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/attendees(\\?|$)`));
  return true;
}

async function withdraw(page: Page, eventId: string, name: string) {
  await page.goto(`/events/${eventId}/attendees`);
  await page.getByRole("link", { name: `Sửa: ${name}` }).click();
  await page.getByRole("link", { name: "Rút lời mời", exact: true }).click();
  await page.getByRole("button", { name: "Xác nhận: Rút lời mời" }).click();
  // Not the URL: the confirmation page's own URL starts the same way. The list's message says it is done.
  await expect(page.getByRole("status")).toHaveText(`Đã rút lời mời của ${name}.`);
}

/** Signs in through the login form on a page of its own browser. */
async function signIn(page: Page, account: Account) {
  await page.goto("/login");
  await page.getByLabel(/^Email/).fill(account.email);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(account.password);
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/events/);
}

async function staffPage(browser: Browser, account: Account, clientIp: string, baseURL: string) {
  const context = await browser.newContext({ ...phone, baseURL, locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

/**
 * A 640×480 YUV4MPEG2 (4:2:0) video of the QR code on white, the format Chromium's fake camera plays
 * (--use-file-for-fake-video-capture). Grey only: Y = the picture, U = V = 128.
 */
async function qrVideo(svg: string, file: string) {
  const width = 640;
  const height = 480;
  const size = 336;
  const qr = await sharp(Buffer.from(svg)).resize(size, size, { kernel: "nearest" }).flatten({ background: "#ffffff" }).png().toBuffer();
  const { data, info } = await sharp({ create: { width, height, channels: 3, background: "#ffffff" } })
    .composite([{ input: qr, left: (width - size) / 2, top: (height - size) / 2 }])
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const luma = Buffer.alloc(width * height);
  for (let i = 0; i < luma.length; i++) luma[i] = data[i * info.channels] ?? 255;
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  await writeFile(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
}

test("door staff find a guest by name without diacritics and check them in once; a second device is told who did it", async ({
  page,
  browser,
  loginAs,
  api,
  accounts,
  clientIp,
  baseURL,
}, testInfo) => {
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết đón khách ${id}`);
  const an = { name: `Nguyễn Văn Ẩn ${id}`, honorific: "Ông", email: `an-${id}@example.org`, positions: "Phó Chủ tịch UBND tỉnh", group: "Bàn 1", role: "dignitary" as const };
  const gone = { name: `Nguyễn Văn Rút ${id}`, honorific: "Ông", email: `rut-${id}@example.org` };

  await loginAs("organizer");
  const added = await addGuest(page, event.id, an);
  expect(added, "the page exists and works").toBeTruthy();
  await addGuest(page, event.id, gone);
  await withdraw(page, event.id, gone.name);

  // The tab is there for the organizer.
  await page.goto(`/events/${event.id}`);
  await page.getByRole("navigation", { name: `Lễ ký kết đón khách ${id}` }).getByRole("link", { name: "Khách mời", exact: true }).click();
  await page.getByRole("navigation", { name: "Khách mời" }).getByRole("link", { name: "Đón khách" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}/check-in$`));
  await expect(page.getByTestId("checkin-totals")).toHaveText("Đã đón 0/1 khách");

  // Two phones at the door search the same guest, typed without diacritics.
  const door1 = await staffPage(browser, accounts.organizer, clientIp, baseURL ?? "");
  const door2 = await staffPage(browser, accounts.admin, clientIp, baseURL ?? "");
  for (const door of [door1, door2]) {
    await door.goto(`/events/${event.id}/check-in`);
    await door.getByRole("searchbox", { name: "Tên khách mời" }).fill(`nguyen van an ${id}`);
    await door.getByRole("button", { name: "Tìm", exact: true }).click();
    await expect(door.getByRole("article", { name: `Ông ${an.name}` })).toBeVisible();
  }
  const card = door1.getByRole("article", { name: `Ông ${an.name}` });
  await expect(card).toContainText("Phó Chủ tịch UBND tỉnh");
  await expect(card).toContainText("Đại biểu · Bàn / nhóm: Bàn 1");
  await door1.screenshot({ path: testInfo.outputPath("check-in-search-phone.png"), fullPage: true });

  await card.getByRole("button", { name: "Đón khách" }).click();
  const result = door1.getByTestId("checkin-result");
  await expect(result).toHaveAttribute("data-outcome", "checkedIn");
  await expect(result).toContainText("✓ Đã đón");
  await expect(result).toContainText(`Ông ${an.name}`);
  await expect(door1.getByTestId("checkin-totals")).toHaveText("Đã đón 1/1 khách");
  await door1.screenshot({ path: testInfo.outputPath("check-in-done-phone.png"), fullPage: true });

  // The second phone still shows the button: pressing it says who was first.
  await door2.getByRole("article", { name: `Ông ${an.name}` }).getByRole("button", { name: "Đón khách" }).click();
  const second = door2.getByTestId("checkin-result");
  await expect(second).toHaveAttribute("data-outcome", "already");
  await expect(second).toContainText(new RegExp(`Đã đón lúc \\d\\d:\\d\\d bởi ${accounts.organizer.name}`));
  await door2.screenshot({ path: testInfo.outputPath("check-in-already-phone.png"), fullPage: true });

  // A withdrawn invitation is found but cannot be checked in.
  await door1.getByRole("searchbox", { name: "Tên khách mời" }).fill(`nguyen van rut ${id}`);
  await door1.getByRole("button", { name: "Tìm", exact: true }).click();
  const withdrawn = door1.getByRole("article", { name: `Ông ${gone.name}` });
  await expect(withdrawn).toContainText("Thư mời này đã bị thu hồi: không thể đón khách.");
  await expect(withdrawn.getByRole("button", { name: "Đón khách" })).toHaveCount(0);

  // Only the one who checked the guest in (or an admin) may undo it.
  await door1.getByRole("searchbox", { name: "Tên khách mời" }).fill(`nguyen van an ${id}`);
  await door1.getByRole("button", { name: "Tìm", exact: true }).click();
  await door1.getByRole("article", { name: `Ông ${an.name}` }).getByRole("button", { name: "Hoàn tác" }).click();
  await expect(door1.getByRole("status").filter({ hasText: `Đã hoàn tác việc đón Ông ${an.name}.` })).toBeVisible();
  await expect(door1.getByTestId("checkin-totals")).toHaveText("Đã đón 0/1 khách");

  await door1.context().close();
  await door2.context().close();
});

test("door staff scan the guest's QR code with the phone camera", async ({ page, browser, loginAs, api, accounts, clientIp, baseURL }, testInfo) => {
  test.setTimeout(90_000); // a mail round trip and a second browser with a fake camera: 17 s here, more than 30 s on a busy CI machine
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết quét mã ${id}`);
  const guest = { name: `Lê Thị Quét ${id}`, honorific: "Bà", email: `quet-${id}@example.org`, positions: "Giám đốc Sở Giáo dục và Đào tạo" };

  // The organizer invites; an admin reads the personal link in the Mailbox.
  await loginAs("organizer");
  const added = await addGuest(page, event.id, guest);
  expect(added, "the page exists and works").toBeTruthy();
  const mail = await page.goto(`/events/${event.id}/mail`);
  expect(mail?.ok(), "the Send invitations page answers").toBe(true);
  await page.getByRole("button", { name: "Gửi cho người chưa được gửi (1)" }).click();
  await page.getByRole("button", { name: "Gửi 1 lời mời" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Thư của sự kiện" }).getByText("Đã gửi", { exact: true })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.context().clearCookies();
  await loginAs("admin");
  await page.goto("/admin/mailbox");
  await page.getByRole("row").filter({ hasText: guest.email }).first().getByRole("link").first().click();
  const href = await page.locator("pre a[href*='/i/']").first().getAttribute("href");
  const link = new URL(href ?? "", "http://x").pathname;

  // The guest accepts; their page shows the door QR code.
  const guestContext = await browser.newContext({ ...phone, locale: "vi-VN" });
  const invitee = await guestContext.newPage();
  await invitee.goto(link);
  await invitee.getByRole("button", { name: "Tham dự", exact: true }).click();
  const qr = invitee.getByTestId("checkin-qr");
  await expect(qr).toBeVisible();
  // The picture is the page's own image (with the guest's cookie), an SVG.
  const src = (await qr.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/invitation\/qr\.svg\?v=[0-9a-f]{16}$/);
  const picture = await invitee.request.get(src);
  expect(picture.status()).toBe(200);
  expect(picture.headers()["content-type"]).toBe("image/svg+xml");
  const svg = await picture.text();
  await guestContext.close();

  // That QR code becomes the picture of a fake rear camera.
  const video = testInfo.outputPath("qr-code.y4m");
  await qrVideo(svg, video);
  const cameraBrowser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--use-fake-ui-for-media-stream",
      "--use-fake-device-for-media-stream",
      `--use-file-for-fake-video-capture=${video}`,
    ],
  });
  try {
    const door = await staffPage(cameraBrowser, accounts.organizer, clientIp, baseURL ?? "");
    await door.goto(`/events/${event.id}/check-in`);
    await door.getByRole("button", { name: "Bật camera để quét mã QR" }).click();
    const result = door.getByTestId("checkin-result");
    await expect(result).toHaveAttribute("data-outcome", "checkedIn", { timeout: 15_000 });
    await expect(result).toContainText(`Bà ${guest.name}`);
    await expect(result).toContainText("Giám đốc Sở Giáo dục và Đào tạo");
    await expect(result).toContainText("Đã nhận lời");
    await door.screenshot({ path: testInfo.outputPath("check-in-scanned-phone.png"), fullPage: true });

    // The same code keeps being in view: nothing more happens until "next"; then it says "already".
    await door.getByRole("button", { name: "Quét khách tiếp theo" }).click();
    await expect(result).toHaveAttribute("data-outcome", "already", { timeout: 15_000 });
    await expect(result).toContainText(new RegExp(`Đã đón lúc \\d\\d:\\d\\d bởi ${accounts.organizer.name}`));
    await expect(door.getByTestId("checkin-totals")).toHaveText("Đã đón 1/1 khách");
  } finally {
    await cameraBrowser.close();
  }
});

test("without a camera the page says so and search still works", async ({ page, loginAs, api }, testInfo) => {
  const event = await createEvent(await api("organizer"), `Hội nghị không camera ${suffix()}`);
  await loginAs("organizer");
  await page.setViewportSize(phone.viewport);
  // Chromium in this test has no fake device: getUserMedia finds no camera (or is refused).
  await page.goto(`/events/${event.id}/check-in`);
  await page.getByRole("button", { name: "Bật camera để quét mã QR" }).click();
  await expect(page.getByRole("alert")).toContainText(/Không tìm thấy camera|Chưa được phép dùng camera|Không mở được camera/);
  await expect(page.getByRole("searchbox", { name: "Tên khách mời" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("check-in-no-camera-phone.png"), fullPage: true });
});

test("only those who may check guests in see the door", async ({ browser, api, accounts, clientIp, baseURL }) => {
  const event = await createEvent(await api("organizer"), `Hội nghị quyền đón khách ${suffix()}`);
  const viewer = await staffPage(browser, accounts.viewer, clientIp, baseURL ?? "");
  const response = await viewer.goto(`/events/${event.id}/check-in`);
  expect(response?.status()).toBe(403);
  await viewer.goto(`/events/${event.id}`);
  await expect(viewer.getByRole("link", { name: "Đón khách" })).toHaveCount(0);
  const post = await viewer.request.post(`/events/${event.id}/check-in`, {
    form: { intent: "scan", code: "SIGNET:x" },
    headers: { Origin: new URL(viewer.url()).origin },
  });
  expect(post.status()).toBe(403);
  await viewer.context().close();
});
