import { describe, expect, it } from "vitest";
import type { CalendarEventData } from "./ics";
import { calendarLinks } from "./links";

const LOCATION = "Hội trường Tỉnh ủy Thái Bình";
const LINK = "https://signet.example.vn/i/Zx9_abcDEF-1234567890abcdefghijk";
const DESCRIPTION = "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo; lễ ký kết, giai đoạn 2017 – 2020.\nDòng hai & 100%";

function event(overrides: Partial<CalendarEventData> = {}): CalendarEventData {
  return {
    uid: "seed@signet",
    sequence: 0,
    title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
    description: DESCRIPTION,
    location: LOCATION,
    startsAt: new Date("2017-10-19T07:00:00Z"),
    endsAt: new Date("2017-10-19T09:00:00Z"),
    url: LINK,
    ...overrides,
  };
}

describe("calendarLinks", () => {
  const links = calendarLinks(event({ title: "Lễ ký kết\r\n+ họp báo", startsAt: new Date("2017-10-19T07:00:00.500Z") }));

  it("Google: TEMPLATE with UTC dates, the title, the venue and the link in the details", () => {
    const url = new URL(links.google);
    expect(url.origin + url.pathname).toBe("https://calendar.google.com/calendar/render");
    expect(url.searchParams.get("action")).toBe("TEMPLATE");
    expect(url.searchParams.get("text")).toBe("Lễ ký kết + họp báo");
    expect(url.searchParams.get("dates")).toBe("20171019T070000Z/20171019T090000Z");
    expect(url.searchParams.get("location")).toBe(LOCATION);
    expect(url.searchParams.get("details")).toBe(`${DESCRIPTION}\n\n${LINK}`);
    expect(links.google).toContain("&dates=20171019T070000Z/20171019T090000Z");
  });

  it("Outlook.com and Microsoft 365: compose deeplinks with UTC ISO times, spaces as %20", () => {
    for (const [link, origin] of [
      [links.outlook, "https://outlook.live.com"],
      [links.office365, "https://outlook.office.com"],
    ] as const) {
      const url = new URL(link);
      expect(url.origin).toBe(origin);
      expect(url.pathname).toBe("/calendar/0/deeplink/compose");
      expect(url.searchParams.get("path")).toBe("/calendar/action/compose");
      expect(url.searchParams.get("rru")).toBe("addevent");
      expect(url.searchParams.get("subject")).toBe("Lễ ký kết + họp báo");
      expect(url.searchParams.get("startdt")).toBe("2017-10-19T07:00:00Z");
      expect(url.searchParams.get("enddt")).toBe("2017-10-19T09:00:00Z");
      expect(url.searchParams.get("location")).toBe(LOCATION);
      // The personal link on a line of its own at the end, as in Google's details and the .ics.
      expect(url.searchParams.get("body")).toBe(`${DESCRIPTION}\n\n${LINK}`);
      expect(link).not.toContain("+");
    }
  });

  it("an entry without a description carries the link alone, once, in all three", () => {
    const bare = calendarLinks(event({ description: "", url: LINK }));
    expect(new URL(bare.google).searchParams.get("details")).toBe(LINK);
    expect(new URL(bare.outlook).searchParams.get("body")).toBe(LINK);
    expect(new URL(bare.office365).searchParams.get("body")).toBe(LINK);
    const already = calendarLinks(event({ description: `Xem ${LINK}`, url: LINK }));
    expect(new URL(already.google).searchParams.get("details")).toBe(`Xem ${LINK}`);
  });

  it("leaves out an empty location", () => {
    const none = calendarLinks(event({ location: null }));
    expect(new URL(none.google).searchParams.has("location")).toBe(false);
    expect(new URL(none.outlook).searchParams.has("location")).toBe(false);
  });
});
