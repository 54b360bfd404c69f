/** The add-to-calendar services the invitee's page links to, each at /invitation/calendar/<service>. */
export const CALENDAR_SERVICES = ["google", "outlook", "office365"] as const;
export type CalendarService = (typeof CALENDAR_SERVICES)[number];
export const isCalendarService = (value: string | undefined): value is CalendarService =>
  (CALENDAR_SERVICES as readonly (string | undefined)[]).includes(value);
