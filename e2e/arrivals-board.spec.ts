/**
 * The arrivals board (issue 17): /events/:id/arrivals for the organizer and the MC. Arrivals at the door appear
 * without a reload, the dignitaries in precedence order with the principal guests highlighted, "Đồng chí … đã đến"
 * as it happens; a board that lost the network catches up when it returns, without a reload.
 *
 *   E2E_PORT=3108 E2E_STATE=e2e/.state-door npx playwright test -c e2e/playwright.config.ts arrivals-board.spec.ts
 */
import type { APIRequestContext } from "@playwright/test";
import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function post<T>(api: APIRequestContext, url: string, data: Record<string, unknown>): Promise<T> {
  const response = await api.post(url, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

test("the board shows arrivals by precedence as they happen, and catches up after the network returns", async ({ page, loginAs, api }, testInfo) => {
  test.setTimeout(90_000);
  const id = suffix();
  const organizer = await api("organizer");
  const event = await post<{ id: string }>(organizer, "/api/v1/events", {
    title: `Lễ ký kết bảng khách đến ${id}`,
    kind: "signing_ceremony",
    status: "scheduled",
    startsAt: "2031-06-12T14:00:00+07:00",
    endsAt: "2031-06-12T16:00:00+07:00",
  });
  const people = [
    { honorific: "đồng chí", name: `Nguyễn Văn Một ${id}`, positions: ["Bí thư Tỉnh ủy"] },
    { honorific: "đồng chí", name: `Trần Văn Hai ${id}`, positions: ["Chủ tịch UBND tỉnh"] },
    { honorific: "đồng chí", name: `Lê Thị Ba ${id}`, positions: ["Phó Chủ tịch UBND tỉnh"] },
    { honorific: "đồng chí", name: `Phạm Văn Bốn ${id}`, positions: ["Phó Giám đốc Sở Tư pháp"] },
  ];
  const dignitaries: { invitationId: string }[] = [];
  for (const [i, p] of people.entries())
    dignitaries.push(await post(organizer, `/api/v1/events/${event.id}/dignitaries`, { ...p, organization: "Tỉnh Thái Bình", precedence: i + 1 }));
  const guest = await post<{ id: string }>(organizer, `/api/v1/events/${event.id}/invitations`, { honorific: "bà", name: `Đỗ Thị Khách ${id}`, role: "guest" });
  const checkIn = (invitationId: string) => post(organizer, `/api/v1/events/${event.id}/check-ins`, { invitationId });

  await loginAs("organizer");
  await page.goto(`/events/${event.id}/arrivals`);
  const rows = page.getByTestId("board-dignitaries").getByRole("listitem");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toHaveAccessibleName(`Đồng chí Nguyễn Văn Một ${id}`);
  await expect(rows.nth(3)).toHaveAccessibleName(`Đồng chí Phạm Văn Bốn ${id}`);
  await expect(page.getByText("Khách chính")).toHaveCount(3);
  await expect(page.getByTestId("board-summary")).toHaveText("Đã đến 0/5 · Đại biểu 0/4");
  await expect(page.getByTestId("board-announcement")).toHaveText("Chưa có ai đến.");

  // The second dignitary arrives at the door: the board says so without a reload.
  await checkIn(dignitaries[1]!.invitationId);
  await expect(page.getByTestId("board-announcement")).toContainText(`Đồng chí Trần Văn Hai ${id} đã đến`);
  await expect(rows.nth(1)).toHaveAttribute("data-arrived", "true");
  await expect(rows.nth(0)).toHaveAttribute("data-arrived", "false");
  await checkIn(guest.id);
  await expect(page.getByTestId("board-announcement")).toContainText(`Bà Đỗ Thị Khách ${id} đã đến`);
  await expect(page.getByTestId("board-others")).toContainText(`Bà Đỗ Thị Khách ${id}`);
  await expect(page.getByTestId("board-summary")).toHaveText("Đã đến 2/5 · Đại biểu 1/4");

  // The board's network drops; the first dignitary arrives meanwhile; the network returns — no reload.
  await page.context().setOffline(true);
  await checkIn(dignitaries[0]!.invitationId);
  await page.context().setOffline(false);
  await expect(page.getByTestId("board-announcement")).toContainText(`Đồng chí Nguyễn Văn Một ${id} đã đến`);
  await expect(page.getByTestId("board-summary")).toHaveText("Đã đến 3/5 · Đại biểu 2/4");
  await expect(rows.nth(0)).toHaveAttribute("data-arrived", "true");
  await page.screenshot({ path: testInfo.outputPath("arrivals-board-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: testInfo.outputPath("arrivals-board-phone.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });

  // The MC script marks who is present and drops the introductions of those not arrived.
  await post(organizer, `/api/v1/events/${event.id}/agenda`, { title: "Giới thiệu đại biểu", kind: "introduction", durationMinutes: 5 });
  await page.goto(`/events/${event.id}/agenda/mc`);
  const presence = page.getByTestId("mc-presence");
  await expect(presence).toContainText("Đại biểu có mặt: 2/4");
  await expect(presence.locator('[data-present="false"]')).toHaveCount(2);
  await expect(page.getByTestId("mc-preview")).toContainText(`Lê Thị Ba ${id}`);
  await page.getByRole("button", { name: "Bỏ phần giới thiệu 2 đại biểu chưa đến" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã bỏ phần giới thiệu" })).toBeVisible();
  await expect(page.getByTestId("mc-preview")).toContainText(`Nguyễn Văn Một ${id}`);
  await expect(page.getByTestId("mc-preview")).not.toContainText(`Lê Thị Ba ${id}`);
  await page.screenshot({ path: testInfo.outputPath("mc-presence-desktop.png"), fullPage: true });

  // Seating: once the door has checked people in, the seats of the dignitaries still expected show "Chưa đến".
  await page.goto(`/events/${event.id}/seating`);
  await page.getByRole("button", { name: "Tạo bố trí thường dùng" }).click();
  await page.getByRole("button", { name: "Đề xuất theo thứ tự lễ tân" }).click();
  await expect(page.getByRole("status").first()).toContainText("Đã xếp chỗ theo thứ tự lễ tân.");
  const presidium = page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Đoàn chủ tịch" }) });
  const seatOf = (name: string) => presidium.getByTestId("seat").filter({ hasText: name });
  await expect(seatOf(`Lê Thị Ba ${id}`).getByTestId("seat-awaited")).toHaveText("Chưa đến");
  await expect(seatOf(`Phạm Văn Bốn ${id}`).getByTestId("seat-awaited")).toHaveText("Chưa đến");
  await expect(seatOf(`Nguyễn Văn Một ${id}`).getByTestId("seat-awaited")).toHaveCount(0);
  // Other guests are named as dignitaries are: the honorific capitalised ("Bà", as typed "bà").
  await expect(page.getByTestId("seating-table").filter({ has: page.getByRole("heading", { name: "Hàng ghế 1" }) })).toContainText(`Bà Đỗ Thị Khách ${id}`);
  await page.screenshot({ path: testInfo.outputPath("seating-awaited-desktop.png"), fullPage: true });

  // The press tab offers "attended only" and names who was invited but absent.
  await page.goto(`/events/${event.id}/press`);
  const attended = page.getByTestId("press-attended");
  await expect(attended.getByRole("checkbox", { name: "Chỉ nêu tên người đã thực sự đến (theo đón khách tại cửa)" })).not.toBeChecked();
  await expect(attended).toContainText(`Được mời nhưng vắng mặt: Đồng chí Lê Thị Ba ${id}; Đồng chí Phạm Văn Bốn ${id}`);
  await page.screenshot({ path: testInfo.outputPath("press-attended-desktop.png"), fullPage: true });

  // Name badges for every attendee on an A4 label sheet, and one reprinted at the door.
  await page.goto(`/events/${event.id}/attendees/badges`);
  await expect(page.getByTestId("badge")).toHaveCount(5);
  await expect(page.getByTestId("badge-sheet")).toHaveCount(1);
  await expect(page.getByRole("region", { name: `Đồng chí Nguyễn Văn Một ${id}` })).toContainText("Bí thư Tỉnh ủy");
  await expect(page.getByRole("region", { name: `Đồng chí Nguyễn Văn Một ${id}` }).getByRole("img", { name: "Mã QR đón khách" })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("badges-desktop.png"), fullPage: true });
  await page.goto(`/events/${event.id}/attendees/badges?invitation=${guest.id}&labels=10`);
  await expect(page.getByTestId("badge")).toHaveCount(1);
  await expect(page.getByTestId("badge")).toHaveAccessibleName(`Bà Đỗ Thị Khách ${id}`);
});
