/**
 * Inbound mail: one entry point for both channels (the SMTP listener, inbound-smtp.server.ts, and the IMAP
 * poller, inbound-imap.server.ts). A raw message in; out, what it did:
 *  - a calendar REPLY (text/calendar part or .ics attachment) sent to `rsvp+<reply token>@INBOUND_DOMAIN` answers
 *    that invitation, by the ledger's rules (app/domain/inbound/ledger.ts); a reply changes only its own invitation;
 *  - a delivery status notification (RFC 3464) marks the invitation "email bounced" with the reason; the outbox
 *    sends nothing more to that address until it is edited;
 *  - anything else is recorded and left alone.
 * Each Message-ID is taken once (inbound_messages): the same message through both channels, or fetched twice, does
 * nothing the second time. The message's record, the ledger row and the invitation's answer are one transaction.
 */
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import type { Db } from "#db/client.server";
import { bounceReason, failedRecipients, originalMessageId, parseDeliveryStatus, rawMimePart } from "~/domain/inbound/dsn";
import { matchReply, parseCalendarMessage, type ReplyFacts, type ReplyMatch } from "~/domain/inbound/itip-reply";
import { decideMailReply, mailAnsweredAt, statusOfPartstat, type ReplyOutcome } from "~/domain/inbound/ledger";
import { tokenFromAddress } from "~/domain/inbound/reply-address";
import { answerWindow } from "~/domain/rsvp/answer-window";
import { recordAudit } from "~/models/audit.server";
import {
  findInvitationByReplyToken,
  findInvitationBySentMessageId,
  insertInboundMessage,
  insertLedgerRow,
  listReplyLedger,
  markInvitationBounced,
  setInboundOutcome,
  type ReplyTarget,
} from "~/models/inbound.server";
import { recordInviteeAudit, setInvitationAnswer } from "~/models/rsvp.server";
import { COMMENT_MAX } from "~/domain/rsvp/rsvp.schema";
import { inviteeName } from "./rsvp.server";
import { emitWebhook } from "./webhooks.server";
import { proposeDeputy } from "./delegation.server";
import { isServiceError } from "~/utils/errors";

export type InboundChannel = "smtp" | "imap";

export interface InboundOptions {
  channel: InboundChannel;
  /** INBOUND_DOMAIN: the reply addresses' domain. */
  domain: string;
  /** The SMTP envelope's recipients (the listener knows them; the poller reads the headers). */
  envelopeTo?: readonly string[];
  receivedAt?: Date;
}

export type InboundOutcome =
  | ReplyOutcome
  | "duplicate"
  | "no_calendar"
  | "no_token"
  | "no_invitation"
  | "withdrawn"
  | "closed"
  | "not_reply"
  | "uid_mismatch"
  | "attendee_mismatch"
  | "unknown_partstat"
  | "bounced"
  | "bounce_not_failed"
  | "bounce_unmatched"
  | "bounce_address_changed";

export interface InboundResult {
  kind: "reply" | "bounce" | "other";
  outcome: InboundOutcome;
  messageId: string;
  invitationId: string | null;
  /**
   * PARTSTAT=DELEGATED: the address the invitee delegated to. The hook point for the delegates feature: the
   * reply is in the ledger (outcome "delegated", the invitation's status unchanged); whoever handles delegation
   * takes it from here.
   */
  delegatedTo?: string | null;
  /**
   * What became of DELEGATED-TO: "proposed" (a pending deputy proposal for the organizer's queue, as if named on
   * the invitee's page; docs/decisions/028-delegates-and-companions.md) or the message key of why not.
   */
  deputyProposal?: "proposed" | string;
}

/**
 * A mailed PARTSTAT=DELEGATED becomes a deputy proposal: the delegate's CN (or, without one, their address) as the
 * name, their address for the invitation. The organizer accepts or refuses it like one made on the page. A
 * proposal the delegation rules refuse (the window closed, a deputy delegating again, the invitee themselves)
 * leaves only the ledger row; the reply's own rows stay.
 */
async function proposeMailedDeputy(tx: Db, invitationId: string, reply: ReplyFacts, now: Date): Promise<string> {
  try {
    // proposeDeputy runs in its own (nested: a savepoint) transaction, so a refusal undoes only its own rows.
    await proposeDeputy(tx, { invitationId, deputy: { name: reply.delegatedName ?? reply.delegatedTo ?? "", email: reply.delegatedTo }, source: "mail" }, now);
    return "proposed";
  } catch (error) {
    if (isServiceError(error)) return Object.values(error.fields ?? {})[0] ?? error.message;
    throw error;
  }
}

/** The Message-ID, or a stable stand-in made from the message's bytes when it has none. */
function messageIdOf(parsed: ParsedMail, raw: Buffer): string {
  const id = parsed.messageId?.trim();
  if (id) return id.startsWith("<") ? id : `<${id}>`;
  return `<sha256-${createHash("sha256").update(raw).digest("hex")}@inbound.signet>`;
}

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  return (Array.isArray(value) ? value : [value]).flatMap((o) => o.value.map((a) => a.address ?? "")).filter(Boolean);
}

function headerAddresses(parsed: ParsedMail, name: string): string[] {
  const value = parsed.headers.get(name);
  if (typeof value === "string") return value.split(",").map((v) => v.trim());
  if (value && typeof value === "object" && "value" in value && Array.isArray(value.value))
    return (value as AddressObject).value.map((a) => a.address ?? "");
  return [];
}

/** The reply token this message was addressed to: the envelope first, then the headers an IMAP mailbox keeps. */
function replyTokenOf(parsed: ParsedMail, options: InboundOptions): string | null {
  const candidates = [
    ...(options.envelopeTo ?? []),
    ...headerAddresses(parsed, "delivered-to"),
    ...headerAddresses(parsed, "x-original-to"),
    ...headerAddresses(parsed, "envelope-to"),
    ...addresses(parsed.to),
    ...addresses(parsed.cc),
  ];
  for (const candidate of candidates) {
    const token = tokenFromAddress(candidate, options.domain);
    if (token) return token;
  }
  return null;
}

/** Every calendar in the message: text/calendar parts and attachments, application/ics, and any *.ics file. */
function calendarTexts(parsed: ParsedMail): string[] {
  return parsed.attachments
    .filter((a) => /^(text\/calendar|application\/ics)$/i.test(a.contentType) || /\.ics$/i.test(a.filename ?? ""))
    .map((a) => a.content.toString("utf8"));
}

function isDeliveryReport(parsed: ParsedMail): boolean {
  const type = parsed.headers.get("content-type");
  if (!type || typeof type !== "object" || !("value" in type)) return false;
  const { value, params } = type as { value: string; params?: Record<string, string> };
  return value.toLowerCase() === "multipart/report" && (params?.["report-type"] ?? "").toLowerCase() === "delivery-status";
}

/** Takes one raw message from a channel. Throws only on a database failure (the channel then retries later). */
export async function receiveInboundMail(db: Db, raw: Buffer | string, options: InboundOptions): Promise<InboundResult> {
  const bytes = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
  const parsed = await simpleParser(bytes, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
  const messageId = messageIdOf(parsed, bytes);
  const receivedAt = options.receivedAt ?? new Date();
  const report = isDeliveryReport(parsed);
  return db.transaction(async (tx) => {
    const recordId = await insertInboundMessage(tx, {
      messageId,
      channel: options.channel,
      kind: report ? "bounce" : "other",
      outcome: "received",
      fromAddress: addresses(parsed.from)[0]?.toLowerCase() ?? null,
      subject: parsed.subject?.slice(0, 500) ?? null,
      receivedAt,
    });
    if (!recordId) return { kind: "other", outcome: "duplicate", messageId, invitationId: null };
    const result = report
      ? await handleBounce(tx, parsed, bytes, { ...options, receivedAt, messageId })
      : await handleReply(tx, parsed, { ...options, receivedAt, messageId });
    await setInboundOutcome(tx, recordId, { kind: result.kind, outcome: result.outcome, invitationId: result.invitationId });
    return result;
  });
}

type Context = InboundOptions & { receivedAt: Date; messageId: string };

async function handleReply(tx: Db, parsed: ParsedMail, ctx: Context): Promise<InboundResult> {
  const base = { kind: "reply" as const, messageId: ctx.messageId };
  const calendars = calendarTexts(parsed);
  if (calendars.length === 0) return { ...base, kind: "other", outcome: "no_calendar", invitationId: null };
  const token = replyTokenOf(parsed, ctx);
  if (!token) return { ...base, outcome: "no_token", invitationId: null };
  const target = await findInvitationByReplyToken(tx, token);
  if (!target) return { ...base, outcome: "no_invitation", invitationId: null };
  const invitationId = target.invitationId;
  if (target.withdrawnAt) return { ...base, outcome: "withdrawn", invitationId };
  // The same reply often comes twice in one message (the text/calendar part and the .ics attachment): the first
  // that matches is the answer; otherwise the most telling reason why none did.
  let match: ReplyMatch = { ok: false, reason: "not_reply" };
  const rank = { not_reply: 0, uid_mismatch: 1, attendee_mismatch: 2, unknown_partstat: 3 } as const;
  for (const text of calendars) {
    const attempt = matchReply(parseCalendarMessage(text), { uid: target.calendarUid, attendeeEmail: target.email ?? "" });
    if (attempt.ok) {
      match = attempt;
      break;
    }
    if (!match.ok && rank[attempt.reason] >= rank[match.reason]) match = attempt;
  }
  if (!match.ok) return { ...base, outcome: match.reason, invitationId };
  const window = answerWindow({ status: target.eventStatus, startsAt: target.startsAt }, { withdrawnAt: target.withdrawnAt }, ctx.receivedAt);
  if (!window.open) return { ...base, outcome: "closed", invitationId };
  return applyMailReply(tx, target, match.reply, parsed, ctx);
}

async function applyMailReply(tx: Db, target: ReplyTarget, reply: ReplyFacts, parsed: ParsedMail, ctx: Context): Promise<InboundResult> {
  const answeredAt = mailAnsweredAt(reply.dtstamp, ctx.receivedAt, parsed.date ?? null);
  const ledger = await listReplyLedger(tx, target.invitationId);
  const outcome = decideMailReply({
    currentSequence: target.calendarSequence,
    ledger,
    reply: { partstat: reply.partstat, sequence: reply.sequence, answeredAt },
  });
  const comment = reply.comment ? reply.comment.normalize("NFC").slice(0, COMMENT_MAX) : null;
  await insertLedgerRow(tx, {
    invitationId: target.invitationId,
    source: "email",
    channel: ctx.channel,
    partstat: reply.partstat,
    sequence: reply.sequence,
    answeredAt,
    receivedAt: ctx.receivedAt,
    comment,
    guests: reply.guests,
    delegatedTo: reply.delegatedTo,
    client: reply.client,
    messageId: ctx.messageId,
    outcome,
    applied: outcome === "applied",
  });
  const status = statusOfPartstat(reply.partstat);
  if (outcome === "applied" && status) {
    await setInvitationAnswer(tx, target.invitationId, { status, respondedAt: answeredAt, comment });
    await recordInviteeAudit(tx, {
      actorName: inviteeName(target),
      action: "rsvp.respond",
      invitationId: target.invitationId,
      eventId: target.eventId,
      details: { status, previous: target.status, via: "email", client: reply.client, ...(comment ? { comment } : {}) },
    });
    await emitWebhook(tx, {
      type: "invitation.answered",
      eventId: target.eventId,
      data: { invitationId: target.invitationId, status, previousStatus: target.status, respondedAt: answeredAt.toISOString() },
      personalData: { guest: { name: target.fullName, email: target.email }, comment },
      occurredAt: ctx.receivedAt,
    });
  }
  let deputyProposal: InboundResult["deputyProposal"];
  if (outcome === "delegated" && reply.delegatedTo) deputyProposal = await proposeMailedDeputy(tx, target.invitationId, reply, ctx.receivedAt);
  return {
    kind: "reply",
    outcome,
    messageId: ctx.messageId,
    invitationId: target.invitationId,
    ...(outcome === "delegated" ? { delegatedTo: reply.delegatedTo, deputyProposal } : {}),
  };
}

async function handleBounce(tx: Db, parsed: ParsedMail, raw: Buffer, ctx: Context): Promise<InboundResult> {
  const base = { kind: "bounce" as const, messageId: ctx.messageId };
  const source = raw.toString("utf8");
  const statusText = rawMimePart(source, "message/delivery-status") ?? parsed.text ?? "";
  const failed = failedRecipients(parseDeliveryStatus(statusText));
  if (failed.length === 0) return { ...base, outcome: "bounce_not_failed", invitationId: null };
  const token = replyTokenOf(parsed, ctx);
  let target = token ? await findInvitationByReplyToken(tx, token) : null;
  if (!target) {
    const headers = rawMimePart(source, "text/rfc822-headers") ?? rawMimePart(source, "message/rfc822") ?? "";
    const original = originalMessageId(headers);
    if (original) target = await findInvitationBySentMessageId(tx, original);
  }
  if (!target) return { ...base, outcome: "bounce_unmatched", invitationId: null };
  const email = target.email?.trim().toLowerCase() ?? "";
  const recipient = failed.find((r) => r.recipient === email) ?? (failed.length === 1 && failed[0]!.recipient === null ? failed[0]! : null);
  // The address was edited since that message went out: the bounce is about an address no longer used.
  if (!recipient || !email) return { ...base, outcome: "bounce_address_changed", invitationId: target.invitationId };
  const reason = bounceReason(recipient);
  await markInvitationBounced(tx, target.invitationId, { at: ctx.receivedAt, reason, email });
  await recordAudit(tx, {
    actor: null,
    action: "invitation.bounce",
    entityType: "invitation",
    entityId: target.invitationId,
    eventId: target.eventId,
    details: { fullName: target.fullName, reason },
  });
  return { ...base, outcome: "bounced", invitationId: target.invitationId };
}
