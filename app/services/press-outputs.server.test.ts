import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, Db } from "#db/client.server";
import { createEvent, createUser } from "#db/factories";
import { photos, pressSummaries } from "#db/schema/index";
import { testDatabase } from "#db/testing";
import type { PressLanguage, PressStatus } from "~/domain/press/types";
import { loader as publicPageLoader } from "~/routes/press.$slug/route";
import { loader as pressRoomLoader } from "~/routes/press._index/route";
import type { Actor } from "~/domain/access/permissions";
import {
  excerpt,
  formatViewCount,
  getPressForOutput,
  getPublishedPress,
  isCountableView,
  listPressRoom,
  pressCoverPhoto,
  pressExportHtml,
  pressExportText,
  recordPressView,
  webVariantSize,
} from "./press-outputs.server";
import type { ObjectStorage } from "./storage.server";
import { secretBox } from "~/utils/secret-box.server";

const browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const googlebot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

const noStorage: ObjectStorage = {
  put: () => Promise.resolve(),
  get: () => Promise.resolve(null),
  deletePrefix: () => Promise.resolve(),
  list: async function* () {
    await Promise.resolve();
    yield* [];
  },
  location: "none:",
};

describe("press outputs", () => {
  let database: Database;
  let db: Db;
  let actor: Actor;
  let eventId: string;
  let context: AppLoadContext;

  beforeAll(async () => {
    database = await testDatabase();
    db = database.db;
    const user = await createUser(db, { name: "Đặng Anh", role: "communications" });
    actor = { id: user.id, name: user.name };
    eventId = (await createEvent(db, actor)).id;
    context = {
      db,
      dbKind: "pglite",
      pingDb: () => Promise.resolve(),
      clientIp: "127.0.0.1",
      cookieSecrets: ["press-outputs-test-secret"],
      secureCookies: false,
      appUrl: "https://signet.example",
      storage: noStorage,
      secretBox: secretBox("press-outputs-test-secret"),
    };
  });
  afterAll(() => database.close());

  async function addPhoto(
    forEvent: string,
    values: { captionVi?: string | null; captionEn?: string | null; credit?: string | null; isCover?: boolean; position?: number } = {},
  ) {
    const id = randomUUID();
    await db.insert(photos).values({
      id,
      eventId: forEvent,
      storageKey: `photos/${forEvent}/${id}`,
      revision: "r1",
      originalFilename: "a.jpg",
      originalType: "image/jpeg",
      originalBytes: 1000,
      sha256: randomUUID(),
      width: 1600,
      height: 1200,
      captionVi: values.captionVi ?? null,
      captionEn: values.captionEn ?? null,
      credit: values.credit ?? null,
      isCover: values.isCover ?? false,
      position: values.position ?? 1,
    });
    return id;
  }

  async function addSummary(values: {
    status: PressStatus;
    title?: string;
    body?: string;
    byline?: string | null;
    publishedAt?: Date | null;
    language?: PressLanguage;
    eventId?: string;
  }) {
    const id = randomUUID();
    const slug = `ban-tin-${id.slice(0, 8)}`;
    const forEvent = values.eventId ?? (await createEvent(db, actor)).id;
    await db.insert(pressSummaries).values({
      id,
      eventId: forEvent,
      language: values.language ?? "vi",
      slug,
      title: values.title ?? "Ký kết chương trình phối hợp công tác",
      body: values.body ?? "Chiều ngày 19/10, lễ ký kết.\n\nĐoạn hai.",
      byline: values.byline === undefined ? "Đặng Anh" : values.byline,
      status: values.status,
      generatedTitle: "",
      generatedBody: "",
      publishedAt: values.publishedAt === undefined ? (values.status === "published" ? new Date() : null) : values.publishedAt,
    });
    return { id, slug, eventId: forEvent };
  }

  const request = (path: string, headers: Record<string, string> = { "User-Agent": browser }) =>
    new Request(`http://localhost${path}`, { headers });

  async function loadPublic(slug: string, headers?: Record<string, string>) {
    return publicPageLoader({ request: request(`/press/${slug}`, headers), context, params: { slug } });
  }

  async function expectNotFound(promise: Promise<unknown>) {
    const thrown = await promise.then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({ init: { status: 404 } });
  }

  describe("slug lookup", () => {
    it("finds a published report by its slug, and nothing that is not published", async () => {
      const published = await addSummary({ status: "published" });
      expect((await getPublishedPress(db, published.slug))?.id).toBe(published.id);
      for (const status of ["draft", "in_review", "approved"] as const) {
        const other = await addSummary({ status });
        expect(await getPublishedPress(db, other.slug)).toBeNull();
      }
      expect(await getPublishedPress(db, "khong-co-ban-tin-nay")).toBeNull();
    });

    it("the public page answers 404 for an unpublished report exactly as for an unknown slug", async () => {
      const draft = await addSummary({ status: "approved" });
      await expectNotFound(loadPublic(draft.slug));
      await expectNotFound(loadPublic("khong-co-ban-tin-nay"));
      // A report unpublished after publication is gone from the public address too.
      const once = await addSummary({ status: "published" });
      await loadPublic(once.slug);
      await db.update(pressSummaries).set({ status: "draft" }).where(eq(pressSummaries.id, once.id));
      await expectNotFound(loadPublic(once.slug));
    });

    it("staff outputs find a summary in any status, but only under its own event", async () => {
      const draft = await addSummary({ status: "draft" });
      expect((await getPressForOutput(db, draft.eventId, draft.id))?.status).toBe("draft");
      const otherEvent = (await createEvent(db, actor)).id;
      expect(await getPressForOutput(db, otherEvent, draft.id)).toBeNull();
    });
  });

  describe("view counting", () => {
    it("counts a reader's view atomically, also under concurrency", async () => {
      const report = await addSummary({ status: "published" });
      const doc = (await getPublishedPress(db, report.slug))!;
      const counts = await Promise.all(Array.from({ length: 20 }, () => recordPressView(db, doc)));
      expect(new Set(counts).size).toBe(20);
      expect(Math.max(...counts)).toBe(20);
      const [row] = await db.select({ n: pressSummaries.viewCount }).from(pressSummaries).where(eq(pressSummaries.id, report.id));
      expect(row?.n).toBe(20);
    });

    it("never counts a view of a report that is not published", async () => {
      const draft = await addSummary({ status: "approved" });
      expect(await recordPressView(db, { id: draft.id, viewCount: 0 })).toBe(0);
      const [row] = await db.select({ n: pressSummaries.viewCount }).from(pressSummaries).where(eq(pressSummaries.id, draft.id));
      expect(row?.n).toBe(0);
    });

    it("decides who is a reader: browsers yes; bots, prefetches, HEAD, no User-Agent and signed-in staff no", () => {
      const get = (headers: Record<string, string>, method = "GET") => new Request("http://localhost/press/x", { headers, method });
      expect(isCountableView(get({ "User-Agent": browser }), false)).toBe(true);
      expect(isCountableView(get({ "User-Agent": browser }), true)).toBe(false);
      expect(isCountableView(get({ "User-Agent": googlebot }), false)).toBe(false);
      expect(isCountableView(get({ "User-Agent": "facebookexternalhit/1.1" }), false)).toBe(false);
      expect(isCountableView(get({ "User-Agent": "curl/8.5.0" }), false)).toBe(false);
      expect(isCountableView(get({}), false)).toBe(false);
      expect(isCountableView(get({ "User-Agent": browser, "Sec-Purpose": "prefetch" }), false)).toBe(false);
      expect(isCountableView(get({ "User-Agent": browser, Purpose: "prefetch" }), false)).toBe(false);
      expect(isCountableView(get({ "User-Agent": browser }, "HEAD"), false)).toBe(false);
    });

    it("the public page counts a browser's visit and shows the new count, and does not count a bot's", async () => {
      const report = await addSummary({ status: "published" });
      await db.update(pressSummaries).set({ viewCount: 1046 }).where(eq(pressSummaries.id, report.id));
      const first = (await loadPublic(report.slug)).data;
      expect(first.views).toBe("1.047 lượt xem");
      const bot = (await loadPublic(report.slug, { "User-Agent": googlebot })).data;
      expect(bot.views).toBe("1.047 lượt xem");
      const second = (await loadPublic(report.slug)).data;
      expect(second.views).toBe("1.048 lượt xem");
    });

    it("sizes the web variant: longest edge 1600 px at most, ratio kept", () => {
      expect(webVariantSize({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 });
      expect(webVariantSize({ width: 900, height: 1600 })).toEqual({ width: 900, height: 1600 });
      expect(webVariantSize({ width: 3000, height: 4500 })).toEqual({ width: 1067, height: 1600 });
      expect(webVariantSize({ width: 0, height: 10 })).toBeNull();
    });

    it("formats the count the way each language writes numbers", () => {
      expect(formatViewCount("vi", 1047)).toBe("1.047");
      expect(formatViewCount("en", 1047)).toBe("1,047");
    });
  });

  describe("the public page's content", () => {
    it("has the Vietnamese date header in the event's time zone, the bold lead, photos with captions, the byline", async () => {
      const photoId = await addPhoto(eventId, { captionVi: "Lễ ký kết.", credit: "Đặng Anh" });
      const report = await addSummary({
        status: "published",
        eventId,
        publishedAt: new Date("2017-10-19T12:13:53Z"),
        body: `Chiều ngày 19/10, lễ ký kết.\n\n![](photo:${photoId})\n\nĐoạn hai <script>alert(1)</script>.`,
      });
      const page = (await loadPublic(report.slug)).data;
      expect(page.dateHeader).toBe("Thứ 5, 19/10/2017 | 19:13");
      expect(page.lead).toBe("Chiều ngày 19/10, lễ ký kết.");
      expect(page.html).toContain('<p class="press-lead">Chiều ngày 19/10, lễ ký kết.</p>');
      expect(page.html).toContain(`<img src="/media/photos/${photoId}/r1/web.jpg" alt="Lễ ký kết." width="1600" height="1200" loading="lazy" />`);
      expect(page.html).toContain('<figcaption>Lễ ký kết.<span class="press-photo-credit"> — Đặng Anh</span></figcaption>');
      expect(page.html).not.toContain("<script");
      expect(page.byline).toBe("Đặng Anh");
      expect(page.image).toBe(`https://signet.example/media/photos/${photoId}/r1/web.jpg`);
      expect(page.url).toBe(`https://signet.example/press/${report.slug}`);
    });

    it("writes an English report's header in English", async () => {
      const report = await addSummary({ status: "published", language: "en", publishedAt: new Date("2017-10-19T12:13:53Z") });
      const page = (await loadPublic(report.slug)).data;
      expect(page.dateHeader).toBe("Thursday, 19 October 2017 | 19:13");
      expect(page.views).toBe("1 view");
    });
  });

  describe("the press room", () => {
    it("lists published reports only, newest publication first, in pages", async () => {
      const roomDb = await testDatabase();
      try {
        const staff = await createUser(roomDb.db, { role: "communications" });
        const who = { id: staff.id, name: staff.name };
        const made: { title: string; at: Date | null; status: PressStatus }[] = [
          { title: "Bài tháng ba", at: new Date("2024-03-01T03:00:00Z"), status: "published" },
          { title: "Bài tháng một", at: new Date("2024-01-01T03:00:00Z"), status: "published" },
          { title: "Bài nháp", at: null, status: "draft" },
          { title: "Bài tháng năm", at: new Date("2024-05-01T03:00:00Z"), status: "published" },
          { title: "Bài tháng hai", at: new Date("2024-02-01T03:00:00Z"), status: "published" },
          { title: "Bài đã duyệt", at: null, status: "approved" },
          { title: "Bài tháng tư", at: new Date("2024-04-01T03:00:00Z"), status: "published" },
        ];
        for (const [index, item] of made.entries()) {
          const event = await createEvent(roomDb.db, who);
          await roomDb.db.insert(pressSummaries).values({
            eventId: event.id,
            language: index === 3 ? "en" : "vi",
            slug: `bai-${index}`,
            title: item.title,
            body: `Mở đầu của ${item.title}.`,
            status: item.status,
            publishedAt: item.at,
            generatedTitle: "",
            generatedBody: "",
          });
        }
        const first = await listPressRoom(roomDb.db, 1, 2);
        expect(first).toMatchObject({ page: 1, pages: 3, total: 5 });
        expect(first.items.map((item) => item.title)).toEqual(["Bài tháng năm", "Bài tháng tư"]);
        expect(first.items[0]).toMatchObject({ language: "en", excerpt: "Mở đầu của Bài tháng năm." });
        expect((await listPressRoom(roomDb.db, 2, 2)).items.map((item) => item.title)).toEqual(["Bài tháng ba", "Bài tháng hai"]);
        expect((await listPressRoom(roomDb.db, 3, 2)).items.map((item) => item.title)).toEqual(["Bài tháng một"]);
        // Past the end → the last page; nonsense → the first.
        expect((await listPressRoom(roomDb.db, 99, 2)).page).toBe(3);
        expect((await listPressRoom(roomDb.db, Number.NaN, 2)).page).toBe(1);
        const all = await listPressRoom(roomDb.db, 1);
        expect(all.items.map((item) => item.title)).not.toContain("Bài nháp");
        expect(all.items.map((item) => item.title)).not.toContain("Bài đã duyệt");

        const roomContext = { ...context, db: roomDb.db };
        const page = await pressRoomLoader({ request: request("/press?page=1"), context: roomContext, params: {} });
        expect(page.items.map((item) => item.title)).toEqual(["Bài tháng năm", "Bài tháng tư", "Bài tháng ba", "Bài tháng hai", "Bài tháng một"]);
      } finally {
        await roomDb.close();
      }
    });

    it("takes the event's cover photo as thumbnail, else the first photo in the body", async () => {
      const first = await addPhoto(eventId, { captionVi: "Ảnh một", position: 1 });
      const second = await addPhoto(eventId, { captionVi: "Ảnh hai", position: 2 });
      const doc = (await getPressForOutput(db, eventId, (await addSummary({ status: "draft", eventId, language: "en", body: `![](photo:${second})\n\n![](photo:${first})` })).id))!;
      expect(pressCoverPhoto(doc)?.id).toBe(second);
      await db.update(photos).set({ isCover: true }).where(eq(photos.id, first));
      const again = (await getPressForOutput(db, eventId, doc.id))!;
      expect(pressCoverPhoto(again)?.id).toBe(first);
      // An English report takes the Vietnamese caption when there is no English one.
      expect(again.photos.find((p) => p.id === first)?.caption).toBe("Ảnh một");
      await db.update(photos).set({ isCover: false }).where(eq(photos.id, first));
    });

    it("cuts the lead at a word boundary", () => {
      expect(excerpt("một hai ba bốn năm", 10)).toBe("một hai ba…");
      expect(excerpt("ngắn", 10)).toBe("ngắn");
    });
  });

  describe("copy exports", () => {
    it("HTML: headline, bold lead, sanitized body with absolute image URLs, the byline last", async () => {
      const forEvent = (await createEvent(db, actor)).id;
      const photoId = await addPhoto(forEvent, { captionVi: "Học sinh trong tiết học.", credit: null });
      const report = await addSummary({
        status: "draft",
        eventId: forEvent,
        title: 'Ký kết "phối hợp" <b>',
        body: `Chiều ngày 19/10, lễ ký kết.\n\n![](photo:${photoId})\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>`,
        byline: "Đặng Anh",
      });
      const doc = (await getPressForOutput(db, forEvent, report.id))!;
      const html = pressExportHtml(doc, { appUrl: "https://signet.example", photoNotFound: "Không tìm thấy ảnh" });
      expect(html.startsWith("<h1>Ký kết &quot;phối hợp&quot; &lt;b&gt;</h1>\n")).toBe(true);
      expect(html).toContain('<p class="press-lead"><strong>Chiều ngày 19/10, lễ ký kết.</strong></p>');
      // Absolute, sized, not lazy (a pasted page has no script to load it later).
      expect(html).toContain(
        `<img src="https://signet.example/media/photos/${photoId}/r1/web.jpg" alt="Học sinh trong tiết học." width="1600" height="1200" />`,
      );
      // The injected markup is visible as text; no tag carries it.
      expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html).not.toMatch(/<[a-z][^<>]*\s(onerror|href="javascript)/i);
      expect(html.trimEnd().endsWith('<p style="text-align: right;"><strong>Đặng Anh</strong></p>')).toBe(true);
    });

    it("text: headline, paragraphs apart, the caption on its own line, the byline last", async () => {
      const forEvent = (await createEvent(db, actor)).id;
      const photoId = await addPhoto(forEvent, { captionVi: "Lễ ký kết.", credit: "Phóng viên" });
      const report = await addSummary({
        status: "draft",
        eventId: forEvent,
        body: `Chiều ngày **19/10**, lễ ký kết.\n\n![](photo:${photoId})\n\nĐoạn _hai_.`,
        byline: "Đặng Anh",
      });
      const doc = (await getPressForOutput(db, forEvent, report.id))!;
      expect(pressExportText(doc)).toBe(
        "Ký kết chương trình phối hợp công tác\n\nChiều ngày 19/10, lễ ký kết.\n\nLễ ký kết. — Phóng viên\n\nĐoạn hai.\n\nĐặng Anh\n",
      );
    });
  });
});
