import { describe, expect, it } from "vitest";
import { shouldDisableEndpoint, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_MS, webhookRetryAt } from "./schedule";

describe("webhook retry schedule", () => {
  const now = new Date("2030-01-01T00:00:00Z");
  it("backs off exponentially and gives up after the last attempt", () => {
    expect(webhookRetryAt(1, now)?.toISOString()).toBe("2030-01-01T00:00:30.000Z");
    expect(webhookRetryAt(2, now)?.toISOString()).toBe("2030-01-01T00:02:00.000Z");
    for (let i = 1; i < WEBHOOK_RETRY_DELAYS_MS.length; i++)
      expect(WEBHOOK_RETRY_DELAYS_MS[i]).toBeGreaterThanOrEqual(WEBHOOK_RETRY_DELAYS_MS[i - 1] ?? 0);
    expect(webhookRetryAt(WEBHOOK_MAX_ATTEMPTS, now)).toBeNull();
    const total = WEBHOOK_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600_000);
  });
  it("disables an endpoint after 24 hours of failures only", () => {
    expect(shouldDisableEndpoint(null, now)).toBe(false);
    expect(shouldDisableEndpoint(new Date(now.getTime() - 23 * 3600_000), now)).toBe(false);
    expect(shouldDisableEndpoint(new Date(now.getTime() - 24 * 3600_000), now)).toBe(true);
  });
});
