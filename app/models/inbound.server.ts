/**
 * Queries for calendar replies and bounces: the inbound messages taken once (by Message-ID), the reply ledger,
 * the invitation a reply token names, and bounced addresses. No rules here: app/domain/inbound/ and
 * app/services/inbound-mail.server.ts decide.
 */
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, inboundMessages, invitationReplies, invitations, mailMessages, people } from "#db/schema/index";
import { eventColumns, inboundMessageColumns, invitationColumns, invitationReplyColumns, personColumns, pickColumns } from "./columns";

export interface NewInboundMessage {
  messageId: string;
  channel: "smtp" | "imap";
  kind: "reply" | "bounce" | "other";
  outcome: string;
  fromAddress: string | null;
  subject: string | null;
  receivedAt: Date;
}

/** Records the message; null when one with that Message-ID was taken already (nothing is changed). */
export async function insertInboundMessage(db: Db, row: NewInboundMessage): Promise<string | null> {
  const [inserted] = await db
    .insert(inboundMessages)
    .values(row)
    .onConflictDoNothing({ target: inboundMessages.messageId })
    .returning(pickColumns(inboundMessageColumns, ["id"]));
  return inserted?.id ?? null;
}

export async function setInboundOutcome(
  db: Db,
  id: string,
  values: { kind: "reply" | "bounce" | "other"; outcome: string; invitationId: string | null },
): Promise<void> {
  await db.update(inboundMessages).set(values).where(eq(inboundMessages.id, id));
}

export async function getInboundMessage(db: Db, messageId: string) {
  const [row] = await db.select().from(inboundMessages).where(eq(inboundMessages.messageId, messageId)).limit(1);
  return row ?? null;
}

/** What a reply or a bounce needs to know about the invitation behind a token or a sent message. */
const targetColumns = {
  invitationId: invitationColumns.id,
  ...pickColumns(invitationColumns, ["eventId", "status", "withdrawnAt", "bouncedAt"]),
  personId: personColumns.id,
  ...pickColumns(personColumns, ["fullName", "honorific", "email"]),
  ...pickColumns(eventColumns, ["calendarUid", "calendarSequence"]),
  eventStatus: eventColumns.status,
  startsAt: eventColumns.startsAt,
};

export type ReplyTarget = NonNullable<Awaited<ReturnType<typeof findInvitationByReplyToken>>>;

export async function findInvitationByReplyToken(db: Db, token: string) {
  const [row] = await db
    .select(targetColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(invitations.replyToken, token))
    .limit(1);
  return row ?? null;
}

/** The invitation an outbox message with this Message-ID was sent for (a bounce quoting its headers). */
export async function findInvitationBySentMessageId(db: Db, messageId: string): Promise<ReplyTarget | null> {
  const [row] = await db
    .select(targetColumns)
    .from(mailMessages)
    .innerJoin(invitations, eq(invitations.id, mailMessages.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .where(eq(mailMessages.messageId, messageId))
    .limit(1);
  return row ?? null;
}

export async function getReplyToken(db: Db, invitationId: string): Promise<string | null> {
  const [row] = await db.select({ token: invitations.replyToken }).from(invitations).where(eq(invitations.id, invitationId)).limit(1);
  return row?.token ?? null;
}

export type LedgerRow = Awaited<ReturnType<typeof listReplyLedger>>[number];

/** One invitation's answers, oldest first. */
export async function listReplyLedger(db: Db, invitationId: string) {
  return db
    .select(invitationReplyColumns)
    .from(invitationReplies)
    .where(eq(invitationReplies.invitationId, invitationId))
    .orderBy(asc(invitationReplies.answeredAt), asc(invitationReplies.receivedAt));
}

/** The answers of several invitations (a page of the attendee list), oldest first. */
export async function listReplyLedgers(db: Db, invitationIds: readonly string[]) {
  if (invitationIds.length === 0) return [];
  return db
    .select(invitationReplyColumns)
    .from(invitationReplies)
    .where(inArray(invitationReplies.invitationId, [...invitationIds]))
    .orderBy(asc(invitationReplies.answeredAt), asc(invitationReplies.receivedAt));
}

export interface NewLedgerRow {
  invitationId: string;
  source: "web" | "email";
  channel: "smtp" | "imap" | null;
  partstat: string;
  sequence: number;
  answeredAt: Date;
  receivedAt: Date;
  comment: string | null;
  guests: number | null;
  delegatedTo: string | null;
  client: string | null;
  messageId: string | null;
  outcome: string;
  applied: boolean;
}

export async function insertLedgerRow(db: Db, row: NewLedgerRow): Promise<void> {
  await db.insert(invitationReplies).values(row);
}

export async function markInvitationBounced(db: Db, invitationId: string, bounce: { at: Date; reason: string; email: string }): Promise<void> {
  await db
    .update(invitations)
    .set({ bouncedAt: bounce.at, bounceReason: bounce.reason, bouncedEmail: bounce.email.toLowerCase(), updatedAt: bounce.at })
    .where(eq(invitations.id, invitationId));
}

/**
 * A bounce stands while the person's address is still the one that bounced: editing the address lifts it, without
 * anyone having to remember to.
 */
export const bounceStands = sql`(${invitations.bouncedAt} is not null and lower(${invitations.bouncedEmail}) = lower(${people.email}))`;

/** Which of these addresses bounced and have not been corrected since (lower-case). */
export async function bouncedAddresses(db: Db, addresses: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ email: sql<string>`lower(${invitations.bouncedEmail})` })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(isNotNull(invitations.bouncedAt), bounceStands, inArray(sql`lower(${invitations.bouncedEmail})`, wanted)));
  return new Set(rows.map((r) => r.email));
}

/** The bounces that stand, for a page of invitations. */
export async function listStandingBounces(db: Db, invitationIds: readonly string[]) {
  if (invitationIds.length === 0) return [];
  return db
    .select({ invitationId: invitationColumns.id, bouncedAt: invitationColumns.bouncedAt, reason: invitationColumns.bounceReason, email: invitationColumns.bouncedEmail })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(inArray(invitations.id, [...invitationIds]), bounceStands));
}
