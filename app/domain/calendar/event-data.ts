/**
 * An event of Signet as calendar data: what every calendar file of the event says (staff download, feed,
 * invitations). Pure.
 */
import { localDateParts, nextDay } from "../dates/phrasing";
import { venueLine as venueText } from "../rsvp/venue";
import { eventInLanguage } from "../glossary/in-language";
import type { Glossary } from "../glossary/translate";
import { translate, type Locale } from "~/i18n/i18n";
import type { CalendarEventData } from "./ics";

export interface CalendarSourceEvent {
  calendarUid: string;
  calendarSequence: number;
  title: string;
  description: string | null;
  status: "draft" | "scheduled" | "completed" | "cancelled";
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  venueAddress: string | null;
  venueRoom: string | null;
  /** "date": the time of day is not stated — the calendar entry is all-day, on the local dates in `timeZone`. */
  startPrecision?: "time" | "date";
  timeZone?: string;
  /** The English title and venue the organiser gave; English calendar files use them (else the glossary, else marked). */
  titleEn?: string | null;
  venueNameEn?: string | null;
}

/** "Hội trường A, Nhà khách Tỉnh ủy, Thành phố Thái Bình" — room, venue, address; null when none is set. */
export function venueLine(event: Pick<CalendarSourceEvent, "venueName" | "venueAddress" | "venueRoom">): string | null {
  return venueText(event) || null;
}

/**
 * The description is the event's own description, then the venue, then the agenda; `url` (the event page
 * for staff, the personal page for a guest) is appended by the calendar file itself. A draft is TENTATIVE,
 * a cancelled event CANCELLED.
 */
export function calendarEventFromEvent(
  source: CalendarSourceEvent,
  options: { locale: Locale; url?: string | null; /** From agendaAsText(). */ agenda?: string | null; glossary?: Glossary },
): CalendarEventData {
  const event = eventInLanguage(source, options.locale, options.glossary);
  const venue = venueLine(event);
  const description = [
    event.description?.trim(),
    venue ? `${translate(options.locale, "calendar.description.venue")}: ${venue}` : null,
    options.agenda?.trim() || null,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: event.calendarUid,
    sequence: event.calendarSequence,
    title: event.title,
    description,
    location: venue,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    allDay: allDayOf(event),
    url: options.url ?? null,
    status: calendarStatusOf(event.status),
  };
}

/** The STATUS a calendar file writes for the event's status: a draft TENTATIVE, a cancelled event CANCELLED. */
export function calendarStatusOf(status: CalendarSourceEvent["status"]): NonNullable<CalendarEventData["status"]> {
  return status === "cancelled" ? "CANCELLED" : status === "draft" ? "TENTATIVE" : "CONFIRMED";
}

/** A date-only event's local dates, the end exclusive (the day after its last day); null with an exact start. */
function allDayOf(event: CalendarSourceEvent): CalendarEventData["allDay"] {
  if (event.startPrecision !== "date" || !event.timeZone) return null;
  const start = localDateParts(event.startsAt, event.timeZone);
  const last = localDateParts(new Date(Math.max(event.startsAt.getTime(), event.endsAt.getTime() - 1)), event.timeZone);
  return { start, endExclusive: nextDay(last) };
}

