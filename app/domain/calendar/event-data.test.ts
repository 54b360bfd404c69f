import { describe, expect, it } from "vitest";
import { calendarEventFromEvent, venueLine, type CalendarSourceEvent } from "./event-data";
import ICAL from "ical.js";
import { buildInvitationIcs, calendarLinks } from "./ics";

const seed: CalendarSourceEvent = {
  calendarUid: "seed-2017-10-19-tuyen-giao-giao-duc@signet",
  calendarSequence: 2,
  title: "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020",
  description: "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.",
  status: "completed",
  startsAt: new Date("2017-10-19T07:00:00Z"),
  endsAt: new Date("2017-10-19T09:00:00Z"),
  venueName: "Hội trường Tỉnh ủy",
  venueAddress: "Thành phố Thái Bình, tỉnh Thái Bình",
  venueRoom: "Tầng 2",
};

describe("calendarEventFromEvent", () => {
  it("carries the UID and SEQUENCE; the description is the event's, then the venue, in the reader's language", () => {
    const vi = calendarEventFromEvent(seed, { locale: "vi", url: "https://signet.example.vn/events/1" });
    expect(vi).toEqual({
      uid: seed.calendarUid,
      sequence: 2,
      title: seed.title,
      description:
        "Ban Tuyên giáo Tỉnh ủy phối hợp với Sở Giáo dục và Đào tạo tổ chức lễ ký kết.\n\n" +
        "Địa điểm: Tầng 2, Hội trường Tỉnh ủy, Thành phố Thái Bình, tỉnh Thái Bình",
      location: "Tầng 2, Hội trường Tỉnh ủy, Thành phố Thái Bình, tỉnh Thái Bình",
      startsAt: seed.startsAt,
      endsAt: seed.endsAt,
      allDay: null,
      url: "https://signet.example.vn/events/1",
      status: "CONFIRMED",
    });
    const en = calendarEventFromEvent(seed, { locale: "en" });
    expect(en.title).toBe(`${seed.title} (in Vietnamese, to be translated)`);
    expect(en.location).toBe("Floor 2, Hall of the Provincial Party Committee, Thái Bình city, Thái Bình province");
    expect(en.description).toMatch(/\n\nVenue: Floor 2, Hall of the Provincial Party Committee, /);
    expect(calendarEventFromEvent({ ...seed, titleEn: "Signing ceremony", venueNameEn: "Provincial Party Committee Hall" }, { locale: "en" }).location).toBe(
      "Floor 2, Provincial Party Committee Hall, Thái Bình city, Thái Bình province",
    );
  });

  it("drafts are TENTATIVE, cancelled events CANCELLED; no venue and no description give an empty description", () => {
    const bare = { ...seed, description: null, venueName: null, venueAddress: " ", venueRoom: null };
    expect(calendarEventFromEvent({ ...bare, status: "draft" }, { locale: "vi" })).toMatchObject({
      status: "TENTATIVE",
      description: "",
      location: null,
      url: null,
    });
    expect(calendarEventFromEvent({ ...seed, status: "cancelled" }, { locale: "vi" }).status).toBe("CANCELLED");
    expect(calendarEventFromEvent({ ...seed, status: "scheduled" }, { locale: "vi" }).status).toBe("CONFIRMED");
  });
});

describe("calendarEventFromEvent with an agenda", () => {
  it("appends the agenda text after the venue", () => {
    const data = calendarEventFromEvent(seed, { locale: "vi", agenda: "Chương trình:\n14:00 – 14:15  Khai mạc" });
    expect(data.description.endsWith("Chương trình:\n14:00 – 14:15  Khai mạc")).toBe(true);
    expect(data.description.indexOf("Tầng 2")).toBeLessThan(data.description.indexOf("Chương trình:"));
    expect(calendarEventFromEvent(seed, { locale: "vi", agenda: "  " }).description).not.toContain("Chương trình");
  });
});

describe("venueLine", () => {
  it("joins room, venue and address, skipping blanks", () => {
    expect(venueLine({ venueRoom: null, venueName: "Nhà khách", venueAddress: "Thái Bình" })).toBe("Nhà khách, Thái Bình");
    expect(venueLine({ venueRoom: "", venueName: null, venueAddress: null })).toBeNull();
  });
});

describe("a date-only event in calendars", () => {
  // 12/3/2024 in Hanoi, the time of day not stated: stored from local midnight to the evening.
  const dateOnly: CalendarSourceEvent = {
    ...seed,
    startsAt: new Date("2024-03-11T17:00:00Z"),
    endsAt: new Date("2024-03-12T16:00:00Z"),
    startPrecision: "date",
    timeZone: "Asia/Ho_Chi_Minh",
  };
  it("is an all-day entry on its local date, not an invented time of day", () => {
    const data = calendarEventFromEvent(dateOnly, { locale: "vi" });
    expect(data.allDay).toEqual({ start: [2024, 3, 12], endExclusive: [2024, 3, 13] });
    const ics = buildInvitationIcs({ method: "PUBLISH", event: data, organizer: { name: "Signet", email: "no-reply@signet.local" } });
    const text = ics.replace(/\r\n /g, "");
    expect(text).toContain("DTSTART;VALUE=DATE:20240312");
    expect(text).toContain("DTEND;VALUE=DATE:20240313");
    expect(text).not.toMatch(/DTSTART:\d{8}T/);
    // Parsed by Thunderbird's parser: a date, not a date-time.
    const component = new ICAL.Component(ICAL.parse(ics));
    const start = component.getFirstSubcomponent("vevent")!.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect([start.isDate, start.year, start.month, start.day]).toEqual([true, 2024, 3, 12]);
  });
  it("gives Google and Outlook links by date, all day", () => {
    const links = calendarLinks(calendarEventFromEvent(dateOnly, { locale: "vi" }));
    expect(links.google).toContain("&dates=20240312/20240313");
    expect(links.outlook).toContain("startdt=2024-03-12&enddt=2024-03-13&allday=true");
  });
  it("keeps exact instants for an event with a time", () => {
    const data = calendarEventFromEvent({ ...dateOnly, startPrecision: "time" }, { locale: "vi" });
    expect(data.allDay).toBeNull();
    expect(calendarLinks(data).google).toContain("&dates=20240311T170000Z/20240312T160000Z");
  });
});
