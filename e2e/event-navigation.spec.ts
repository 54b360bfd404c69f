/**
 * The event's tab bar (one row of groups, the current group's sections below) and its change history in words.
 * Screenshots for a person to look at: NAV_SHOTS=/tmp/nav npx playwright test … event-navigation.spec.ts
 */
import type { Page } from "@playwright/test";
import { SEED_TITLE, expect, seedEventId, test } from "./fixtures";

async function shots(page: Page, name: string) {
  const dir = process.env.NAV_SHOTS;
  if (!dir) return;
  const size = page.viewportSize();
  await page.screenshot({ path: `${dir}/${name}-${size?.width ?? 0}.png`, fullPage: true });
}

const groups: [string, [string, string][]][] = [
  ["Khách mời", [["Khách mời", "attendees"], ["Gửi thư mời", "mail"], ["Đón khách", "check-in"], ["Giấy mời", "letters"]]],
  ["Nghi thức", [["Đại biểu", "dignitaries"], ["Các bên, văn kiện", "ceremony"], ["Xếp chỗ", "seating"], ["Chương trình", "agenda"]]],
  ["Truyền thông", [["Ảnh", "photos"], ["Tin bài", "press"]]],
  ["Quản lý", [["Nhóm tổ chức", "team"], ["Nhật ký", "history"], ["Webhook", "webhooks"], ["Sửa thông tin", "edit"]]],
];

test("every section sits in one row of five groups at 1366 px, each reachable, by mouse and keyboard", async ({ loginAs, api }) => {
  test.setTimeout(90_000); // a dozen page loads on a busy machine
  const eventId = await seedEventId(await api("admin"));
  const page = await loginAs("admin");
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/events/${eventId}`);
  const bar = page.getByRole("navigation", { name: SEED_TITLE, exact: true });
  const items = bar.getByRole("link");
  await expect(items).toHaveText(["Tổng quan", ...groups.map(([g]) => g)]);
  const tops = await Promise.all((await items.all()).map(async (item) => (await item.boundingBox())?.y));
  expect(new Set(tops).size, `one row: ${tops.join(", ")}`).toBe(1);
  // On the overview no group is open: no second bar.
  await expect(page.getByRole("navigation", { name: "Nghi thức" })).toHaveCount(0);
  await shots(page, "event-overview");

  for (const [group, sections] of groups) {
    await bar.getByRole("link", { name: group, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}/${sections[0]![1]}$`));
    await expect(bar.getByRole("link", { name: group, exact: true })).toHaveAttribute("aria-current", "true");
    const sub = page.getByRole("navigation", { name: group, exact: true });
    await expect(sub.getByRole("link")).toHaveText(sections.map(([label]) => label));
    for (const [label, path] of sections) {
      await sub.getByRole("link", { name: label, exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`/events/${eventId}/${path}$`));
      await expect(sub.getByRole("link", { name: label, exact: true })).toHaveAttribute("aria-current", "page");
    }
  }
  await page.goto(`/events/${eventId}/seating`);
  await shots(page, "event-seating");

  // The keyboard: a group is a plain link.
  await bar.getByRole("link", { name: "Truyền thông", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/photos$`));

  // A phone: every group visible inside the screen's width, nothing to scroll sideways for.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/events/${eventId}/seating`);
  const names = await items.allTextContents();
  const boxes = await Promise.all((await items.all()).map((item) => item.boundingBox()));
  boxes.forEach((box, i) => expect(box && box.x >= 0 && box.x + box.width <= 390, `${names[i]} fits the phone`).toBe(true));
  await shots(page, "event-seating");
});

test("a viewer's bar has no mail, check-in or edit: those sections are not offered", async ({ loginAs, api }) => {
  const eventId = await seedEventId(await api("admin"));
  const page = await loginAs("viewer");
  await page.goto(`/events/${eventId}/attendees`);
  await expect(page.getByRole("navigation", { name: SEED_TITLE, exact: true }).getByRole("link")).toHaveText([
    "Tổng quan",
    "Khách mời",
    "Nghi thức",
    "Truyền thông",
    "Quản lý",
  ]);
  // Guests holds the list and the invitation letters for a viewer (no mail, no check-in).
  await expect(page.getByRole("navigation", { name: "Khách mời", exact: true }).getByRole("link")).toHaveText(["Khách mời", "Giấy mời"]);
  await page.goto(`/events/${eventId}/team`);
  await expect(page.getByRole("navigation", { name: "Quản lý", exact: true }).getByRole("link")).toHaveText(["Nhóm tổ chức", "Nhật ký"]);
});

/** What a raw key looks like: press.publish, press_summary, keyPoints, "dignitary:". */
const RAW = /\b[a-z]+(?:[._][a-z]+)+\b|\b[a-z]+[A-Z][A-Za-z]*\b|\b(?:dignitary|event|photo|invitation):/;
/** The history's text without the photos' file names (lam.jpg is a name, not a key). */
const withoutFileNames = (text: string) => text.replace(/[\w-]+\.(?:jpe?g|png|webp|heic|tiff?)\b/gi, "");

test("the demo's history reads in words, in Vietnamese and in English: no raw key", async ({ browser, loginAs, api, clientIp }) => {
  const eventId = await seedEventId(await api("admin"));
  // A reader of its own: switching to English stays with the account, so not one the other tests share.
  const adminPage = await loginAs("admin");
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const email = `doc-nhat-ky-${id}@signet.test`;
  const password = `mat-khau-${id}-dai`;
  await adminPage.goto("/admin/users");
  await adminPage.getByLabel("Họ và tên").fill(`Người đọc nhật ký ${id}`);
  await adminPage.getByLabel("Email").fill(email);
  await adminPage.getByLabel("Vai trò", { exact: true }).selectOption("viewer");
  await adminPage.getByLabel(/^Mật khẩu/).fill(password);
  await adminPage.getByRole("button", { name: "Tạo", exact: true }).click();
  await expect(adminPage.getByRole("cell", { name: email })).toBeVisible();
  const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Mật khẩu").fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page).toHaveURL(/\/events/);

  await page.goto(`/events/${eventId}/history`);
  const table = page.getByRole("table", { name: "Nhật ký thay đổi" });
  await expect(table.getByRole("row").nth(1)).toBeVisible();
  await expect(table).toContainText("Đăng tin bài");
  await expect(table).toContainText("Tin bài: ");
  await expect(table).toContainText("Đại biểu: Nguyễn Hồng Chuyên");
  await expect(table).toContainText("Đã sửa: Người trong ảnh");
  const vi = withoutFileNames(await table.innerText());
  expect(vi.match(RAW)?.[0] ?? null, "no raw key in the Vietnamese history").toBeNull();
  await shots(page, "history");

  await page.getByRole("button", { name: "English" }).click();
  const en = page.getByRole("table", { name: "Change history" });
  await expect(en).toContainText("Published a press report");
  await expect(en).toContainText("Dignitary: Nguyễn Hồng Chuyên");
  const text = withoutFileNames(await en.innerText());
  expect(text.match(RAW)?.[0] ?? null, "no raw key in the English history").toBeNull();
  await context.close();
});
