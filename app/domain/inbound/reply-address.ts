/**
 * The replyable organizer: `rsvp+<token>@<INBOUND_DOMAIN>` is the ORGANIZER of an invitation's calendar files, the
 * Reply-To of its emails and their envelope sender (Return-Path), so that calendar replies and delivery status
 * notifications both come back to the inbound channel naming the invitation (VERP). One address, so an office with
 * a single mailbox that takes plus-addressing (rsvp+…@) receives both. The token is the invitation's reply token
 * (invitations.reply_token: 32 lower-case hex digits), never its personal link token. Pure.
 */
export const REPLY_TOKEN_SHAPE = /^[0-9a-f]{32}$/;


/** A domain as INBOUND_DOMAIN accepts it: letters, digits, hyphens and dots, at least one dot. */
export const INBOUND_DOMAIN_SHAPE = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

export const REPLY_LOCAL_PART = "rsvp";

export function replyAddress(token: string, domain: string): string {
  if (!REPLY_TOKEN_SHAPE.test(token)) throw new TypeError("not a reply token");
  return `${REPLY_LOCAL_PART}+${token}@${domain.toLowerCase()}`;
}

/**
 * The token in one of our addresses, or null for any other address. Case-insensitive (some mail servers upper-case
 * local parts); a display name or angle brackets around the address are allowed.
 */
export function tokenFromAddress(address: string, domain: string): string | null {
  const bare = (/<([^<>]*)>\s*$/.exec(address)?.[1] ?? address).trim().toLowerCase();
  const at = bare.lastIndexOf("@");
  if (at < 0 || bare.slice(at + 1) !== domain.toLowerCase()) return null;
  const match = /^rsvp\+([0-9a-f]{32})$/.exec(bare.slice(0, at));
  return match ? match[1]! : null;
}
