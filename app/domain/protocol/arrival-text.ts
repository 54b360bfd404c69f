import { formatDate, formatDayMonth, formatTime } from "../dates/phrasing";

/** "13:30", or "13:30 18/10" when they arrive on another day than the event's (the precedence list and its print). */
export function arrivalText(arrivalAt: Date | string | null, zone: string, eventDate: Date | string): string {
  if (!arrivalAt) return "";
  const at = new Date(arrivalAt);
  const time = formatTime(at, zone);
  return formatDate(at, zone) === formatDate(new Date(eventDate), zone) ? time : `${time} ${formatDayMonth(at, zone)}`;
}
