import { describe, expect, it } from "vitest";
import { calendarEventFromEvent, calendarFileName, venueLine, type CalendarSourceEvent } from "./event-data";

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

describe("calendarFileName", () => {
  it("is ASCII, folds Vietnamese (đ included) and stays short", () => {
    expect(calendarFileName(seed.title)).toBe("le-ky-ket-chuong-trinh-phoi-hop-cong-tac-giai-doan-2017-2020.ics");
    expect(calendarFileName("Đón đoàn Đại sứ")).toBe("don-doan-dai-su.ics");
    expect(calendarFileName("“—”")).toBe("signet-event.ics");
    expect(calendarFileName("a".repeat(200)).length).toBeLessThanOrEqual(64);
  });
});
