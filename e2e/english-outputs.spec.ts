/**
 * English outputs (issue 14): the press editor's untranslated-terms panel adds a term to the glossary and redrafts
 * with it; English place cards (no "Comrade", ranks before the name, the delegation translated or marked); the
 * Giấy mời to an English-reading guest in English by default. Screenshots under /tmp/en-*.png for review.
 */
import type { APIRequestContext } from "@playwright/test";
import { expect, seedEventId, test } from "./fixtures";

const UNTRANSLATED = "(in Vietnamese, to be translated)";
const digits = () => String(Math.floor(1000 + Math.random() * 8999));

async function ceremonyHostedBy(organizer: APIRequestContext, hostName: string) {
  const org = await organizer.post("/api/v1/organizations", { data: { nameVi: hostName } });
  expect(org.status(), await org.text()).toBe(201);
  const { id: hostId } = (await org.json()) as { id: string };
  const event = await organizer.post("/api/v1/events", {
    data: {
      title: `Lễ ký kết chương trình hợp tác ${hostName}`,
      titleEn: `Signing of the cooperation programme`,
      kind: "signing_ceremony",
      status: "completed",
      startsAt: "2024-10-17T14:00:00+07:00",
      endsAt: "2024-10-17T16:00:00+07:00",
      hostOrganizationId: hostId,
      documents: [{ title: "Chương trình hợp tác", titleEn: "Cooperation programme", partyIds: [hostId], periodStart: 2024, periodEnd: 2026 }],
    },
  });
  expect(event.status(), await event.text()).toBe(201);
  return ((await event.json()) as { id: string }).id;
}

test("the press editor lists a term it could not translate; adding it inline redrafts with the English", async ({ api, loginAs }) => {
  const organizer = await api("organizer");
  const host = `Hợp tác xã Nông nghiệp Tân Lập số ${digits()}`;
  const eventId = await ceremonyHostedBy(organizer, host);
  const created = await organizer.post(`/api/v1/events/${eventId}/press-summaries`, { data: { language: "en" } });
  expect(created.status(), await created.text()).toBe(201);
  const summary = (await created.json()) as { id: string; body: string };
  expect(summary.body).toContain(UNTRANSLATED);

  const page = await loginAs("organizer");
  await page.goto(`/events/${eventId}/press/${summary.id}`);
  const panel = page.getByRole("region", { name: "Thuật ngữ chưa dịch được" });
  await expect(panel).toBeVisible();
  const item = panel.locator("li").filter({ hasText: host });
  await expect(item).toHaveCount(1);
  await page.screenshot({ path: "/tmp/en-press-untranslated.png", fullPage: true });

  const english = `Tân Lập Agricultural Cooperative No. ${host.split(" ").at(-1)}`;
  await item.getByLabel("Loại").selectOption("body");
  await item.getByLabel("Tiếng Anh").fill(english);
  await item.getByRole("button", { name: "Thêm và soạn lại" }).click();

  // The term is gone from the panel and the redrafted body names the cooperative in English, unmarked.
  await expect(panel.locator("li").filter({ hasText: host })).toHaveCount(0);
  const after = (await (await organizer.get(`/api/v1/press-summaries/${summary.id}`)).json()) as { body: string; version: number };
  expect(after.version).toBeGreaterThan(1);
  expect(after.body).toContain(english);
  expect(after.body).not.toContain(host);
  await page.screenshot({ path: "/tmp/en-press-redrafted.png", fullPage: true });
});

test("English place cards: titles before the name, no 'Comrade', the delegation in English; each guest's language by default", async ({ api, loginAs }) => {
  const eventId = await seedEventId(await api("admin"));
  const page = await loginAs("viewer");
  await page.goto(`/events/${eventId}/seating/cards`);
  const first = page.getByTestId("place-card").first();
  await expect(first).toHaveAttribute("lang", "vi");
  await expect(first.getByTestId("card-name")).toHaveText(/^Đồng chí /);

  await page.getByRole("link", { name: "Tiếng Anh" }).click();
  await expect(page).toHaveURL(/lang=en/);
  const cards = page.getByTestId("place-card");
  await expect(cards.first()).toHaveAttribute("lang", "en");
  const names = await cards.getByTestId("card-name").allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const name of names) {
    expect(name).not.toMatch(/Đồng chí|đồng chí|Comrade|^Ông |^Bà /u);
  }
  const chuyen = cards.filter({ hasText: "Nguyễn Hồng Chuyên" });
  await expect(chuyen.getByTestId("card-name")).toHaveText("Nguyễn Hồng Chuyên");
  for (const detail of await cards.getByTestId("card-detail").allInnerTexts()) {
    // Every delegation is translated or marked: no Vietnamese goes unmarked.
    if (/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu.test(detail)) expect(detail).toContain(UNTRANSLATED);
  }
  await page.screenshot({ path: "/tmp/en-place-cards.png", fullPage: true });
});

test("a guest who reads English gets the Giấy mời in English by default", async ({ api, loginAs }) => {
  const organizer = await api("organizer");
  const eventId = await ceremonyHostedBy(organizer, `Sở Nông nghiệp và Phát triển nông thôn ${digits()}`);
  const invited = await organizer.post(`/api/v1/events/${eventId}/invitations`, {
    data: { name: "John Smith", honorific: "ông", positions: ["Giám đốc Sở Tài chính"], email: `john${digits()}@example.org`, language: "en" },
  });
  expect(invited.status(), await invited.text()).toBe(201);
  const page = await loginAs("organizer");
  await page.goto(`/events/${eventId}/letters`);
  const row = page.getByTestId("letter-invitees").locator("tbody tr").filter({ hasText: "John Smith" });
  await expect(row).toContainText("Ngôn ngữ của khách: Tiếng Anh");
  const href = await row.getByRole("link", { name: /Xem, in \(Tiếng Anh\)/ }).getAttribute("href");
  // Without a language in the link, the letter is in the guest's own.
  await page.goto(href!.replace(/&?lang=en/u, ""));
  const sheet = page.getByTestId("letter-sheet");
  await expect(sheet.getByRole("heading", { name: "LETTER OF INVITATION" })).toBeVisible();
  await expect(sheet).toContainText("To: Mr. John Smith, Director of the Department of Finance");
  await expect(sheet).toContainText("Signing of the cooperation programme");
  await expect(sheet).not.toContainText("Comrade");
  await page.screenshot({ path: "/tmp/en-letter.png", fullPage: true });
});
