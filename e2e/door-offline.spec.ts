/**
 * The offline door (issue 17): /events/:id/door/offline on two phones. Each takes the door list while online, the
 * network is cut (Playwright's offline mode), the page reloads from the service worker, guests are scanned on both
 * phones — the same guest on both, a withdrawn invitation on a phone whose list is fresh and on one whose list is
 * stale — and the network returns: one check-in per guest, a logged duplicate and a flagged refusal that staff see,
 * counts current without a reload.
 *
 *   E2E_PORT=3108 E2E_STATE=e2e/.state-door npx playwright test -c e2e/playwright.config.ts door-offline.spec.ts
 */
import jsQR from "jsqr";
import sharp from "sharp";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { test, expect, type Account } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: { title, kind: "signing_ceremony", status: "scheduled", startsAt: "2031-06-12T14:00:00+07:00", endsAt: "2031-06-12T16:00:00+07:00" },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function invite(api: APIRequestContext, eventId: string, body: Record<string, unknown>) {
  const response = await api.post(`/api/v1/events/${eventId}/invitations`, { data: body });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; rsvpUrl: string };
}

/** The guest accepts on their own phone and the text of their door QR code is read from the picture. */
async function ticketOf(browser: Browser, rsvpUrl: string): Promise<string> {
  const context = await browser.newContext({ ...phone, locale: "vi-VN" });
  const page = await context.newPage();
  await page.goto(new URL(rsvpUrl).pathname);
  await page.getByRole("button", { name: "Tham dự", exact: true }).click();
  const src = (await page.getByTestId("checkin-qr").getAttribute("src")) ?? "";
  // The page's own image of the code (the guest's cookie says whose).
  const svg = await (await page.request.get(src)).body();
  await context.close();
  const { data, info } = await sharp(svg, { density: 300 }).flatten({ background: "#ffffff" }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const decoded = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  expect(decoded?.data).toMatch(/^S2:/);
  return decoded!.data;
}

async function doorPhone(browser: Browser, account: Account, clientIp: string, baseURL: string, errors: string[]) {
  const context = await browser.newContext({ ...phone, baseURL, locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  await page.goto("/login");
  await page.getByLabel(/^Email/).fill(account.email);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(account.password);
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/events/);
  return page;
}

/** Opens the offline door and waits until the list is on the device and the worker holds the page and its bundles. */
async function openDoor(page: Page, eventId: string) {
  await page.goto(`/events/${eventId}/door/offline`);
  await expect(page.getByTestId("door-list-age")).toBeVisible();
  await expect(async () => {
    const cached = await page.evaluate(async (path) => {
      const cache = await caches.open("signet-door-v1");
      const keys = (await cache.keys()).map((r) => new URL(r.url).pathname);
      return keys.includes(path) && keys.some((k) => k.startsWith("/build/")) && !!navigator.serviceWorker.controller;
    }, `/events/${eventId}/door/offline`);
    expect(cached).toBe(true);
  }).toPass({ timeout: 15_000 });
}

async function scanCode(page: Page, code: string) {
  await page.getByRole("textbox", { name: "Mã trên thư mời (máy quét mã hoặc dán vào)" }).fill(code);
  await page.getByRole("button", { name: "Kiểm tra mã" }).click();
}

test("two phones check guests in offline and sync: one check-in, a logged duplicate, a withdrawn ticket refused or flagged", async ({ browser, api, accounts, clientIp, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const id = suffix();
  const organizerApi = await api("organizer");
  const event = await createEvent(organizerApi, `Lễ ký kết cửa ngoại tuyến ${id}`);
  const an = await invite(organizerApi, event.id, { honorific: "Ông", name: `Nguyễn Văn An ${id}`, positions: ["Giám đốc Sở Tư pháp"], role: "dignitary", group: "Bàn 1" });
  const binh = await invite(organizerApi, event.id, { honorific: "Bà", name: `Lê Thị Bình ${id}`, role: "guest" });
  const chi = await invite(organizerApi, event.id, { honorific: "Ông", name: `Trần Văn Chí ${id}`, role: "guest" });
  const anTicket = await ticketOf(browser, an.rsvpUrl);
  const chiTicket = await ticketOf(browser, chi.rsvpUrl);

  const errors: string[] = [];
  const door1 = await doorPhone(browser, accounts.organizer, clientIp, baseURL ?? "", errors);
  const door2 = await doorPhone(browser, accounts.admin, clientIp, baseURL ?? "", errors);
  await openDoor(door1, event.id);
  await openDoor(door2, event.id);
  await expect(door1.getByTestId("door-network")).toHaveText("Có mạng");

  // Chí's invitation is withdrawn; only phone 2 takes the list again before the signal goes.
  expect((await organizerApi.delete(`/api/v1/events/${event.id}/invitations/${chi.id}`)).status()).toBe(200);
  await door2.getByRole("button", { name: "Đồng bộ ngay" }).click();
  await expect(door2.getByRole("button", { name: "Đồng bộ ngay" })).toBeEnabled();

  const cutAt = Date.now();
  for (const door of [door1, door2]) await door.context().setOffline(true);
  // The page itself comes from the service worker: a copy rendered before the network was cut.
  const reloaded = await door1.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(door1.getByTestId("door-network")).toHaveText("Mất mạng");
  expect(Number(await door1.locator("[data-rendered-at]").getAttribute("data-rendered-at"))).toBeLessThan(cutAt);
  await expect(door1.getByTestId("door-queue")).toHaveText("Đã đồng bộ hết");
  await door1.screenshot({ path: testInfo.outputPath("door-offline-loaded-phone.png"), fullPage: true });

  // Both phones scan An; phone 2 refuses Chí (its list knows), phone 1 lets him in (its list is older).
  await scanCode(door1, anTicket);
  await expect(door1.getByTestId("door-result")).toHaveAttribute("data-outcome", "accepted");
  await expect(door1.getByTestId("door-result")).toContainText(`Ông Nguyễn Văn An ${id}`);
  await expect(door1.getByTestId("door-result")).toContainText("Mời vào — sẽ đồng bộ khi có mạng");
  await scanCode(door1, anTicket);
  await expect(door1.getByTestId("door-result")).toHaveAttribute("data-outcome", "already");
  await scanCode(door2, anTicket);
  await expect(door2.getByTestId("door-result")).toHaveAttribute("data-outcome", "accepted");
  await scanCode(door2, chiTicket);
  await expect(door2.getByTestId("door-result")).toHaveAttribute("data-outcome", "refused");
  await expect(door2.getByTestId("door-result")).toContainText("Thư mời này đã bị thu hồi");
  await scanCode(door1, chiTicket);
  await expect(door1.getByTestId("door-result")).toHaveAttribute("data-outcome", "accepted");
  // A forged ticket is refused on the device.
  await scanCode(door1, anTicket.replace(/:([A-Za-z0-9_-])([A-Za-z0-9_-]{40})/, (_m, c: string, rest: string) => `:${c === "A" ? "B" : "A"}${rest}`));
  await expect(door1.getByTestId("door-result")).toHaveAttribute("data-outcome", "refused");
  // Bình is found by name, typed without diacritics.
  await door1.getByRole("searchbox", { name: "Tìm theo tên" }).fill(`le thi binh ${id}`);
  await door1.getByRole("article", { name: `Bà Lê Thị Bình ${id}` }).getByRole("button", { name: "Đón khách" }).click();
  await expect(door1.getByTestId("door-queue")).toHaveText("Chờ đồng bộ: 3");
  await expect(door2.getByTestId("door-queue")).toHaveText("Chờ đồng bộ: 1");
  await expect(door1.getByTestId("count-arrived")).toHaveText("3");
  await door1.screenshot({ path: testInfo.outputPath("door-offline-queued-phone.png"), fullPage: true });

  // The network returns: phone 1 first, then phone 2. No reload.
  await door1.context().setOffline(false);
  await expect(door1.getByTestId("door-network")).toHaveText("Có mạng");
  await expect(door1.getByTestId("door-queue")).toHaveText("Đã đồng bộ hết");
  await expect(door1.getByTestId("door-flags")).toContainText(`Bị từ chối khi đồng bộ: Ông Trần Văn Chí ${id}`);
  await door2.context().setOffline(false);
  await expect(door2.getByTestId("door-queue")).toHaveText("Đã đồng bộ hết");
  await expect(door2.getByTestId("door-flags")).toContainText(`Quét trùng: Ông Nguyễn Văn An ${id}`);
  await expect(door2.getByTestId("count-arrived")).toHaveText("2");
  // Phone 1 sees phone 2's duplicate at its next refresh.
  await door1.getByRole("button", { name: "Đồng bộ ngay" }).click();
  await expect(door1.getByTestId("door-flags")).toContainText(`Quét trùng: Ông Nguyễn Văn An ${id}`);
  await expect(door1.getByTestId("count-arrived")).toHaveText("2");
  await door2.screenshot({ path: testInfo.outputPath("door-offline-synced-phone.png"), fullPage: true });

  // On the server: An once, Bình once, Chí never; the counts agree.
  const list = (await (await door1.request.get(`/events/${event.id}/door/list`)).json()) as {
    guests: { invitationId: string; checkedInAt: string | null; checkedInBy: string | null }[];
    flags: { kind: string; invitationId: string | null }[];
    counts: { arrived: number };
  };
  const byId = new Map(list.guests.map((g) => [g.invitationId, g]));
  expect(byId.get(an.id)?.checkedInBy).toBe(accounts.organizer.name);
  expect(byId.get(binh.id)?.checkedInAt).not.toBeNull();
  expect(byId.get(chi.id)?.checkedInAt).toBeNull();
  expect(list.flags.map((f) => [f.kind, f.invitationId]).sort()).toEqual([
    ["duplicate", an.id],
    ["refused", chi.id],
  ]);
  expect(list.counts.arrived).toBe(2);
  expect(errors).toEqual([]);
  await door1.context().close();
  await door2.context().close();
});
