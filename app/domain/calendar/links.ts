/**
 * "Add to calendar" links for Google Calendar, Outlook.com and Microsoft 365, in UTC (a date-only event: all-day, by date).
 * Browser-safe: a component may import this file without pulling the `ics` generator into the bundle
 * (ics.ts re-exports it for callers on the server).
 */
import type { CalendarEventData } from "./ics";
import { descriptionWithLink, singleLine } from "./text";

/** 20171019T070000Z — Google's `dates` format. */
function compactUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** 2017-10-19T07:00:00Z — Outlook's `startdt`/`enddt` format. */
function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** Query string with %20 for spaces: Outlook shows a "+" literally. */
function query(params: [string, string][]): string {
  return params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
}

/** [2024, 3, 12] → "20240312" (Google) or "2024-03-12" (Outlook). */
function day([y, m, d]: [number, number, number], separator: string): string {
  return [String(y).padStart(4, "0"), String(m).padStart(2, "0"), String(d).padStart(2, "0")].join(separator);
}

function outlookLink(host: string, event: CalendarEventData, body: string): string {
  const params: [string, string][] = [
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", singleLine(event.title)],
    ...(event.allDay
      ? ([
          ["startdt", day(event.allDay.start, "-")],
          ["enddt", day(event.allDay.endExclusive, "-")],
          ["allday", "true"],
        ] as [string, string][])
      : ([
          ["startdt", isoUtc(event.startsAt)],
          ["enddt", isoUtc(event.endsAt)],
        ] as [string, string][])),
    ["body", body],
  ];
  if (event.location) params.push(["location", singleLine(event.location)]);
  return `https://${host}/calendar/0/deeplink/compose?${query(params)}`;
}

export function calendarLinks(event: CalendarEventData): { google: string; outlook: string; office365: string } {
  const body = descriptionWithLink(event.description, event.url);
  const google: [string, string][] = [
    ["action", "TEMPLATE"],
    ["text", singleLine(event.title)],
    ["details", body],
  ];
  if (event.location) google.push(["location", singleLine(event.location)]);
  return {
    // `dates` keeps its "/" unencoded, as Google documents it.
    google: `https://calendar.google.com/calendar/render?${query(google)}&dates=${
      event.allDay ? `${day(event.allDay.start, "")}/${day(event.allDay.endExclusive, "")}` : `${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`
    }`,
    outlook: outlookLink("outlook.live.com", event, body),
    office365: outlookLink("outlook.office.com", event, body),
  };
}
