/**
 * Vietnamese and English date phrasing for Signet.
 *
 * Pure module: no I/O, no Remix, no database. Every function takes an instant
 * (a JS `Date`) and an IANA time zone and works in that zone, whatever the
 * machine's own zone or locale is. Luxon is used only to resolve the wall-clock
 * fields in the zone; all text (names, digits, padding) is produced here so the
 * output never depends on the host's ICU locale data.
 *
 * Functions that format an instant throw a `RangeError` when given an invalid
 * `Date` or a zone that `isValidTimeZone` rejects. The parser
 * `localInputToInstant` never throws: it returns `null` instead.
 */
import { DateTime, IANAZone } from "luxon";

export type Locale = "vi" | "en";

export type TimeOfDay = "morning" | "noon" | "afternoon" | "evening";

export type TimeOfDayVi = "Sáng" | "Trưa" | "Chiều" | "Tối";

/** Separator for ranges and periods: an en dash with a space on each side. */
const RANGE_SEPARATOR = " – ";

/** Indexed by Luxon weekday - 1 (Luxon: 1 = Monday … 7 = Sunday). */
const WEEKDAYS_VI = [
  "Thứ 2",
  "Thứ 3",
  "Thứ 4",
  "Thứ 5",
  "Thứ 6",
  "Thứ 7",
  "Chủ nhật",
] as const;

const WEEKDAYS_EN = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
] as const;

/** Indexed by month - 1. */
const MONTHS_EN = [
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
] as const;

const TIME_OF_DAY_VI: Record<TimeOfDay, TimeOfDayVi> = {
  morning: "Sáng",
  noon: "Trưa",
  afternoon: "Chiều",
  evening: "Tối",
};

const LEAD_PREFIX_EN: Record<TimeOfDay, string> = {
  morning: "On the morning of",
  noon: "At noon on",
  afternoon: "On the afternoon of",
  evening: "On the evening of",
};

// ---------------------------------------------------------------------------
// Internal helpers
// ---------------------------------------------------------------------------

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

function pad4(n: number): string {
  return String(n).padStart(4, "0");
}

/** Wall-clock view of `date` in `zone`; throws RangeError on bad input. */
function toLocal(date: Date, zone: string): DateTime {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw new RangeError("Invalid Date");
  }
  if (!isValidTimeZone(zone)) {
    throw new RangeError(`Invalid time zone: ${JSON.stringify(zone)}`);
  }
  const local = DateTime.fromJSDate(date, { zone });
  if (!local.isValid) {
    throw new RangeError(
      `Cannot represent ${date.toISOString()} in ${zone}: ${local.invalidExplanation ?? "invalid"}`,
    );
  }
  return local;
}

/** Element `index` of a fixed name table; safe under noUncheckedIndexedAccess. */
function nameAt(names: readonly string[], index: number): string {
  const name = names[index];
  if (name === undefined) {
    throw new RangeError(`No name at index ${index}`);
  }
  return name;
}

function weekdayViOf(local: DateTime): string {
  return nameAt(WEEKDAYS_VI, local.weekday - 1);
}

function weekdayEnOf(local: DateTime): string {
  return nameAt(WEEKDAYS_EN, local.weekday - 1);
}

function monthEnOf(local: DateTime): string {
  return nameAt(MONTHS_EN, local.month - 1);
}

/** "19/10/2017" */
function dateViOf(local: DateTime): string {
  return `${pad2(local.day)}/${pad2(local.month)}/${pad4(local.year)}`;
}

/** "19 October 2017" */
function dateEnOf(local: DateTime): string {
  return `${local.day} ${monthEnOf(local)} ${local.year}`;
}

/** "14:00" */
function timeOf(local: DateTime): string {
  return `${pad2(local.hour)}:${pad2(local.minute)}`;
}

function timeOfDayOf(local: DateTime): TimeOfDay {
  const hour = local.hour;
  if (hour < 11) return "morning";
  if (hour < 13) return "noon";
  if (hour < 18) return "afternoon";
  return "evening";
}

/** "Thứ 5, 19/10/2017" or "Thursday, 19 October 2017" */
function fullDateOf(local: DateTime, locale: Locale): string {
  return locale === "vi"
    ? `${weekdayViOf(local)}, ${dateViOf(local)}`
    : `${weekdayEnOf(local)}, ${dateEnOf(local)}`;
}

function assertLocale(locale: Locale): void {
  if (locale !== "vi" && locale !== "en") {
    throw new RangeError(`Unsupported locale: ${JSON.stringify(locale)}`);
  }
}

function sameLocalDay(a: DateTime, b: DateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

// ---------------------------------------------------------------------------
// Time zones
// ---------------------------------------------------------------------------

/**
 * True for IANA zone names the runtime (and so Luxon) knows, e.g.
 * "Asia/Ho_Chi_Minh", "UTC", "Europe/Paris". False for unknown names, the
 * empty string, and Luxon-only pseudo zones such as "local", "system" or
 * "UTC+7", which are not IANA names (and "local"/"system" would make the
 * output depend on the machine's zone).
 */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0) return false;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    // Bounded: zone names come from a few events and browsers, but a bad actor could send many.
    if (zoneValidity.size >= ZONE_CACHE_MAX) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * Luxon's isValidZone builds a new Intl.DateTimeFormat on every call (each date formatted here checks its zone):
 * ≈ 20 % of the invitee page's time and most of the server's memory growth under load. The answer for a name
 * does not change while the process runs, so it is remembered.
 */
const zoneValidity = new Map<string, boolean>();
const ZONE_CACHE_MAX = 1000;

/**
 * Offset of `zone` at the instant `date`: "GMT+7", "GMT-4", "GMT+5:30",
 * "GMT-3:30", and plain "GMT" for a zero offset.
 */
/** Minutes east of UTC in `zone` at that instant (420 for Asia/Ho_Chi_Minh). */
export function zoneOffsetMinutes(date: Date, zone: string): number {
  return toLocal(date, zone).offset;
}

export function zoneOffsetLabel(date: Date, zone: string): string {
  const offset = zoneOffsetMinutes(date, zone);
  if (offset === 0) return "GMT";
  const sign = offset > 0 ? "+" : "-";
  const abs = Math.abs(offset);
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  return minutes === 0
    ? `GMT${sign}${hours}`
    : `GMT${sign}${hours}:${pad2(minutes)}`;
}

// ---------------------------------------------------------------------------
// Parts
// ---------------------------------------------------------------------------

/** "Thứ 2" … "Thứ 7" for Monday … Saturday, "Chủ nhật" for Sunday. */
export function weekdayVi(date: Date, zone: string): string {
  return weekdayViOf(toLocal(date, zone));
}

/** "Monday" … "Sunday". */
export function weekdayEn(date: Date, zone: string): string {
  return weekdayEnOf(toLocal(date, zone));
}

/** "dd/mm/yyyy", zero padded: "19/10/2017". */
export function formatDate(date: Date, zone: string): string {
  return dateViOf(toLocal(date, zone));
}

/** "dd/mm", zero padded: "19/10". */
export function formatDayMonth(date: Date, zone: string): string {
  const local = toLocal(date, zone);
  return `${pad2(local.day)}/${pad2(local.month)}`;
}

/** 24-hour "HH:mm": "14:00", "19:13". */
export function formatTime(date: Date, zone: string): string {
  return timeOf(toLocal(date, zone));
}

/**
 * Part of the day from the local hour: before 11:00 "morning" (including the
 * small hours), 11:00–12:59 "noon", 13:00–17:59 "afternoon", from 18:00
 * "evening".
 */
export function timeOfDay(date: Date, zone: string): TimeOfDay {
  return timeOfDayOf(toLocal(date, zone));
}

/** "Sáng" | "Trưa" | "Chiều" | "Tối". */
export function timeOfDayVi(date: Date, zone: string): TimeOfDayVi {
  return TIME_OF_DAY_VI[timeOfDay(date, zone)];
}

/** "morning" | "noon" | "afternoon" | "evening". */
export function timeOfDayEn(date: Date, zone: string): TimeOfDay {
  return timeOfDay(date, zone);
}

// ---------------------------------------------------------------------------
// Press phrasing
// ---------------------------------------------------------------------------

/**
 * A date in Vietnamese running text, without leading zeros as news reports write it: "5/9", "12/3/2024" (the
 * dateline keeps dd/mm/yyyy: dateHeaderVi). The year is added only when `publicationYear` is given and differs
 * from the date's local year.
 */
export function runningDateVi(date: Date, zone: string, publicationYear?: number): string {
  const local = toLocal(date, zone);
  const dayMonth = `${local.day}/${local.month}`;
  return publicationYear !== undefined && publicationYear !== local.year ? `${dayMonth}/${local.year}` : dayMonth;
}

/** The same in English: "5 September", "12 March 2024". */
export function runningDateEn(date: Date, zone: string, publicationYear?: number): string {
  const local = toLocal(date, zone);
  const dayMonth = `${local.day} ${monthEnOf(local)}`;
  return publicationYear !== undefined && publicationYear !== local.year ? `${dayMonth} ${local.year}` : dayMonth;
}

/**
 * Opening of a Vietnamese press lead: "Chiều ngày 19/10", "Sáng ngày 5/9" (no leading zeros). The year is added
 * ("Chiều ngày 19/10/2017") only when `publicationYear` is given and differs from the event's local year. With
 * `precision` "date" (the time of day is not known) no time of day is stated: "Ngày 12/3".
 */
export function leadDateVi(
  date: Date,
  zone: string,
  publicationYear?: number,
  precision: "time" | "date" = "time",
): string {
  const when = runningDateVi(date, zone, publicationYear);
  if (precision === "date") return `Ngày ${when}`;
  return `${TIME_OF_DAY_VI[timeOfDayOf(toLocal(date, zone))]} ngày ${when}`;
}

/**
 * Opening of an English press lead: "On the afternoon of 19 October", with
 * " 2017" appended only when `publicationYear` is given and differs from the
 * event's local year. Morning → "On the morning of", noon → "At noon on",
 * evening → "On the evening of". With `precision` "date": "On 12 March".
 */
export function leadDateEn(
  date: Date,
  zone: string,
  publicationYear?: number,
  precision: "time" | "date" = "time",
): string {
  const when = runningDateEn(date, zone, publicationYear);
  if (precision === "date") return `On ${when}`;
  return `${LEAD_PREFIX_EN[timeOfDayOf(toLocal(date, zone))]} ${when}`;
}

/** Vietnamese portal header: "Thứ 5, 19/10/2017 | 19:13". */
export function dateHeaderVi(date: Date, zone: string): string {
  const local = toLocal(date, zone);
  return `${fullDateOf(local, "vi")} | ${timeOf(local)}`;
}

/** English header: "Thursday, 19 October 2017 | 19:13". */
export function dateHeaderEn(date: Date, zone: string): string {
  const local = toLocal(date, zone);
  return `${fullDateOf(local, "en")} | ${timeOf(local)}`;
}

// ---------------------------------------------------------------------------
// Date-times, ranges, periods
// ---------------------------------------------------------------------------

/**
 * vi: "14:00, Thứ 5, 19/10/2017"; en: "14:00, Thursday, 19 October 2017".
 */
export function formatDateTime(
  date: Date,
  zone: string,
  locale: Locale,
): string {
  assertLocale(locale);
  const local = toLocal(date, zone);
  return `${timeOf(local)}, ${fullDateOf(local, locale)}`;
}

/**
 * Same local day: "14:00 – 16:00, Thứ 5, 19/10/2017".
 * Different local days: "08:00, Thứ 5, 19/10/2017 – 17:00, Thứ 6, 20/10/2017".
 * English uses the English weekday and "19 October 2017". Throws a RangeError
 * when `end` is before `start`.
 */
export function formatRange(
  start: Date,
  end: Date,
  zone: string,
  locale: Locale,
): string {
  assertLocale(locale);
  const from = toLocal(start, zone);
  const to = toLocal(end, zone);
  if (to.toMillis() < from.toMillis()) {
    throw new RangeError("Range end is before its start");
  }
  if (sameLocalDay(from, to)) {
    return `${timeOf(from)}${RANGE_SEPARATOR}${timeOf(to)}, ${fullDateOf(from, locale)}`;
  }
  return (
    `${timeOf(from)}, ${fullDateOf(from, locale)}` +
    RANGE_SEPARATOR +
    `${timeOf(to)}, ${fullDateOf(to, locale)}`
  );
}

/**
 * An event's "when" as precisely as it is known: with an exact start, formatRange; with a date only (the time of
 * day not stated), the date alone — "Thứ 3, 12/03/2024", or "Thứ 3, 12/03/2024 – Thứ 4, 13/03/2024" over several
 * days — never an invented time of day.
 */
export function formatWhen(
  start: Date,
  end: Date,
  zone: string,
  locale: Locale,
  precision: "time" | "date",
): string {
  if (precision === "time") return formatRange(start, end, zone, locale);
  assertLocale(locale);
  const from = toLocal(start, zone);
  const to = toLocal(end, zone);
  if (to.toMillis() <= from.toMillis() || sameLocalDay(from, to)) return fullDateOf(from, locale);
  return `${fullDateOf(from, locale)}${RANGE_SEPARATOR}${fullDateOf(to, locale)}`;
}

/**
 * A term in years, the same in both languages: "2017 – 2020", or "2017" when
 * `endYear` is null/undefined or equal to `startYear`. Throws a RangeError for
 * non-integer years or an end before the start.
 */
export function formatPeriod(
  startYear: number,
  endYear?: number | null,
): string {
  if (!Number.isInteger(startYear)) {
    throw new RangeError(`Invalid start year: ${String(startYear)}`);
  }
  if (endYear === null || endYear === undefined || endYear === startYear) {
    return String(startYear);
  }
  if (!Number.isInteger(endYear)) {
    throw new RangeError(`Invalid end year: ${String(endYear)}`);
  }
  if (endYear < startYear) {
    throw new RangeError(`End year ${endYear} is before start year ${startYear}`);
  }
  return `${startYear}${RANGE_SEPARATOR}${endYear}`;
}

/** The local calendar date of an instant in `zone`, as [year, month, day]. */
export function localDateParts(date: Date, zone: string): [number, number, number] {
  const local = toLocal(date, zone);
  return [local.year, local.month, local.day];
}

/** The calendar day after [year, month, day]. */
export function nextDay([year, month, day]: [number, number, number]): [number, number, number] {
  const next = DateTime.utc(year, month, day).plus({ days: 1 });
  return [next.year, next.month, next.day];
}

// ---------------------------------------------------------------------------
// HTML datetime-local conversion
// ---------------------------------------------------------------------------

const LOCAL_INPUT_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;

/**
 * Parse an HTML datetime-local value ("YYYY-MM-DDTHH:mm", optionally with
 * ":ss" and ".sss") as wall time in `zone` and return the instant.
 *
 * Returns null for malformed text, an invalid zone, an impossible calendar
 * date or time ("2017-02-30T10:00", "…T24:00", "…T10:60"), year 0000, and a
 * wall time that does not exist in `zone` because the clocks jump forward
 * (e.g. "2024-03-31T02:30" in Europe/Paris). A wall time that occurs twice
 * when the clocks go back resolves as Luxon does, to the later instant (the
 * standard-time one).
 */
/** The years a date typed or sent may fall in (docs/decisions/024-bad-input.md). */
export const MIN_INPUT_YEAR = 1900;
export const MAX_INPUT_YEAR = 2200;

/** Whether an instant falls in the years MIN_INPUT_YEAR–MAX_INPUT_YEAR (UTC). */
export function isInstantInBounds(date: Date): boolean {
  const year = date.getUTCFullYear();
  return Number.isFinite(date.getTime()) && year >= MIN_INPUT_YEAR && year <= MAX_INPUT_YEAR;
}

export function localInputToInstant(local: string, zone: string): Date | null {
  if (typeof local !== "string" || !isValidTimeZone(zone)) return null;
  const match = LOCAL_INPUT_PATTERN.exec(local);
  if (match === null) return null;

  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const millisecond =
    match[7] === undefined ? 0 : Number(match[7].padEnd(3, "0"));

  // Dates are bounded (docs/decisions/024-bad-input.md): an instant plus any duration stays a sane timestamp.
  if (year < MIN_INPUT_YEAR || year > MAX_INPUT_YEAR) return null;

  const parsed = DateTime.fromObject(
    { year, month, day, hour, minute, second, millisecond },
    { zone },
  );
  if (!parsed.isValid) return null;

  // Luxon accepts hour 24 (rolling into the next day) and silently moves a
  // wall time inside a spring-forward gap; both must be rejected here.
  if (
    parsed.year !== year ||
    parsed.month !== month ||
    parsed.day !== day ||
    parsed.hour !== hour ||
    parsed.minute !== minute ||
    parsed.second !== second
  ) {
    return null;
  }
  return parsed.toJSDate();
}

/**
 * The wall time of `date` in `zone` as an HTML datetime-local value,
 * "YYYY-MM-DDTHH:mm" (seconds are dropped, not rounded).
 */
export function instantToLocalInput(date: Date, zone: string): string {
  const local = toLocal(date, zone);
  return (
    `${pad4(local.year)}-${pad2(local.month)}-${pad2(local.day)}` +
    `T${pad2(local.hour)}:${pad2(local.minute)}`
  );
}

/**
 * The calendar year of `date` in `zone`: a report published at 00:30 on 1/1/2018 in Hanoi (still 2017 in UTC)
 * is published in 2018. Decides whether a press lead writes the event's year.
 */
export function localYear(date: Date, zone: string): number {
  return toLocal(date, zone).year;
}
