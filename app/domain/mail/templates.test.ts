import { describe, expect, it } from "vitest";
import { englishZoneName, eventLocation, eventWhen, kindHasLink, oneLine, renderInvitationMail, type InvitationMailInput, type MailEventFacts } from "./templates";

const event: MailEventFacts = {
  title: "Lễ ký kết chương trình phối hợp “Đồng hành” 🤝",
  // 08:30–10:00 in Hà Nội on Thursday 10/04/2031.
  startsAt: new Date("2031-04-10T01:30:00Z"),
  endsAt: new Date("2031-04-10T03:00:00Z"),
  timeZone: "Asia/Ho_Chi_Minh",
  venueName: "Hội trường A",
  venueAddress: "Số 1 đường Lê Lợi, TP. Thái Bình",
  venueRoom: "Tầng 2",
  description: "Dòng một\nDòng hai",
};
const link = "https://signet.example/i/Zq3v0m1X9bT8yK2wQ7rL5nH4cD6fG1jA0sE9uI8oP7k";

function render(overrides: Partial<InvitationMailInput> = {}) {
  return renderInvitationMail({
    kind: "invitation",
    locale: "vi",
    recipient: { fullName: "Nguyễn Văn An", honorific: "Đồng chí" },
    event,
    link,
    signature: "Ban Tuyên giáo Tỉnh ủy",
    ...overrides,
  });
}

describe("invitation in Vietnamese", () => {
  const mail = render();
  it("has the subject, greeting and the time in the event's zone", () => {
    expect(mail.subject).toBe("Thư mời: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(mail.text).toContain("Kính gửi Đồng chí Nguyễn Văn An,");
    expect(mail.text).toContain("Ban tổ chức trân trọng kính mời quý vị tới dự:");
    expect(mail.text).toContain("Thời gian: 08:30 – 10:00, Thứ 5, 10/04/2031, theo giờ Asia/Ho_Chi_Minh (GMT+7)");
    expect(mail.text).toContain("Địa điểm: Tầng 2, Hội trường A, Số 1 đường Lê Lợi, TP. Thái Bình");
  });
  it("carries the personal link in text and HTML, and the calendar hint", () => {
    expect(mail.text).toContain(`Trả lời thư mời tại: ${link}`);
    expect(mail.html).toContain(`href="${link}"`);
    expect(mail.html.match(new RegExp(`href="${link}"`, "g"))).toHaveLength(2);
    expect(mail.text).toContain("Tệp lịch đính kèm (invite.ics) giúp thêm sự kiện vào lịch của quý vị.");
    expect(mail.text).toContain("Trân trọng,\nBan Tuyên giáo Tỉnh ủy");
  });
  it("is an HTML document in Vietnamese with the description", () => {
    expect(mail.html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(mail.html).toContain("<title>Thư mời: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝</title>");
    expect(mail.html).toContain("Dòng một<br>\nDòng hai");
    expect(mail.text).toContain("Dòng một\nDòng hai");
  });
});

describe("invitation in English", () => {
  const mail = render({ locale: "en", recipient: { fullName: "Jane Doe", honorific: "Ms" }, signature: "Provincial Propaganda Department" });
  it("is English throughout, with English dates", () => {
    // Without an English title the Vietnamese one is kept, marked; the venue comes from the glossary.
    expect(mail.subject).toBe("Invitation: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(mail.text).toContain("Dear Ms. Jane Doe,");
    expect(mail.text).toContain("When: 08:30 – 10:00, Thursday, 10 April 2031, Indochina Time (GMT+7)");
    expect(mail.text).toContain("Where: Floor 2, Hall A, 1 Lê Lợi Street, Thái Bình city");
    expect(mail.text).toContain(`Reply to the invitation at: ${link}`);
    expect(mail.html).toContain('<html lang="en">');
    expect(mail.text).not.toMatch(/Kính gửi|Thời gian|Trân trọng/);
  });
});

describe("English names and honorifics", () => {
  it("uses the English title and venue the organiser gave, and writes the honorific as English papers do", () => {
    const mail = render({
      locale: "en",
      recipient: { fullName: "Hoàng Văn Giang", honorific: "TS." },
      event: { ...event, titleEn: "Signing of the “Companion” coordination programme", venueNameEn: "Hall A" },
    });
    expect(mail.subject).toBe("Invitation: Signing of the “Companion” coordination programme");
    expect(mail.text).toContain("Dear Dr. Hoàng Văn Giang,");
    expect(mail.text).not.toContain("TS.");
    expect(render({ locale: "en", recipient: { fullName: "Nguyễn Văn An", honorific: "đồng chí" } }).text).toContain("Dear Nguyễn Văn An,");
    // Vietnamese readers get the Vietnamese words.
    expect(render({ recipient: { fullName: "Hoàng Văn Giang", honorific: "TS." } }).text).toContain("TS. Hoàng Văn Giang");
  });
});

describe("escaping", () => {
  const hostile = render({
    event: {
      ...event,
      title: `<img src=x onerror=alert(1)> & "quotes"`,
      venueName: "<b>Hall</b>",
      description: "<script>alert(1)</script>",
    },
    recipient: { fullName: `<a href="javascript:alert(1)">Evil</a>`, honorific: null },
  });
  it("escapes everything a person typed in the HTML", () => {
    expect(hostile.html).not.toMatch(/<img|<script|<b>Hall|<a href="javascript/);
    expect(hostile.html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
    expect(hostile.html).toContain("&lt;b&gt;Hall&lt;/b&gt;");
    expect(hostile.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
  it("keeps the plain text as typed", () => {
    expect(hostile.text).toContain(`<img src=x onerror=alert(1)> & "quotes"`);
  });
  it("cannot inject headers through the subject", () => {
    const mail = render({ event: { ...event, title: "Họp\r\nBcc: victim@example.org" } });
    expect(mail.subject).toBe("Thư mời: Họp Bcc: victim@example.org");
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
  it("never links a non-http URL", () => {
    const mail = render({ link: "javascript:alert(1)" });
    expect(mail.html).not.toContain("javascript:");
    expect(mail.text).not.toContain("javascript:");
    expect(mail.text).not.toContain("Trả lời thư mời tại");
  });
});

describe("update", () => {
  const previous: MailEventFacts = { ...event, title: "Lễ ký kết (dự kiến)", startsAt: new Date("2031-04-09T07:00:00Z"), endsAt: new Date("2031-04-09T09:00:00Z") };
  const mail = render({ kind: "update", previous });
  it("says what changed and what it was", () => {
    expect(mail.subject).toBe("Thay đổi thông tin: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(mail.text).toContain("Thời gian: 08:30 – 10:00, Thứ 5, 10/04/2031, theo giờ Asia/Ho_Chi_Minh (GMT+7) (đã thay đổi)");
    expect(mail.text).toContain("  Trước đây: 14:00 – 16:00, Thứ 4, 09/04/2031, theo giờ Asia/Ho_Chi_Minh (GMT+7)");
    expect(mail.text).toContain("Tên cũ của sự kiện: Lễ ký kết (dự kiến)");
    expect(mail.text).toMatch(/Địa điểm: Tầng 2, Hội trường A, Số 1 đường Lê Lợi, TP\. Thái Bình\n/);
    expect(mail.html).toContain("Trước đây: <s>14:00 – 16:00, Thứ 4, 09/04/2031");
    expect(mail.text).toContain(`Trả lời thư mời tại: ${link}`);
    expect(mail.text).toContain("cập nhật sự kiện trong lịch");
  });
  it("marks a new venue", () => {
    const moved = render({ kind: "update", previous: { ...event, venueName: "Hội trường B" }, locale: "en" });
    expect(moved.text).toContain("Where: Floor 2, Hall A, 1 Lê Lợi Street, Thái Bình city (changed)");
    expect(moved.text).toContain("  Previously: Floor 2, Hall B, 1 Lê Lợi Street, Thái Bình city");
    expect(moved.text).not.toContain("When: 08:30 – 10:00, Thursday, 10 April 2031, Indochina Time (GMT+7) (changed)");
  });
});

describe("cancellation, withdrawal and reminder", () => {
  it("a cancellation carries no link and removes the entry", () => {
    const mail = render({ kind: "cancellation" });
    expect(mail.subject).toBe("Hủy sự kiện: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(mail.text).toContain("đã bị hủy");
    expect(mail.text).not.toContain(link);
    expect(mail.html).not.toContain(link);
    expect(mail.text).toContain("gỡ sự kiện khỏi lịch");
    expect(mail.html).toContain("text-decoration:line-through");
    expect(mail.text).not.toContain("Dòng một");
  });
  it("a withdrawal tells one person their invitation is no longer valid", () => {
    const mail = render({ kind: "withdrawal", locale: "en" });
    expect(mail.subject).toBe("Invitation withdrawn: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝 (in Vietnamese, to be translated)");
    expect(mail.text).toContain("your invitation to the event below is no longer valid");
    expect(mail.text).not.toContain(link);
  });
  it("a reminder asks for an answer, with the link", () => {
    const mail = render({ kind: "reminder" });
    expect(mail.subject).toBe("Nhắc xác nhận tham dự: Lễ ký kết chương trình phối hợp “Đồng hành” 🤝");
    expect(mail.text).toContain("chưa nhận được phản hồi");
    expect(mail.text).toContain(link);
  });
  it("only invitation, update and reminder have links", () => {
    expect(["invitation", "update", "cancellation", "withdrawal", "reminder"].filter((k) => kindHasLink(k as never))).toEqual([
      "invitation",
      "update",
      "reminder",
    ]);
  });
});

describe("facts", () => {
  it("an unknown venue is announced later; no greeting name is polite too", () => {
    const mail = render({
      event: { ...event, venueName: null, venueAddress: null, venueRoom: null },
      recipient: { fullName: "  ", honorific: null },
    });
    expect(mail.text).toContain("Địa điểm: Sẽ thông báo sau");
    expect(mail.text.startsWith("Kính gửi quý vị,")).toBe(true);
  });
  it("shows the time in the event's own zone, whatever the reader's", () => {
    const paris = { ...event, timeZone: "Europe/Paris", startsAt: new Date("2031-07-01T16:00:00Z"), endsAt: new Date("2031-07-02T09:00:00Z") };
    expect(eventWhen(paris, "vi")).toBe("18:00, Thứ 3, 01/07/2031 – 11:00, Thứ 4, 02/07/2031, theo giờ Europe/Paris (GMT+2)");
    expect(eventWhen(paris, "en")).toBe("18:00, Tuesday, 1 July 2031 – 11:00, Wednesday, 2 July 2031, Central European Time (GMT+2)");
  });
  it("names the zone in English as English papers do, the IANA id where there is no name", () => {
    const at = new Date("2031-03-05T01:00:00Z");
    expect(englishZoneName("Asia/Ho_Chi_Minh", at)).toBe("Indochina Time");
    expect(englishZoneName("Asia/Tokyo", at)).toBe("Japan Standard Time");
    expect(englishZoneName("UTC", at)).toBe("UTC");
    expect(englishZoneName("Not/AZone", at)).toBe("Not/AZone");
  });
  it("joins the venue on one line", () => {
    expect(eventLocation({ venueRoom: "Phòng\r\n2", venueName: "Nhà khách", venueAddress: null })).toBe("Phòng 2, Nhà khách");
    expect(eventLocation({ venueRoom: null, venueName: null, venueAddress: null })).toBeNull();
    expect(oneLine(" a\u0000b\n\tc ")).toBe("a b c");
  });
});
