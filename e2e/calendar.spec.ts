import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import { test, expect, SEED_TITLE } from "./fixtures";

const SEED_UID = "seed-2017-10-19-tuyen-giao-giao-duc@signet";

function unique(label: string) {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return {
    method: String(calendar.getFirstPropertyValue("method")),
    events: calendar.getAllSubcomponents("vevent").map((ev) => {
      const start = ev.getFirstPropertyValue("dtstart");
      if (!(start instanceof ICAL.Time)) throw new Error("DTSTART is not a date-time");
      return {
        uid: String(ev.getFirstPropertyValue("uid")),
        summary: String(ev.getFirstPropertyValue("summary")),
        status: String(ev.getFirstPropertyValue("status")),
        dtstart: start.toString(),
        description: String(ev.getFirstPropertyValue("description") ?? ""),
      };
    }),
  };
}

test("staff download the seed ceremony as a calendar file", async ({ loginAs, request }) => {
  const page = await loginAs("viewer");
  await page.goto("/events?tab=past&q=2017");
  await page.getByRole("link", { name: /Lễ ký kết chương trình phối hợp công tác/ }).click();
  await expect(page.getByTestId("event-when")).toBeVisible();
  const eventPath = new URL(page.url()).pathname;

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Tải lịch (.ics)" }).click(),
  ]);
  // The browser takes the Vietnamese name (filename*); the ASCII one is for clients that cannot.
  expect(download.suggestedFilename()).toBe(`${SEED_TITLE}.ics`);
  const ics = await readFile(await download.path(), "utf8");
  const calendar = parseEvents(ics);
  expect(calendar.method).toBe("PUBLISH");
  expect(calendar.events).toHaveLength(1);
  expect(calendar.events[0]).toMatchObject({ uid: SEED_UID, summary: SEED_TITLE, dtstart: "2017-10-19T07:00:00Z" });
  expect(calendar.events[0]?.description).toContain(`${eventPath}`);
  for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);

  const response = await page.request.get(`${eventPath}/calendar.ics`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="le-ky-ket-[a-z0-9-]+\.ics"; filename\*=UTF-8''/);

  // Without a session: to the login page, not the file.
  const anonymous = await request.get(`${eventPath}/calendar.ics`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(302);
  expect(anonymous.headers().location).toContain("/login?redirectTo=");
});

test("a staff member subscribes to their calendar; a new address revokes the old one", async ({ loginAs, api, playwright, baseURL }) => {
  const title = unique("Họp giao ban lịch");
  const created = await (await api("organizer")).post("/api/v1/events", {
    data: { title, kind: "meeting", status: "scheduled", startsAt: "2031-05-01T09:00:00+07:00", endsAt: "2031-05-01T10:00:00+07:00" },
  });
  expect(created.status(), await created.text()).toBe(201);

  const page = await loginAs("organizer");
  await page.getByRole("link", { name: "Lịch của tôi" }).click();
  await expect(page).toHaveURL(/\/account\/calendar$/);
  await expect(page.getByRole("heading", { name: "Lịch của tôi" })).toBeVisible();

  // Create (or, when an earlier run left one, re-create) the address.
  await page.getByRole("button", { name: /^(Tạo địa chỉ lịch|Tạo địa chỉ mới)$/ }).click();
  await expect(page.getByTestId("calendar-feed-created")).toBeVisible();
  const firstHttps = await page.getByRole("textbox", { name: "Địa chỉ https" }).inputValue();
  const firstWebcal = await page.getByRole("textbox", { name: "Địa chỉ đăng ký (webcal)" }).inputValue();
  expect(firstHttps).toMatch(/^https?:\/\/[^/]+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(firstWebcal).toBe(firstHttps.replace(/^https?:/, "webcal:"));
  await expect(page.getByRole("link", { name: "Mở trong ứng dụng lịch" })).toHaveAttribute("href", firstWebcal);
  await expect(page.getByTestId("calendar-feed-status")).toContainText("Địa chỉ lịch hiện tại được tạo lúc");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.getByRole("button", { name: "Sao chép: Địa chỉ https" }).click();
  await expect(page.getByRole("button", { name: "Sao chép: Địa chỉ https" })).toHaveText("✓ Đã sao chép");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstHttps);

  // The feed, fetched like a calendar app does: no cookie, no session.
  const calendarApp = await playwright.request.newContext({ baseURL });
  try {
    const feedPath = new URL(firstHttps).pathname;
    const feed = await calendarApp.get(feedPath);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const calendar = parseEvents(await feed.text());
    expect(calendar.method).toBe("PUBLISH");
    expect(calendar.events.map((e) => e.summary)).toContain(title);
    expect(calendar.events.find((e) => e.summary === title)).toMatchObject({ status: "CONFIRMED", dtstart: "2031-05-01T02:00:00Z" });
    // Only their own events: the seed ceremony belongs to someone else.
    expect(calendar.events.map((e) => e.uid)).not.toContain(SEED_UID);

    // A new address: the old one answers 404 at once, the new one works.
    await page.getByRole("button", { name: "Tạo địa chỉ mới" }).click();
    await expect(page.getByRole("textbox", { name: "Địa chỉ https" })).not.toHaveValue(firstHttps);
    const secondHttps = await page.getByRole("textbox", { name: "Địa chỉ https" }).inputValue();
    const old = await calendarApp.get(feedPath);
    expect(old.status()).toBe(404);
    expect(old.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await old.text()).toContain("Không tìm thấy lịch");
    expect((await calendarApp.get(new URL(secondHttps).pathname)).status()).toBe(200);

    // Revoking ends it too.
    await page.getByRole("button", { name: "Thu hồi địa chỉ" }).click();
    await expect(page.getByText("Đã thu hồi địa chỉ lịch.")).toBeVisible();
    await expect(page.getByTestId("calendar-feed-status")).toHaveText("Bạn chưa có địa chỉ lịch.");
    expect((await calendarApp.get(new URL(secondHttps).pathname)).status()).toBe(404);
    expect((await calendarApp.get("/calendar/nonsense.ics")).status()).toBe(404);
  } finally {
    await calendarApp.dispose();
  }
});
