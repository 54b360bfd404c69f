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
      expect(url.searchParams.get("body")).toContain(LINK);
      expect(link).not.toContain("+");
    }
  });

  it("leaves out an empty location", () => {
    const none = calendarLinks(event({ location: null }));
    expect(new URL(none.google).searchParams.has("location")).toBe(false);
    expect(new URL(none.outlook).searchParams.has("location")).toBe(false);
  });
});
