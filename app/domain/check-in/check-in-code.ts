/**
 * The code in an invitee's door QR: `SIGNET:<invitationId>:<mac>`, where mac is the first 128 bits of
 * HMAC-SHA256(secret, "check-in:" + invitationId) in base64url. A guessed or copied invitation id alone is
 * worthless at the door; the secret is the session cookie secret, so rotating it (keeping the old one second
 * in the list) keeps printed codes working.
 *
 * Pure (no I/O), but uses node:crypto: import it from server modules only.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export const CHECK_IN_CODE_PREFIX = "SIGNET";
const MAC_BYTES = 16;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAC = /^[A-Za-z0-9_-]{22}$/;

function mac(invitationId: string, secret: string): Buffer {
  return createHmac("sha256", secret).update(`check-in:${invitationId}`).digest().subarray(0, MAC_BYTES);
}

export function signCheckInCode(invitationId: string, secret: string): string {
  if (!UUID.test(invitationId)) throw new TypeError("invitationId must be a UUID");
  if (!secret) throw new TypeError("secret is required");
  const id = invitationId.toLowerCase();
  return `${CHECK_IN_CODE_PREFIX}:${id}:${mac(id, secret).toString("base64url")}`;
}

/** The parts of a well-formed code (not yet verified), or null. Surrounding whitespace is ignored. */
export function parseCheckInCode(text: string): { invitationId: string; mac: string } | null {
  if (typeof text !== "string" || text.length > 200) return null;
  const parts = text.trim().split(":");
  if (parts.length !== 3) return null;
  const [prefix, id, code] = parts as [string, string, string];
  if (prefix !== CHECK_IN_CODE_PREFIX || !UUID.test(id) || !MAC.test(code)) return null;
  return { invitationId: id.toLowerCase(), mac: code };
}

/** The invitation id when the code was signed with one of `secrets`, else null. Constant-time comparison. */
export function verifyCheckInCode(text: string, secrets: readonly string[]): string | null {
  const parsed = parseCheckInCode(text);
  if (!parsed) return null;
  const given = Buffer.from(parsed.mac, "base64url");
  if (given.length !== MAC_BYTES) return null;
  for (const secret of secrets) {
    if (secret && timingSafeEqual(given, mac(parsed.invitationId, secret))) return parsed.invitationId;
  }
  return null;
}
