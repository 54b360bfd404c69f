import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatTicket, importTicketKey, parseTicket, ticketMessage, verifyTicket } from "./ticket";

const invitationId = "6f1c2b9e-3d4a-4b5c-8d9e-0f1a2b3c4d5e";
const eventId = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const x = publicKey.export({ format: "jwk" }).x!;
  const ticket = (inv = invitationId, ev = eventId) => formatTicket(inv, ev, sign(null, ticketMessage(inv, ev), privateKey).toString("base64url"));
  return { x, ticket };
}

describe("door tickets", () => {
  it("verifies a genuine ticket with the public key alone (WebCrypto, as in the browser)", async () => {
    const { x, ticket } = keyPair();
    const text = ticket();
    expect(text).toMatch(/^S2:[0-9a-f-]{36}:[0-9a-f-]{36}:[A-Za-z0-9_-]{86}$/);
    const parsed = parseTicket(`  ${text}\n`);
    expect(parsed).toEqual({ kind: "signed", invitationId, eventId, signature: text.split(":")[3] });
    expect(await verifyTicket(parsed as never, await importTicketKey(x))).toBe(true);
  });

  it("refuses a ticket moved to another invitation or event, or signed by another key", async () => {
    const { x, ticket } = keyPair();
    const key = await importTicketKey(x);
    const signature = ticket().split(":")[3]!;
    const otherInvitation = parseTicket(formatTicket("6f1c2b9e-3d4a-4b5c-8d9e-0f1a2b3c4d5f", eventId, signature));
    const otherEvent = parseTicket(formatTicket(invitationId, "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4e", signature));
    expect(await verifyTicket(otherInvitation as never, key)).toBe(false);
    expect(await verifyTicket(otherEvent as never, key)).toBe(false);
    const stranger = keyPair();
    expect(await verifyTicket(parseTicket(stranger.ticket()) as never, key)).toBe(false);
  });

  it("recognises the older HMAC codes as legacy and rejects garbage", () => {
    expect(parseTicket(`SIGNET:${invitationId.toUpperCase()}:abcdefghijklmnopqrstuv`)).toEqual({
      kind: "legacy",
      invitationId,
      code: `SIGNET:${invitationId.toUpperCase()}:abcdefghijklmnopqrstuv`,
    });
    for (const bad of ["", "S2:x:y:z", `S2:${invitationId}:${eventId}:short`, `S3:${invitationId}:${eventId}:${"a".repeat(86)}`, "x".repeat(400)])
      expect(parseTicket(bad)).toBeNull();
  });
});
