/** Email addresses in configuration ("Signet <no-reply@signet.local>"). Pure. */
export interface MailAddress {
  name: string;
  address: string;
}

export const DEFAULT_MAIL_FROM = "Signet <no-reply@signet.local>";

const ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+$/;

/**
 * Parses `Name <address>`, `"Name" <address>` or a bare `address`. Returns null for anything else, so a wrong
 * MAIL_FROM stops the server at start-up with a readable message instead of failing at the first send.
 */
export function parseMailAddress(value: string): MailAddress | null {
  const trimmed = value.trim();
  const angled = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  const name = angled ? (angled[1] ?? "").trim().replace(/^"(.*)"$/, "$1").trim() : "";
  const address = (angled ? (angled[2] ?? "") : trimmed).trim();
  if (!ADDRESS.test(address) || /[\r\n]/.test(name)) return null;
  return { name, address };
}

/** The domain part of an address, for Message-IDs. */
export function addressDomain(address: string): string {
  return address.slice(address.lastIndexOf("@") + 1) || "signet.local";
}
