/** How a message's status looks (the badge colour classes of app.css). Pure, browser-safe. */
export const mailStatuses = ["queued", "sending", "sent", "failed"] as const;
export type MailStatusValue = (typeof mailStatuses)[number];

const BADGE: Record<MailStatusValue, string> = {
  queued: "badge",
  sending: "badge badge-scheduled",
  sent: "badge badge-completed",
  failed: "badge badge-cancelled",
};

export function mailStatusBadgeClass(status: MailStatusValue): string {
  return BADGE[status];
}
