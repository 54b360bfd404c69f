import { describe, expect, it } from "vitest";
import { calendarChange, calendarFields, quietCalendarFields, raisesSequence, type CalendarFacts, type CalendarField } from "./change";
import { calendarEventFromEvent, type CalendarSourceEvent } from "./event-data";
import { buildInvitationIcs } from "./ics";

// 08:30–10:00 in Hà Nội on 10 April 2031; 21:30 on 9 April in New York (the all-day date moves with the zone).
const facts: CalendarFacts = {
  title: "Lễ ký kết chương trình phối hợp",
  titleEn: "Signing of the cooperation programme",
  startsAt: new Date("2031-04-10T01:30:00Z"),
  endsAt: new Date("2031-04-10T03:00:00Z"),
  startPrecision: "time",
  timeZone: "Asia/Ho_Chi_Minh",
  venueName: "Hội trường Tỉnh ủy",
  venueNameEn: "Provincial Party Committee Hall",
  venueAddress: "Thành phố Thái Bình",
  venueRoom: "Tầng 2",
  description: "Ban Tuyên giáo phối hợp tổ chức.",
  status: "scheduled",
};

const source = (f: CalendarFacts): CalendarSourceEvent => ({ calendarUid: "change-test@signet", calendarSequence: 3, ...f });

/** The invitee's calendar file (METHOD:REQUEST), as invitation-mail builds it, in each language. */
function inviteeFiles(event: CalendarSourceEvent): string[] {
  return (["vi", "en"] as const).map((locale) =>
    buildInvitationIcs({
      method: "REQUEST",
      event: calendarEventFromEvent(event, { locale }),
      organizer: { name: "Văn phòng", email: "office@example.vn" },
      attendee: { name: "Nguyễn Văn A", email: "a@example.vn", partstat: "NEEDS-ACTION" },
      now: new Date("2031-01-01T00:00:00Z"),
    }),
  );
}

const fileChanges = (before: CalendarSourceEvent, after: CalendarSourceEvent) =>
  inviteeFiles(before).some((file, i) => file !== inviteeFiles(after)[i]);

/**
 * One row per field the calendar file carries: that field alone changed (from `base`, the facts above unless
 * said). A field added to calendarFields needs its row here (the Record's type says so).
 */
const rows: Record<CalendarField, { change: Partial<CalendarFacts>; base?: Partial<CalendarFacts> }> = {
  title: { change: { title: "Lễ ký kết chương trình phối hợp (điều chỉnh)" } },
  titleEn: { change: { titleEn: "Signing ceremony" } },
  startsAt: { change: { startsAt: new Date("2031-04-10T02:00:00Z") } },
  endsAt: { change: { endsAt: new Date("2031-04-10T04:00:00Z") } },
  startPrecision: { change: { startPrecision: "date" } },
  timeZone: { base: { startPrecision: "date" }, change: { timeZone: "America/New_York" } },
  venueName: { change: { venueName: "Nhà khách Tỉnh ủy" } },
  venueNameEn: { change: { venueNameEn: "Provincial Guesthouse" } },
  venueAddress: { change: { venueAddress: "Số 1 Lê Lợi, Thành phố Thái Bình" } },
  venueRoom: { change: { venueRoom: "Phòng họp số 3" } },
  description: { change: { description: "Ban Tuyên giáo và Sở Giáo dục phối hợp tổ chức." } },
  status: { change: { status: "draft" } },
};

describe("calendarChange", () => {
  it.each(Object.entries(rows) as [CalendarField, (typeof rows)[CalendarField]][])(
    "a changed %s shows in the invitees' calendar file, and is an update of their entry unless it is quiet",
    (field, { change, base }) => {
      const before = { ...facts, ...base };
      const after = { ...before, ...change };
      const quiet = (quietCalendarFields as readonly CalendarField[]).includes(field);
      expect(calendarChange(before, after)).toEqual(quiet ? { kind: "unchanged" } : { kind: "updated", fields: [field] });
      expect(fileChanges(source(before), source(after))).toBe(true);
    },
  );

  it("has a row for every field it compares, and compares every field that has a row", () => {
    expect(Object.keys(rows).sort()).toEqual([...calendarFields].sort());
  });

  it("the same facts (equal dates in other Date objects) are no change; several changes are listed in order", () => {
    const copy = { ...facts, startsAt: new Date(facts.startsAt), endsAt: new Date(facts.endsAt) };
    expect(calendarChange(facts, copy)).toEqual({ kind: "unchanged" });
    expect(calendarChange(facts, { ...facts, venueRoom: null, title: "Khác", endsAt: new Date("2031-04-10T05:00:00Z") })).toEqual({
      kind: "updated",
      fields: ["title", "endsAt", "venueRoom"],
    });
  });

  it("the description alone sends nothing (RFC 5546 does not count it); with a significant change it is listed and travels", () => {
    expect(quietCalendarFields).toEqual(["description"]);
    expect(calendarChange(facts, { ...facts, description: null })).toEqual({ kind: "unchanged" });
    expect(calendarChange(facts, { ...facts, description: "Khác", venueRoom: "Phòng 5" })).toEqual({
      kind: "updated",
      fields: ["venueRoom", "description"],
    });
  });

  it("the status counts as the file writes it: scheduled → completed stays CONFIRMED, a draft is TENTATIVE", () => {
    expect(calendarChange(facts, { ...facts, status: "completed" })).toEqual({ kind: "unchanged" });
    expect(fileChanges(source(facts), source({ ...facts, status: "completed" }))).toBe(false);
    expect(calendarChange({ ...facts, status: "draft" }, facts)).toEqual({ kind: "updated", fields: ["status"] });
  });

  it("a cancellation is its own outcome (METHOD:CANCEL), whatever else changed with it; cancelled twice is no change", () => {
    expect(calendarChange(facts, { ...facts, status: "cancelled" })).toEqual({ kind: "cancelled" });
    expect(calendarChange({ ...facts, status: "draft" }, { ...facts, title: "Khác", status: "cancelled" })).toEqual({ kind: "cancelled" });
    const cancelled = { ...facts, status: "cancelled" as const };
    expect(calendarChange(cancelled, cancelled)).toEqual({ kind: "unchanged" });
  });

  it("only an unchanged entry keeps the SEQUENCE", () => {
    expect(raisesSequence({ kind: "unchanged" })).toBe(false);
    expect(raisesSequence({ kind: "updated", fields: ["title"] })).toBe(true);
    expect(raisesSequence({ kind: "cancelled" })).toBe(true);
  });
});

/**
 * Other values for every field of the calendar source (the Record's type makes a new field need its entry):
 * a field is "carried" when one of its values changes an invitee's file, in some language, for a timed or an
 * all-day event. UID and SEQUENCE are the entry's identity and version, not facts of the event.
 */
const otherValues: { [K in keyof CalendarSourceEvent]-?: Exclude<CalendarSourceEvent[K], undefined>[] } = {
  calendarUid: ["other@signet"],
  calendarSequence: [4],
  title: ["Khác", ""],
  titleEn: [null, "Other"],
  startsAt: [new Date("2031-04-09T01:30:00Z")],
  endsAt: [new Date("2031-04-11T03:00:00Z")],
  startPrecision: ["date", "time"],
  timeZone: ["America/New_York", "UTC"],
  venueName: [null, "Khác"],
  venueNameEn: [null, "Other hall"],
  venueAddress: [null, "Khác"],
  venueRoom: [null, "Khác"],
  description: [null, "Khác"],
  status: ["draft", "scheduled", "completed", "cancelled"],
};

describe("calendarFields against the calendar file", () => {
  const bases: CalendarFacts[] = [facts, { ...facts, startPrecision: "date" }];
  const identity = new Set<keyof CalendarSourceEvent>(["calendarUid", "calendarSequence"]);

  it.each((Object.keys(otherValues) as (keyof CalendarSourceEvent)[]).filter((k) => !identity.has(k)))(
    "%s: compared exactly when the invitee's calendar file carries it",
    (field) => {
      const values: unknown[] = otherValues[field];
      const carried = bases.some((base) => values.some((value) => fileChanges(source(base), { ...source(base), [field]: value })));
      expect({ field, compared: (calendarFields as readonly string[]).includes(field) }).toEqual({ field, compared: carried });
      // And whenever the file changes, calendarChange says so — but for a quiet field.
      if ((quietCalendarFields as readonly string[]).includes(field)) return;
      for (const base of bases)
        for (const value of values) {
          const after = { ...base, [field]: value } as CalendarFacts;
          if (fileChanges(source(base), source(after))) expect(calendarChange(base, after).kind).not.toBe("unchanged");
        }
    },
  );
});
