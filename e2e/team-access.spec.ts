import { test, expect } from "./fixtures";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("communications staff outside an event's team are told who can add them, on the photos and press pages", async ({ loginAs, api, accounts }) => {
  const response = await (await api("organizer")).post("/api/v1/events", {
    data: { title: `Hội nghị ngoài nhóm ${suffix()}`, kind: "conference", startsAt: "2031-09-01T08:00:00+07:00", endsAt: "2031-09-01T11:00:00+07:00" },
  });
  expect(response.status(), await response.text()).toBe(201);
  const event = (await response.json()) as { id: string };
  const page = await loginAs("communications");

  await page.goto(`/events/${event.id}/photos`);
  await expect(page.getByText("Bạn chỉ có quyền xem ảnh của sự kiện này.")).toBeVisible();
  const hint = page.getByTestId("team-access-hint");
  await expect(hint).toContainText("Bạn chưa ở trong nhóm của sự kiện này nên chỉ xem được. Để được thêm vào nhóm, hãy liên hệ:");
  // The organizer who created the event, named with a mail link; then the admins.
  const organizer = hint.getByRole("listitem").first();
  await expect(organizer).toHaveText(`${accounts.organizer.name} (người tổ chức sự kiện) — ${accounts.organizer.email}`);
  await expect(organizer.getByRole("link")).toHaveAttribute("href", `mailto:${accounts.organizer.email}`);
  await expect(hint.getByRole("listitem").filter({ hasText: accounts.admin.name })).toContainText("(quản trị viên)");
  await expect(hint).not.toContainText(accounts.communications.name);
  await page.screenshot({ path: "/tmp/forms-team-hint-desktop.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/forms-team-hint-phone.png", fullPage: true });

  await page.goto(`/events/${event.id}/press`);
  await expect(page.getByTestId("team-access-hint").getByRole("listitem").first()).toContainText(accounts.organizer.name);

  // A page only the team may open: the 403 page names them too.
  const denied = await page.goto(`/events/${event.id}/photos/captions`);
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Không có quyền" })).toBeVisible();
  await expect(page.getByTestId("team-access-hint").getByRole("listitem").first()).toContainText(accounts.organizer.name);
});
