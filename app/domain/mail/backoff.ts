/**
 * When the outbox tries a message again. Pure: the worker passes the attempt count it just used.
 *
 * Attempt 1 fails → wait 1 min; 2 → 5 min; 3 → 15 min; 4 → 1 h; 5 → 3 h; 6 → 6 h; 7 → 12 h; attempt 8 failing
 * gives up (status "failed", about 22 hours after the first try). A message is never dropped silently: a failed
 * one stays visible in the Mailbox and can be retried by hand.
 */
const MINUTE = 60_000;
export const RETRY_DELAYS_MS = [1, 5, 15, 60, 180, 360, 720].map((m) => m * MINUTE);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** Delay before the next try after `attempts` failed tries (attempts ≥ 1); null when it is time to give up. */
export function retryDelayMs(attempts: number, maxAttempts = MAX_ATTEMPTS): number | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer: ${attempts}`);
  if (attempts >= maxAttempts) return null;
  return RETRY_DELAYS_MS[Math.min(attempts, RETRY_DELAYS_MS.length) - 1] ?? null;
}

/** The moment of the next try, or null when the message should be marked failed. */
export function nextAttemptAt(attempts: number, now: Date, maxAttempts = MAX_ATTEMPTS): Date | null {
  const delay = retryDelayMs(attempts, maxAttempts);
  return delay === null ? null : new Date(now.getTime() + delay);
}

/**
 * SMTP answers that will not change on a retry (mailbox unknown, relaying refused, message rejected):
 * 550–554 to the message's own commands. Everything else — connection refused, timeouts, 4xx — is worth trying
 * again later, and so is a 5xx refusal of the whole server (see refusedByServer).
 */
export function isPermanentSmtpFailure(responseCode: number | undefined, command?: string): boolean {
  if (refusedByServer(command)) return false;
  return responseCode !== undefined && responseCode >= 550 && responseCode <= 554;
}

/**
 * The failure came before any command about this message (the greeting — nodemailer's "CONN" —, EHLO/HELO,
 * STARTTLS, AUTH): the server refuses everyone for now ("554 no service", a misconfigured relay), which says
 * nothing about the message. It waits in the outbox for the server to come back, like a connection refused.
 */
export function refusedByServer(command: string | undefined): boolean {
  return command !== undefined && /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH)\b/i.test(command);
}
