import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { auditLog, events, invitations, organizations, people } from "#db/schema/index";
import { eventColumns, invitationColumns, organizationColumns, personColumns, pickColumns } from "./columns";

/** Everything the invitee's own page shows, in one row. */
export async function getInviteeInvitation(db: Db, invitationId: string) {
  const [row] = await db
    .select({
      invitation: pickColumns(invitationColumns, ["id", "eventId", "role", "status", "respondedAt", "comment", "plusOnes", "companionNames", "deputyForInvitationId", "withdrawnAt"]),
      person: pickColumns(personColumns, ["id", "honorific", "fullName", "email", "language"]),
      event: pickColumns(eventColumns, ["id", "title", "titleEn", "kind", "status", "startsAt", "endsAt", "startPrecision", "timeZone", "venueName", "venueNameEn", "venueAddress", "venueRoom", "description", "calendarUid", "calendarSequence", "cancelledAt"]),
      // Who invites: the host organization (null when the event names none).
      host: pickColumns(organizationColumns, ["nameVi", "nameEn"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(events, eq(events.id, invitations.eventId))
    .leftJoin(organizations, eq(organizations.id, events.hostOrganizationId))
    .where(eq(invitations.id, invitationId))
    .limit(1);
  return row ?? null;
}

export type InviteeInvitation = NonNullable<Awaited<ReturnType<typeof getInviteeInvitation>>>;

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
    .returning(pickColumns(invitationColumns, ["id"]));
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
