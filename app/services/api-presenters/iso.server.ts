/** Instants as the API writes them (docs/api.md, "Dates"). */
import { DateTime } from "luxon";

/** An instant as ISO 8601 with the zone's offset at that moment, e.g. "2017-10-19T14:00:00+07:00". */
export function isoInZone(date: Date, zone: string): string {
  return DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}

export function isoInZoneOrNull(date: Date | null, zone: string): string | null {
  return date ? isoInZone(date, zone) : null;
}

export function isoUtc(date: Date): string {
  return DateTime.fromJSDate(date, { zone: "utc" }).toISO({ suppressMilliseconds: true }) ?? date.toISOString();
}

export function isoUtcOrNull(date: Date | null): string | null {
  return date ? isoUtc(date) : null;
}

/** An instant as `Date#toISOString` writes it (UTC, always with milliseconds), as the press answers write theirs. */
export function isoMsOrNull(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

/** A record's `createdAt` and `updatedAt` in UTC (isoUtc). */
export function timestampsToJson(row: { createdAt: Date; updatedAt: Date }): { createdAt: string; updatedAt: string } {
  return { createdAt: isoUtc(row.createdAt), updatedAt: isoUtc(row.updatedAt) };
}
