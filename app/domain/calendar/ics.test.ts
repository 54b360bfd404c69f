import { execFileSync } from "node:child_process";
import ICAL from "ical.js";
import { createEvents } from "ics";
import { calendarLinks as linksFromLinksTs } from "./links";
import { describe, expect, it } from "vitest";
import {
  buildFeedIcs,
  buildInvitationIcs,
  calendarLinks,
  foldLine,
  invitationIcsFactory,
  partstatFor,
  type CalendarEventData,
  type Partstat,
} from "./ics";

// ---------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------

const TITLE = "Lễ ký kết chương trình phối hợp công tác giai đoạn 2017 – 2020";
const LOCATION = "Hội trường Tỉnh ủy Thái Bình";
const LINK = "https://signet.example.vn/i/Zx9_abcDEF-1234567890abcdefghijk";
/** Exactly 300 characters of Vietnamese, with the characters TEXT must escape: , ; \ and a line break. */
const DESCRIPTION_300 = (() => {
  const base =
    "Nhằm nâng cao chất lượng giáo dục toàn diện, chú trọng tới chất lượng và hiệu quả công tác giáo dục đạo đức; " +
    "tăng cường mối quan hệ trong việc tuyên truyền\\giáo dục những chủ trương, chính sách lớn của ngành Giáo dục.\n" +
    "Bên cạnh đó, phối hợp tổ chức các hội nghị, hội thảo, tập huấn; nắm bắt thông tin trao đổi về tình hình tư tưởng, " +
    "tâm tư, nguyện vọng của giáo viên và học sinh; tổ chức tốt các hoạt động kỷ niệm.";
  return base.slice(0, 300);
})();

const NOW = new Date("2017-10-01T03:04:05Z");
const ORGANIZER = { name: "Ban Tuyên giáo Tỉnh ủy Thái Bình", email: "tuyengiao@thaibinh.example.vn" };
const ATTENDEE = { name: "Đồng chí Nguyễn Hồng Chuyên", email: "chuyen@thaibinh.example.vn" };

function event(overrides: Partial<CalendarEventData> = {}): CalendarEventData {
  return {
    uid: "seed-2017-10-19-tuyen-giao-giao-duc@signet",
    sequence: 0,
    title: TITLE,
    description: DESCRIPTION_300,
    location: LOCATION,
    startsAt: new Date("2017-10-19T07:00:00Z"),
    endsAt: new Date("2017-10-19T09:00:00Z"),
    url: LINK,
    ...overrides,
  };
}

function invitation(method: "REQUEST" | "CANCEL" | "PUBLISH", partstat: Partstat = "NEEDS-ACTION", e = event()) {
  return buildInvitationIcs({ method, event: e, organizer: ORGANIZER, attendee: { ...ATTENDEE, partstat }, now: NOW });
}

// ---------------------------------------------------------------------------------------------------------
// Two independent parsers: ical.js (Thunderbird's) and Python's icalendar (Debian's python3-icalendar)
// ---------------------------------------------------------------------------------------------------------

interface ParsedPerson {
  email: string;
  cn: string | null;
  partstat: string | null;
  rsvp: string | null;
}
interface ParsedEvent {
  uid: string;
  summary: string;
  sequence: number | null;
  status: string | null;
  dtstart: string;
  dtend: string;
  dtstamp: string;
  location: string | null;
  description: string | null;
  url: string | null;
  organizer: ParsedPerson | null;
  attendees: ParsedPerson[];
  alarms: { action: string; triggerSeconds: number; description: string | null }[];
}
interface ParsedCalendar {
  method: string | null;
  prodid: string | null;
  calname: string | null;
  events: ParsedEvent[];
}

const mailto = (value: string) => value.replace(/^mailto:/i, "");
const upper = (value: unknown) => (value == null ? null : String(value).toUpperCase());

// X-WR-CALNAME is TEXT (RFC 5545 §3.8.8.2: the default value type of a non-standard property), so its
// escapes must be undone; ical.js keeps unknown properties raw unless its design set says otherwise.
ICAL.design.icalendar.property["x-wr-calname"] = { defaultType: "text" };

function parseWithIcalJs(ics: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const text = (c: ICAL.Component, name: string) => {
    const value = c.getFirstPropertyValue(name);
    return value == null ? null : String(value);
  };
  const time = (c: ICAL.Component, name: string) => {
    const value = c.getFirstPropertyValue(name);
    if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
    if (value.zone !== ICAL.Timezone.utcTimezone) throw new Error(`${name} is not in UTC`);
    return value.toJSDate().toISOString();
  };
  const person = (p: ICAL.Property): ParsedPerson => ({
    email: mailto(String(p.getFirstValue())),
    cn: (p.getParameter("cn") as string | undefined) ?? null,
    partstat: upper(p.getParameter("partstat")),
    rsvp: upper(p.getParameter("rsvp")),
  });
  return {
    method: text(calendar, "method"),
    prodid: text(calendar, "prodid"),
    calname: text(calendar, "x-wr-calname"),
    events: calendar.getAllSubcomponents("vevent").map((ev) => {
      const organizer = ev.getFirstProperty("organizer");
      const sequence = ev.getFirstPropertyValue("sequence");
      return {
        uid: text(ev, "uid") ?? "",
        summary: text(ev, "summary") ?? "",
        sequence: sequence == null ? null : Number(sequence),
        status: text(ev, "status"),
        dtstart: time(ev, "dtstart"),
        dtend: time(ev, "dtend"),
        dtstamp: time(ev, "dtstamp"),
        location: text(ev, "location"),
        description: text(ev, "description"),
        url: text(ev, "url"),
        organizer: organizer ? person(organizer) : null,
        attendees: ev.getAllProperties("attendee").map(person),
        alarms: ev.getAllSubcomponents("valarm").map((alarm) => {
          const trigger = alarm.getFirstPropertyValue("trigger");
          if (!(trigger instanceof ICAL.Duration)) throw new Error("TRIGGER is not a duration");
          return { action: text(alarm, "action") ?? "", triggerSeconds: trigger.toSeconds(), description: text(alarm, "description") };
        }),
      };
    }),
  };
}

const PYTHON = String.raw`
import json, sys, datetime
from icalendar import Calendar

raw = sys.stdin.buffer.read().decode("utf-8")  # strict: a broken UTF-8 sequence fails here
cal = Calendar.from_ical(raw)

def text(c, name):
    v = c.get(name)
    return None if v is None else str(v)

def utc(c, name):
    v = c.decoded(name)
    if not isinstance(v, datetime.datetime) or v.utcoffset() != datetime.timedelta(0):
        raise SystemExit(name + " is not a UTC date-time: " + repr(v))
    return v.strftime("%Y-%m-%dT%H:%M:%S.000Z")

def person(p):
    return {
        "email": str(p)[7:] if str(p).lower().startswith("mailto:") else str(p),
        "cn": p.params.get("CN"),
        "partstat": p.params.get("PARTSTAT"),
        "rsvp": p.params.get("RSVP"),
    }

def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]

events = []
for ev in cal.walk("VEVENT"):
    alarms = []
    for a in ev.walk("VALARM"):
        alarms.append({
            "action": text(a, "ACTION"),
            "triggerSeconds": int(a.decoded("TRIGGER").total_seconds()),
            "description": text(a, "DESCRIPTION"),
        })
    org = ev.get("ORGANIZER")
    events.append({
        "uid": text(ev, "UID"),
        "summary": text(ev, "SUMMARY"),
        "sequence": ev.decoded("SEQUENCE") if "SEQUENCE" in ev else None,
        "status": text(ev, "STATUS"),
        "dtstart": utc(ev, "DTSTART"),
        "dtend": utc(ev, "DTEND"),
        "dtstamp": utc(ev, "DTSTAMP"),
        "location": text(ev, "LOCATION"),
        "description": text(ev, "DESCRIPTION"),
        "url": text(ev, "URL"),
        "organizer": person(org) if org is not None else None,
        "attendees": [person(p) for p in as_list(ev.get("ATTENDEE"))],
        "alarms": alarms,
    })
print(json.dumps({
    "method": text(cal, "METHOD"),
    "prodid": text(cal, "PRODID"),
    "calname": text(cal, "X-WR-CALNAME"),
    "events": events,
}))
`;

function parseWithPython(ics: string): ParsedCalendar {
  const out = execFileSync("/usr/bin/python3", ["-c", PYTHON], { input: Buffer.from(ics, "utf8"), encoding: "utf8" });
  return JSON.parse(out) as ParsedCalendar;
}

const parsers = [
  ["ical.js", parseWithIcalJs],
  ["python icalendar", parseWithPython],
] as const;

/** Both parsers must agree, and the file must be well-formed line by line. */
function parseBoth(ics: string): ParsedCalendar {
  expectWellFormed(ics);
  const [fromIcalJs, fromPython] = parsers.map(([, parse]) => parse(ics));
  expect(fromPython).toEqual(fromIcalJs);
  return fromIcalJs as ParsedCalendar;
}

const fatalUtf8 = new TextDecoder("utf-8", { fatal: true });

function expectWellFormed(ics: string) {
  expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
  const lines = ics.slice(0, -2).split("\r\n");
  for (const line of lines) {
    expect(line).not.toMatch(/[\r\n]/); // CRLF only, never a bare CR or LF
    const bytes = Buffer.from(line, "utf8");
    expect(bytes.length, line).toBeLessThanOrEqual(75);
    // Each physical line on its own must be valid UTF-8: no fold inside a multi-byte character.
    expect(() => fatalUtf8.decode(bytes), line).not.toThrow();
  }
}

function unfoldedLines(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, "").split("\r\n");
}

// ---------------------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------------------

describe("buildInvitationIcs", () => {
  it("REQUEST: organizer, the invitee as attendee (RSVP, PARTSTAT), UTC times, location, the link, a 60-minute alarm", () => {
    const ics = invitation("REQUEST");
    const cal = parseBoth(ics);
    expect(cal.method).toBe("REQUEST");
    expect(cal.prodid).toBe("-//Signet//Signet//VI");
    expect(cal.events).toHaveLength(1);
    const [ev] = cal.events;
    expect(ev).toMatchObject({
      uid: "seed-2017-10-19-tuyen-giao-giao-duc@signet",
      summary: TITLE,
      sequence: 0,
      status: "CONFIRMED",
      dtstart: "2017-10-19T07:00:00.000Z",
      dtend: "2017-10-19T09:00:00.000Z",
      dtstamp: "2017-10-01T03:04:05.000Z",
      location: LOCATION,
      url: LINK,
      organizer: { email: ORGANIZER.email, cn: ORGANIZER.name },
      attendees: [{ email: ATTENDEE.email, cn: ATTENDEE.name, partstat: "NEEDS-ACTION", rsvp: "TRUE" }],
      alarms: [{ action: "DISPLAY", triggerSeconds: -3600, description: TITLE }],
    });
    expect(ev?.description).toBe(`${DESCRIPTION_300}\n\n${LINK}`);
    expect(ics).toMatch(/\r\nDTSTART:20171019T070000Z\r\n/);
    expect(ics).toMatch(/\r\nDTSTAMP:20171001T030405Z\r\n/);
    expect(unfoldedLines(ics)).toContain("TRIGGER:-PT60M");
    // Enumerated parameters unquoted (the `ics` package quotes them).
    expect(unfoldedLines(ics).find((l) => l.startsWith("ATTENDEE"))).toMatch(/;RSVP=TRUE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;/);
  });

  it("update: the same UID with SEQUENCE 1 and the attendee's answer", () => {
    const first = parseBoth(invitation("REQUEST")).events[0];
    const update = parseBoth(invitation("REQUEST", "ACCEPTED", event({ sequence: 1, startsAt: new Date("2017-10-19T08:00:00Z") })))
      .events[0];
    expect(update?.uid).toBe(first?.uid);
    expect(update).toMatchObject({
      sequence: 1,
      dtstart: "2017-10-19T08:00:00.000Z",
      attendees: [{ email: ATTENDEE.email, partstat: "ACCEPTED", rsvp: "TRUE" }],
    });
  });

  it("CANCEL: same UID, the higher SEQUENCE, STATUS:CANCELLED, METHOD:CANCEL, no alarm", () => {
    const cal = parseBoth(invitation("CANCEL", "ACCEPTED", event({ sequence: 2 })));
    expect(cal.method).toBe("CANCEL");
    expect(cal.events[0]).toMatchObject({
      uid: "seed-2017-10-19-tuyen-giao-giao-duc@signet",
      sequence: 2,
      status: "CANCELLED",
      summary: TITLE,
      organizer: { email: ORGANIZER.email },
      attendees: [{ email: ATTENDEE.email, partstat: "ACCEPTED", rsvp: "FALSE" }],
      alarms: [],
    });
  });

  it("PUBLISH without an attendee; alarm minutes are configurable, 0 is at the start, null is none", () => {
    const publish = (alarmMinutesBefore: number | null | undefined) =>
      parseBoth(buildInvitationIcs({ method: "PUBLISH", event: event(), organizer: ORGANIZER, alarmMinutesBefore, now: NOW }));
    const cal = publish(undefined);
    expect(cal.method).toBe("PUBLISH");
    expect(cal.events[0]?.attendees).toEqual([]);
    expect(cal.events[0]?.alarms.map((a) => a.triggerSeconds)).toEqual([-3600]);
    expect(publish(1440).events[0]?.alarms.map((a) => a.triggerSeconds)).toEqual([-86400]);
    expect(publish(0).events[0]?.alarms.map((a) => a.triggerSeconds)).toEqual([0]);
    expect(publish(null).events[0]?.alarms).toEqual([]);
    expect(() => publish(-5)).toThrow(RangeError);
  });

  it("REQUEST and CANCEL refuse to go out without an attendee", () => {
    for (const method of ["REQUEST", "CANCEL"] as const) {
      expect(() => buildInvitationIcs({ method, event: event(), organizer: ORGANIZER, now: NOW })).toThrow(/attendee/);
    }
  });

  it("a title with CR/LF cannot inject a property; control characters are removed everywhere", () => {
    const ics = buildInvitationIcs({
      method: "REQUEST",
      event: event({
        title: "Họp\r\nATTENDEE:evil@x",
        location: "Phòng 1\rORGANIZER:mailto:evil@x\u0007",
        description: "Dòng 1\r\nDòng 2\rDòng 3\u0000\u001b[31m",
        uid: "uid-1@signet\r\nX-EVIL:1",
      }),
      organizer: { name: 'Ban "Tuyên giáo"\r\nATTENDEE:evil@x', email: ORGANIZER.email },
      attendee: { name: "Khách\nmời", email: ` ${ATTENDEE.email}\r\n`, partstat: "NEEDS-ACTION" },
      now: NOW,
    });
    const cal = parseBoth(ics);
    const [ev] = cal.events;
    expect(ev?.summary).toBe("Họp ATTENDEE:evil@x");
    expect(ev?.location).toBe("Phòng 1 ORGANIZER:mailto:evil@x");
    expect(ev?.description).toBe(`Dòng 1\nDòng 2\nDòng 3[31m\n\n${LINK}`);
    expect(ev?.uid).toBe("uid-1@signet X-EVIL:1");
    expect(ev?.organizer).toMatchObject({ email: ORGANIZER.email, cn: "Ban 'Tuyên giáo' ATTENDEE:evil@x" });
    expect(ev?.attendees).toEqual([{ email: ATTENDEE.email, cn: "Khách mời", partstat: "NEEDS-ACTION", rsvp: "TRUE" }]);
    const lines = unfoldedLines(ics);
    expect(lines.filter((l) => /^(ATTENDEE|ORGANIZER|X-EVIL)[;:]/.test(l))).toHaveLength(2);
    // eslint-disable-next-line no-control-regex
    expect(ics).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
  });

  it("escapes , ; \\ and line breaks in TEXT", () => {
    const ics = invitation("REQUEST", "NEEDS-ACTION", event({ title: "A, B; C\\D", description: "x;y,z\\w\nv", url: null }));
    const lines = unfoldedLines(ics);
    expect(lines).toContain("SUMMARY:A\\, B\\; C\\\\D");
    expect(lines).toContain("DESCRIPTION:x\\;y\\,z\\\\w\\nv");
    expect(lines).toContain("DESCRIPTION:A\\, B\\; C\\\\D"); // the alarm's, which `ics` leaves unescaped
    const [ev] = parseBoth(ics).events;
    expect(ev?.summary).toBe("A, B; C\\D");
    expect(ev?.description).toBe("x;y,z\\w\nv");
    expect(ev?.alarms[0]?.description).toBe("A, B; C\\D");
  });

  it("Vietnamese survives byte for byte (NFC and NFD alike) and lines fold at 75 octets, never inside a character", () => {
    const nfd = TITLE.normalize("NFD");
    for (const title of [TITLE, nfd]) {
      const ics = invitation("REQUEST", "NEEDS-ACTION", event({ title }));
      const [ev] = parseBoth(ics).events;
      expect(Buffer.from(ev?.summary ?? "", "utf8").equals(Buffer.from(title, "utf8"))).toBe(true);
      expect(ev?.location).toBe(LOCATION);
      expect(ev?.description).toBe(`${DESCRIPTION_300}\n\n${LINK}`);
      expect(ev?.attendees[0]?.cn).toBe(ATTENDEE.name);
    }
  });

  it("needs its re-folding: the `ics` package alone folds at 75 characters, i.e. up to ~99 octets", () => {
    const raw = createEvents([{ title: TITLE, start: 0, duration: { hours: 1 } }]).value ?? "";
    expect(Math.max(...raw.split("\r\n").map((l) => Buffer.byteLength(l, "utf8")))).toBeGreaterThan(75);
    const ours = unfoldedLines(invitation("REQUEST")).find((l) => l.startsWith("SUMMARY:")) ?? "";
    expect(Buffer.byteLength(ours, "utf8")).toBeGreaterThan(75); // folded, and expectWellFormed held
  });
});

describe("foldLine", () => {
  it("leaves short lines alone and folds long ones by octets with a leading space", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
    const long = `DESCRIPTION:${"ễ".repeat(100)}`; // 3 octets each
    const folded = foldLine(long);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(4);
    expect(parts.every((p, i) => Buffer.byteLength(p) <= 75 && (i === 0 || p.startsWith(" ")))).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(long);
  });

  it("keeps a letter with its combining marks and a backslash escape on one line", () => {
    const decomposed = `SUMMARY:${"e\u0302\u0303".repeat(40)}`; // ễ decomposed: 1 + 2 + 2 octets
    for (const part of foldLine(decomposed).split("\r\n")) {
      expect(part.replace(/^ /, "")).toMatch(/^(SUMMARY:)?(e\u0302\u0303)*$/u);
    }
    const escapes = `DESCRIPTION:${"\\,".repeat(60)}`;
    for (const part of foldLine(escapes).split("\r\n")) expect(part.replace(/^ /, "")).toMatch(/^(DESCRIPTION:)?(\\,)*$/);
  });

  it("splits astral characters (4 octets) whole", () => {
    const line = `SUMMARY:${"😀".repeat(30)}`;
    for (const part of foldLine(line).split("\r\n")) expect(() => fatalUtf8.decode(Buffer.from(part))).not.toThrow();
  });
});

describe("buildFeedIcs", () => {
  it("METHOD:PUBLISH with the calendar's name and one VEVENT per event, cancelled ones marked, no alarms", () => {
    const events = [
      event({ uid: "a@signet", title: "Hội nghị tổng kết năm 2017", url: "https://signet.example.vn/events/a" }),
      event({ uid: "b@signet", title: TITLE, sequence: 3, status: "CANCELLED", location: null }),
      event({
        uid: "c@signet",
        title: "Tiếp đoàn công tác, Sở Giáo dục; lần 2",
        status: "TENTATIVE",
        description: "",
        url: null,
        startsAt: new Date("2018-01-05T01:30:00Z"),
        endsAt: new Date("2018-01-05T03:00:00Z"),
      }),
    ];
    const cal = parseBoth(buildFeedIcs({ name: "Signet — Cán bộ tổ chức, Ban Tuyên giáo", events, now: NOW }));
    expect(cal.method).toBe("PUBLISH");
    expect(cal.calname).toBe("Signet — Cán bộ tổ chức, Ban Tuyên giáo");
    expect(cal.events.map((e) => [e.uid, e.summary, e.sequence, e.status])).toEqual([
      ["a@signet", "Hội nghị tổng kết năm 2017", 0, "CONFIRMED"],
      ["b@signet", TITLE, 3, "CANCELLED"],
      ["c@signet", "Tiếp đoàn công tác, Sở Giáo dục; lần 2", 0, "TENTATIVE"],
    ]);
    expect(cal.events[0]?.description).toContain("https://signet.example.vn/events/a");
    expect(cal.events[1]?.location).toBeNull();
    expect(cal.events[2]).toMatchObject({ dtstart: "2018-01-05T01:30:00.000Z", dtend: "2018-01-05T03:00:00.000Z", description: null });
    expect(cal.events.every((e) => e.alarms.length === 0 && e.attendees.length === 0 && e.organizer === null)).toBe(true);
  });

  it("an empty feed is still a calendar", () => {
    const cal = parseBoth(buildFeedIcs({ name: "Signet", events: [], now: NOW }));
    expect(cal).toMatchObject({ method: "PUBLISH", calname: "Signet", events: [] });
  });

  it("refuses impossible events instead of writing a broken file", () => {
    expect(() => buildFeedIcs({ name: "x", events: [event({ endsAt: new Date("2017-10-19T06:00:00Z") })] })).toThrow(RangeError);
    expect(() => buildFeedIcs({ name: "x", events: [event({ startsAt: new Date("nope") })] })).toThrow(RangeError);
    expect(() => buildFeedIcs({ name: "x", events: [event({ uid: " \r\n" })] })).toThrow(/uid/);
    expect(() => invitation("REQUEST", "NEEDS-ACTION", event({ sequence: -1 }))).toThrow(RangeError);
    expect(() =>
      buildInvitationIcs({
        method: "REQUEST",
        event: event(),
        organizer: ORGANIZER,
        attendee: { name: "x", email: "not an email", partstat: "NEEDS-ACTION" },
      }),
    ).toThrow(/calendar file not generated/);
  });
});

describe("partstatFor", () => {
  it("maps invitation statuses to PARTSTAT", () => {
    expect(partstatFor("not_sent")).toBe("NEEDS-ACTION");
    expect(partstatFor("sent")).toBe("NEEDS-ACTION");
    expect(partstatFor("accepted")).toBe("ACCEPTED");
    expect(partstatFor("declined")).toBe("DECLINED");
    expect(partstatFor("tentative")).toBe("TENTATIVE");
  });
});

describe("calendarLinks", () => {
  it("is part of this module's interface (implemented in links.ts, which the browser may import alone)", () => {
    expect(calendarLinks).toBe(linksFromLinksTs);
    expect(calendarLinks(event()).google).toMatch(/^https:\/\/calendar\.google\.com\/calendar\/render\?action=TEMPLATE&/);
  });
});

describe("invitationIcsFactory (one mass send's calendar file, built once and filled per invitee)", () => {
  const invitees: { name: string; email: string; partstat: Partstat }[] = [
    { ...ATTENDEE, partstat: "NEEDS-ACTION" },
    { name: "Bà Trần Thị \"Hoa\", Phó Giám đốc; Sở Tài chính", email: "hoa@example.vn", partstat: "ACCEPTED" },
    { name: "Ông $& Lê $1 Văn\r\nATTENDEE:evil@x", email: " le.van@example.vn ", partstat: "DECLINED" },
    { name: "", email: "khongten@example.vn", partstat: "TENTATIVE" },
    { name: `Đồng chí ${"Nguyễn Thị Phương Thảo ".repeat(6)}`, email: "rat.dai.ten@example.vn", partstat: "NEEDS-ACTION" },
    { name: "SignetAttendeeName0x5f3a", email: "mark@example.vn", partstat: "NEEDS-ACTION" },
  ];
  const links = [LINK, "https://signet.example.vn/i/a,b;c\\d", null, "https://signet.invalid/attendee-link-0x5f3a"];

  for (const method of ["REQUEST", "CANCEL"] as const) {
    for (const description of ["Mô tả, có dấu; phẩy", DESCRIPTION_300, ""]) {
      it(`gives exactly what buildInvitationIcs gives (${method}, description of ${description.length} characters)`, () => {
        const base = event({ description });
        const { url: _unused, ...withoutUrl } = base;
        const make = invitationIcsFactory({ method, event: withoutUrl, organizer: ORGANIZER, now: NOW });
        for (const invitee of invitees) {
          for (const url of links) {
            const fast = make(invitee, url);
            const slow = buildInvitationIcs({ method, event: { ...base, url }, organizer: ORGANIZER, attendee: invitee, now: NOW });
            expect(fast).toBe(slow);
          }
        }
      });
    }
  }

  it("gives exactly what buildInvitationIcs gives with a per-invitee ORGANIZER address (the calendar-reply address)", () => {
    const base = event();
    const { url: _unused, ...withoutUrl } = base;
    const make = invitationIcsFactory({ method: "REQUEST", event: withoutUrl, organizer: ORGANIZER, now: NOW });
    for (const [i, invitee] of invitees.entries()) {
      const reply = `rsvp+${"ab".repeat(16)}${i}@rsvp.signet.test`;
      const organizer = { ...ORGANIZER, email: reply };
      expect(make(invitee, LINK, reply)).toBe(buildInvitationIcs({ method: "REQUEST", event: { ...base, url: LINK }, organizer, attendee: invitee, now: NOW }));
    }
    expect(make(invitees[0]!, LINK, null)).toBe(buildInvitationIcs({ method: "REQUEST", event: { ...base, url: LINK }, organizer: ORGANIZER, attendee: invitees[0]!, now: NOW }));
  });

  it("writes each invitee's own name, address and link (not the previous invitee's)", () => {
    const { url: _none, ...withoutUrl } = event();
    const make = invitationIcsFactory({ method: "REQUEST", event: withoutUrl, organizer: ORGANIZER, now: NOW });
    const first = parseWithIcalJs(make({ name: "Người Một", email: "mot@example.vn", partstat: "NEEDS-ACTION" }, `${LINK}1`));
    const second = parseWithIcalJs(make({ name: "Người Hai", email: "hai@example.vn", partstat: "NEEDS-ACTION" }, `${LINK}2`));
    expect(first.events[0]!.attendees.map((a) => a.email)).toEqual(["mot@example.vn"]);
    expect(second.events[0]!.attendees.map((a) => a.email)).toEqual(["hai@example.vn"]);
    expect(second.events[0]!.url).toBe(`${LINK}2`);
  });
});
