/**
 * The agenda as plain text, for the invitee's page and the DESCRIPTION of a calendar file:
 *
 *   Chương trình:
 *   13:45 – 14:00  Đón tiếp đại biểu
 *   14:00 – 14:05  Chào cờ, Quốc ca (Hội trường A)
 *
 * Times are in the event's zone; when the agenda spans several days, each day starts with its date.
 */
import { formatDate, formatTime, weekdayEn, weekdayVi, type Locale } from "../dates/phrasing";
import { endOf } from "./agenda";

export interface AgendaTextItem {
  startsAt: Date;
  durationMinutes: number;
  title: string;
  /** The English title, where the organiser gave one (English texts use it). */
  titleEn?: string | null;
  place?: string | null;
}

const headings: Record<Locale, string> = { vi: "Chương trình:", en: "Programme:" };

export function agendaAsText(
  items: readonly AgendaTextItem[],
  zone: string,
  locale: Locale,
  options: { heading?: boolean } = {},
): string {
  if (items.length === 0) return "";
  const day = (d: Date) => formatDate(d, zone);
  const days = new Set(items.map((x) => day(x.startsAt)));
  const lines: string[] = options.heading === false ? [] : [headings[locale]];
  let currentDay: string | null = null;
  for (const item of items) {
    if (days.size > 1 && day(item.startsAt) !== currentDay) {
      currentDay = day(item.startsAt);
      const weekday = locale === "vi" ? weekdayVi(item.startsAt, zone) : weekdayEn(item.startsAt, zone);
      lines.push(`${weekday}, ${currentDay}`);
    }
    const range = `${formatTime(item.startsAt, zone)} – ${formatTime(endOf({ id: "", ...item }), zone)}`;
    const place = item.place?.trim() ? ` (${item.place.trim()})` : "";
    lines.push(`${range}  ${item.title.trim()}${place}`);
  }
  return lines.join("\n");
}
