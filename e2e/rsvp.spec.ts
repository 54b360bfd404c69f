/**
 * The invitee's side: the personal link from the invitation email, the clean /invitation page, answering,
 * the calendar file, and links that no longer work. Nothing here reaches into the database: the organizer adds
 * invitees on the attendees page and sends the invitations, and the personal links are read from the local
 * Mailbox (/admin/mailbox) as an admin, exactly as a person would find them.
 *
 * Own port/state/output when run beside other specs:
 *   E2E_PORT=3440 E2E_STATE=/tmp/e2e-rsvp npx playwright test -c e2e/playwright.config.ts rsvp.spec.ts check-in.spec.ts --output /tmp/pw-rsvp
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function createEvent(api: APIRequestContext, title: string): Promise<{ id: string }> {
  const response = await api.post("/api/v1/events", {
    data: {
      title,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-05-20T14:00:00+07:00",
      endsAt: "2031-05-20T16:00:00+07:00",
      description: "Kính mời quý vị đến trước 15 phút.",
      venue: { name: "Hội trường Tỉnh ủy", address: "Số 1 Lê Lợi, TP. Thái Bình", room: "Tầng 2" },
    },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

interface Invitee {
  name: string;
  email: string;
  honorific?: string;
  language?: "vi" | "en";
}

/** Adds an invitee on the attendees page; false when that page cannot add one (not built). */
async function addInvitee(page: Page, eventId: string, invitee: Invitee): Promise<boolean> {
  const response = await page.goto(`/events/${eventId}/attendees/new`);
  if (!response?.ok() || (await page.getByRole("button", { name: "Thêm vào danh sách" }).count()) === 0) return false;
  await page.getByLabel("Họ và tên").fill(invitee.name);
  if (invitee.honorific) await page.getByLabel(/^Danh xưng/).fill(invitee.honorific);
  await page.getByLabel(/^Email/).fill(invitee.email);
  if (invitee.language) await page.getByLabel(/^Ngôn ngữ/).selectOption(invitee.language);
  await page.getByRole("button", { name: "Thêm vào danh sách" }).click();
  await expect(page).toHaveURL(new RegExp(`/events/${eventId}/attendees(\\?|$)`));
  return true;
}

/** Sends the invitations and waits until the outbox worker has filed them; false when /mail is missing. */
async function sendInvitations(page: Page, eventId: string, count: number): Promise<boolean> {
  const response = await page.goto(`/events/${eventId}/mail`);
  if (!response?.ok()) return false;
  await page.getByRole("button", { name: `Gửi cho người chưa được gửi (${count})` }).click();
  await page.getByRole("button", { name: `Gửi ${count} lời mời` }).click();
  await expect(page.getByRole("status").filter({ hasText: `Đã đưa ${count} thư vào hàng đợi gửi.` })).toBeVisible();
  await expect(async () => {
    await page.reload();
    const outbox = page.getByRole("table", { name: "Thư của sự kiện" });
    await expect(outbox.getByText("Đã gửi", { exact: true })).toHaveCount(count, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  return true;
}

/** The path /i/<token> of the newest invitation email to `email`, read in the Mailbox (the page must be an admin's). */
async function personalLinkFromMailbox(page: Page, email: string): Promise<string> {
  await page.goto("/admin/mailbox");
  const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "Thư mời" }).first();
  await row.getByRole("link").first().click();
  const href = await page.locator("pre a[href*='/i/']").first().getAttribute("href");
  const path = new URL(href ?? "", "http://x").pathname;
  expect(path).toMatch(/^\/i\/[A-Za-z0-9_-]{43}$/);
  return path;
}

test("an invitee opens their link, answers, changes the answer, gets the calendar file; dead links all look alike", async ({
  page,
  browser,
  loginAs,
  api,
}, testInfo) => {
  // The whole journey (two browsers, mail, calendar file, withdrawal, history) takes ~20 s alone: room for a busy CI.
  test.setTimeout(60_000);
  const id = suffix();
  const title = `Lễ ký kết mời dự ${id}`;
  const event = await createEvent(await api("organizer"), title);
  const hong = { name: `Nguyễn Thị Hồng ${id}`, honorific: "Bà", email: `hong-${id}@example.org` };
  const leaving = { name: `Trần Văn Rút ${id}`, honorific: "Ông", email: `rut-${id}@example.org` };

  // The organizer adds two invitees and sends the invitations.
  await loginAs("organizer");
  const added = await addInvitee(page, event.id, hong);
  expect(added, "the page exists and works").toBeTruthy();
  await addInvitee(page, event.id, leaving);
  const sent = await sendInvitations(page, event.id, 2);
  expect(sent, "the page exists and works").toBeTruthy();

  // An admin finds the personal links in the local Mailbox.
  await page.context().clearCookies();
  await loginAs("admin");
  const hongLink = await personalLinkFromMailbox(page, hong.email);
  const leavingLink = await personalLinkFromMailbox(page, leaving.email);
  expect(hongLink).not.toBe(leavingLink);

  // The invitee, in a browser of their own (in New York), with no account.
  const context = await browser.newContext({ locale: "vi-VN", timezoneId: "America/New_York", viewport: { width: 390, height: 844 } });
  const invitee = await context.newPage();
  const consoleErrors: string[] = [];
  invitee.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) consoleErrors.push(m.text());
  });

  // The link itself: a redirect to the clean address, the token in an HttpOnly cookie, no referrer to other sites, no cache.
  const redirect = await invitee.request.get(hongLink, { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()["location"]).toBe("/invitation");
  expect(redirect.headers()["cache-control"]).toBe("no-store");
  // server/index.ts sends a site-wide default first; ours comes last and is the one browsers apply.
  expect(redirect.headers()["referrer-policy"]?.split(",").map((s) => s.trim()).at(-1)).toBe("same-origin");
  const setCookie = redirect.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const tokenCookies = setCookie.filter((c) => c.startsWith("signet_invitation="));
  // The page and its calendar file, and the page's single-fetch data requests (/invitation.data).
  expect(tokenCookies.map((c) => /Path=([^;]+)/.exec(c)?.[1]).sort()).toEqual(["/invitation", "/invitation.data"]);
  for (const c of tokenCookies) expect(c).toMatch(/HttpOnly;.*SameSite=Lax/);

  await invitee.goto(hongLink);
  await expect(invitee).toHaveURL(/\/invitation$/);
  expect(invitee.url()).not.toContain(hongLink.slice(3));
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(invitee.getByText(`Kính gửi: Bà ${hong.name}`)).toBeVisible();
  await expect(invitee.getByTestId("invitation-when")).toHaveText("14:00 – 16:00, Thứ 3, 20/05/2031");
  await expect(invitee.getByTestId("invitation-when-local")).toContainText("03:00 – 05:00, Thứ 3, 20/05/2031 (America/New_York)");
  await expect(invitee.getByText("Tầng 2, Hội trường Tỉnh ủy, Số 1 Lê Lợi, TP. Thái Bình")).toBeVisible();
  const map = invitee.getByRole("link", { name: /Xem bản đồ/ });
  expect(new URL((await map.getAttribute("href")) ?? "").searchParams.get("query")).toBe("Hội trường Tỉnh ủy, Số 1 Lê Lợi, TP. Thái Bình");
  await expect(map).toHaveAttribute("rel", /noreferrer/);
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "sent");
  await expect(invitee.getByText("Mã QR đón khách sẽ hiện ở đây khi quý vị nhận lời tham dự.")).toBeVisible();

  const page1 = await invitee.request.get("/invitation");
  expect(page1.headers()["cache-control"]).toBe("no-store");
  expect(page1.headers()["referrer-policy"]?.split(",").map((s) => s.trim()).at(-1)).toBe("same-origin");
  // And the browser really applies it: our own requests carry the clean address only (never the token), and
  // under same-origin nothing goes to another site.
  const healthz = invitee.waitForRequest((r) => r.url().endsWith("/healthz"));
  await invitee.evaluate(() => fetch("/healthz"));
  expect((await (await healthz).allHeaders())["referer"]).toBe(new URL("/invitation", invitee.url()).href);

  // A GET never changes the answer, whatever its query says.
  await invitee.goto("/invitation?intent=accept&comment=GET");
  await invitee.goto(`${hongLink}?intent=decline`);
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "sent");

  await invitee.screenshot({ path: testInfo.outputPath("invitation-phone-unanswered.png"), fullPage: true });

  // Accept.
  await invitee.getByRole("button", { name: "Tham dự", exact: true }).click();
  await expect(invitee.getByRole("status").filter({ hasText: "Cảm ơn quý vị đã xác nhận tham dự." })).toBeVisible();
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "accepted");
  await expect(invitee.getByRole("button", { name: "✓ Tham dự" })).toHaveAttribute("aria-pressed", "true");
  await expect(invitee.getByTestId("checkin-qr")).toBeVisible();
  // The QR code is the page's own image: drawn (not a broken image), kept by this browser only, at its version's
  // address and asked again each time (a 304 while it is current); any other address of it is not kept.
  await expect.poll(() => invitee.getByTestId("checkin-qr").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const qrSrc = (await invitee.getByTestId("checkin-qr").getAttribute("src")) ?? "";
  expect(qrSrc).toMatch(/^\/invitation\/qr\.svg\?v=[0-9a-f]{16}$/);
  const qrImage = await invitee.request.get(qrSrc);
  expect(qrImage.headers()["content-type"]).toBe("image/svg+xml");
  expect(qrImage.headers()["cache-control"]).toBe("private, no-cache");
  const etag = qrImage.headers()["etag"] ?? "";
  expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
  expect((await invitee.request.get(qrSrc, { headers: { "if-none-match": etag } })).status()).toBe(304);
  expect(qrImage.headers()["referrer-policy"]).toBe("same-origin");
  expect(await qrImage.text()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect((await invitee.request.get("/invitation/qr.svg?v=0000000000000000")).headers()["cache-control"]).toBe("no-store");
  // The calendar services: our own links, opened in a new tab without a Referer, redirecting to the service with the
  // event and the personal link filled in.
  for (const [name, service, target] of [
    ["Google Lịch", "google", /^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&/],
    ["Outlook.com", "outlook", /^https:\/\/outlook\.live\.com\/calendar\/0\/deeplink\/compose\?/],
    ["Office 365", "office365", /^https:\/\/outlook\.office\.com\/calendar\/0\/deeplink\/compose\?/],
  ] as const) {
    const button = invitee.getByRole("link", { name: new RegExp(`^${name}`) });
    await expect(button).toHaveAttribute("href", `/invitation/calendar/${service}`);
    await expect(button).toHaveAttribute("target", "_blank");
    await expect(button).toHaveAttribute("rel", "noreferrer noopener");
    const jump = await invitee.request.get(`/invitation/calendar/${service}`, { maxRedirects: 0 });
    expect(jump.status()).toBe(302);
    expect(jump.headers()["cache-control"]).toBe("no-store");
    expect(jump.headers()["referrer-policy"]).toBe("same-origin");
    const location = jump.headers()["location"] ?? "";
    expect(location).toMatch(target);
    expect(decodeURIComponent(location)).toContain(title);
    expect(decodeURIComponent(location)).toContain(new URL(hongLink, "http://x").pathname);
  }
  let ics = await invitee.request.get("/invitation/calendar.ics");
  expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8; method=REQUEST");
  let icsText = (await ics.text()).replace(/\r\n[ \t]/g, "");
  expect(icsText).toContain("METHOD:REQUEST");
  expect(icsText).toMatch(/ATTENDEE;[^\r\n]*PARTSTAT=ACCEPTED[^\r\n]*:mailto:hong-/);
  await invitee.screenshot({ path: testInfo.outputPath("invitation-phone-accepted.png"), fullPage: true });

  // Change it: Decline, with a message.
  await invitee.getByLabel(/^Lời nhắn cho ban tổ chức/).fill("Rất tiếc, tôi bận công tác đột xuất.");
  await invitee.getByRole("button", { name: "Không tham dự" }).click();
  await expect(invitee.getByRole("status").filter({ hasText: "Rất tiếc quý vị không thể tham dự." })).toBeVisible();
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "declined");
  await expect(invitee.getByTestId("checkin-qr")).toHaveCount(0);
  await invitee.reload();
  await expect(invitee.getByLabel(/^Lời nhắn cho ban tổ chức/)).toHaveValue("Rất tiếc, tôi bận công tác đột xuất.");
  ics = await invitee.request.get("/invitation/calendar.ics");
  icsText = (await ics.text()).replace(/\r\n[ \t]/g, "");
  expect(icsText).toMatch(/PARTSTAT=DECLINED/);

  // The language can be switched.
  await invitee.getByRole("button", { name: "English" }).click();
  await expect(invitee.getByRole("button", { name: "Decline" })).toBeVisible();
  await expect(invitee.getByText("You have declined.")).toBeVisible();
  await invitee.getByRole("button", { name: "Tiếng Việt" }).click();
  await expect(invitee.getByText("Quý vị đã báo không tham dự.")).toBeVisible();

  // The organizer's record: the event history names the invitee.
  await page.goto(`/events/${event.id}/history`);
  await expect(page.getByRole("row").filter({ hasText: `Bà ${hong.name}` }).first()).toContainText("Khách mời trả lời thư mời");

  // The organizer withdraws the second invitation.
  await page.context().clearCookies();
  await loginAs("organizer");
  await page.goto(`/events/${event.id}/attendees`);
  await page.getByRole("link", { name: `Sửa: ${leaving.name}` }).click();
  await page.getByRole("link", { name: "Rút lời mời", exact: true }).click();
  await page.getByRole("button", { name: "Xác nhận: Rút lời mời" }).click();
  // Not the URL: the confirmation page's own URL starts the same way. The list's message says it is done.
  await expect(page.getByRole("status")).toHaveText(`Đã rút lời mời của ${leaving.name}.`);

  // A withdrawn link and a made-up one get the same page, the same status, the same bytes.
  const stranger = await browser.newContext({ locale: "vi-VN" });
  const s = await stranger.newPage();
  const withdrawnResponse = await s.request.get(leavingLink);
  const unknownResponse = await s.request.get(`/i/${"x".repeat(43)}`);
  expect(withdrawnResponse.url()).toMatch(/\/invitation$/);
  expect(unknownResponse.url()).toMatch(/\/invitation$/);
  expect(withdrawnResponse.status()).toBe(404);
  expect(unknownResponse.status()).toBe(404);
  // Alike but for the per-request CSP nonce.
  const withoutNonce = (html: string) => html.replace(/ nonce="[^"]*"/g, "");
  expect(withoutNonce(await withdrawnResponse.text())).toBe(withoutNonce(await unknownResponse.text()));
  expect(withdrawnResponse.headers()["cache-control"]).toBe("no-store");
  await s.goto(leavingLink);
  await expect(s).toHaveURL(/\/invitation$/);
  await expect(s.getByRole("heading", { level: 1 })).toHaveText("Liên kết không hợp lệ hoặc đã hết hạn");
  const ics404 = await s.request.get("/invitation/calendar.ics");
  expect(ics404.status()).toBe(404);
  // The QR picture and the calendar links of a dead link: the same 404 as its calendar file.
  for (const path of ["/invitation/qr.svg", "/invitation/calendar/google"]) {
    const dead = await s.request.get(path, { maxRedirects: 0 });
    expect(dead.status()).toBe(404);
    expect(await dead.text()).toBe(await (await s.request.get("/invitation/calendar.ics")).text());
  }
  await s.setViewportSize({ width: 390, height: 844 });
  await s.screenshot({ path: testInfo.outputPath("invitation-invalid-phone.png"), fullPage: true });
  // An answer posted without a valid cookie changes nothing.
  const post = await s.request.post("/invitation", { form: { intent: "accept" }, headers: { Origin: new URL(s.url()).origin } });
  expect(post.status()).toBe(404);

  // The invitee's own cookie still works; a stale cookie of a withdrawn link would not.
  await invitee.goto("/invitation");
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "declined");
  await invitee.setViewportSize({ width: 1280, height: 900 });
  await invitee.screenshot({ path: testInfo.outputPath("invitation-desktop.png"), fullPage: true });

  expect(consoleErrors).toEqual([]);
  await stranger.close();
  await context.close();
});

test("without JavaScript the invitee still answers in one click (the page is a plain form)", async ({ browser, api }) => {
  const id = suffix();
  const organizer = await api("organizer");
  const event = await createEvent(organizer, `Lễ ký kết không JavaScript ${id}`);
  const invited = await organizer.post(`/api/v1/events/${event.id}/invitations`, { data: { name: `Khách ${id}`, role: "guest" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { rsvpUrl } = (await invited.json()) as { rsvpUrl: string };

  const context = await browser.newContext({ javaScriptEnabled: false, locale: "vi-VN" });
  const invitee = await context.newPage();
  await invitee.goto(rsvpUrl);
  await expect(invitee).toHaveURL(/\/invitation$/);
  // A plain form post: under Referrer-Policy no-referrer it would carry Origin: null and be refused as cross-site.
  const answered = invitee.waitForResponse((r) => r.request().method() === "POST");
  await invitee.getByRole("button", { name: "Tham dự", exact: true }).click();
  expect((await answered).status()).toBe(200);
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "accepted");
  await context.close();
});
