/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): the secret is "whsec_" + base64 of random
 * bytes; each request carries webhook-id, webhook-timestamp (Unix seconds) and webhook-signature, a space-
 * separated list of "v1,<base64 HMAC-SHA256 of `${id}.${timestamp}.${body}`>" — one per secret in force, so a
 * receiver keeps working through a rotation whichever secret it holds.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(24).toString("base64");
}

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, "base64");
}

export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

/** The three headers for one attempt; `secrets` are the secrets in force, the newest first. */
export function webhookHeaders(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<"webhook-id" | "webhook-timestamp" | "webhook-signature", string> {
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": secrets.map((secret) => signWebhook(secret, id, timestampSeconds, body)).join(" "),
  };
}

/** A receiver's check (used by tests and the docs' example): one matching v1 signature is enough. */
export function verifyWebhook(secret: string, headers: Record<string, string | undefined>, body: string): boolean {
  const id = headers["webhook-id"];
  const timestamp = Number(headers["webhook-timestamp"]);
  const signatures = headers["webhook-signature"];
  if (!id || !Number.isInteger(timestamp) || !signatures) return false;
  const expected = Buffer.from(signWebhook(secret, id, timestamp, body));
  return signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
