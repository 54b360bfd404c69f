/**
 * The signed door ticket in an invitee's QR code (docs/decisions/022-offline-door.md):
 *
 *   `S2:<invitationId>:<eventId>:<signature>`
 *
 * where signature is Ed25519 over `signet-ticket-v2:<invitationId>:<eventId>` (UTF-8), in base64url (86 characters).
 * The server holds the private key; door devices verify with the public key that comes with the door list, so a
 * ticket is checked on the phone without the network. The older `SIGNET:<id>:<mac>` codes (HMAC, server-only) still
 * work: online at once, offline provisionally and verified when the scan is synced.
 *
 * Client-safe: parsing here, verification through WebCrypto (`crypto.subtle`, Ed25519: Chromium ≥ 137, Firefox ≥ 129,
 * Safari ≥ 17, Node ≥ 20), signing in app/services/ticket-keys.server.ts.
 */
export const TICKET_PREFIX = "S2";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SIGNATURE = /^[A-Za-z0-9_-]{86}$/;
const LEGACY = /^SIGNET:([0-9a-f-]{36}):[A-Za-z0-9_-]{22}$/i;

export interface ParsedTicket {
  kind: "signed";
  invitationId: string;
  eventId: string;
  signature: string;
}

export interface LegacyCode {
  kind: "legacy";
  invitationId: string;
  /** The whole code: only the server can verify it (HMAC). */
  code: string;
}

/** The bytes the signature covers. */
export function ticketMessage(invitationId: string, eventId: string): Uint8Array {
  return new TextEncoder().encode(`signet-ticket-v2:${invitationId.toLowerCase()}:${eventId.toLowerCase()}`);
}

export function formatTicket(invitationId: string, eventId: string, signatureBase64Url: string): string {
  return `${TICKET_PREFIX}:${invitationId.toLowerCase()}:${eventId.toLowerCase()}:${signatureBase64Url}`;
}

/** A well-formed ticket or legacy code (not yet verified), or null. Surrounding whitespace is ignored. */
export function parseTicket(text: string): ParsedTicket | LegacyCode | null {
  if (typeof text !== "string" || text.length > 300) return null;
  const trimmed = text.trim();
  const legacy = LEGACY.exec(trimmed);
  if (legacy && UUID.test(legacy[1]!)) return { kind: "legacy", invitationId: legacy[1]!.toLowerCase(), code: trimmed };
  const parts = trimmed.split(":");
  if (parts.length !== 4) return null;
  const [prefix, invitationId, eventId, signature] = parts as [string, string, string, string];
  if (prefix !== TICKET_PREFIX || !UUID.test(invitationId) || !UUID.test(eventId) || !SIGNATURE.test(signature)) return null;
  return { kind: "signed", invitationId: invitationId.toLowerCase(), eventId: eventId.toLowerCase(), signature };
}

export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((text.length + 3) % 4);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Imports the raw 32-byte Ed25519 public key (base64url) for `verifyTicket`. */
export function importTicketKey(publicKeyBase64Url: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", base64UrlToBytes(publicKeyBase64Url), { name: "Ed25519" }, false, ["verify"]);
}

/** True when the ticket's signature is genuine under `key`. */
export async function verifyTicket(ticket: ParsedTicket, key: CryptoKey): Promise<boolean> {
  const signature = base64UrlToBytes(ticket.signature);
  if (signature.length !== 64) return false;
  const message = ticketMessage(ticket.invitationId, ticket.eventId);
  return crypto.subtle.verify({ name: "Ed25519" }, key, signature, message as Uint8Array<ArrayBuffer>);
}
