/**
 * Calendar replies, as an invitee and an organizer live them: the invitee presses "Accept" in Outlook (not on
 * Signet's page), Outlook mails a REPLY to the calendar file's ORGANIZER — the invitation's own reply address — and
 * the organizer sees the answer, its source and the note on the attendee list. A second invitee's address bounces;
 * the list says so and counts it. The admin's Mailbox page says replies are on.
 *
 *   E2E_PORT=3214 E2E_STATE=/tmp/e2e-inbound npx playwright test -c e2e/playwright.config.ts calendar-replies.spec.ts --output /tmp/pw-inbound
 */
import ICAL from "ical.js";
import nodemailer from "nodemailer";
import { sampleBounce } from "../server/testing/reply-samples";
import { sampleReplyMail } from "../server/testing/inbound-test-support.server";
import { test, expect } from "./fixtures";
import { INBOUND_SMTP_PORT } from "./playwright.config";

const suffix = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("an Outlook 'Accept' mailed to the reply address shows on the attendee list; a bounce is marked and counted", async ({
  page,
  api,
  request,
  loginAs,
}) => {
  const organizer = await api("organizer");
  const id = suffix();
  const title = `Lễ ký kết trả lời qua lịch ${id}`;
  const created = await organizer.post("/api/v1/events", {
    data: { title, kind: "signing_ceremony", status: "scheduled", startsAt: "2031-05-20T09:00:00+07:00", endsAt: "2031-05-20T11:00:00+07:00" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const eventId = ((await created.json()) as { id: string }).id;
  const invite = async (name: string, email: string) => {
    const response = await organizer.post(`/api/v1/events/${eventId}/invitations`, { data: { name, email, language: "vi" } });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as { id: string; rsvpUrl: string };
  };
  const lan = await invite("Nguyễn Thị Lan", `lan-${id}@example.vn`);
  const binh = await invite("Trần Văn Bình", `binh-${id}@example.vn`);
  const sent = await organizer.post(`/api/v1/events/${eventId}/invitations/send`, { data: { ids: [lan.id, binh.id] } });
  expect(sent.status(), await sent.text()).toBe(200);

  // The invitee's calendar file names the invitation's reply address as ORGANIZER: that is where Outlook replies.
  const calendarOf = async (rsvpUrl: string) => {
    const ics = await request.get(`${new URL(rsvpUrl).pathname}/invite.ics`);
    expect(ics.status()).toBe(200);
    const vevent = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent("vevent")!;
    return {
      uid: String(vevent.getFirstPropertyValue("uid")),
      sequence: Number(vevent.getFirstPropertyValue("sequence")),
      organizer: String(vevent.getFirstPropertyValue("organizer")).replace(/^mailto:/i, ""),
    };
  };
  const lanCalendar = await calendarOf(lan.rsvpUrl);
  expect(lanCalendar.organizer).toMatch(/^rsvp\+[0-9a-f]{32}@rsvp\.signet\.test$/);
  expect(lan.rsvpUrl).not.toContain(lanCalendar.organizer.slice(5, 37));

  const smtp = nodemailer.createTransport({ host: "127.0.0.1", port: INBOUND_SMTP_PORT, secure: false, ignoreTLS: true });
  await smtp.sendMail(
    sampleReplyMail(
      "outlook",
      {
        uid: lanCalendar.uid,
        sequence: lanCalendar.sequence,
        dtstamp: new Date(),
        attendee: { email: `lan-${id}@example.vn`, name: "Nguyễn Thị Lan" },
        organizer: lanCalendar.organizer,
        partstat: "ACCEPTED",
        comment: "Tôi sẽ đến trước 15 phút.",
      },
      { to: lanCalendar.organizer },
    ),
  );
  const binhCalendar = await calendarOf(binh.rsvpUrl);
  await smtp.sendMail({
    envelope: { from: "", to: binhCalendar.organizer },
    raw: sampleBounce({ to: binhCalendar.organizer, failedRecipient: `binh-${id}@example.vn`, originalMessageId: `<unknown-${id}@signet.test>` }),
  });

  await loginAs("organizer");
  await page.goto(`/events/${eventId}/attendees`);
  const lanRow = page.getByRole("row").filter({ hasText: "Nguyễn Thị Lan" });
  await expect(lanRow.getByText("Nhận lời", { exact: true })).toBeVisible();
  await expect(lanRow.getByTestId("mailed-answer")).toContainText("Qua email (Outlook): nhận lời, lúc");
  await expect(lanRow).toContainText("Lời nhắn: “Tôi sẽ đến trước 15 phút.”");
  const binhRow = page.getByRole("row").filter({ hasText: "Trần Văn Bình" });
  await expect(binhRow.getByTestId("bounce")).toContainText("Email bị trả lại");
  await expect(binhRow.getByTestId("bounce")).toContainText("5.1.1 — 550 5.1.1");
  await expect(page.getByTestId("count-bounced")).toContainText("1");
  await expect(page.getByTestId("count-accepted")).toContainText("1");
  await page.screenshot({ path: test.info().outputPath("attendees-calendar-replies.png"), fullPage: true });

  // The invitee then answers differently on the page: the web answer is later, it counts, and the conflict shows.
  await page.context().clearCookies();
  await page.goto(new URL(lan.rsvpUrl).pathname);
  await page.getByRole("button", { name: "Không tham dự", exact: true }).click();
  await expect(page.getByText("Rất tiếc quý vị không thể tham dự.")).toBeVisible();
  await page.context().clearCookies();
  await loginAs("organizer");
  await page.goto(`/events/${eventId}/attendees`);
  const conflict = page.getByRole("row").filter({ hasText: "Nguyễn Thị Lan" }).getByTestId("reply-conflict");
  await expect(conflict).toContainText("Hai câu trả lời khác nhau: trên trang “từ chối”");
  await expect(conflict).toContainText("Tính câu trả lời sau (trên trang)");
  await page.screenshot({ path: test.info().outputPath("attendees-reply-conflict.png"), fullPage: true });

  // Only the bounced ones, by the count's link.
  await page.getByTestId("count-bounced").click();
  await expect(page.getByRole("row").filter({ hasText: "Trần Văn Bình" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Nguyễn Thị Lan" })).toHaveCount(0);
});

test("the Mailbox page says whether calendar replies are on and how they come in", async ({ page, loginAs }) => {
  await loginAs("admin");
  await page.goto("/admin/mailbox");
  const card = page.getByTestId("replies-settings");
  await expect(card.getByRole("heading", { name: "Trả lời từ ứng dụng lịch" })).toBeVisible();
  await expect(card).toContainText("Đang bật.");
  await expect(card).toContainText(`rsvp+…@rsvp.signet.test`);
  await expect(card).toContainText(`máy chủ nhận thư ở cổng ${INBOUND_SMTP_PORT}`);
  await page.screenshot({ path: test.info().outputPath("mailbox-replies.png"), fullPage: true });
});
