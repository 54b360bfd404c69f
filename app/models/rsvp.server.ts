import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { auditLog, events, invitationTokens, invitations, organizations, people } from "#db/schema/index";

/** The columns of the invitee's page (invitation, person, event, host). */
function getInviteeSelection() {
  return {
    invitation: {
      id: invitations.id,
      eventId: invitations.eventId,
      role: invitations.role,
      status: invitations.status,
      respondedAt: invitations.respondedAt,
      comment: invitations.comment,
      plusOnes: invitations.plusOnes,
      companionNames: invitations.companionNames,
      deputyForInvitationId: invitations.deputyForInvitationId,
      withdrawnAt: invitations.withdrawnAt,
    },
    person: {
      id: people.id,
      honorific: people.honorific,
      fullName: people.fullName,
      email: people.email,
      language: people.language,
    },
    event: {
      id: events.id,
      title: events.title,
      titleEn: events.titleEn,
      kind: events.kind,
      status: events.status,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      startPrecision: events.startPrecision,
      timeZone: events.timeZone,
      venueName: events.venueName,
      venueNameEn: events.venueNameEn,
      venueAddress: events.venueAddress,
      venueRoom: events.venueRoom,
      description: events.description,
      calendarUid: events.calendarUid,
      calendarSequence: events.calendarSequence,
      cancelledAt: events.cancelledAt,
    },
    // Who invites: the host organization (null when the event names none).
    host: { nameVi: organizations.nameVi, nameEn: organizations.nameEn },
  };
}

/** Everything the invitee's own page shows, in one row. */
export async function getInviteeInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select(getInviteeSelection())
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

export type InviteeInvitation = NonNullable<Awaited<ReturnType<typeof getInviteeInvitation>>>;

/** An agenda item as the invitee's page reads it: start (epoch ms), length, title (issue 12: read with the page). */
export interface InviteeAgendaRow {
  startsAt: number;
  durationMinutes: number;
  title: string;
}

/** The latest deputy proposal of an invitation, as the invitee's page shows it. */
export interface InviteeProposalRow {
  status: "pending" | "accepted" | "refused";
  honorific: string | null;
  fullName: string;
  refusalReason: string | null;
}

const fromJson = <T>(value: unknown): T | null => (value === null || value === undefined ? null : (JSON.parse(String(value)) as T));

function buildInviteePageByToken(db: Db) {
  return db
    .select({
      ...getInviteeSelection(),
      // The same order as listAgenda (position, id). JSON as text: both drivers hand it back the same way.
      agenda: sql<string>`(select coalesce(json_agg(json_build_object('startsAt', (extract(epoch from a.starts_at) * 1000)::float8, 'durationMinutes', a.duration_minutes, 'title', a.title) order by a.position, a.id), '[]'::json)::text from agenda_items a where a.event_id = ${events.id})`,
      // The latest proposal, as latestProposalOf orders them (created_at desc, id desc).
      proposal: sql<string | null>`(select json_build_object('status', d.status, 'honorific', d.honorific, 'fullName', d.full_name, 'refusalReason', d.refusal_reason)::text from deputy_proposals d where d.invitation_id = ${invitations.id} order by d.created_at desc, d.id desc limit 1)`,
    })
    .from(invitationTokens)
    .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
    .where(eq(invitationTokens.tokenHash, sql.placeholder("tokenHash")))
    .limit(1)
    .prepare("invitee_page_by_token");
}

const inviteePageQueries = new WeakMap<Db, ReturnType<typeof buildInviteePageByToken>>();

/**
 * The invitee's page in one round trip (issue 12): what a token hash opens — invitation, person, event, host — with the
 * event's agenda and the latest deputy proposal. The query is built once per database. A deputy's principal is read
 * apart (getInviteeInvitation), for deputies only: in this query it would make every page plan two more tables.
 * Whether the link still opens (withdrawn, expired) is the caller's rule (invitation-links.server.ts).
 */
export async function getInviteePageByTokenHash(db: Db, tokenHash: string) {
  let query = inviteePageQueries.get(db);
  if (!query) {
    query = buildInviteePageByToken(db);
    inviteePageQueries.set(db, query);
  }
  const [row] = await query.execute({ tokenHash });
  if (!row) return null;
  const { agenda, proposal, ...rest } = row;
  return { ...rest, agenda: fromJson<InviteeAgendaRow[]>(agenda) ?? [], proposal: fromJson<InviteeProposalRow>(proposal) };
}

/** Writes the answer unless the invitation was withdrawn meanwhile; returns whether a row changed. */
export async function setInvitationAnswer(
  db: Db,
  invitationId: string,
  answer: {
    status: "accepted" | "declined" | "tentative";
    respondedAt: Date;
    comment: string | null;
  },
): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({
      status: answer.status,
      respondedAt: answer.respondedAt,
      comment: answer.comment,
      updatedAt: answer.respondedAt,
    })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.withdrawnAt)))
    .returning({ id: invitations.id });
  return rows.length > 0;
}

/**
 * An audit row written by an invitee: no account (actor_id null), their name as actor_name.
 * recordAudit (audit.server.ts) takes a staff account as actor, so it cannot express this.
 */
export async function recordInviteeAudit(
  db: Db,
  entry: { actorName: string; action: string; invitationId: string; eventId: string; details: Record<string, unknown> },
): Promise<void> {
  await db.insert(auditLog).values({
    actorId: null,
    actorName: entry.actorName,
    action: entry.action,
    entityType: "invitation",
    entityId: entry.invitationId,
    eventId: entry.eventId,
    details: entry.details,
  });
}
