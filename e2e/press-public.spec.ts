/**
 * The press summary's outputs, on the seed ceremony's published report (by Đặng Anh, 19/10/2017 19:13):
 * the public page, the press room, the print view, the .docx, copy as HTML / plain text.
 *   SIGNET_BUILD_DIR=.builds/outputs E2E_PORT=3204 E2E_STATE=/tmp/e2e-outputs \
 *     npx playwright test -c e2e/playwright.config.ts press-public.spec.ts --workers=1 --output /tmp/pw-outputs
 * Screenshots of each page at desktop and phone width go to SCREENSHOTS_DIR when it is set.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { readDocx } from "../server/testing/docx-reader.server";
import { test, expect, seedEventId } from "./fixtures";

/** A reader's browser, and a crawler (isbot knows it): views are counted for the first only. */
const READER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";
const CRAWLER_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const PHONE = { width: 390, height: 844 };
const screenshots = process.env.SCREENSHOTS_DIR;

async function shoot(page: Page, name: string) {
  if (!screenshots) return;
  await page.screenshot({ path: path.join(screenshots, `${name}-desktop.png`), fullPage: true });
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: path.join(screenshots, `${name}-phone.png`), fullPage: true });
  if (size) await page.setViewportSize(size);
}

interface SummaryJson {
  id: string;
  language: "vi" | "en";
  title: string;
  body: string;
  byline: string | null;
  status: string;
  slug: string | null;
  publicUrl: string | null;
  viewCount: number;
}

async function seedReport(api: APIRequestContext): Promise<{ eventId: string; summary: SummaryJson }> {
  const eventId = await seedEventId(api);
  const response = await api.get(`/api/v1/events/${eventId}/press-summaries`);
  expect(response.status()).toBe(200);
  const { data } = (await response.json()) as { data: SummaryJson[] };
  // The press journey may publish another Vietnamese report of this event meanwhile: the demo's is Đặng Anh's.
  const summary = data.find((s) => s.language === "vi" && s.status === "published" && s.byline === "Đặng Anh");
  if (!summary) throw new Error("the seed's published report is missing");
  return { eventId, summary };
}

test.describe("the published report, as a reader sees it", () => {
  test.use({ userAgent: READER_UA });

  test("press room → public page: date header, headline, bold lead, photos with captions, view counter, byline last", async ({
    page,
    api,
  }) => {
    const { summary } = await seedReport(await api("admin"));
    expect(summary.publicUrl).toBe(`/press/${summary.slug}`);

    await page.goto("/press");
    const item = page.getByTestId("press-room-item").filter({ has: page.locator(`a[href="/press/${summary.slug}"]`) });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText("Thứ 5, 19/10/2017 | 19:13");
    await expect(item.getByTestId("press-room-language")).toHaveText("Tiếng Việt");
    await expect(item.locator("img.press-room-thumb")).toHaveJSProperty("complete", true);
    // No staff navigation on public pages.
    await expect(page.locator(".main-nav")).toHaveCount(0);
    await shoot(page, "press-room");

    await item.getByRole("link", { name: summary.title }).click();
    await expect(page).toHaveURL(new RegExp(`/press/${summary.slug}$`));
    const article = page.locator("article.press-article");
    await expect(article).toHaveAttribute("lang", "vi");
    await expect(page.getByTestId("press-date")).toHaveText("Thứ 5, 19/10/2017 | 19:13");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(summary.title);
    await expect(page).toHaveTitle(summary.title);

    const lead = article.locator(".press-lead");
    await expect(lead).toHaveCount(1);
    expect(Number(await lead.evaluate((el) => getComputedStyle(el).fontWeight))).toBeGreaterThanOrEqual(700);
    const leadText = (await lead.innerText()).trim();
    expect(leadText).toMatch(/^Chiều ngày 19\/10/);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", leadText);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", summary.title);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /^http:\/\/.+\/media\/photos\/.+\/web\.jpg$/);

    // Every photo the body places: a real image that loaded, with its caption.
    const figures = article.locator("figure.press-photo");
    const placed = (summary.body.match(/\]\(photo:/g) ?? []).length;
    expect(placed).toBeGreaterThanOrEqual(1);
    await expect(figures).toHaveCount(placed);
    await expect(article.locator(".press-photo-missing")).toHaveCount(0);
    for (const figure of await figures.all()) {
      const img = figure.locator("img");
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
      expect((await figure.locator("figcaption").innerText()).trim().length).toBeGreaterThan(10);
    }

    // The byline is the article's last element.
    await expect(page.getByTestId("press-byline")).toHaveText("Đặng Anh");
    expect(await article.evaluate((el) => el.lastElementChild?.getAttribute("data-testid"))).toBe("press-byline");

    // Each visit counts once.
    const views = async () => Number((await page.getByTestId("press-views").innerText()).replace(/\D/g, ""));
    const before = await views();
    expect(before).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId("press-views")).toHaveText(/^[\d.]+ lượt xem$/);
    await page.reload();
    expect(await views()).toBe(before + 1);
    await page.reload();
    expect(await views()).toBe(before + 2);
    await shoot(page, "press-public");
  });

  test("an unknown slug is a 404", async ({ page }) => {
    const response = await page.goto("/press/khong-co-ban-tin-nay-01-01-2000");
    expect(response?.status()).toBe(404);
  });
});

test.describe("a visitor whose browser asks for English", () => {
  test.use({ userAgent: READER_UA, locale: "en-GB" });

  test("reads the Vietnamese report as Vietnamese: the document's language is the report's", async ({ page, api }) => {
    const { summary } = await seedReport(await api("admin"));
    await page.goto("/press");
    // The press room itself speaks the visitor's language…
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto(`/press/${summary.slug}`);
    // …the report its own (screen readers and translators rely on it).
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByTestId("press-date")).toHaveText("Thứ 5, 19/10/2017 | 19:13");
  });
});

test.describe("a crawler", () => {
  test.use({ userAgent: CRAWLER_UA });

  test("reads the page, but its visits are not counted", async ({ page, api }) => {
    const admin = await api("admin");
    const { eventId, summary } = await seedReport(admin);
    const stored = async () =>
      ((await (await admin.get(`/api/v1/events/${eventId}/press-summaries`)).json()) as { data: SummaryJson[] }).data.find(
        (s) => s.id === summary.id,
      )!.viewCount;
    const before = await stored();
    await page.goto(`/press/${summary.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(summary.title);
    await page.reload();
    expect(await stored()).toBe(before);
  });
});

test.describe("staff outputs", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("print view, .docx download and copy as HTML / plain text from the summary page", async ({ page, api, demoAccounts }) => {
    const admin = await api("admin");
    const { eventId, summary } = await seedReport(admin);
    const danganh = demoAccounts.find((a) => a.email === "danganh@signet.local");
    if (!danganh) throw new Error("demo account danganh@signet.local missing");
    await page.goto("/login");
    await page.getByLabel("Email").fill(danganh.email);
    await page.getByLabel("Mật khẩu").fill(danganh.password);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await page.waitForURL(/\/events/);

    await page.goto(`/events/${eventId}/press/${summary.id}`);
    const exports = page.getByTestId("press-export");
    await expect(exports.getByRole("link", { name: "Trang công khai" })).toHaveAttribute("href", `/press/${summary.slug}`);

    // Print view: the report, no watermark (published), byline last.
    await exports.getByRole("link", { name: "Bản in" }).click();
    await expect(page).toHaveURL(new RegExp(`/events/${eventId}/press/${summary.id}/print$`));
    const sheet = page.getByTestId("press-print");
    await expect(sheet.getByRole("heading", { level: 1 })).toHaveText(summary.title);
    await expect(sheet).toContainText("Thứ 5, 19/10/2017 | 19:13");
    await expect(page.getByTestId("press-watermark")).toHaveCount(0);
    await expect(sheet.locator(".press-byline")).toHaveText("Đặng Anh");
    for (const img of await sheet.locator("figure img").all()) {
      await img.scrollIntoViewIfNeeded();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".site-header")).toBeHidden();
    await expect(page.locator(".press-print-tools")).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await shoot(page, "press-print");
    await page.goBack();

    // .docx: downloaded, opened, read.
    const downloadPromise = page.waitForEvent("download");
    await exports.getByRole("link", { name: "Tải .docx" }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toBe(`${summary.title}.docx`);
    const docx = readDocx(await readFile(await download.path()));
    expect(docx.paragraphs[0]).toMatchObject({ style: "Title", text: summary.title });
    const firstParagraph = docx.paragraphs.find((p) => p.text.startsWith("Chiều ngày 19/10"));
    expect(firstParagraph?.runs.every((run) => run.bold)).toBe(true);
    const placed = (summary.body.match(/\]\(photo:/g) ?? []).length;
    expect(docx.files.filter((f) => f.startsWith("word/media/"))).toHaveLength(placed);
    const imageParagraphs = docx.paragraphs.flatMap((p, i) => (p.images.length ? [i] : []));
    expect(imageParagraphs).toHaveLength(placed);
    for (const index of imageParagraphs) {
      const caption = docx.paragraphs[index + 1]!;
      expect(caption.text.length).toBeGreaterThan(10);
      expect(caption.runs.every((run) => run.italic)).toBe(true);
    }
    const last = docx.paragraphs[docx.paragraphs.length - 1]!;
    expect(last).toMatchObject({ text: "Đặng Anh", align: "right" });
    expect(last.runs.every((run) => run.bold)).toBe(true);

    // Copy as HTML: rich HTML and a plain-text alternative on the clipboard.
    await exports.getByRole("button", { name: "Sao chép dạng HTML" }).click();
    await expect(exports.getByRole("status")).toContainText("Đã sao chép bản tin dạng HTML");
    const clip = await page.evaluate(async () => {
      const [item] = await navigator.clipboard.read();
      if (!item) return null;
      return {
        types: item.types,
        html: item.types.includes("text/html") ? await (await item.getType("text/html")).text() : "",
        text: item.types.includes("text/plain") ? await (await item.getType("text/plain")).text() : "",
      };
    });
    expect(clip?.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
    expect(clip?.html).toContain(`<h1>${summary.title}</h1>`);
    expect(clip?.html).toMatch(/<p class="press-lead"><strong>Chiều ngày 19\/10/);
    expect(clip?.html).toMatch(/<img src="http:\/\/[^"]+\/media\/photos\/[^"]+\/web\.jpg"/);
    expect(clip?.html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(clip?.text.startsWith(`${summary.title}\n\nChiều ngày 19/10`)).toBe(true);

    // Copy as plain text: no markdown left, byline last.
    await exports.getByRole("button", { name: "Sao chép dạng văn bản" }).click();
    await expect(exports.getByRole("status")).toContainText("Đã sao chép bản tin dạng văn bản");
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.startsWith(`${summary.title}\n\nChiều ngày 19/10`)).toBe(true);
    expect(text.trimEnd().endsWith("\n\nĐặng Anh")).toBe(true);
    expect(text).not.toMatch(/\]\(photo:|\*\*|!\[/);
    await shoot(page, "press-summary-exports");
  });

  test("when the browser refuses the clipboard, the copy buttons say so", async ({ page, api, loginAs }) => {
    const { eventId, summary } = await seedReport(await api("admin"));
    await page.addInitScript(() => {
      const refuse = () => Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"));
      Object.defineProperty(navigator.clipboard, "write", { value: refuse });
      Object.defineProperty(navigator.clipboard, "writeText", { value: refuse });
    });
    await loginAs("admin");
    await page.goto(`/events/${eventId}/press/${summary.id}`);
    const exports = page.getByTestId("press-export");
    for (const name of ["Sao chép dạng HTML", "Sao chép dạng văn bản"]) {
      await exports.getByRole("button", { name }).click();
      await expect(exports.getByRole("alert")).toHaveText(/Trình duyệt không cho ghi vào bộ nhớ tạm/);
      await expect(exports.getByRole("status")).toHaveText("");
    }
  });

  test("a summary that is not published prints with a DRAFT watermark and has no public page", async ({ page, api, loginAs }) => {
    const admin = await api("admin");
    const eventId = await seedEventId(admin);
    const created = await admin.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "en" } });
    expect([201, 409]).toContain(created.status());
    const body = (await created.json()) as { id?: string; existing?: { id: string } };
    const id = body.existing?.id ?? body.id!;
    const summary = (await (await admin.get(`/api/v1/press-summaries/${id}`)).json()) as SummaryJson;
    expect(summary.status).not.toBe("published");

    await loginAs("admin");
    await page.goto(`/events/${eventId}/press/${id}/print`);
    await expect(page.getByTestId("press-watermark")).toHaveText("DRAFT");
    await expect(page.getByTestId("press-print")).toContainText(summary.title);
    // Not lazily loaded: every image is there before printing, without scrolling.
    for (const img of await page.getByTestId("press-print").locator("figure img").all()) {
      await expect(img).not.toHaveAttribute("loading", "lazy");
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
    }
    await shoot(page, "press-print-draft");

    // Its provisional address is not public.
    const response = await page.goto(`/press/draft-${id}`);
    expect(response?.status()).toBe(404);

    // The exports: a clear 400 for an unknown format; staff only.
    const bad = await page.request.get(`/events/${eventId}/press/${id}/export?format=pdf`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toBe("Định dạng xuất không hợp lệ: chỉ có html hoặc text.");
    const text = await page.request.get(`/events/${eventId}/press/${id}/export?format=text`);
    expect(text.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await text.text()).toContain(summary.title);
    const anonymous = await page.context().browser()!.newContext();
    try {
      for (const path of ["export?format=html", "docx", "print"]) {
        const refused = await anonymous.request.get(`/events/${eventId}/press/${id}/${path}`, { maxRedirects: 0 });
        expect([302, 303]).toContain(refused.status());
        expect(refused.headers()["location"]).toMatch(/^\/login\?redirectTo=/);
      }
    } finally {
      await anonymous.close();
    }
  });
});
