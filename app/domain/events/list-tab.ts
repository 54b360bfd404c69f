export const eventListTabs = ["upcoming", "past", "cancelled"] as const;
export type EventListTab = (typeof eventListTabs)[number];

export function isEventListTab(value: unknown): value is EventListTab {
  return typeof value === "string" && (eventListTabs as readonly string[]).includes(value);
}

/**
 * The tab the events list opens on when none was asked for: upcoming events while there are any; else the
 * past ones (a fresh install's demo ceremony is in the past), so the first screen is never empty when
 * something exists.
 */
export function defaultEventListTab(counts: Record<EventListTab, number>): EventListTab {
  if (counts.upcoming > 0) return "upcoming";
  if (counts.past > 0) return "past";
  return "upcoming";
}
