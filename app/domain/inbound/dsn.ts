/**
 * Delivery status notifications (RFC 3464): the machine-readable part of a bounce. Pure: the text of the
 * message/delivery-status part in, each recipient's action, status and diagnostic out. Only `Action: failed` is a
 * bounce; "delayed", "delivered", "relayed" and "expanded" are not.
 */
export interface DsnRecipient {
  /** Final-Recipient (else Original-Recipient), lower-case address without the "rfc822;" type. */
  recipient: string | null;
  action: string;
  /** "5.1.1" */
  status: string | null;
  /** Diagnostic-Code without its type ("smtp; "). */
  diagnostic: string | null;
}

export interface DeliveryReport {
  reportingMta: string | null;
  recipients: DsnRecipient[];
}

/** Header-style fields of one block (folded lines joined), names lower-case. */
function fields(block: string): Map<string, string> {
  const map = new Map<string, string>();
  const unfolded = block.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
  }
  return map;
}

function typed(value: string | undefined): string | null {
  if (!value) return null;
  const semi = value.indexOf(";");
  const bare = (semi >= 0 ? value.slice(semi + 1) : value).trim();
  return bare || null;
}

export function parseDeliveryStatus(text: string): DeliveryReport {
  const blocks = text
    .replace(/\r\n/g, "\n")
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const [first, ...rest] = blocks;
  const perMessage = fields(first ?? "");
  const recipients: DsnRecipient[] = [];
  // Some reporters put the first recipient in the per-message block: read every block that has an Action.
  for (const block of [first ?? "", ...rest]) {
    const f = fields(block);
    const action = f.get("action");
    if (!action) continue;
    const address = typed(f.get("final-recipient")) ?? typed(f.get("original-recipient"));
    recipients.push({
      recipient: address ? address.replace(/^<|>$/g, "").toLowerCase() : null,
      action: action.toLowerCase().split(/\s/)[0] ?? action.toLowerCase(),
      status: f.get("status")?.split(/\s/)[0] ?? null,
      diagnostic: typed(f.get("diagnostic-code")),
    });
  }
  return { reportingMta: typed(perMessage.get("reporting-mta")), recipients };
}

/** The recipients the report says mail could not be delivered to. */
export function failedRecipients(report: DeliveryReport): DsnRecipient[] {
  return report.recipients.filter((r) => r.action === "failed");
}

const REASON_MAX = 300;

/** One line for the attendee list: "5.1.1 — 550 5.1.1 <x@y>: Recipient address rejected: User unknown". */
export function bounceReason(recipient: DsnRecipient): string {
  const parts = [recipient.status, recipient.diagnostic].filter((p): p is string => !!p && p.trim() !== "");
  const text = (parts.join(" — ") || recipient.action).replace(/\s+/g, " ").trim();
  return text.length > REASON_MAX ? `${text.slice(0, REASON_MAX - 1)}…` : text;
}

/** The Message-ID of the bounced message, from its headers returned in the report (text/rfc822-headers). */
export function originalMessageId(headersText: string): string | null {
  const unfolded = headersText.replace(/\r?\n[ \t]+/g, " ");
  const m = /^message-id:\s*(<[^<>\s]+>)/im.exec(unfolded);
  return m ? m[1]! : null;
}

/**
 * The body of the first MIME part of this type in a raw message (e.g. "message/delivery-status",
 * "text/rfc822-headers"), decoded from base64 when so encoded; null when there is none. A bounce's parts are plain
 * 7-bit text, which mail parsers fold into the message's text, so they are read from the source.
 */
export function rawMimePart(raw: string, contentType: string): string | null {
  const lines = raw.replace(/\r\n/g, "\n").split("\n");
  const wanted = new RegExp(`^content-type:\\s*${contentType.replace(/[/.+]/g, (c) => `\\${c}`)}\\s*(;|$)`, "i");
  const start = lines.findIndex((l) => wanted.test(l));
  if (start < 0) return null;
  let i = start;
  const headers: string[] = [];
  while (i < lines.length && lines[i]!.trim() !== "") headers.push(lines[i++]!);
  const body: string[] = [];
  for (i += 1; i < lines.length && !lines[i]!.startsWith("--"); i += 1) body.push(lines[i]!);
  const text = body.join("\n");
  if (headers.some((h) => /^content-transfer-encoding:\s*base64/i.test(h))) {
    return Buffer.from(text.replace(/\s+/g, ""), "base64").toString("utf8");
  }
  return text;
}
