/**
 * When an invitee may answer, and what each button means. Pure: the caller passes the event, the invitation
 * and the current instant.
 */
export const rsvpIntents = ["accept", "decline", "maybe"] as const;
export type RsvpIntent = (typeof rsvpIntents)[number];

/** The invitation statuses an invitee can choose (invitations.status). */
export type RsvpAnswer = "accepted" | "declined" | "tentative";

export const answerForIntent: Record<RsvpIntent, RsvpAnswer> = {
  accept: "accepted",
  decline: "declined",
  maybe: "tentative",
};

export function isRsvpIntent(value: unknown): value is RsvpIntent {
  return typeof value === "string" && (rsvpIntents as readonly string[]).includes(value);
}

/** True once the invitee has chosen an answer (not_sent / sent are the organizer's states). */
export function hasAnswered(status: string): status is RsvpAnswer {
  return status === "accepted" || status === "declined" || status === "tentative";
}

export type ClosedReason = "withdrawn" | "cancelled" | "started";
export type AnswerWindow = { open: true; closesAt: Date } | { open: false; reason: ClosedReason };

export interface WindowEvent {
  status: "draft" | "scheduled" | "completed" | "cancelled";
  startsAt: Date;
}

/**
 * The answer can change until the event starts. It is closed, in this order of precedence, when the invitation
 * was withdrawn, when the event was cancelled, and from the start time on (or once the event is marked completed).
 */
export function answerWindow(event: WindowEvent, invitation: { withdrawnAt: Date | null }, now: Date): AnswerWindow {
  if (invitation.withdrawnAt) return { open: false, reason: "withdrawn" };
  if (event.status === "cancelled") return { open: false, reason: "cancelled" };
  if (event.status === "completed" || now.getTime() >= event.startsAt.getTime()) return { open: false, reason: "started" };
  return { open: true, closesAt: event.startsAt };
}
