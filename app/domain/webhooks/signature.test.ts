import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from "./signature";

describe("Standard Webhooks signatures", () => {
  // The example of the specification's reference libraries.
  it("matches the specification's test vector", () => {
    const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const body = '{"test": 2432232314}';
    expect(signWebhook(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)).toBe(
      "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
    );
  });

  it("signs id.timestamp.body with the base64-decoded secret", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const key = Buffer.from(secret.slice(6), "base64");
    const mac = createHmac("sha256", key).update("id1.100.{}").digest("base64");
    expect(signWebhook(secret, "id1", 100, "{}")).toBe(`v1,${mac}`);
  });

  it("carries one signature per secret in force; either verifies, a changed body does not", () => {
    const [next, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = webhookHeaders([next, previous], "id1", 100, '{"a":1}');
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(verifyWebhook(next, headers, '{"a":1}')).toBe(true);
    expect(verifyWebhook(previous, headers, '{"a":1}')).toBe(true);
    expect(verifyWebhook(generateWebhookSecret(), headers, '{"a":1}')).toBe(false);
    expect(verifyWebhook(next, headers, '{"a":2}')).toBe(false);
    expect(verifyWebhook(next, { ...headers, "webhook-timestamp": "101" }, '{"a":1}')).toBe(false);
  });
});
