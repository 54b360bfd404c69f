/**
 * Queries for the mail outbox (mail_messages), scheduled reminders and the invitees mail goes to.
 * No business rules here: app/services/invitation-mail.server.ts decides who gets what, the outbox worker
 * (app/services/outbox-worker.server.ts) decides when.
 */
import { and, asc, count, desc, eq, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { events, invitations, mailMessages, people, scheduledReminders } from "#db/schema/index";
import { eventColumns, invitationColumns, mailMessageColumns, personColumns, pickColumns, scheduledReminderColumns } from "./columns";

export type MailStatus = (typeof mailMessages.status.enumValues)[number];
export type MailKind = (typeof mailMessages.kind.enumValues)[number];
export type InvitationStatus = (typeof invitations.status.enumValues)[number];
export const mailStatuses = mailMessages.status.enumValues;

export interface NewMailMessage {
  idempotencyKey: string;
  kind: MailKind;
  eventId: string | null;
  invitationId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  icsMethod: string | null;
  icsContent: string | null;
  meta: { toName: string | null; language: string | null; [key: string]: unknown };
  nextAttemptAt?: Date;
}

/** Queues one message; null when a message with that idempotency key exists already (nothing is changed). */
export async function insertMailMessage(db: Db, message: NewMailMessage): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(mailMessages)
    .values({ ...message, status: "queued" })
    .onConflictDoNothing({ target: mailMessages.idempotencyKey })
    .returning(pickColumns(mailMessageColumns, ["id"]));
  return row ?? null;
}

/** Rows per multi-row INSERT: 13 parameters a row stays far below the 65,535 a statement may carry. */
const INSERT_CHUNK = 500;

/**
 * Queues many messages in a few multi-row statements; answers the idempotency keys that were inserted (a key
 * that exists already is skipped, as insertMailMessage does one at a time).
 */
export async function insertMailMessages(db: Db, messages: NewMailMessage[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < messages.length; i += INSERT_CHUNK) {
    const rows = await db
      .insert(mailMessages)
      .values(messages.slice(i, i + INSERT_CHUNK).map((m) => ({ ...m, status: "queued" as const })))
      .onConflictDoNothing({ target: mailMessages.idempotencyKey })
      .returning({ key: mailMessageColumns.idempotencyKey });
    for (const r of rows) inserted.add(r.key);
  }
  return inserted;
}

/** Which of these idempotency keys are in the outbox already (one query per 1,000 keys). */
export async function existingMailKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db
      .select({ key: mailMessageColumns.idempotencyKey })
      .from(mailMessages)
      .where(inArray(mailMessages.idempotencyKey, keys.slice(i, i + 1000)));
    for (const r of rows) found.add(r.key);
  }
  return found;
}

export async function mailKeyExists(db: Db, idempotencyKey: string): Promise<boolean> {
  const [row] = await db
    .select(pickColumns(mailMessageColumns, ["id"]))
    .from(mailMessages)
    .where(eq(mailMessages.idempotencyKey, idempotencyKey))
    .limit(1);
  return !!row;
}

const listColumns = pickColumns(mailMessageColumns, ["id", "createdAt", "kind", "to", "subject", "status", "attempts", "nextAttemptAt", "lastError", "deliveredVia", "sentAt", "eventId", "invitationId", "icsMethod"]);
export type MailListRow = Awaited<ReturnType<typeof listMailbox>>[number];

/** The Mailbox: newest first, optionally one status. */
export async function listMailbox(db: Db, options: { status?: MailStatus; limit: number; offset: number }) {
  return db
    .select({ ...listColumns, eventTitle: eventColumns.title })
    .from(mailMessages)
    .leftJoin(events, eq(events.id, mailMessages.eventId))
    .where(options.status ? eq(mailMessages.status, options.status) : undefined)
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(options.limit)
    .offset(options.offset);
}

export async function countMailbox(db: Db, status?: MailStatus): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(mailMessages)
    .where(status ? eq(mailMessages.status, status) : undefined);
  return row?.n ?? 0;
}

export async function getMailMessage(db: Db, id: string) {
  const [row] = await db
    .select({
      ...listColumns,
      ...pickColumns(mailMessageColumns, ["idempotencyKey", "text", "html", "icsContent", "lockedUntil", "messageId", "meta"]),
      eventTitle: eventColumns.title,
    })
    .from(mailMessages)
    .leftJoin(events, eq(events.id, mailMessages.eventId))
    .where(eq(mailMessages.id, id))
    .limit(1);
  return row ?? null;
}

/** One event's messages, newest first. */
export async function listEventMail(db: Db, eventId: string, limit: number) {
  return db
    .select(listColumns)
    .from(mailMessages)
    .where(eq(mailMessages.eventId, eventId))
    .orderBy(desc(mailMessages.createdAt), desc(mailMessages.id))
    .limit(limit);
}

export async function countEventMailByStatus(db: Db, eventId: string): Promise<Record<MailStatus, number>> {
  const rows = await db
    .select({ status: mailMessageColumns.status, n: count() })
    .from(mailMessages)
    .where(eq(mailMessages.eventId, eventId))
    .groupBy(mailMessages.status);
  const out: Record<MailStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

// --- The worker's side -----------------------------------------------------------------------------------------

/** What the worker needs to send one claimed message. */
export interface ClaimedMail {
  id: string;
  idempotencyKey: string;
  eventId: string | null;
  invitationId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  icsMethod: string | null;
  icsContent: string | null;
  attempts: number;
  meta: Record<string, unknown> | null;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  if (Array.isArray(result)) return result as Record<string, unknown>[];
  if (result && typeof result === "object" && "rows" in result && Array.isArray(result.rows))
    return result.rows as Record<string, unknown>[];
  return [];
}

/**
 * Claims up to `limit` due messages for one worker in ONE statement: queued ones whose next attempt is due, and
 * 'sending' ones whose lock ran out (a worker that crashed mid-send). `FOR UPDATE SKIP LOCKED` makes a second,
 * simultaneous claim skip the rows this one took, so two workers never hold the same message; the CTE is
 * MATERIALIZED so the LIMIT is evaluated once. Each claim counts as an attempt.
 */
export async function claimDueMail(db: Db, now: Date, options: { limit: number; lockUntil: Date }): Promise<ClaimedMail[]> {
  const result = await db.execute(sql`
    with due as materialized (
      select ${mailMessages.id} as id
      from ${mailMessages}
      where (${mailMessages.status} = 'queued' and ${mailMessages.nextAttemptAt} <= ${now.toISOString()}::timestamptz)
         or (${mailMessages.status} = 'sending' and ${mailMessages.lockedUntil} <= ${now.toISOString()}::timestamptz)
      order by ${mailMessages.nextAttemptAt}, ${mailMessages.id}
      limit ${options.limit}
      for update skip locked
    )
    update ${mailMessages}
    set status = 'sending', locked_until = ${options.lockUntil.toISOString()}::timestamptz, attempts = ${mailMessages.attempts} + 1
    where ${mailMessages.id} in (select id from due)
    returning id`);
  const ids = rowsOf(result).map((r) => String(r.id));
  if (ids.length === 0) return [];
  return db
    .select(pickColumns(mailMessageColumns, ["id", "idempotencyKey", "eventId", "invitationId", "to", "subject", "text", "html", "icsMethod", "icsContent", "attempts", "meta"]))
    .from(mailMessages)
    .where(inArray(mailMessages.id, ids))
    .orderBy(asc(mailMessages.nextAttemptAt), asc(mailMessages.id));
}

/** Only the claim that is still current may finish a message (a re-claim after a lost lock bumps attempts). */
function stillClaimed(id: string, attempts: number): SQL | undefined {
  return and(eq(mailMessages.id, id), eq(mailMessages.status, "sending"), eq(mailMessages.attempts, attempts));
}

export async function markMailSent(
  db: Db,
  claim: { id: string; attempts: number },
  result: {
    deliveredVia: string;
    messageId: string;
    sentAt: Date;
    text?: string;
    html?: string;
    icsContent?: string | null;
    meta?: Record<string, unknown>;
  },
): Promise<boolean> {
  const rows = await db
    .update(mailMessages)
    .set({
      status: "sent",
      sentAt: result.sentAt,
      deliveredVia: result.deliveredVia,
      messageId: result.messageId,
      lockedUntil: null,
      lastError: null,
      ...(result.text !== undefined ? { text: result.text } : {}),
      ...(result.html !== undefined ? { html: result.html } : {}),
      ...(result.icsContent !== undefined ? { icsContent: result.icsContent } : {}),
      ...(result.meta !== undefined ? { meta: result.meta } : {}),
    })
    .where(stillClaimed(claim.id, claim.attempts))
    .returning(pickColumns(mailMessageColumns, ["id"]));
  return rows.length > 0;
}

/** One sent message of a batch, for markMailSentMany; text/html/icsContent/meta replace the stored ones when given. */
export interface SentMail {
  id: string;
  attempts: number;
  deliveredVia: string;
  messageId: string;
  sentAt: Date;
  text?: string;
  html?: string;
  icsContent?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * markMailSent for a batch in ONE statement (UPDATE … FROM (VALUES …)), each row only while its claim is still
 * current; answers the ids that were marked (the others were lost to another worker).
 */
export async function markMailSentMany(db: Db, sent: SentMail[]): Promise<Set<string>> {
  const marked = new Set<string>();
  if (sent.length === 0) return marked;
  const values = sql.join(
    sent.map(
      (m) =>
        sql`(${m.id}::uuid, ${m.attempts}::int, ${m.sentAt.toISOString()}::timestamptz, ${m.deliveredVia}::text, ${m.messageId}::text,
          ${m.text ?? null}::text, ${m.html ?? null}::text, ${m.icsContent !== undefined}::boolean, ${m.icsContent ?? null}::text,
          ${m.meta === undefined ? null : JSON.stringify(m.meta)}::jsonb)`,
    ),
    sql`, `,
  );
  const result = await db.execute(sql`
    update ${mailMessages} as m
    set status = 'sent', sent_at = v.sent_at, delivered_via = v.via, message_id = v.message_id, locked_until = null, last_error = null,
      text = coalesce(v.text, m.text), html = coalesce(v.html, m.html),
      ics_content = case when v.set_ics then v.ics else m.ics_content end, meta = coalesce(v.meta, m.meta)
    from (values ${values}) as v(id, attempts, sent_at, via, message_id, text, html, set_ics, ics, meta)
    where m.id = v.id and m.status = 'sending' and m.attempts = v.attempts
    returning m.id`);
  for (const r of rowsOf(result)) marked.add(String(r.id));
  return marked;
}

/** A failed try: back to 'queued' for `nextAttemptAt`, or 'failed' for good when that is null. */
export async function markMailAttemptFailed(
  db: Db,
  claim: { id: string; attempts: number },
  failure: { error: string; nextAttemptAt: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(mailMessages)
    .set(
      failure.nextAttemptAt
        ? { status: "queued", nextAttemptAt: failure.nextAttemptAt, lockedUntil: null, lastError: failure.error }
        : { status: "failed", lockedUntil: null, lastError: failure.error },
    )
    .where(stillClaimed(claim.id, claim.attempts))
    .returning(pickColumns(mailMessageColumns, ["id"]));
  return rows.length > 0;
}

/**
 * Claimed messages a drain did not get to (it stopped at a connection failure): back to 'queued' as they were,
 * the claim's attempt not counted, their next attempt unchanged.
 */
export async function releaseMailClaims(db: Db, claims: { id: string; attempts: number }[]): Promise<void> {
  for (const claim of claims) {
    await db
      .update(mailMessages)
      .set({ status: "queued", lockedUntil: null, attempts: sql`${mailMessages.attempts} - 1` })
      .where(stillClaimed(claim.id, claim.attempts));
  }
}

/** A failed message back into the queue, due now, with its attempts counted afresh. */
export async function requeueFailedMail(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(mailMessages)
    .set({ status: "queued", attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(mailMessages.id, id), eq(mailMessages.status, "failed")))
    .returning(pickColumns(mailMessageColumns, ["id"]));
  return rows.length > 0;
}

/** The earliest moment something in the outbox is due (for tests and the worker's logs). */
export async function nextMailDueAt(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(case when ${mailMessages.status} = 'queued' then ${mailMessages.nextAttemptAt} else ${mailMessages.lockedUntil} end)` })
    .from(mailMessages)
    .where(or(eq(mailMessages.status, "queued"), eq(mailMessages.status, "sending")));
  return row?.at ? new Date(row.at) : null;
}

// --- Invitees --------------------------------------------------------------------------------------------------

export interface MailRecipient {
  invitationId: string;
  status: InvitationStatus;
  withdrawnAt: Date | null;
  personId: string;
  fullName: string;
  honorific: string | null;
  email: string | null;
  language: "vi" | "en";
  /** The invitation's calendar-reply token (rsvp+<token>@INBOUND_DOMAIN). */
  replyToken: string;
}

const recipientColumns = {
  invitationId: invitationColumns.id,
  ...pickColumns(invitationColumns, ["status", "withdrawnAt"]),
  personId: personColumns.id,
  ...pickColumns(personColumns, ["fullName", "honorific", "email", "language"]),
  replyToken: invitations.replyToken,
};

/** The event's invitations with the person behind each; withdrawn ones only when asked for. */
export async function listMailRecipients(
  db: Db,
  eventId: string,
  filter: { statuses?: InvitationStatus[]; invitationIds?: string[]; includeWithdrawn?: boolean } = {},
): Promise<MailRecipient[]> {
  if (filter.invitationIds && filter.invitationIds.length === 0) return [];
  if (filter.statuses && filter.statuses.length === 0) return [];
  return db
    .select(recipientColumns)
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(
      and(
        eq(invitations.eventId, eventId),
        filter.includeWithdrawn ? undefined : isNull(invitations.withdrawnAt),
        filter.statuses ? inArray(invitations.status, filter.statuses) : undefined,
        filter.invitationIds ? inArray(invitations.id, filter.invitationIds) : undefined,
      ),
    )
    .orderBy(asc(invitations.createdAt), asc(invitations.id));
}

export async function getMailRecipient(db: Db, invitationId: string): Promise<(MailRecipient & { eventId: string }) | null> {
  const [row] = await db
    .select({ ...recipientColumns, eventId: invitationColumns.eventId })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

/** Which invitations a set-based send reaches: the event's, not withdrawn, optionally some statuses or ids. */
export interface RecipientFilter {
  statuses?: InvitationStatus[];
  invitationIds?: string[];
}

function recipientWhere(eventId: string, filter: RecipientFilter): SQL | undefined {
  return and(
    eq(invitations.eventId, eventId),
    isNull(invitations.withdrawnAt),
    filter.statuses ? inArray(invitations.status, filter.statuses) : undefined,
    filter.invitationIds ? inArray(invitations.id, filter.invitationIds) : undefined,
  );
}

const withEmail = sql`coalesce(trim(${people.email}), '') <> ''`;

/** How many invitations a send to this filter reaches, and how many of them have no email address. */
export async function countMailRecipients(db: Db, eventId: string, filter: RecipientFilter): Promise<{ total: number; noEmail: number }> {
  if (filter.invitationIds?.length === 0 || filter.statuses?.length === 0) return { total: 0, noEmail: 0 };
  const [row] = await db
    .select({
      total: sql<number>`count(*)`.mapWith(Number),
      noEmail: sql<number>`count(*) filter (where not ${withEmail})`.mapWith(Number),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(recipientWhere(eventId, filter));
  return row ?? { total: 0, noEmail: 0 };
}

/** The meta of a message queued set-based: rendered by the outbox worker just before it is sent. */
export const PENDING_RENDER = "pending";

/**
 * Queues one invitation per recipient with an email in ONE statement (INSERT … SELECT … ON CONFLICT DO NOTHING),
 * without rendering them: subject, recipient and idempotency key are set, the body and calendar file are left
 * for the outbox worker (`meta.render = "pending"`). Each key is `keyBefore || invitation id || keyAfter`.
 * Answers how many were considered (with an email) and how many went in (the rest were queued already).
 */
export async function insertPendingInvitations(
  db: Db,
  input: {
    eventId: string;
    filter: RecipientFilter;
    keyBefore: string;
    keyAfter: string;
    subjects: { vi: string; en: string };
    sequence: number;
    now: Date;
  },
): Promise<{ candidates: number; inserted: number }> {
  const { eventId, filter, now } = input;
  if (filter.invitationIds?.length === 0 || filter.statuses?.length === 0) return { candidates: 0, inserted: 0 };
  const result = await db.execute(sql`
    with candidates as (
      select ${invitations.id} as invitation_id, ${people.id} as person_id, trim(${people.email}) as email, ${people.language} as language
      from ${invitations} inner join ${people} on ${people.id} = ${invitations.personId}
      where ${recipientWhere(eventId, filter)} and ${withEmail}
    ), queued as (
      insert into ${mailMessages} (idempotency_key, kind, event_id, invitation_id, "to", subject, text, html, ics_method, status, next_attempt_at, meta)
      select ${input.keyBefore} || c.invitation_id::text || ${input.keyAfter}, 'invitation', ${eventId}::uuid, c.invitation_id, c.email,
        case when c.language = 'en' then ${input.subjects.en} else ${input.subjects.vi} end, '', '', 'REQUEST', 'queued',
        ${now.toISOString()}::timestamptz,
        jsonb_build_object('render', ${PENDING_RENDER}::text, 'language', c.language::text, 'personId', c.person_id, 'template', 'invitation',
          'sequence', ${input.sequence}::int, 'toName', null)
      from candidates c
      order by c.invitation_id
      on conflict (idempotency_key) do nothing
      returning 1
    )
    select (select count(*) from candidates) as candidates, (select count(*) from queued) as inserted`);
  const [row] = rowsOf(result);
  return { candidates: Number(row?.candidates ?? 0), inserted: Number(row?.inserted ?? 0) };
}

/** not_sent → sent for every invitation of this filter that has an email address, in one statement. */
export async function markRecipientsSent(db: Db, eventId: string, filter: RecipientFilter, now: Date): Promise<void> {
  if (filter.invitationIds?.length === 0 || filter.statuses?.length === 0) return;
  await db
    .update(invitations)
    .set({ status: "sent", updatedAt: now })
    .where(
      and(
        recipientWhere(eventId, filter),
        eq(invitations.status, "not_sent"),
        sql`exists (select 1 from ${people} where ${people.id} = ${invitations.personId} and ${withEmail})`,
      ),
    );
}

/** not_sent → sent for these invitations (others are left as they are). */
export async function markInvitationsSent(db: Db, invitationIds: string[], now: Date): Promise<void> {
  if (invitationIds.length === 0) return;
  await db
    .update(invitations)
    .set({ status: "sent", updatedAt: now })
    .where(and(inArray(invitations.id, invitationIds), eq(invitations.status, "not_sent")));
}

export interface InvitationMailCounts {
  total: number;
  notSent: number;
  /** Of those, the ones with an email address: who "send to those not yet invited" reaches. */
  notSentWithEmail: number;
  awaiting: number;
  awaitingWithEmail: number;
  answered: number;
  withdrawn: number;
  noEmail: number;
}

export async function countInvitationsForMail(db: Db, eventId: string): Promise<InvitationMailCounts> {
  const active = sql`${invitations.withdrawnAt} is null`;
  const hasEmail = sql`coalesce(trim(${people.email}), '') <> ''`;
  const [row] = await db
    .select({
      total: sql<number>`count(*) filter (where ${active})`.mapWith(Number),
      notSent: sql<number>`count(*) filter (where ${active} and ${invitations.status} = 'not_sent')`.mapWith(Number),
      notSentWithEmail: sql<number>`count(*) filter (where ${active} and ${invitations.status} = 'not_sent' and ${hasEmail})`.mapWith(
        Number,
      ),
      awaiting: sql<number>`count(*) filter (where ${active} and ${invitations.status} = 'sent')`.mapWith(Number),
      awaitingWithEmail: sql<number>`count(*) filter (where ${active} and ${invitations.status} = 'sent' and ${hasEmail})`.mapWith(Number),
      answered: sql<number>`count(*) filter (where ${active} and ${invitations.status} in ('accepted', 'declined', 'tentative'))`.mapWith(
        Number,
      ),
      withdrawn: sql<number>`count(*) filter (where ${invitations.withdrawnAt} is not null)`.mapWith(Number),
      noEmail: sql<number>`count(*) filter (where ${active} and not ${hasEmail})`.mapWith(Number),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(eq(invitations.eventId, eventId));
  return row ?? { total: 0, notSent: 0, notSentWithEmail: 0, awaiting: 0, awaitingWithEmail: 0, answered: 0, withdrawn: 0, noEmail: 0 };
}

// --- Scheduled reminders ---------------------------------------------------------------------------------------

export type ReminderStatus = (typeof scheduledReminders.status.enumValues)[number];

export async function insertScheduledReminder(
  db: Db,
  values: { eventId: string; sendAt: Date; createdBy: string | null },
): Promise<{ id: string }> {
  const [row] = await db.insert(scheduledReminders).values(values).returning(pickColumns(scheduledReminderColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function scheduledReminderExists(db: Db, eventId: string, sendAt: Date): Promise<boolean> {
  const [row] = await db
    .select(pickColumns(scheduledReminderColumns, ["id"]))
    .from(scheduledReminders)
    .where(
      and(
        eq(scheduledReminders.eventId, eventId),
        eq(scheduledReminders.sendAt, sendAt),
        eq(scheduledReminders.status, "scheduled"),
      ),
    )
    .limit(1);
  return !!row;
}

export async function listScheduledReminders(db: Db, eventId: string) {
  return db
    .select(pickColumns(scheduledReminderColumns, ["id", "sendAt", "status", "doneAt", "createdAt"]))
    .from(scheduledReminders)
    .where(eq(scheduledReminders.eventId, eventId))
    .orderBy(asc(scheduledReminders.sendAt), asc(scheduledReminders.createdAt));
}

/** scheduled → cancelled; false when it is not (or no longer) scheduled. */
export async function cancelScheduledReminderRow(db: Db, eventId: string, reminderId: string): Promise<boolean> {
  const rows = await db
    .update(scheduledReminders)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(scheduledReminders.id, reminderId),
        eq(scheduledReminders.eventId, eventId),
        eq(scheduledReminders.status, "scheduled"),
      ),
    )
    .returning(pickColumns(scheduledReminderColumns, ["id"]));
  return rows.length > 0;
}

/**
 * Locks due reminders for the caller's transaction (`SKIP LOCKED`: another worker takes the others). The caller
 * queues the emails and marks each one done in the same transaction, so a reminder is processed exactly once.
 */
export async function lockDueReminders(tx: Db, now: Date, limit: number) {
  return tx
    .select(pickColumns(scheduledReminderColumns, ["id", "eventId", "sendAt"]))
    .from(scheduledReminders)
    .where(and(eq(scheduledReminders.status, "scheduled"), lte(scheduledReminders.sendAt, now)))
    .orderBy(asc(scheduledReminders.sendAt), asc(scheduledReminders.id))
    .limit(limit)
    .for("update", { skipLocked: true });
}

export async function finishReminder(tx: Db, reminderId: string, status: "done" | "cancelled", now: Date): Promise<void> {
  await tx.update(scheduledReminders).set({ status, doneAt: now }).where(eq(scheduledReminders.id, reminderId));
}

/** Scheduled reminders of an event that will not run any more (it was cancelled). */
export async function cancelEventReminders(db: Db, eventId: string): Promise<void> {
  await db
    .update(scheduledReminders)
    .set({ status: "cancelled" })
    .where(and(eq(scheduledReminders.eventId, eventId), eq(scheduledReminders.status, "scheduled")));
}

/** The outbox as the metrics show it (all instances): counts by open status and the age of the oldest due message. */
export async function outboxStats(db: Db, now: Date = new Date()) {
  const rows = rowsOf(
    await db.execute(sql`
      select ${mailMessages.status} as status, count(*)::int as n,
             min(${mailMessages.nextAttemptAt}) filter (where ${mailMessages.nextAttemptAt} <= ${now.toISOString()}::timestamptz) as oldest
      from ${mailMessages}
      where ${mailMessages.status} in ('queued', 'sending', 'failed')
      group by ${mailMessages.status}`),
  );
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const oldest = rows.find((r) => r.status === "queued")?.oldest;
  const oldestAt = oldest ? new Date(oldest as string | Date).getTime() : null;
  return {
    queued: count("queued"),
    sending: count("sending"),
    failed: count("failed"),
    oldestQueuedSeconds: oldestAt === null ? 0 : Math.max(0, (now.getTime() - oldestAt) / 1000),
  };
}
