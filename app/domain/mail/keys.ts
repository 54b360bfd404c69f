/**
 * Idempotency keys of outbox messages. The outbox column is unique, so the same key is queued once: a double
 * click, two tabs or a retried request never send a message twice. Pure.
 */

/** The invitation at the event's current calendar SEQUENCE: sent once per sequence. */
export function invitationKey(invitationId: string, sequence: number): string {
  return `invitation:${invitationId}:seq:${sequence}`;
}

/**
 * An invitation sent by one submitted form ("send to all", a selection): `requestId` is the form's own id, made
 * when the page was shown. A double click on that form queues one message per invitee; submitting the form
 * again from a freshly loaded page is a deliberate re-send.
 */
export function invitationRequestKey(invitationId: string, sequence: number, requestId: string): string {
  return `invitation:${invitationId}:seq:${sequence}:request:${requestId}`;
}

/** The METHOD:REQUEST update after the title, time or place changed (the new SEQUENCE). */
export function updateKey(invitationId: string, sequence: number): string {
  return `update:${invitationId}:seq:${sequence}`;
}

/** The METHOD:CANCEL after the event was cancelled. */
export function cancellationKey(invitationId: string, sequence: number): string {
  return `cancel:${invitationId}:seq:${sequence}`;
}

/** The METHOD:CANCEL to one person whose invitation was withdrawn (once: a withdrawal is final). */
export function withdrawalKey(invitationId: string): string {
  return `withdraw:${invitationId}`;
}

/** A scheduled reminder: once per reminder row and invitation. */
export function scheduledReminderKey(invitationId: string, reminderId: string): string {
  return `reminder:${invitationId}:${reminderId}`;
}

/** A reminder sent by hand: at most one per invitation per calendar day (YYYY-MM-DD in the event's zone). */
export function manualReminderKey(invitationId: string, localDate: string): string {
  return `reminder:${invitationId}:manual:${localDate}`;
}
