/**
 * Live counts, the door mode and the invitee's page (issue 10): the numbers on the event page and at the door
 * change while an invitee answers in their own browser and another staff member checks someone in, with no
 * reload; the door mode puts search and camera first on a phone and shows the seat; the invitee's page says who
 * invites, puts the QR code first once they accept, and its calendar links carry the personal link.
 *
 * Own port/state/output when run beside other specs:
 *   E2E_PORT=3202 npx playwright test -c e2e/playwright.config.ts live.spec.ts
 */
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { test, expect, type Account } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function hostOrganizationId(api: APIRequestContext): Promise<string> {
  const response = await api.get("/api/v1/organizations");
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: { id: string; nameVi: string }[] };
  const host = data.find((o) => o.nameVi === "Ban Tuyên giáo Tỉnh ủy");
  expect(host, "the seed has the host organization").toBeTruthy();
  return host!.id;
}

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-07-02T14:00:00+07:00",
      endsAt: "2031-07-02T16:00:00+07:00",
      hostOrganizationId: await hostOrganizationId(api),
      venue: { name: "Hội trường Tỉnh ủy", address: "Số 1 Lê Lợi, TP. Thái Bình" },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

async function addGuest(page: Page, eventId: string, guest: { name: string; honorific: string; email: string }) {
  await page.goto(`/events/${eventId}/attendees/new`);
  await page.getByLabel("Họ và tên").fill(guest.name);
  await page.getByLabel(/^Danh xưng/).fill(guest.honorific);
  await page.getByLabel(/^Email/).fill(guest.email);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/attendees(\\?|$)`));
}

async function signIn(page: Page, account: Account) {
  await page.goto("/login");
  await page.getByLabel(/^Email/).fill(account.email);
  await page.getByLabel(/^(Mật khẩu|Password)/).fill(account.password);
  await page.getByRole("button", { name: /^(Đăng nhập|Sign in)$/ }).click();
  await expect(page).toHaveURL(/\/events/);
}

async function staffPage(browser: Browser, account: Account, clientIp: string, baseURL: string, device: object = phone) {
  const context = await browser.newContext({ ...device, baseURL, locale: "vi-VN", extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await signIn(page, account);
  return page;
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

/** A mark in the page's JavaScript: still there later means the page was never reloaded. */
async function markPage(page: Page) {
  await page.evaluate(() => ((window as unknown as { __liveMark: number }).__liveMark = 42));
}
async function stillSamePage(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __liveMark?: number }).__liveMark)).toBe(42);
}

async function expectCounts(page: Page, counts: { invited: number; answered: number; accepted: number; arrived: number }) {
  for (const [key, value] of Object.entries(counts)) {
    await expect(page.getByTestId(`count-${key}`), key).toHaveText(String(value), { timeout: 15_000 });
  }
}

test("the counts change without a reload while an invitee answers and another door checks a guest in; the invitee's page names the host and puts the QR first", async ({
  page,
  browser,
  loginAs,
  api,
  accounts,
  clientIp,
  baseURL,
}, testInfo) => {
  test.setTimeout(120_000);
  const id = suffix();
  const event = await createEvent(await api("organizer"), `Lễ ký kết số liệu trực tiếp ${id}`);
  const hoa = { name: `Trần Thị Hoa ${id}`, honorific: "Bà", email: `hoa-${id}@example.org` };
  const binh = { name: `Lê Văn Bình ${id}`, honorific: "Ông", email: `binh-${id}@example.org` };

  await loginAs("organizer");
  await addGuest(page, event.id, hoa);
  await addGuest(page, event.id, binh);
  await page.goto(`/events/${event.id}/mail`);
  await page.getByRole("button", { name: "Gửi cho người chưa được gửi (2)" }).click();
  // A mass send asks first, with the count.
  await page.getByRole("button", { name: "Gửi 2 lời mời" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Thư của sự kiện" }).getByText("Đã gửi", { exact: true })).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // Staff on a desktop keep the event page open, and the check-in page in a second tab.
  const overview = page;
  const overviewErrors = watchConsole(overview);
  await overview.goto(`/events/${event.id}`);
  await expectCounts(overview, { invited: 2, answered: 0, accepted: 0, arrived: 0 });
  await markPage(overview);
  const checkInTab = await page.context().newPage();
  await checkInTab.goto(`/events/${event.id}/check-in`);
  await expect(checkInTab.getByTestId("checkin-totals")).toHaveText("Đã đón 0/2 khách");
  await markPage(checkInTab);
  await overview.screenshot({ path: testInfo.outputPath("overview-desktop.png"), fullPage: true });
  await checkInTab.screenshot({ path: testInfo.outputPath("check-in-desktop.png"), fullPage: true });

  // An admin reads Hoa's personal link in the Mailbox (a browser of its own).
  const admin = await staffPage(browser, accounts.admin, clientIp, baseURL ?? "", { viewport: { width: 1280, height: 900 } });
  await admin.goto("/admin/mailbox");
  await admin.getByRole("row").filter({ hasText: hoa.email }).first().getByRole("link").first().click();
  const href = await admin.locator("pre a[href*='/i/']").first().getAttribute("href");
  const personal = new URL(href ?? "", "http://x");
  expect(personal.pathname).toMatch(/^\/i\/[A-Za-z0-9_-]{43}$/);

  // Hoa, on her phone: the page says who invites; before she answers, the QR is not first.
  const inviteeContext = await browser.newContext({ ...phone, locale: "vi-VN" });
  const invitee = await inviteeContext.newPage();
  const inviteeErrors = watchConsole(invitee);
  await invitee.goto(personal.pathname);
  await expect(invitee).toHaveURL(/\/invitation$/);
  await expect(invitee.getByTestId("invitation-inviter")).toHaveText("Ban Tuyên giáo Tỉnh ủy trân trọng kính mời quý vị tới dự");
  const cards = invitee.locator(".invitation > section");
  await expect(cards.first()).toHaveAttribute("aria-labelledby", "invitation-title");
  await expect(invitee.getByTestId("qr-section")).toContainText("Mã QR đón khách sẽ hiện ở đây khi quý vị nhận lời tham dự.");

  // The calendar links carry her personal link, which opens on any device — not the cookie address /invitation. The
  // buttons are our own addresses, redirecting to the service (the service is not visited: its URL is read).
  const serviceUrl = async (name: RegExp) => {
    const href = (await invitee.getByRole("link", { name }).getAttribute("href")) ?? "";
    const jump = await invitee.request.get(href, { maxRedirects: 0 });
    expect(jump.status(), href).toBe(302);
    return new URL(jump.headers()["location"] ?? "");
  };
  const details = async () => {
    const google = await serviceUrl(/Google Lịch/);
    const outlook = await serviceUrl(/Outlook\.com/);
    const office = await serviceUrl(/Office 365/);
    return [google.searchParams.get("details"), outlook.searchParams.get("body"), office.searchParams.get("body")];
  };
  for (const text of await details()) {
    const last = text?.split("\n").at(-1) ?? "";
    expect(new URL(last).pathname).toBe(personal.pathname);
    expect(text).not.toMatch(/\/invitation\b/);
  }

  // She accepts: the QR code is now the first thing on her page.
  await invitee.getByRole("button", { name: "Tham dự", exact: true }).click();
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "accepted");
  await expect(cards.first()).toHaveAttribute("data-testid", "qr-section");
  await expect(cards.first().getByTestId("checkin-qr")).toBeVisible();
  const qrBox = await invitee.getByTestId("checkin-qr").boundingBox();
  expect(qrBox && qrBox.y + qrBox.height, "the QR code is on the first screen").toBeLessThanOrEqual(844);
  await invitee.screenshot({ path: testInfo.outputPath("invitation-accepted-phone.png"), fullPage: true });
  // In English, the host's English name.
  await invitee.getByRole("button", { name: "English" }).click();
  await expect(invitee.getByTestId("invitation-inviter")).toHaveText(
    "Propaganda Department of the Provincial Party Committee requests the pleasure of your company at",
  );
  await invitee.screenshot({ path: testInfo.outputPath("invitation-accepted-phone-en.png"), fullPage: true });
  await invitee.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(invitee.getByTestId("invitation-inviter")).toHaveText("Ban Tuyên giáo Tỉnh ủy trân trọng kính mời quý vị tới dự");
  await invitee.setViewportSize({ width: 1280, height: 900 });
  await invitee.screenshot({ path: testInfo.outputPath("invitation-accepted-desktop.png"), fullPage: true });

  // The event page and the check-in tab follow, without a reload.
  await expectCounts(overview, { invited: 2, answered: 1, accepted: 1, arrived: 0 });
  await expectCounts(checkInTab, { invited: 2, answered: 1, accepted: 1, arrived: 0 });

  // Another staff member, at the door on a phone, checks Bình in by name in door mode.
  const door = await staffPage(browser, accounts.admin, clientIp, baseURL ?? "");
  await door.goto(`/events/${event.id}/door`);
  await door.getByRole("searchbox", { name: "Tên khách mời" }).fill(`le van binh ${id}`);
  await door.getByRole("button", { name: "Tìm", exact: true }).click();
  await door.getByRole("article", { name: `Ông ${binh.name}` }).getByRole("button", { name: "Đón khách" }).click();
  await expect(door.getByTestId("checkin-result")).toHaveAttribute("data-outcome", "checkedIn");
  // The door's own counts come with the action's revalidation.
  await expectCounts(door, { invited: 2, answered: 1, accepted: 1, arrived: 1 });
  for (const [name, path] of [
    ["overview-phone", `/events/${event.id}`],
    ["check-in-phone", `/events/${event.id}/check-in`],
  ] as const) {
    const view = await door.context().newPage();
    await view.goto(path);
    await expect(view.getByTestId("count-arrived")).toHaveText("1");
    await view.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
    await view.close();
  }

  await expectCounts(overview, { invited: 2, answered: 1, accepted: 1, arrived: 1 });
  await expect(checkInTab.getByTestId("checkin-totals")).toHaveText("Đã đón 1/2 khách", { timeout: 15_000 });
  await stillSamePage(overview);
  await stillSamePage(checkInTab);
  expect(overviewErrors).toEqual([]);
  expect(inviteeErrors).toEqual([]);
  await inviteeContext.close();
});

test("a hidden tab stops asking for the counts and asks again at once when shown", async ({ page, loginAs, api }) => {
  const event = await createEvent(await api("organizer"), `Hội nghị thẻ ẩn ${suffix()}`);
  await loginAs("organizer");
  // A fake clock: once paused, the polling timers run only when the test moves time on (no sleeping in the test).
  const t0 = new Date("2031-01-01T08:00:00Z");
  await page.clock.install({ time: t0 });
  let asked = 0;
  let answered = 0;
  const isPoll = (url: string) => new URL(url).pathname === `/events/${event.id}/counts`;
  page.on("request", (r) => void (isPoll(r.url()) && asked++));
  page.on("requestfinished", (r) => void (isPoll(r.url()) && answered++));
  page.on("requestfailed", (r) => void (isPoll(r.url()) && answered++));
  /** Waits until every poll asked for has its answer (the next one is then only a timer). */
  const settled = async (n: number) => {
    await expect.poll(() => asked).toBe(n);
    await expect.poll(() => answered).toBe(n);
  };
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId("count-invited")).toHaveText("0");
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  // Ten minutes later, paused: the timer that was waiting has fired once (each poll waits for the last answer).
  await page.clock.pauseAt(new Date(t0.getTime() + 10 * 60_000));
  await settled(1);
  await page.clock.runFor(4_100);
  await settled(2);

  const setVisibility = (state: "hidden" | "visible") =>
    page.evaluate((s) => {
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => s });
      document.dispatchEvent(new Event("visibilitychange"));
    }, state);
  await setVisibility("hidden");
  await page.clock.runFor(60_000);
  // A request made after that minute arrives after any poll the minute would have caused.
  await page.evaluate(() => fetch("/healthz"));
  expect(asked, "no poll while hidden").toBe(2);

  await setVisibility("visible");
  await settled(3);
  await page.clock.runFor(4_100);
  await settled(4);

  // The endpoint itself: JSON, not cached, and only for those who may read the event.
  const response = await page.request.get(`/events/${event.id}/counts`);
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("private, no-store");
  expect(await response.json()).toEqual({ invited: 0, answered: 0, accepted: 0, arrived: 0, companions: 0, expected: 0, asOf: expect.any(Number) });
  await page.context().clearCookies();
  expect((await page.request.get(`/events/${event.id}/counts`, { maxRedirects: 0 })).status()).not.toBe(200);
});

test("door mode on a phone: search and camera on the first screen, the result big with the seat, counts in view", async ({
  page,
  browser,
  loginAs,
  api,
  accounts,
  clientIp,
  baseURL,
}, testInfo) => {
  const id = suffix();
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết chế độ cửa ${id}`);
  const dignitary = await organizer.post(`/api/v1/events/${event.id}/dignitaries`, {
    data: { honorific: "đồng chí", name: `Nguyễn Hồng Chuyên ${id}`, positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"], organization: "Ban Tuyên giáo Tỉnh ủy" },
  });
  expect(dignitary.status(), await dignitary.text()).toBe(201);

  // The organizer sets a presidium and lets precedence seat the dignitary.
  await loginAs("organizer");
  await page.setViewportSize({ width: 1280, height: 1200 });
  await page.goto(`/events/${event.id}/seating`);
  await page.getByLabel("Tên", { exact: true }).last().fill("Đoàn chủ tịch");
  await page.getByLabel("Loại", { exact: true }).last().selectOption("presidium");
  await page.getByLabel("Số ghế").last().fill("3");
  await page.getByRole("button", { name: "Thêm bàn, hàng ghế" }).click();
  await expect(page.getByRole("status").first()).toHaveText("Đã thêm Đoàn chủ tịch.");
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).not.toHaveText("Đã thêm Đoàn chủ tịch.");

  // The check-in page leads to the door mode.
  await page.goto(`/events/${event.id}/check-in`);
  await page.getByRole("link", { name: "Chế độ đón tại cửa" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${event.id}/door$`));
  await page.screenshot({ path: testInfo.outputPath("door-desktop.png"), fullPage: true });

  const door = await staffPage(browser, accounts.organizer, clientIp, baseURL ?? "");
  const errors = watchConsole(door);
  await door.goto(`/events/${event.id}/door`);
  // No event header, no tab bar: the search box and the camera button are on the first screen.
  await expect(door.getByRole("navigation", { name: `Lễ ký kết chế độ cửa ${id}` })).toHaveCount(0);
  const search = door.getByRole("searchbox", { name: "Tên khách mời" });
  const camera = door.getByRole("button", { name: "Bật camera để quét mã QR" });
  for (const control of [search, camera]) {
    const box = await control.boundingBox();
    expect(box, "on the page").toBeTruthy();
    expect(box!.y + box!.height, "within the first 844 px").toBeLessThanOrEqual(844);
  }
  await expect(door.getByTestId("live-counts")).toBeInViewport();
  await expectCounts(door, { invited: 1, answered: 0, accepted: 0, arrived: 0 });
  await door.screenshot({ path: testInfo.outputPath("door-phone.png") });

  await search.fill(`nguyen hong chuyen ${id}`);
  await door.getByRole("button", { name: "Tìm", exact: true }).click();
  const card = door.getByRole("article", { name: `đồng chí Nguyễn Hồng Chuyên ${id}` });
  // The first in precedence sits in the middle of a presidium of three: seat 2, as the seating page numbers it.
  await expect(card.getByTestId("guest-seat")).toHaveText("Chỗ ngồi: Đoàn chủ tịch, ghế 2");
  await card.getByRole("button", { name: "Đón khách" }).click();
  const result = door.getByTestId("checkin-result");
  await expect(result).toHaveAttribute("data-outcome", "checkedIn");
  await expect(result.getByTestId("guest-seat")).toHaveText("Chỗ ngồi: Đoàn chủ tịch, ghế 2");
  await expect(result).toBeInViewport();
  await expectCounts(door, { invited: 1, answered: 0, accepted: 0, arrived: 1 });
  await door.screenshot({ path: testInfo.outputPath("door-result-phone.png") });

  // Leaving door mode goes back to the check-in page inside the event.
  await door.getByRole("link", { name: "Thoát chế độ cửa" }).click();
  await expect(door).toHaveURL(new RegExp(`/events/${event.id}/check-in$`));
  await expect(door.getByTestId("checkin-totals")).toHaveText("Đã đón 1/1 khách");
  expect(errors).toEqual([]);

  // The door mode asks for the same permission as the check-in page.
  const viewer = await staffPage(browser, accounts.viewer, clientIp, baseURL ?? "");
  expect((await viewer.goto(`/events/${event.id}/door`))?.status()).toBe(403);
});
