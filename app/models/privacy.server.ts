/**
 * Personal data: who may see it in the people directory, what retention would erase, and the erasing
 * statements themselves. Queries only; the rules are in app/services/privacy.server.ts and
 * docs/decisions/017-personal-data.md.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { SEED_EVENT_UIDS } from "#db/seed-ids";
import type { Invitation } from "./invitations.server";
import { rowsOf, uuidArray } from "./people.server";

const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/**
 * Of these people, those the user may see the personal data of: invited to at least one event the user
 * created or is an organizer or communications member of. (Admins see everyone: the caller checks that.)
 */
export async function peopleWithPersonalDataVisibleTo(db: Db, userId: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const result = await db.execute<{ person_id: string }>(sql`
    select distinct i.person_id
    from invitations i
    join events e on e.id = i.event_id
    left join event_members m on m.event_id = e.id and m.user_id = ${userId}
    where i.person_id = any(${uuidArray(personIds)})
      and (e.created_by = ${userId} or m.role in ('organizer', 'communications'))
  `);
  return new Set(rowsOf<{ person_id: string }>(result).map((r) => r.person_id));
}

export interface RetentionEventRow {
  eventId: string;
  title: string;
  endsAt: Date;
  /** Invitations whose needs or comment would be erased. */
  invitations: number;
  /** Invitees whose contact details would be erased (no later event keeps them). */
  people: number;
  emails: number;
  phones: number;
  notes: number;
  /** Sent or failed emails whose address and body would be blanked. */
  mail: number;
  /** Audit entries that still name an invitee's email address. */
  auditEntries: number;
}

type RetentionSqlRow = {
  event_id: string;
  title: string;
  ends_at: Date | string;
  invitations: number | string;
  people: number | string;
  emails: number | string;
  phones: number | string;
  notes: number | string;
  mail: number | string;
  audit_entries: number | string;
};

/** SQL: a person none of whose invitations is to an event that ended at or after the cutoff. */
const noKeptEvent = (cutoff: Date) => sql`not exists (
  select 1 from invitations ik join events ek on ek.id = ik.event_id
  where ik.person_id = p.id and ek.ends_at >= ${at(cutoff)}
)`;

const hasContact = sql`(p.email is not null or p.phone is not null or p.notes is not null)`;
const hasNeeds = sql`(i.dietary_needs is not null or i.access_needs is not null or i.comment is not null)`;
/** Mail kept in plain view: not blanked yet, not being handed to the server this very moment. */
const mailToBlank = sql`m."to" <> '' and m.status <> 'sending'`;

/**
 * Events that ended before the cutoff and still hold something retention erases, oldest first. The demo events
 * (db/seed-ids.ts) are examples with invented people, not personal data: retention leaves them alone, so a new
 * install's demo keeps its invitees' addresses (the 2017 ceremony would otherwise be erased a minute after start). Each count
 * is that event's; a person invited to two such events is counted in both (the totals count them once).
 */
export async function listRetentionEvents(db: Db, cutoff: Date, limit: number): Promise<RetentionEventRow[]> {
  const result = await db.execute<RetentionSqlRow>(sql`
    select * from (
      select e.id as event_id, e.title, e.ends_at,
        (select count(*)::int from invitations i where i.event_id = e.id and ${hasNeeds}) as invitations,
        (select count(*)::int from invitations i join people p on p.id = i.person_id
          where i.event_id = e.id and ${hasContact} and ${noKeptEvent(cutoff)}) as people,
        (select count(*)::int from invitations i join people p on p.id = i.person_id
          where i.event_id = e.id and p.email is not null and ${noKeptEvent(cutoff)}) as emails,
        (select count(*)::int from invitations i join people p on p.id = i.person_id
          where i.event_id = e.id and p.phone is not null and ${noKeptEvent(cutoff)}) as phones,
        (select count(*)::int from invitations i join people p on p.id = i.person_id
          where i.event_id = e.id and p.notes is not null and ${noKeptEvent(cutoff)}) as notes,
        (select count(*)::int from mail_messages m where m.event_id = e.id and ${mailToBlank}) as mail,
        (select count(*)::int from audit_log a where a.event_id = e.id and a.details ->> 'email' is not null) as audit_entries
      from events e
      where e.ends_at < ${at(cutoff)} and e.calendar_uid not in (${sql.join(SEED_EVENT_UIDS.map((uid) => sql`${uid}`), sql`, `)})
    ) r
    where r.invitations + r.people + r.mail + r.audit_entries > 0
    order by r.ends_at, r.event_id
    limit ${limit}
  `);
  return rowsOf<RetentionSqlRow>(result).map((r) => ({
    eventId: r.event_id,
    title: r.title,
    endsAt: new Date(r.ends_at),
    invitations: Number(r.invitations),
    people: Number(r.people),
    emails: Number(r.emails),
    phones: Number(r.phones),
    notes: Number(r.notes),
    mail: Number(r.mail),
    auditEntries: Number(r.audit_entries),
  }));
}

/** How many distinct invitees of these events would lose their contact details. */
export async function countRetentionPeople(db: Db, cutoff: Date, eventIds: readonly string[]): Promise<number> {
  if (eventIds.length === 0) return 0;
  const result = await db.execute<{ n: number | string }>(sql`
    select count(distinct p.id)::int as n from invitations i join people p on p.id = i.person_id
    where i.event_id = any(${uuidArray(eventIds)}) and ${hasContact} and ${noKeptEvent(cutoff)}
  `);
  return Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
}

/** Blanks the needs and comments of these events' invitations (and the deputies' emails and notes of their proposals); returns how many invitations changed. */
export async function eraseEventInvitationNeeds(db: Db, eventIds: readonly string[]): Promise<number> {
  await db.execute(sql`
    update deputy_proposals d set email = null, note = null
    where d.event_id = any(${uuidArray(eventIds)}) and (d.email is not null or d.note is not null)
  `);
  const result = await db.execute<{ id: string }>(sql`
    update invitations i set dietary_needs = null, access_needs = null, comment = null, updated_at = now()
    where i.event_id = any(${uuidArray(eventIds)}) and ${hasNeeds}
    returning i.id
  `);
  await eraseReplyTraces(db, sql`i.event_id = any(${uuidArray(eventIds)})`);
  return rowsOf(result).length;
}

/**
 * The calendar replies' personal data of the matching invitations (alias i): the notes and delegates' addresses in
 * the reply ledger, the bounced address and its reason, the sender and subject of the inbound messages.
 */
async function eraseReplyTraces(db: Db, invitationsWhere: SQL): Promise<void> {
  await db.execute(sql`
    update invitation_replies r set comment = null, delegated_to = null
    from invitations i where i.id = r.invitation_id and ${invitationsWhere} and (r.comment is not null or r.delegated_to is not null)
  `);
  await db.execute(sql`
    update invitations i set bounced_email = null, bounce_reason = null
    where ${invitationsWhere} and (i.bounced_email is not null or i.bounce_reason is not null)
  `);
  await db.execute(sql`
    update inbound_messages m set from_address = null, subject = null
    from invitations i where i.id = m.invitation_id and ${invitationsWhere} and (m.from_address is not null or m.subject is not null)
  `);
}

/** Blanks the contact details of these events' invitees whom no event at or after the cutoff keeps. */
export async function eraseEventPeopleContacts(db: Db, cutoff: Date, eventIds: readonly string[]): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update people p set email = null, phone = null, notes = null, updated_at = now()
    where p.id in (select i.person_id from invitations i where i.event_id = any(${uuidArray(eventIds)}))
      and ${hasContact} and ${noKeptEvent(cutoff)}
    returning p.id
  `);
  return rowsOf(result).length;
}

/**
 * Blanks the address and the bodies (which carry the name and the personal link) of messages; a message
 * still queued is marked failed, so it never leaves. Subject, kind, dates and status stay for the record.
 */
async function blankMail(db: Db, where: ReturnType<typeof sql>): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update mail_messages m set "to" = '', text = '', html = '', ics_content = null,
      status = case when m.status = 'queued' then 'failed'::mail_status else m.status end,
      last_error = case when m.status = 'queued' then 'Personal data erased before sending.' else m.last_error end,
      meta = coalesce(m.meta, '{}'::jsonb) || '{"erased": true}'::jsonb
    where ${mailToBlank} and (${where})
    returning m.id
  `);
  return rowsOf(result).length;
}

export function blankEventMail(db: Db, eventIds: readonly string[]): Promise<number> {
  return blankMail(db, sql`m.event_id = any(${uuidArray(eventIds)})`);
}

export function blankPersonMail(db: Db, invitationIds: readonly string[], email: string | null): Promise<number> {
  const byInvitation = invitationIds.length ? sql`m.invitation_id = any(${uuidArray(invitationIds)})` : sql`false`;
  const byAddress = email ? sql`lower(m."to") = ${email.toLowerCase()}` : sql`false`;
  return blankMail(db, sql`${byInvitation} or ${byAddress}`);
}

/** Removes the `email` an audit entry kept (older entries of invitation.add / invitation.withdraw). */
export async function scrubEventAuditEmails(db: Db, eventIds: readonly string[]): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update audit_log a set details = a.details - 'email'
    where a.event_id = any(${uuidArray(eventIds)}) and a.details ->> 'email' is not null
    returning a.id
  `);
  return rowsOf(result).length;
}

export async function scrubAuditEmail(db: Db, email: string): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update audit_log a set details = a.details - 'email'
    where lower(a.details ->> 'email') = ${email.toLowerCase()}
    returning a.id
  `);
  return rowsOf(result).length;
}

/** One person's erasure: contact details and notes, and their invitations' needs and comments. */
export async function erasePersonRows(db: Db, personId: string): Promise<{ invitations: number }> {
  await db.execute(sql`update people set email = null, phone = null, notes = null, updated_at = now() where id = ${personId}`);
  const result = await db.execute<{ id: string }>(sql`
    update invitations i set dietary_needs = null, access_needs = null, comment = null, updated_at = now()
    where i.person_id = ${personId} and ${hasNeeds}
    returning i.id
  `);
  await eraseReplyTraces(db, sql`i.person_id = ${personId}`);
  return { invitations: rowsOf(result).length };
}

/** The personal links of these invitations stop working. */
export async function deleteInvitationTokens(db: Db, invitationIds: readonly string[]): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const result = await db.execute<{ token_hash: string }>(sql`
    delete from invitation_tokens where invitation_id = any(${uuidArray(invitationIds)}) returning token_hash
  `);
  return rowsOf(result).length;
}

/** Serialises retention runs and erasures (both drivers): the second waits, then finds nothing left. */
export async function lockPersonalDataWork(db: Db): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('signet.personal-data'))`);
}

// ---------------------------------------------------------------------------------------------------
// A person's data, for the right of access

export interface PersonInvitationRecord {
  invitationId: string;
  eventId: string;
  eventTitle: string;
  eventStartsAt: Date;
  eventEndsAt: Date;
  role: Invitation["role"];
  groupLabel: string | null;
  plusOnes: number;
  status: Invitation["status"];
  respondedAt: Date | null;
  comment: string | null;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  withdrawnAt: Date | null;
  checkedInAt: Date | null;
  createdAt: Date;
}

type InvitationSqlRow = {
  invitation_id: string;
  event_id: string;
  event_title: string;
  event_starts_at: Date | string;
  event_ends_at: Date | string;
  role: Invitation["role"];
  group_label: string | null;
  plus_ones: number;
  status: Invitation["status"];
  responded_at: Date | string | null;
  comment: string | null;
  dietary_needs: string | null;
  access_needs: string | null;
  withdrawn_at: Date | string | null;
  checked_in_at: Date | string | null;
  created_at: Date | string;
};

const dateOrNull = (v: Date | string | null) => (v === null ? null : new Date(v));

export async function listPersonInvitationRecords(db: Db, personId: string): Promise<PersonInvitationRecord[]> {
  const result = await db.execute<InvitationSqlRow>(sql`
    select i.id as invitation_id, e.id as event_id, e.title as event_title, e.starts_at as event_starts_at,
      e.ends_at as event_ends_at, i.role, i.group_label, i.plus_ones, i.status, i.responded_at, i.comment,
      i.dietary_needs, i.access_needs, i.withdrawn_at, c.at as checked_in_at, i.created_at
    from invitations i join events e on e.id = i.event_id left join check_ins c on c.invitation_id = i.id
    where i.person_id = ${personId}
    order by e.starts_at desc, e.id
  `);
  return rowsOf<InvitationSqlRow>(result).map((r) => ({
    invitationId: r.invitation_id,
    eventId: r.event_id,
    eventTitle: r.event_title,
    eventStartsAt: new Date(r.event_starts_at),
    eventEndsAt: new Date(r.event_ends_at),
    role: r.role,
    groupLabel: r.group_label,
    plusOnes: Number(r.plus_ones),
    status: r.status,
    respondedAt: dateOrNull(r.responded_at),
    comment: r.comment,
    dietaryNeeds: r.dietary_needs,
    accessNeeds: r.access_needs,
    withdrawnAt: dateOrNull(r.withdrawn_at),
    checkedInAt: dateOrNull(r.checked_in_at),
    createdAt: new Date(r.created_at),
  }));
}

export interface PersonMailRecord {
  id: string;
  kind: string;
  to: string;
  subject: string;
  status: string;
  createdAt: Date;
  sentAt: Date | null;
}

export async function listPersonMail(db: Db, invitationIds: readonly string[], email: string | null): Promise<PersonMailRecord[]> {
  const byInvitation = invitationIds.length ? sql`m.invitation_id = any(${uuidArray(invitationIds)})` : sql`false`;
  const byAddress = email ? sql`lower(m."to") = ${email.toLowerCase()}` : sql`false`;
  const result = await db.execute<{ id: string; kind: string; to: string; subject: string; status: string; created_at: Date | string; sent_at: Date | string | null }>(sql`
    select m.id, m.kind, m."to", m.subject, m.status, m.created_at, m.sent_at from mail_messages m
    where ${byInvitation} or ${byAddress}
    order by m.created_at, m.id
  `);
  return rowsOf<{ id: string; kind: string; to: string; subject: string; status: string; created_at: Date | string; sent_at: Date | string | null }>(result).map((r) => ({
    id: r.id,
    kind: r.kind,
    to: r.to,
    subject: r.subject,
    status: r.status,
    createdAt: new Date(r.created_at),
    sentAt: dateOrNull(r.sent_at),
  }));
}

export interface PersonAuditRecord {
  at: Date;
  action: string;
  actorName: string | null;
  eventId: string | null;
}

/** Audit entries about the person or one of their invitations (actions and dates; details stay out). */
export async function listPersonAudit(db: Db, personId: string, invitationIds: readonly string[]): Promise<PersonAuditRecord[]> {
  const ids = [personId, ...invitationIds];
  const result = await db.execute<{ at: Date | string; action: string; actor_name: string | null; event_id: string | null }>(sql`
    select a.at, a.action, a.actor_name, a.event_id from audit_log a
    where a.entity_id = any(${sql`${`{${ids.join(",")}}`}::text[]`})
    order by a.at, a.id
  `);
  return rowsOf<{ at: Date | string; action: string; actor_name: string | null; event_id: string | null }>(result).map((r) => ({
    at: new Date(r.at),
    action: r.action,
    actorName: r.actor_name,
    eventId: r.event_id,
  }));
}
