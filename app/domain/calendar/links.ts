/**
 * "Add to calendar" links for Google Calendar, Outlook.com and Microsoft 365, all in UTC.
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

function outlookLink(host: string, event: CalendarEventData, body: string): string {
  const params: [string, string][] = [
    ["path", "/calendar/action/compose"],
    ["rru", "addevent"],
    ["subject", singleLine(event.title)],
    ["startdt", isoUtc(event.startsAt)],
    ["enddt", isoUtc(event.endsAt)],
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
    google: `https://calendar.google.com/calendar/render?${query(google)}&dates=${compactUtc(event.startsAt)}/${compactUtc(event.endsAt)}`,
    outlook: outlookLink("outlook.live.com", event, body),
    office365: outlookLink("outlook.office.com", event, body),
  };
}
