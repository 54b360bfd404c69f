/** Who may check a guest in and who may undo it. Pure. */
import type { UserRole } from "~/domain/access/permissions";

export type CheckInRefusal = "withdrawn" | "otherEvent" | "eventCancelled";

/**
 * Why this invitation cannot be checked in at this event, or null when it can. A guest who declined or never
 * answered may still be let in: the door decides, the answer is shown beside the name.
 */
export function checkInRefusal(
  invitation: { eventId: string; withdrawnAt: Date | null },
  event: { id: string; status: "draft" | "scheduled" | "completed" | "cancelled" },
): CheckInRefusal | null {
  if (invitation.eventId !== event.id) return "otherEvent";
  if (invitation.withdrawnAt) return "withdrawn";
  if (event.status === "cancelled") return "eventCancelled";
  return null;
}

/** The staff member who checked the guest in may undo it; so may an administrator; nobody else. */
export function canUndoCheckIn(actor: { id: string; role: UserRole }, checkIn: { byUserId: string | null }): boolean {
  if (actor.role === "admin") return true;
  return checkIn.byUserId !== null && checkIn.byUserId === actor.id;
}
