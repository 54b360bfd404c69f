/**
 * The Ed25519 key pair that signs door tickets: generated once and kept in the settings table (like the session
 * secret). The private key never leaves the server; the public key goes out with every door list.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import type { Db } from "#db/client.server";
import { formatTicket, parseTicket, ticketMessage, type ParsedTicket } from "~/domain/check-in/ticket";
import { getOrCreateSetting } from "~/models/settings.server";

export interface TicketKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** The raw 32-byte public key, base64url: what door devices import. */
  publicKeyBase64Url: string;
}

const cache = new WeakMap<Db, Promise<TicketKeys>>();

function makePrivateKeyPem(): string {
  return generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString();
}

export function ticketKeysFromPem(pem: string): TicketKeys {
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: "jwk" });
  if (typeof jwk.x !== "string") throw new Error("not an Ed25519 key");
  return { privateKey, publicKey, publicKeyBase64Url: jwk.x };
}

/** The instance's ticket keys (created on first use, race-safe). */
export function ticketKeys(db: Db): Promise<TicketKeys> {
  let keys = cache.get(db);
  if (!keys) {
    keys = getOrCreateSetting(db, "ticket_signing_key", makePrivateKeyPem).then(ticketKeysFromPem);
    keys.catch(() => cache.delete(db));
    cache.set(db, keys);
  }
  return keys;
}

export function signTicket(keys: TicketKeys, invitationId: string, eventId: string): string {
  const signature = sign(null, ticketMessage(invitationId, eventId), keys.privateKey);
  return formatTicket(invitationId, eventId, signature.toString("base64url"));
}

/** The ticket's invitation and event when its signature is genuine, else null. */
export function verifySignedTicket(keys: TicketKeys, text: string): ParsedTicket | null {
  const parsed = parseTicket(text);
  if (!parsed || parsed.kind !== "signed") return null;
  const signature = Buffer.from(parsed.signature, "base64url");
  if (signature.length !== 64) return null;
  return verify(null, ticketMessage(parsed.invitationId, parsed.eventId), keys.publicKey, signature) ? parsed : null;
}
