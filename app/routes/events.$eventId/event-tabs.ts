import type { MessageKey } from "~/i18n/i18n";

/**
 * The event's sections, grouped so that the tab bar stays one row: the overview, then four groups, each
 * opening on its first section and showing its sections in a second bar. Sections the user may not open
 * (mail and check-in without the right, edit on a cancelled event) are left out; a group left empty too.
 */
export type EventSection =
  | "attendees"
  | "mail"
  | "check-in"
  | "ceremony"
  | "dignitaries"
  | "letters"
  | "seating"
  | "agenda"
  | "photos"
  | "press"
  | "team"
  | "history"
  | "webhooks"
  | "edit";

export type EventTabGroupName = "guests" | "protocol" | "media" | "manage";

export interface EventTabGroup {
  name: EventTabGroupName;
  label: MessageKey;
  sections: { section: EventSection; label: MessageKey }[];
}

const GROUPS: EventTabGroup[] = [
  {
    name: "guests",
    label: "event.tabGroup.guests",
    sections: [
      { section: "attendees", label: "event.tab.attendees" },
      { section: "mail", label: "mail.page.title" },
      { section: "check-in", label: "checkin.tab" },
      { section: "letters", label: "letter.tab" },
    ],
  },
  {
    name: "protocol",
    label: "event.tabGroup.protocol",
    sections: [
      { section: "dignitaries", label: "event.tab.dignitaries" },
      { section: "ceremony", label: "event.tab.ceremony" },
      { section: "seating", label: "protocol.tab.seating" },
      { section: "agenda", label: "event.tab.agenda" },
    ],
  },
  {
    name: "media",
    label: "event.tabGroup.media",
    sections: [
      { section: "photos", label: "event.tab.photos" },
      { section: "press", label: "event.tab.press" },
    ],
  },
  {
    name: "manage",
    label: "event.tabGroup.manage",
    sections: [
      { section: "team", label: "event.tab.team" },
      { section: "history", label: "event.tab.history" },
      { section: "webhooks", label: "webhooks.tab" },
      { section: "edit", label: "event.tab.edit" },
    ],
  },
];

export function eventTabGroups(allowed: (section: EventSection) => boolean): EventTabGroup[] {
  return GROUPS.map((g) => ({ ...g, sections: g.sections.filter((s) => allowed(s.section)) })).filter((g) => g.sections.length > 0);
}

/**
 * The section a path under the event belongs to: its first segment after the event's id, with the
 * pages beside a section (attendees_/new, dignitaries_/x, press_/x, agenda/mc …) counted in it.
 */
export function sectionOfPath(pathname: string, eventId: string): EventSection | null {
  const prefix = `/events/${eventId}`;
  if (pathname !== prefix && !pathname.startsWith(`${prefix}/`)) return null;
  const segment = pathname.slice(prefix.length).split("/").filter(Boolean)[0];
  if (!segment) return null;
  return GROUPS.flatMap((g) => g.sections).find((s) => s.section === segment)?.section ?? null;
}

/** The group a path's section belongs to, or null for the overview (and unknown paths). */
export function groupOfPath(groups: EventTabGroup[], pathname: string, eventId: string): EventTabGroup | null {
  const section = sectionOfPath(pathname, eventId);
  return section ? (groups.find((g) => g.sections.some((s) => s.section === section)) ?? null) : null;
}
