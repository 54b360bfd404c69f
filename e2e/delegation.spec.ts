/**
 * Delegates and companions (docs/decisions/028-delegates-and-companions.md): an invited dignitary names two companions
 * and proposes a deputy on their own page; the organizer accepts on the attendee list; the deputy has their own
 * invitation (link, QR code), the seating page names them "… (thay ông …)", and the counts include the companions.
 *
 *   E2E_PORT=3215 E2E_STATE=/tmp/e2e-deputy npx playwright test -c e2e/playwright.config.ts delegation.spec.ts --output /tmp/pw-deputy
 */
import type { Page } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function personalLinkFromMailbox(page: Page, email: string, subject: RegExp): Promise<string> {
  await page.goto("/admin/mailbox");
  const row = page.getByRole("row").filter({ hasText: email }).filter({ hasText: subject }).first();
  await row.getByRole("link").first().click();
  const href = await page.locator("pre a[href*='/i/']").first().getAttribute("href");
  const path = new URL(href ?? "", "http://x").pathname;
  expect(path).toMatch(/^\/i\/[A-Za-z0-9_-]{43}$/);
  return path;
}

test.use({ viewport: { width: 1280, height: 1400 } });
// A whole journey across four people and the outbox: longer than the default 30 s on a shared machine.
test.setTimeout(120_000);

test("an invitee names two companions and proposes a deputy; the organizer accepts; the deputy is invited and seated", async ({ page, browser, loginAs, api }, testInfo) => {
  const id = suffix();
  const organizer = await api("organizer");
  const created = await organizer.post("/api/v1/events", {
    data: {
      title: `Lễ ký kết có người đi thay ${id}`,
      kind: "signing_ceremony",
      status: "scheduled",
      startsAt: "2031-06-01T14:00:00+07:00",
      endsAt: "2031-06-01T16:00:00+07:00",
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string };
  const principalEmail = `giam-${id}@example.org`;
  const deputyEmail = `pho-${id}@example.org`;
  for (const body of [
    { honorific: "đồng chí", name: "Nguyễn Hồng Chuyên", positions: ["Trưởng ban Tuyên giáo Tỉnh ủy"], side: "host" },
    { honorific: "ông", name: `Trần Văn Giám ${id}`, positions: ["Giám đốc Sở Giáo dục và Đào tạo"], side: "guest", email: principalEmail },
    { honorific: "bà", name: "Lê Thị Phó Ban", positions: ["Phó Trưởng ban Tuyên giáo Tỉnh ủy"], side: "host" },
  ]) {
    const r = await organizer.post(`/api/v1/events/${event.id}/dignitaries`, { data: body });
    expect(r.status(), await r.text()).toBe(201);
  }
  // The organizer allows the director two companions.
  const list = (await (await organizer.get(`/api/v1/events/${event.id}/invitations?q=${encodeURIComponent(principalEmail)}`)).json()) as {
    data: { id: string; email?: string | null }[];
  };
  const principalInvitation = list.data[0]!.id;
  const patched = await organizer.patch(`/api/v1/events/${event.id}/invitations/${principalInvitation}`, { data: { plusOnes: 2 } });
  expect(patched.status(), await patched.text()).toBe(200);

  // The usual layout and a proposal from precedence: the director sits second at the presidium.
  await loginAs("organizer");
  await page.goto(`/events/${event.id}/seating`);
  await page.getByRole("button", { name: "Tạo bố trí thường dùng" }).click();
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByTestId("seat").filter({ hasText: `Trần Văn Giám ${id}` }).first()).toBeVisible();
  // Invitations out (the director's is the one with an email address).
  await page.goto(`/events/${event.id}/mail`);
  await page.getByRole("button", { name: /^Gửi cho người chưa được gửi/ }).click();
  await page.getByRole("button", { name: /^Gửi \d+ lời mời$/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "thư vào hàng đợi gửi" })).toBeVisible();

  await page.context().clearCookies();
  await loginAs("admin");
  let principalLink = "";
  await expect(async () => {
    principalLink = await personalLinkFromMailbox(page, principalEmail, /Thư mời/);
  }).toPass({ timeout: 30_000 });

  // The director, on their phone, no account.
  const context = await browser.newContext({ locale: "vi-VN", viewport: { width: 420, height: 1800 } });
  const invitee = await context.newPage();
  await invitee.goto(principalLink);
  await invitee.getByRole("button", { name: "Tham dự", exact: true }).click();
  await expect(invitee.getByTestId("current-answer")).toHaveAttribute("data-status", "accepted");

  // Companions: three is more than allowed — refused with the bound, what was typed kept; then two, named.
  const companions = invitee.getByTestId("companions-section");
  await companions.getByLabel("Số người đi cùng").fill("3");
  await companions.getByLabel("Họ tên người đi cùng thứ 1").fill("Đỗ Thư Ký");
  await companions.getByRole("button", { name: "Lưu người đi cùng" }).click();
  await expect(companions.getByText("Thư mời dành cho tối đa 2 người đi cùng: xin nhập một số từ 0 đến 2.").first()).toBeVisible();
  await expect(companions.getByLabel("Họ tên người đi cùng thứ 1")).toHaveValue("Đỗ Thư Ký");
  await companions.getByLabel("Số người đi cùng").fill("2");
  await companions.getByLabel("Họ tên người đi cùng thứ 2").fill("Vũ Văn Lái");
  await companions.getByRole("button", { name: "Lưu người đi cùng" }).click();
  await expect(companions.getByRole("status").filter({ hasText: "Đã lưu: 2 người đi cùng." })).toBeVisible();
  await expect(companions.getByTestId("companions-current")).toHaveText("Đã báo: Đỗ Thư Ký, Vũ Văn Lái.");

  // A deputy: without a name the form says so in place; then the deputy in full.
  const deputy = invitee.getByTestId("deputy-section");
  await deputy.screenshot({ path: testInfo.outputPath("deputy-folded.png") });
  // Folded behind a button: opened, the form takes the focus at its first field.
  await expect(deputy.getByLabel("Họ và tên người đi thay")).toHaveCount(0);
  await deputy.getByRole("button", { name: "Điền thông tin người đi thay" }).click();
  await expect(deputy.getByLabel(/^Danh xưng/)).toBeFocused();
  await deputy.getByLabel(/^Thư điện tử của người đi thay/).fill(deputyEmail);
  await deputy.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(deputy.getByText("Vui lòng nhập thông tin này.").first()).toBeVisible();
  await deputy.getByLabel(/^Danh xưng/).fill("Bà");
  await deputy.getByLabel("Họ và tên người đi thay").fill(`Phạm Thị Phó ${id}`);
  await deputy.getByLabel(/^Chức vụ/).fill("Phó Giám đốc Sở Giáo dục và Đào tạo");
  await deputy.getByLabel(/^Lời nhắn/).fill("Đồng chí Giám đốc đi công tác nước ngoài.");
  await deputy.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(deputy.getByRole("status").filter({ hasText: `Đã gửi đề nghị cử Bà Phạm Thị Phó ${id} đi thay.` })).toBeVisible();
  // Sent, the form folds; "someone else" opens it again, empty.
  await expect(deputy.getByLabel("Họ và tên người đi thay")).toHaveCount(0);
  await deputy.getByRole("button", { name: "Cử người khác" }).click();
  await expect(deputy.getByLabel(/^Danh xưng/)).toBeFocused();
  await expect(deputy.getByLabel("Họ và tên người đi thay")).toHaveValue("");
  await invitee.screenshot({ path: testInfo.outputPath("invitee-page.png"), fullPage: true });

  // The organizer's queue on the attendee list: accept.
  await page.context().clearCookies();
  await loginAs("organizer");
  await page.goto(`/events/${event.id}/attendees`);
  const queue = page.getByTestId("deputy-queue");
  await expect(queue.getByTestId("deputy-proposal")).toHaveText(new RegExp(`Ông Trần Văn Giám ${id} đề nghị cử Bà Phạm Thị Phó ${id} đi thay`, "i"));
  await page.screenshot({ path: testInfo.outputPath("queue.png"), fullPage: true });
  await queue.getByRole("button", { name: "Nhận người đi thay" }).click();
  await expect(page.getByTestId("deputy-notice")).toContainText("Đã nhận người đi thay");
  await expect(page.getByTestId("deputy-queue")).toHaveCount(0);
  // The original stays on the list as withdrawn, "delegated to"; the deputy stands in, with the companions.
  await expect(page.getByTestId("stands-in-for")).toHaveText(`Thay mặt ông Trần Văn Giám ${id}`);
  await expect(page.getByTestId("companions")).toHaveText("2 người đi cùng: Đỗ Thư Ký, Vũ Văn Lái");
  await page.goto(`/events/${event.id}/attendees?status=withdrawn`);
  await expect(page.getByTestId("delegated-to")).toHaveText(`Đã cử Bà Phạm Thị Phó ${id} đi thay`);

  // Seating: the deputy in the director's seat, named as standing in for them; the companions listed.
  await page.goto(`/events/${event.id}/seating`);
  await expect(page.getByTestId("seat").filter({ hasText: `Phạm Thị Phó ${id} (thay ông Trần Văn Giám ${id})` })).toHaveCount(1);
  await expect(page.getByTestId("seat").filter({ hasText: `Trần Văn Giám ${id}` }).filter({ hasNotText: "thay" })).toHaveCount(0);
  await expect(page.getByTestId("seating-companions")).toContainText("Đỗ Thư Ký, Vũ Văn Lái");
  await page.screenshot({ path: testInfo.outputPath("seating.png"), fullPage: true });
  // The companions have seats of their own: the proposal puts them in the guest rows, right after who brings them.
  await expect(page.getByTestId("companion-people").getByTestId("person")).toHaveCount(2);
  await expect(page.getByTestId("companion-people")).toContainText("chưa có chỗ");
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  const companionSeat = page.getByTestId("seat").filter({ hasText: `Đỗ Thư Ký — khách của bà Phạm Thị Phó ${id}` });
  await expect(companionSeat).toHaveCount(1);
  await expect(page.getByTestId("seat").filter({ hasText: `Vũ Văn Lái — khách của bà Phạm Thị Phó ${id}` })).toHaveCount(1);
  await expect(page.getByTestId("companion-people")).not.toContainText("chưa có chỗ");
  await companionSeat.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("seating-companions.png"), fullPage: true });
  // The printed plan and the place cards name them after who brings them.
  await page.goto(`/events/${event.id}/seating/print`);
  await expect(page.getByTestId("chart-seat").filter({ hasText: `Đỗ Thư Ký — khách của bà Phạm Thị Phó ${id}` })).toHaveCount(1);
  await page.goto(`/events/${event.id}/seating/cards`);
  const companionCard = page.getByTestId("place-card").filter({ has: page.getByTestId("card-name").getByText("Đỗ Thư Ký", { exact: true }) });
  await expect(companionCard.getByTestId("card-detail")).toHaveText(`Khách của bà Phạm Thị Phó ${id}`);
  await companionCard.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath("companion-card.png") });
  await page.goto(`/events/${event.id}/seating/cards?lang=en`);
  await expect(
    page.getByTestId("place-card").filter({ has: page.getByTestId("card-name").getByText("Đỗ Thư Ký", { exact: true }) }).getByTestId("card-detail"),
  ).toHaveText(`Guest of Ms. Phạm Thị Phó ${id}`);

  // The API: the deputy's invitation says whom they stand in for and names the companions.
  const deputyList = (await (await organizer.get(`/api/v1/events/${event.id}/invitations?q=${encodeURIComponent(deputyEmail)}`)).json()) as {
    data: { id: string; companionNames: string[] | null; deputyForInvitationId: string | null; bounce: unknown }[];
  };
  expect(deputyList.data[0]).toMatchObject({ companionNames: ["Đỗ Thư Ký", "Vũ Văn Lái"], deputyForInvitationId: principalInvitation, bounce: null });
  // The seating API: the companions' seats are the deputy's invitation with companion indexes 1 and 2.
  const plan = (await (await organizer.get(`/api/v1/events/${event.id}/seating`)).json()) as {
    tables: { seats: { invitationId: string | null; companionIndex: number; name: string | null }[] }[];
    unseatedCompanions: unknown[];
  };
  const companionSeats = plan.tables.flatMap((t) => t.seats).filter((s) => s.companionIndex > 0);
  expect(companionSeats.map((s) => [s.invitationId, s.companionIndex]).sort((x, y) => Number(x[1]) - Number(y[1]))).toEqual([
    [deputyList.data[0]!.id, 1],
    [deputyList.data[0]!.id, 2],
  ]);
  expect(companionSeats.map((s) => s.name).sort()).toEqual([`Vũ Văn Lái — guest of bà Phạm Thị Phó ${id}`, `Đỗ Thư Ký — guest of bà Phạm Thị Phó ${id}`].sort());
  expect(plan.unseatedCompanions).toEqual([]);

  // Counts: accepted (the deputy) and the companions expected with them.
  await page.goto(`/events/${event.id}`);
  await expect(page.getByTestId("count-accepted")).toHaveText("1");
  await expect(page.getByTestId("count-expected")).toHaveText("3");
  // Badges: one per companion, named.
  await page.goto(`/events/${event.id}/attendees/badges`);
  await expect(page.getByTestId("companion-badge")).toHaveCount(2);
  await expect(page.getByTestId("companion-badge").first()).toContainText("Khách của Bà Phạm Thị Phó");

  // Mails: the deputy's own invitation (with their link), the director's cancellation.
  await page.context().clearCookies();
  await loginAs("admin");
  let deputyLink = "";
  await expect(async () => {
    deputyLink = await personalLinkFromMailbox(page, deputyEmail, /Thư mời/);
  }).toPass({ timeout: 30_000 });
  await page.goto("/admin/mailbox");
  await expect(page.getByRole("row").filter({ hasText: principalEmail }).filter({ hasText: "Đã nhận người đi thay" })).toHaveCount(1);

  // The deputy's page: on behalf of the director, accepted already, their own QR code.
  const deputyContext = await browser.newContext({ locale: "vi-VN", viewport: { width: 420, height: 1400 } });
  const deputyPage = await deputyContext.newPage();
  await deputyPage.goto(deputyLink);
  await expect(deputyPage.getByTestId("on-behalf-of")).toHaveText(`Quý vị được mời thay mặt ông Trần Văn Giám ${id}.`);
  await expect(deputyPage.getByTestId("checkin-qr")).toBeVisible();
  await expect(deputyPage.getByTestId("deputy-section")).toHaveCount(0);
  await deputyPage.screenshot({ path: testInfo.outputPath("deputy-page.png"), fullPage: true });
  // The director's own link no longer opens the invitation: it says to whom it was handed.
  await invitee.goto(principalLink);
  await expect(invitee.getByRole("heading", { name: `Thư mời này đã được chuyển cho bà Phạm Thị Phó ${id} (thay mặt)` })).toBeVisible();
  await expect(invitee.getByTestId("qr-section")).toHaveCount(0);
  await expect(invitee.getByTestId("invitation-delegated")).toContainText("Liên kết này không còn dùng để trả lời.");
  await invitee.screenshot({ path: testInfo.outputPath("delegated-link.png"), fullPage: true });
  await deputyContext.close();
  await context.close();
});

test("without JavaScript, the folded deputy form opens as a page of its own, refuses a missing name in place, and folds once sent", async ({ browser, api, clientIp }, testInfo) => {
  const id = suffix();
  const organizer = await api("organizer");
  const created = await organizer.post("/api/v1/events", {
    data: { title: `Người đi thay không JS ${id}`, kind: "signing_ceremony", status: "scheduled", startsAt: "2031-06-02T14:00:00+07:00", endsAt: "2031-06-02T16:00:00+07:00" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const event = (await created.json()) as { id: string };
  const invited = await organizer.post(`/api/v1/events/${event.id}/invitations`, { data: { name: `Đỗ Văn Mời ${id}`, role: "guest" } });
  expect(invited.status(), await invited.text()).toBe(201);
  const { rsvpUrl } = (await invited.json()) as { rsvpUrl: string };

  const context = await browser.newContext({ locale: "vi-VN", javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  await page.goto(new URL(rsvpUrl).pathname);
  const deputy = page.getByTestId("deputy-section");
  await expect(deputy.getByLabel("Họ và tên người đi thay")).toHaveCount(0);
  await deputy.getByRole("button", { name: "Điền thông tin người đi thay" }).click();
  await expect(page).toHaveURL(/\/invitation\?deputy=1#deputy-heading$/);
  await page.screenshot({ path: testInfo.outputPath("deputy-open-no-js.png"), fullPage: true });
  await deputy.getByLabel(/^Chức vụ/).fill("Phó Giám đốc");
  await deputy.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(deputy.getByText("Vui lòng nhập thông tin này.").first()).toBeVisible();
  await expect(deputy.getByLabel(/^Chức vụ/)).toHaveValue("Phó Giám đốc");
  await deputy.getByLabel("Họ và tên người đi thay").fill(`Vũ Thị Thay ${id}`);
  await deputy.getByRole("button", { name: "Gửi đề nghị" }).click();
  await expect(deputy.getByRole("status").filter({ hasText: `Đã gửi đề nghị cử Vũ Thị Thay ${id} đi thay.` })).toBeVisible();
  await expect(deputy.getByLabel("Họ và tên người đi thay")).toHaveCount(0);
  await expect(deputy.getByRole("button", { name: "Cử người khác" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("deputy-sent-no-js.png"), fullPage: true });
  // The next visit says the proposal waits, and offers to name someone else.
  await page.goto("/invitation");
  await expect(deputy.getByTestId("deputy-pending")).toContainText(`Vũ Thị Thay ${id}`);
  await expect(deputy.getByRole("button", { name: "Cử người khác" })).toBeVisible();
  await context.close();
});
