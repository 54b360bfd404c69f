/**
 * Personal data (docs/decisions/017-personal-data.md): retention — after RETENTION_DAYS past an event, its
 * invitees' contact details and needs are erased, names kept — and a person's data exported or erased on
 * request. Every erasure is one transaction under one advisory lock, with an audit entry that counts what
 * went and never repeats it.
 */
import type { Db } from "#db/client.server";
import { canGlobal, type AccessActor, type Actor } from "~/domain/access/permissions";
import { retentionCutoff } from "~/domain/privacy/personal-data";
import { recordAudit } from "~/models/audit.server";
import { getPerson, type Person } from "~/models/people.server";
import {
  blankEventMail,
  blankPersonMail,
  countRetentionPeople,
  deleteInvitationTokens,
  eraseEventInvitationNeeds,
  eraseEventPeopleContacts,
  erasePersonRows,
  listPersonAudit,
  listPersonInvitationRecords,
  listPersonMail,
  listRetentionEvents,
  lockPersonalDataWork,
  peopleWithPersonalDataVisibleTo,
  scrubAuditEmail,
  scrubEventAuditEmails,
  type RetentionEventRow,
} from "~/models/privacy.server";
import { ServiceError } from "~/utils/errors";

/** Events handled by one run: a run stays short; the next one (or the next day's) takes the rest. */
export const RETENTION_BATCH = 50;

/** The people of this list whose personal data the user may see (admins: all of them). */
export async function personalDataVisibleFor(db: Db, user: AccessActor, personIds: readonly string[]): Promise<Set<string>> {
  if (user.role === "admin") return new Set(personIds);
  return peopleWithPersonalDataVisibleTo(db, user.id, personIds);
}

export interface RetentionPreview {
  days: number;
  cutoff: Date;
  events: RetentionEventRow[];
  /** More events wait beyond this batch. */
  more: boolean;
  totals: { events: number; invitations: number; people: number; emails: number; phones: number; notes: number; mail: number; auditEntries: number };
}

/** What a retention run would erase now: events that ended more than `days` days ago, oldest first. */
export async function previewRetention(db: Db, options: { days: number; now?: Date; limit?: number }): Promise<RetentionPreview> {
  const limit = options.limit ?? RETENTION_BATCH;
  const cutoff = retentionCutoff(options.now ?? new Date(), options.days);
  const rows = await listRetentionEvents(db, cutoff, limit + 1);
  const events = rows.slice(0, limit);
  const sum = (k: "invitations" | "emails" | "phones" | "notes" | "mail" | "auditEntries") => events.reduce((n, e) => n + e[k], 0);
  return {
    days: options.days,
    cutoff,
    events,
    more: rows.length > limit,
    totals: {
      events: events.length,
      invitations: sum("invitations"),
      people: await countRetentionPeople(db, cutoff, events.map((e) => e.eventId)),
      emails: sum("emails"),
      phones: sum("phones"),
      notes: sum("notes"),
      mail: sum("mail"),
      auditEntries: sum("auditEntries"),
    },
  };
}

export interface RetentionResult {
  events: number;
  invitations: number;
  people: number;
  mail: number;
  auditEntries: number;
  more: boolean;
}

/**
 * Erases what the preview shows, one batch of events, and records one audit entry per event (shown in its
 * history). Safe to run twice or at once from two processes: the second finds nothing left and records nothing.
 * `actor` is null for the server's daily run.
 */
export async function runRetention(db: Db, actor: Actor | null, options: { days: number; now?: Date; limit?: number }): Promise<RetentionResult> {
  return db.transaction(async (tx) => {
    await lockPersonalDataWork(tx);
    const preview = await previewRetention(tx, options);
    const result: RetentionResult = { events: 0, invitations: 0, people: 0, mail: 0, auditEntries: 0, more: preview.more };
    for (const event of preview.events) {
      const ids = [event.eventId];
      const invitations = await eraseEventInvitationNeeds(tx, ids);
      const people = await eraseEventPeopleContacts(tx, preview.cutoff, ids);
      const mail = await blankEventMail(tx, ids);
      const auditEntries = await scrubEventAuditEmails(tx, ids);
      await recordAudit(tx, {
        actor,
        action: "privacy.retention",
        entityType: "event",
        entityId: event.eventId,
        eventId: event.eventId,
        details: { title: event.title, days: options.days, invitations, people, mail, auditEntries, scheduled: actor === null },
      });
      result.events += 1;
      result.invitations += invitations;
      result.people += people;
      result.mail += mail;
      result.auditEntries += auditEntries;
    }
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------
// Right of access and right to erasure

function requireAdministrator(actor: AccessActor) {
  if (!canGlobal(actor, "personalData:administer")) throw new ServiceError("forbidden", "errors.forbidden.body");
}

export interface PersonDataExport {
  exportedAt: string;
  person: Person;
  invitations: {
    eventId: string;
    eventTitle: string;
    eventStartsAt: string;
    eventEndsAt: string;
    role: string;
    group: string | null;
    plusOnes: number;
    status: string;
    respondedAt: string | null;
    comment: string | null;
    dietaryNeeds: string | null;
    accessNeeds: string | null;
    withdrawnAt: string | null;
    checkedInAt: string | null;
    invitedAt: string;
  }[];
  mail: { kind: string; to: string; subject: string; status: string; createdAt: string; sentAt: string | null }[];
  history: { at: string; action: string; by: string | null; eventId: string | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Everything Signet holds about one person, as JSON (right of access). The export itself is audited. */
export async function exportPersonData(db: Db, actor: Actor & AccessActor, personId: string): Promise<PersonDataExport> {
  requireAdministrator(actor);
  const person = await getPerson(db, personId);
  if (!person) throw new ServiceError("not_found", "people.errors.notFound");
  const invitations = await listPersonInvitationRecords(db, personId);
  const invitationIds = invitations.map((i) => i.invitationId);
  const [mail, history] = await Promise.all([listPersonMail(db, invitationIds, person.email), listPersonAudit(db, personId, invitationIds)]);
  await recordAudit(db, { actor, action: "person.export", entityType: "person", entityId: personId, details: { fullName: person.fullName } });
  return {
    exportedAt: new Date().toISOString(),
    person,
    invitations: invitations.map((i) => ({
      eventId: i.eventId,
      eventTitle: i.eventTitle,
      eventStartsAt: i.eventStartsAt.toISOString(),
      eventEndsAt: i.eventEndsAt.toISOString(),
      role: i.role,
      group: i.groupLabel,
      plusOnes: i.plusOnes,
      status: i.status,
      respondedAt: iso(i.respondedAt),
      comment: i.comment,
      dietaryNeeds: i.dietaryNeeds,
      accessNeeds: i.accessNeeds,
      withdrawnAt: iso(i.withdrawnAt),
      checkedInAt: iso(i.checkedInAt),
      invitedAt: i.createdAt.toISOString(),
    })),
    mail: mail.map((m) => ({ kind: m.kind, to: m.to, subject: m.subject, status: m.status, createdAt: m.createdAt.toISOString(), sentAt: iso(m.sentAt) })),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, by: h.actorName, eventId: h.eventId })),
  };
}

export interface PersonErasure {
  person: Person;
  /** Which of email, phone, notes held something. */
  fields: string[];
  invitations: number;
  mail: number;
  auditEntries: number;
  links: number;
}

/**
 * Erases a person's contact details and notes, their invitations' needs and comments, blanks their emails
 * in the outbox and the address older audit entries kept, and ends their personal links. The name, position,
 * organization and the invitations themselves stay for the record. Running it again erases nothing more.
 */
export async function erasePerson(db: Db, actor: Actor & AccessActor, personId: string): Promise<PersonErasure> {
  requireAdministrator(actor);
  return db.transaction(async (tx) => {
    await lockPersonalDataWork(tx);
    const before = await getPerson(tx, personId);
    if (!before) throw new ServiceError("not_found", "people.errors.notFound");
    const invitationIds = (await listPersonInvitationRecords(tx, personId)).map((i) => i.invitationId);
    const fields = (["email", "phone", "notes"] as const).filter((k) => before[k] !== null);
    const { invitations } = await erasePersonRows(tx, personId);
    const mail = await blankPersonMail(tx, invitationIds, before.email);
    const auditEntries = before.email ? await scrubAuditEmail(tx, before.email) : 0;
    const links = await deleteInvitationTokens(tx, invitationIds);
    await recordAudit(tx, {
      actor,
      action: "person.erase",
      entityType: "person",
      entityId: personId,
      details: { fullName: before.fullName, changed: fields, invitations, mail, auditEntries, links },
    });
    const person = await getPerson(tx, personId);
    return { person: person ?? before, fields, invitations, mail, auditEntries, links };
  });
}
