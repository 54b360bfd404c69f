import { describe, it, expect } from "vitest";
import {
  dateHeaderEn,
  dateHeaderVi,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatPeriod,
  formatRange,
  formatWhen,
  formatTime,
  instantToLocalInput,
  isValidTimeZone,
  leadDateEn,
  leadDateVi,
  runningDateEn,
  runningDateVi,
  localInputToInstant,
  localYear,
  timeOfDay,
  timeOfDayEn,
  timeOfDayVi,
  weekdayEn,
  weekdayVi,
  zoneOffsetLabel,
  zoneOffsetMinutes,
} from "./phrasing";

// Instants are written with an explicit offset or "Z" so that the fixtures do
// not depend on the machine's zone nor on the code under test.
const at = (iso: string): Date => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`bad fixture ${iso}`);
  return d;
};

const HCM = "Asia/Ho_Chi_Minh";
const PARIS = "Europe/Paris";
const NY = "America/New_York";

/** 2017-10-19T14:00 in Hanoi / Ho Chi Minh City: the seed signing. */
const SEED = at("2017-10-19T14:00:00+07:00");

describe("seed fact (2017-10-19, Asia/Ho_Chi_Minh)", () => {
  it("is a Thursday: Thứ 5", () => {
    expect(weekdayVi(SEED, HCM)).toBe("Thứ 5");
  });

  it("opens the lead with Chiều ngày 19/10 in a 2017 article", () => {
    expect(leadDateVi(SEED, HCM, 2017)).toBe("Chiều ngày 19/10");
  });

  it("gives the portal header Thứ 5, 19/10/2017 | 19:13 for 12:13:53Z", () => {
    expect(dateHeaderVi(at("2017-10-19T12:13:53Z"), HCM)).toBe(
      "Thứ 5, 19/10/2017 | 19:13",
    );
  });
});

describe("weekdayVi / weekdayEn", () => {
  const week: ReadonlyArray<[string, string, string]> = [
    ["2017-10-16T14:00:00+07:00", "Thứ 2", "Monday"],
    ["2017-10-17T14:00:00+07:00", "Thứ 3", "Tuesday"],
    ["2017-10-18T14:00:00+07:00", "Thứ 4", "Wednesday"],
    ["2017-10-19T14:00:00+07:00", "Thứ 5", "Thursday"],
    ["2017-10-20T14:00:00+07:00", "Thứ 6", "Friday"],
    ["2017-10-21T14:00:00+07:00", "Thứ 7", "Saturday"],
    ["2017-10-22T14:00:00+07:00", "Chủ nhật", "Sunday"],
  ];

  it.each(week)("%s is %s in Vietnamese", (iso, vi) => {
    expect(weekdayVi(at(iso), HCM)).toBe(vi);
  });

  it.each(week)("%s is %s / %s in English", (iso, _vi, en) => {
    expect(weekdayEn(at(iso), HCM)).toBe(en);
  });

  it("uses the local day, not the UTC day (Sunday 00:30 in HCM is Saturday in UTC)", () => {
    const d = at("2017-10-21T17:30:00Z");
    expect(weekdayVi(d, HCM)).toBe("Chủ nhật");
    expect(weekdayEn(d, HCM)).toBe("Sunday");
    expect(weekdayVi(d, "UTC")).toBe("Thứ 7");
    expect(weekdayEn(d, "UTC")).toBe("Saturday");
  });

  it("uses the local day west of UTC too (late Wednesday in New York)", () => {
    const d = at("2017-10-19T02:00:00Z"); // 18/10 22:00 EDT
    expect(weekdayVi(d, NY)).toBe("Thứ 4");
    expect(weekdayEn(d, NY)).toBe("Wednesday");
    expect(weekdayEn(d, HCM)).toBe("Thursday");
  });

  it("writes Vietnamese in precomposed (NFC) Unicode", () => {
    const sunday = weekdayVi(at("2017-10-22T14:00:00+07:00"), HCM);
    const thursday = weekdayVi(SEED, HCM);
    expect(sunday.normalize("NFC")).toBe(sunday);
    expect(thursday.normalize("NFC")).toBe(thursday);
    expect(sunday).toHaveLength("Chủ nhật".normalize("NFC").length);
  });
});

describe("a UTC instant on a different local day (2017-10-18T20:00Z)", () => {
  const d = at("2017-10-18T20:00:00Z");

  it("is 19/10 03:00 in Asia/Ho_Chi_Minh", () => {
    expect(formatDate(d, HCM)).toBe("19/10/2017");
    expect(formatDayMonth(d, HCM)).toBe("19/10");
    expect(formatTime(d, HCM)).toBe("03:00");
    expect(weekdayVi(d, HCM)).toBe("Thứ 5");
    expect(timeOfDay(d, HCM)).toBe("morning");
    expect(leadDateVi(d, HCM, 2017)).toBe("Sáng ngày 19/10");
  });

  it("is 18/10 20:00 in UTC", () => {
    expect(formatDate(d, "UTC")).toBe("18/10/2017");
    expect(formatDayMonth(d, "UTC")).toBe("18/10");
    expect(formatTime(d, "UTC")).toBe("20:00");
    expect(weekdayVi(d, "UTC")).toBe("Thứ 4");
    expect(timeOfDay(d, "UTC")).toBe("evening");
  });

  it("is 18/10 16:00 in New York", () => {
    expect(formatDate(d, NY)).toBe("18/10/2017");
    expect(formatTime(d, NY)).toBe("16:00");
  });
});

describe("formatDate / formatDayMonth / formatTime", () => {
  it("zero pads day, month, hour and minute", () => {
    const d = at("2017-01-05T09:03:00+07:00");
    expect(formatDate(d, HCM)).toBe("05/01/2017");
    expect(formatDayMonth(d, HCM)).toBe("05/01");
    expect(formatTime(d, HCM)).toBe("09:03");
  });

  it("formats two-digit parts without extra padding", () => {
    const d = at("2017-12-31T23:59:00+07:00");
    expect(formatDate(d, HCM)).toBe("31/12/2017");
    expect(formatDayMonth(d, HCM)).toBe("31/12");
    expect(formatTime(d, HCM)).toBe("23:59");
  });

  it("uses 24-hour time", () => {
    expect(formatTime(SEED, HCM)).toBe("14:00");
    expect(formatTime(at("2017-10-19T12:13:53Z"), HCM)).toBe("19:13");
    expect(formatTime(at("2017-10-19T00:00:00+07:00"), HCM)).toBe("00:00");
  });

  it("truncates seconds rather than rounding", () => {
    expect(formatTime(at("2017-10-19T07:13:59.999Z"), HCM)).toBe("14:13");
  });

  it("pads the year to four digits", () => {
    expect(formatDate(at("0999-05-06T12:00:00Z"), "UTC")).toBe("06/05/0999");
  });

  it("rolls over the year at local midnight", () => {
    const d = at("2017-12-31T17:00:00Z"); // 2018-01-01 00:00 in HCM
    expect(formatDate(d, HCM)).toBe("01/01/2018");
    expect(formatDate(d, "UTC")).toBe("31/12/2017");
  });
});

describe("timeOfDay / timeOfDayVi / timeOfDayEn", () => {
  const cases: ReadonlyArray<[string, string, string]> = [
    ["00:00", "morning", "Sáng"],
    ["04:59", "morning", "Sáng"],
    ["10:59", "morning", "Sáng"],
    ["11:00", "noon", "Trưa"],
    ["12:59", "noon", "Trưa"],
    ["13:00", "afternoon", "Chiều"],
    ["17:59", "afternoon", "Chiều"],
    ["18:00", "evening", "Tối"],
    ["23:59", "evening", "Tối"],
  ];

  it.each(cases)("local %s is %s / %s", (hhmm, en, vi) => {
    const d = at(`2017-10-19T${hhmm}:00+07:00`);
    expect(timeOfDay(d, HCM)).toBe(en);
    expect(timeOfDayEn(d, HCM)).toBe(en);
    expect(timeOfDayVi(d, HCM)).toBe(vi);
  });

  it("still counts 10:59:59 as morning", () => {
    expect(timeOfDay(at("2017-10-19T10:59:59+07:00"), HCM)).toBe("morning");
  });

  it("still counts 17:59:59 as afternoon", () => {
    expect(timeOfDay(at("2017-10-19T17:59:59+07:00"), HCM)).toBe("afternoon");
  });

  it("reads the hour in the given zone, not UTC", () => {
    const d = at("2017-10-19T07:00:00Z"); // 14:00 in HCM, 07:00 UTC, 03:00 NY
    expect(timeOfDayVi(d, HCM)).toBe("Chiều");
    expect(timeOfDayVi(d, "UTC")).toBe("Sáng");
    expect(timeOfDayEn(at("2017-10-19T05:00:00Z"), "Asia/Kolkata")).toBe(
      "morning",
    ); // 10:30
    expect(timeOfDayEn(at("2017-10-19T05:30:00Z"), "Asia/Kolkata")).toBe(
      "noon",
    ); // 11:00
  });
});

describe("leadDateVi", () => {
  it("omits the year when the publication year matches", () => {
    expect(leadDateVi(SEED, HCM, 2017)).toBe("Chiều ngày 19/10");
  });

  it("omits the year when no publication year is given", () => {
    expect(leadDateVi(SEED, HCM)).toBe("Chiều ngày 19/10");
  });

  it("adds the year when the publication year differs", () => {
    expect(leadDateVi(SEED, HCM, 2018)).toBe("Chiều ngày 19/10/2017");
    expect(leadDateVi(SEED, HCM, 2016)).toBe("Chiều ngày 19/10/2017");
  });

  it("starts with the part of the day", () => {
    expect(leadDateVi(at("2017-10-19T08:30:00+07:00"), HCM, 2017)).toBe(
      "Sáng ngày 19/10",
    );
    expect(leadDateVi(at("2017-10-19T11:30:00+07:00"), HCM, 2017)).toBe(
      "Trưa ngày 19/10",
    );
    expect(leadDateVi(at("2017-10-19T19:30:00+07:00"), HCM, 2017)).toBe(
      "Tối ngày 19/10",
    );
  });

  it("compares the publication year with the event's LOCAL year", () => {
    const d = at("2017-12-31T18:00:00Z"); // 2018-01-01 01:00 in HCM
    expect(leadDateVi(d, HCM, 2018)).toBe("Sáng ngày 1/1");
    expect(leadDateVi(d, HCM, 2017)).toBe("Sáng ngày 1/1/2018");
    expect(leadDateVi(d, "UTC", 2017)).toBe("Tối ngày 31/12");
  });
});

describe("running-text dates and date-only leads", () => {
  it("writes dates without leading zeros, the year only when it is not the publication year", () => {
    expect(runningDateVi(at("2024-09-05T08:00:00+07:00"), HCM, 2024)).toBe("5/9");
    expect(runningDateVi(at("2024-03-12T08:00:00+07:00"), HCM, 2026)).toBe("12/3/2024");
    expect(runningDateEn(at("2024-03-12T08:00:00+07:00"), HCM, 2026)).toBe("12 March 2024");
    expect(leadDateVi(at("2024-09-05T08:00:00+07:00"), HCM, 2024)).toBe("Sáng ngày 5/9");
  });

  it("states no time of day when only the date is known", () => {
    const midnight = at("2024-03-12T00:00:00+07:00");
    expect(leadDateVi(midnight, HCM, 2024, "date")).toBe("Ngày 12/3");
    expect(leadDateVi(midnight, HCM, 2025, "date")).toBe("Ngày 12/3/2024");
    expect(leadDateEn(midnight, HCM, 2024, "date")).toBe("On 12 March");
  });

  it("keeps dd/mm/yyyy in the dateline", () => {
    expect(dateHeaderVi(at("2024-03-05T09:07:00+07:00"), HCM)).toBe("Thứ 3, 05/03/2024 | 09:07");
  });
});

describe("leadDateEn", () => {
  it("omits the year when the publication year matches", () => {
    expect(leadDateEn(SEED, HCM, 2017)).toBe("On the afternoon of 19 October");
  });

  it("omits the year when no publication year is given", () => {
    expect(leadDateEn(SEED, HCM)).toBe("On the afternoon of 19 October");
  });

  it("adds the year when the publication year differs", () => {
    expect(leadDateEn(SEED, HCM, 2020)).toBe(
      "On the afternoon of 19 October 2017",
    );
  });

  it("uses the right phrase for each part of the day", () => {
    expect(leadDateEn(at("2017-10-19T09:00:00+07:00"), HCM, 2017)).toBe(
      "On the morning of 19 October",
    );
    expect(leadDateEn(at("2017-10-19T12:00:00+07:00"), HCM, 2017)).toBe(
      "At noon on 19 October",
    );
    expect(leadDateEn(at("2017-10-19T20:00:00+07:00"), HCM, 2017)).toBe(
      "On the evening of 19 October",
    );
    expect(leadDateEn(at("2017-10-19T12:00:00+07:00"), HCM, 2019)).toBe(
      "At noon on 19 October 2017",
    );
  });

  it("does not zero pad the day in English", () => {
    expect(leadDateEn(at("2017-01-05T09:00:00+07:00"), HCM)).toBe(
      "On the morning of 5 January",
    );
  });

  it("compares the publication year with the event's LOCAL year", () => {
    const d = at("2017-12-31T18:00:00Z"); // 2018-01-01 01:00 in HCM
    expect(leadDateEn(d, HCM, 2018)).toBe("On the morning of 1 January");
    expect(leadDateEn(d, HCM, 2017)).toBe("On the morning of 1 January 2018");
  });
});

describe("dateHeaderVi / dateHeaderEn", () => {
  it("formats a Vietnamese portal header", () => {
    expect(dateHeaderVi(at("2017-10-19T12:13:53Z"), HCM)).toBe(
      "Thứ 5, 19/10/2017 | 19:13",
    );
  });

  it("formats an English header", () => {
    expect(dateHeaderEn(at("2017-10-19T12:13:53Z"), HCM)).toBe(
      "Thursday, 19 October 2017 | 19:13",
    );
  });

  it("writes Sunday and a zero-padded date in the Vietnamese header", () => {
    expect(dateHeaderVi(at("2017-01-01T08:05:00+07:00"), HCM)).toBe(
      "Chủ nhật, 01/01/2017 | 08:05",
    );
    expect(dateHeaderEn(at("2017-01-01T08:05:00+07:00"), HCM)).toBe(
      "Sunday, 1 January 2017 | 08:05",
    );
  });

  it("depends on the zone given", () => {
    expect(dateHeaderVi(at("2017-10-19T12:13:53Z"), "UTC")).toBe(
      "Thứ 5, 19/10/2017 | 12:13",
    );
    expect(dateHeaderEn(at("2017-10-19T12:13:53Z"), PARIS)).toBe(
      "Thursday, 19 October 2017 | 14:13",
    );
  });
});

describe("formatDateTime", () => {
  it("formats in Vietnamese", () => {
    expect(formatDateTime(SEED, HCM, "vi")).toBe("14:00, Thứ 5, 19/10/2017");
  });

  it("formats in English", () => {
    expect(formatDateTime(SEED, HCM, "en")).toBe(
      "14:00, Thursday, 19 October 2017",
    );
  });

  it("uses the local date for an instant near midnight", () => {
    const d = at("2017-10-18T20:00:00Z");
    expect(formatDateTime(d, HCM, "vi")).toBe("03:00, Thứ 5, 19/10/2017");
    expect(formatDateTime(d, "UTC", "en")).toBe(
      "20:00, Wednesday, 18 October 2017",
    );
  });

  it("handles every English month name", () => {
    const months = [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ];
    months.forEach((name, i) => {
      const d = at(`2017-${String(i + 1).padStart(2, "0")}-15T10:00:00Z`);
      expect(formatDateTime(d, "UTC", "en")).toMatch(
        new RegExp(`^10:00, [A-Za-z]+day, 15 ${name} 2017$`),
      );
    });
  });
});

describe("formatRange", () => {
  const start = at("2017-10-19T14:00:00+07:00");
  const end = at("2017-10-19T16:00:00+07:00");

  it("collapses a same-day range in Vietnamese", () => {
    expect(formatRange(start, end, HCM, "vi")).toBe(
      "14:00 – 16:00, Thứ 5, 19/10/2017",
    );
  });

  it("collapses a same-day range in English", () => {
    expect(formatRange(start, end, HCM, "en")).toBe(
      "14:00 – 16:00, Thursday, 19 October 2017",
    );
  });

  it("writes both dates for a range across days in Vietnamese", () => {
    expect(
      formatRange(
        at("2017-10-19T08:00:00+07:00"),
        at("2017-10-20T17:00:00+07:00"),
        HCM,
        "vi",
      ),
    ).toBe("08:00, Thứ 5, 19/10/2017 – 17:00, Thứ 6, 20/10/2017");
  });

  it("writes both dates for a range across days in English", () => {
    expect(
      formatRange(
        at("2017-10-19T08:00:00+07:00"),
        at("2017-10-20T17:00:00+07:00"),
        HCM,
        "en",
      ),
    ).toBe(
      "08:00, Thursday, 19 October 2017 – 17:00, Friday, 20 October 2017",
    );
  });

  it("decides 'same day' in the given zone, not in UTC", () => {
    // 23:00 → 01:00 next day in HCM, but 16:00 → 18:00 on one day in UTC.
    const s = at("2017-10-19T16:00:00Z");
    const e = at("2017-10-19T18:00:00Z");
    expect(formatRange(s, e, HCM, "vi")).toBe(
      "23:00, Thứ 5, 19/10/2017 – 01:00, Thứ 6, 20/10/2017",
    );
    expect(formatRange(s, e, "UTC", "vi")).toBe(
      "16:00 – 18:00, Thứ 5, 19/10/2017",
    );
  });

  it("treats the same clock day in different months/years as different days", () => {
    expect(
      formatRange(
        at("2017-10-19T08:00:00+07:00"),
        at("2017-11-19T09:00:00+07:00"),
        HCM,
        "en",
      ),
    ).toBe(
      "08:00, Thursday, 19 October 2017 – 09:00, Sunday, 19 November 2017",
    );
    expect(
      formatRange(
        at("2017-10-19T08:00:00+07:00"),
        at("2018-10-19T09:00:00+07:00"),
        HCM,
        "vi",
      ),
    ).toBe("08:00, Thứ 5, 19/10/2017 – 09:00, Thứ 6, 19/10/2018");
  });

  it("uses an en dash (U+2013) with spaces, not a hyphen", () => {
    const text = formatRange(start, end, HCM, "vi");
    expect(text).toContain(" \u2013 ");
    expect(text).not.toContain("-");
  });

  it("accepts a zero-length range", () => {
    expect(formatRange(start, start, HCM, "en")).toBe(
      "14:00 – 14:00, Thursday, 19 October 2017",
    );
  });

  it("rejects an end before the start", () => {
    expect(() => formatRange(end, start, HCM, "vi")).toThrow(RangeError);
  });
});

describe("formatPeriod", () => {
  it("joins two years with a spaced en dash", () => {
    expect(formatPeriod(2017, 2020)).toBe("2017 – 2020");
    expect(formatPeriod(2017, 2020)).toBe("2017 \u2013 2020");
  });

  it("gives a single year when the end is missing", () => {
    expect(formatPeriod(2017)).toBe("2017");
    expect(formatPeriod(2017, undefined)).toBe("2017");
    expect(formatPeriod(2017, null)).toBe("2017");
  });

  it("gives a single year when the end equals the start", () => {
    expect(formatPeriod(2017, 2017)).toBe("2017");
  });

  it("handles consecutive years", () => {
    expect(formatPeriod(2019, 2020)).toBe("2019 – 2020");
  });

  it("rejects an end before the start and non-integer years", () => {
    expect(() => formatPeriod(2020, 2017)).toThrow(RangeError);
    expect(() => formatPeriod(2017.5, 2020)).toThrow(RangeError);
    expect(() => formatPeriod(2017, Number.NaN)).toThrow(RangeError);
  });
});

describe("zoneOffsetMinutes", () => {
  it("gives minutes east of UTC, with DST", () => {
    expect(zoneOffsetMinutes(SEED, HCM)).toBe(420);
    expect(zoneOffsetMinutes(at("2017-01-15T12:00:00Z"), NY)).toBe(-300);
    expect(zoneOffsetMinutes(at("2017-07-15T12:00:00Z"), NY)).toBe(-240);
    expect(zoneOffsetMinutes(SEED, "Asia/Kolkata")).toBe(330);
  });
});

describe("zoneOffsetLabel", () => {
  it("labels Asia/Ho_Chi_Minh GMT+7", () => {
    expect(zoneOffsetLabel(SEED, HCM)).toBe("GMT+7");
  });

  it("labels UTC as plain GMT", () => {
    expect(zoneOffsetLabel(SEED, "UTC")).toBe("GMT");
  });

  it("follows DST in America/New_York", () => {
    expect(zoneOffsetLabel(at("2017-01-15T12:00:00Z"), NY)).toBe("GMT-5");
    expect(zoneOffsetLabel(at("2017-07-15T12:00:00Z"), NY)).toBe("GMT-4");
  });

  it("switches at the exact DST transition in New York (2017-03-12 07:00Z)", () => {
    expect(zoneOffsetLabel(at("2017-03-12T06:59:59Z"), NY)).toBe("GMT-5");
    expect(zoneOffsetLabel(at("2017-03-12T07:00:00Z"), NY)).toBe("GMT-4");
  });

  it("follows DST in Europe", () => {
    expect(zoneOffsetLabel(at("2017-01-15T12:00:00Z"), PARIS)).toBe("GMT+1");
    expect(zoneOffsetLabel(at("2017-07-15T12:00:00Z"), PARIS)).toBe("GMT+2");
    expect(zoneOffsetLabel(at("2017-01-15T12:00:00Z"), "Europe/London")).toBe(
      "GMT",
    );
    expect(zoneOffsetLabel(at("2017-07-15T12:00:00Z"), "Europe/London")).toBe(
      "GMT+1",
    );
  });

  it("shows minutes for non-whole-hour offsets", () => {
    expect(zoneOffsetLabel(SEED, "Asia/Kolkata")).toBe("GMT+5:30");
    expect(zoneOffsetLabel(SEED, "Asia/Kathmandu")).toBe("GMT+5:45");
    expect(
      zoneOffsetLabel(at("2017-01-15T12:00:00Z"), "America/St_Johns"),
    ).toBe("GMT-3:30");
  });
});

describe("isValidTimeZone", () => {
  it.each(["Asia/Ho_Chi_Minh", "UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"])(
    "accepts %s",
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
    },
  );

  it.each(["Mars/Olympus", "", "GMT+7 nonsense", " Asia/Ho_Chi_Minh", "local", "system", "UTC+7"])(
    "rejects %j",
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(false);
    },
  );
});

describe("invalid input to formatters", () => {
  it("throws a RangeError for an invalid zone", () => {
    expect(() => weekdayVi(SEED, "Mars/Olympus")).toThrow(RangeError);
    expect(() => formatDate(SEED, "")).toThrow(RangeError);
    expect(() => dateHeaderEn(SEED, "GMT+7 nonsense")).toThrow(RangeError);
    expect(() => zoneOffsetLabel(SEED, "Mars/Olympus")).toThrow(RangeError);
    expect(() => instantToLocalInput(SEED, "local")).toThrow(RangeError);
  });

  it("throws a RangeError for an invalid Date", () => {
    const bad = new Date("not a date");
    expect(() => formatTime(bad, HCM)).toThrow(RangeError);
    expect(() => leadDateVi(bad, HCM, 2017)).toThrow(RangeError);
    expect(() => formatRange(bad, SEED, HCM, "en")).toThrow(RangeError);
  });
});

describe("localInputToInstant", () => {
  it("reads wall time in Asia/Ho_Chi_Minh", () => {
    expect(localInputToInstant("2017-10-19T14:00", HCM)?.toISOString()).toBe(
      "2017-10-19T07:00:00.000Z",
    );
  });

  it("reads wall time in Europe/Paris in winter and summer", () => {
    expect(localInputToInstant("2017-01-15T10:00", PARIS)?.toISOString()).toBe(
      "2017-01-15T09:00:00.000Z",
    );
    expect(localInputToInstant("2017-07-14T10:00", PARIS)?.toISOString()).toBe(
      "2017-07-14T08:00:00.000Z",
    );
  });

  it("crosses to the previous UTC day for early local times east of UTC", () => {
    expect(localInputToInstant("2017-10-19T03:00", HCM)?.toISOString()).toBe(
      "2017-10-18T20:00:00.000Z",
    );
  });

  it("accepts optional seconds and fractions of a second", () => {
    expect(localInputToInstant("2017-10-19T14:00:30", HCM)?.toISOString()).toBe(
      "2017-10-19T07:00:30.000Z",
    );
    expect(
      localInputToInstant("2017-10-19T14:00:30.5", HCM)?.toISOString(),
    ).toBe("2017-10-19T07:00:30.500Z");
    expect(
      localInputToInstant("2017-10-19T14:00:30.123", HCM)?.toISOString(),
    ).toBe("2017-10-19T07:00:30.123Z");
  });

  it("accepts 29 February in a leap year", () => {
    expect(localInputToInstant("2016-02-29T10:00", HCM)?.toISOString()).toBe(
      "2016-02-29T03:00:00.000Z",
    );
  });

  it.each([
    "",
    "2017-10-19",
    "14:00",
    "2017-10-19T14",
    "2017-10-19 14:00",
    "19/10/2017 14:00",
    "2017-10-19T14:00Z",
    "2017-10-19T14:00+07:00",
    " 2017-10-19T14:00",
    "2017-10-19T14:00 ",
    "2017-1-9T9:05",
    "17-10-19T14:00",
    "2017-10-19T14:00:3",
    "2017-10-19T14:00:30.1234",
    "2017-10-19t14:00",
  ])("returns null for malformed %j", (text) => {
    expect(localInputToInstant(text, HCM)).toBeNull();
  });

  it.each([
    "2017-02-30T10:00",
    "2017-02-29T10:00",
    "2017-04-31T10:00",
    "2017-13-01T10:00",
    "2017-00-10T10:00",
    "2017-10-00T10:00",
    "2017-10-19T24:00",
    "2017-10-19T25:00",
    "2017-10-19T10:60",
    "2017-10-19T10:00:60",
    "0000-01-01T00:00",
  ])("returns null for the impossible date-time %s", (text) => {
    expect(localInputToInstant(text, HCM)).toBeNull();
  });

  it.each(["Mars/Olympus", "", "GMT+7 nonsense", "local"])(
    "returns null for the invalid zone %j",
    (zone) => {
      expect(localInputToInstant("2017-10-19T14:00", zone)).toBeNull();
    },
  );

  it("returns null for a wall time skipped by a spring-forward change", () => {
    expect(localInputToInstant("2024-03-31T02:30", PARIS)).toBeNull();
    expect(localInputToInstant("2017-03-12T02:30", NY)).toBeNull();
    // The minutes either side of the gap exist.
    expect(localInputToInstant("2024-03-31T01:59", PARIS)?.toISOString()).toBe(
      "2024-03-31T00:59:00.000Z",
    );
    expect(localInputToInstant("2024-03-31T03:00", PARIS)?.toISOString()).toBe(
      "2024-03-31T01:00:00.000Z",
    );
  });

  it("resolves a repeated fall-back wall time to the later (standard-time) instant", () => {
    expect(localInputToInstant("2024-10-27T02:30", PARIS)?.toISOString()).toBe(
      "2024-10-27T01:30:00.000Z",
    );
  });
});

describe("instantToLocalInput", () => {
  it("gives the wall time in the zone", () => {
    expect(instantToLocalInput(at("2017-10-18T20:00:00Z"), HCM)).toBe(
      "2017-10-19T03:00",
    );
    expect(instantToLocalInput(at("2017-10-18T20:00:00Z"), PARIS)).toBe(
      "2017-10-18T22:00",
    );
    expect(instantToLocalInput(at("2017-10-18T20:00:00Z"), "UTC")).toBe(
      "2017-10-18T20:00",
    );
  });

  it("zero pads and drops seconds without rounding", () => {
    expect(instantToLocalInput(at("2017-01-05T09:03:59.999+07:00"), HCM)).toBe(
      "2017-01-05T09:03",
    );
  });
});

describe("round trip between datetime-local text and instants", () => {
  const hcmValues = [
    "2017-10-19T14:00",
    "2017-10-19T00:00",
    "2017-10-19T03:00",
    "2017-12-31T23:59",
    "2018-01-01T00:00",
    "2016-02-29T12:30",
  ];
  const parisValues = [
    "2017-10-19T14:00",
    "2017-01-15T10:00",
    "2017-07-14T10:00",
    "2024-03-31T01:59",
    "2024-03-31T03:00",
    "2024-10-27T01:59",
    "2024-10-27T03:00",
  ];

  it.each(hcmValues)("text → instant → text in Asia/Ho_Chi_Minh: %s", (text) => {
    const instant = localInputToInstant(text, HCM);
    expect(instant).not.toBeNull();
    if (instant !== null) expect(instantToLocalInput(instant, HCM)).toBe(text);
  });

  it.each(parisValues)("text → instant → text in Europe/Paris: %s", (text) => {
    const instant = localInputToInstant(text, PARIS);
    expect(instant).not.toBeNull();
    if (instant !== null) expect(instantToLocalInput(instant, PARIS)).toBe(text);
  });

  it("instant → text → instant every 15 minutes across Paris's spring-forward day", () => {
    const from = Date.parse("2024-03-30T22:00:00Z");
    const to = Date.parse("2024-04-01T00:00:00Z");
    let checked = 0;
    for (let t = from; t < to; t += 15 * 60 * 1000) {
      const text = instantToLocalInput(new Date(t), PARIS);
      expect(localInputToInstant(text, PARIS)?.getTime()).toBe(t);
      checked += 1;
    }
    expect(checked).toBe(104);
  });

  it("instant → text → instant every 15 minutes across a day in Ho Chi Minh City", () => {
    const from = Date.parse("2017-10-18T17:00:00Z");
    for (let t = from; t < from + 24 * 3600 * 1000; t += 15 * 60 * 1000) {
      const text = instantToLocalInput(new Date(t), HCM);
      expect(localInputToInstant(text, HCM)?.getTime()).toBe(t);
    }
  });
});

describe("localYear", () => {
  it("is the year in the given zone, not in UTC", () => {
    const instant = new Date("2017-12-31T17:30:00Z"); // 00:30 on 1/1/2018 in Hanoi
    expect(localYear(instant, "Asia/Ho_Chi_Minh")).toBe(2018);
    expect(localYear(instant, "UTC")).toBe(2017);
  });

  it("rejects an invalid zone", () => {
    expect(() => localYear(new Date("2017-10-19T07:00:00Z"), "Mars/Base")).toThrow(RangeError);
  });
});

describe("formatWhen", () => {
  const zone = "Asia/Ho_Chi_Minh";
  // 12/3/2024, date only: stored at local midnight, ending the same evening.
  const start = new Date("2024-03-11T17:00:00Z");
  const end = new Date("2024-03-12T16:00:00Z");
  it("gives a date-only event its date and weekday, never a time of day", () => {
    expect(formatWhen(start, end, zone, "vi", "date")).toBe("Thứ 3, 12/03/2024");
    expect(formatWhen(start, end, zone, "en", "date")).toBe("Tuesday, 12 March 2024");
  });
  it("spans the days of a date-only event over several days", () => {
    expect(formatWhen(start, new Date("2024-03-13T10:00:00Z"), zone, "vi", "date")).toBe("Thứ 3, 12/03/2024 – Thứ 4, 13/03/2024");
  });
  it("is formatRange for an exact start", () => {
    expect(formatWhen(new Date("2017-10-19T07:00:00Z"), new Date("2017-10-19T09:00:00Z"), zone, "vi", "time")).toBe(
      "14:00 – 16:00, Thứ 5, 19/10/2017",
    );
  });
});
