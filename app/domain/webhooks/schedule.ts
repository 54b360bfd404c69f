/**
 * When a failed webhook delivery is tried again, and when an endpoint is given up on. Pure.
 *
 * Exponential backoff: 30 s, 2 min, 10 min, 30 min, 1 h, 2 h, 4 h, 8 h, 10 h — ten attempts over about 26 h.
 * An endpoint whose attempts have all failed for 24 hours (no success since the first failure) is disabled.
 */
const SECOND = 1000;
export const WEBHOOK_RETRY_DELAYS_MS = [30, 120, 600, 1800, 3600, 7200, 14_400, 28_800, 36_000].map((s) => s * SECOND);
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;
export const DISABLE_AFTER_MS = 24 * 3600 * SECOND;

export function webhookRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= WEBHOOK_MAX_ATTEMPTS) return null;
  const delay = WEBHOOK_RETRY_DELAYS_MS[Math.max(1, attempts) - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

export function shouldDisableEndpoint(failingSince: Date | null, now: Date): boolean {
  return failingSince !== null && now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
}
