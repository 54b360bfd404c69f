import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "#db/client.server";
import { agendaItems, ceremonyRoles, deputyProposals, dignitaries, eventSides, invitations, people, seats } from "#db/schema/index";
import { dignitaryColumns, invitationColumns, personColumns, pickColumns, deputyProposalColumns, seatColumns } from "./columns";

/** Deputy proposals, the hand-over from an invitation to its deputy's, and the invitee's companions: queries only. */

export interface DeputyProposalRow {
  id: string;
  eventId: string;
  invitationId: string;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  email: string | null;
  note: string | null;
  source: "web" | "mail";
  status: "pending" | "accepted" | "refused";
  decidedAt: Date | null;
  refusalReason: string | null;
  deputyInvitationId: string | null;
  createdAt: Date;
}

export type DeputyValues = Pick<DeputyProposalRow, "honorific" | "fullName" | "positions" | "organization" | "email" | "note" | "source">;

export async function getProposal(db: Db, id: string): Promise<DeputyProposalRow | null> {
  const [row] = await db.select(deputyProposalColumns).from(deputyProposals).where(eq(deputyProposals.id, id));
  return row ?? null;
}

/** Locks the proposal row for a decision (two organizers clicking at once: the second sees it decided). */
export async function lockProposal(db: Db, id: string): Promise<DeputyProposalRow | null> {
  const [row] = await db.select(deputyProposalColumns).from(deputyProposals).where(eq(deputyProposals.id, id)).for("update");
  return row ?? null;
}

export async function pendingProposalOf(db: Db, invitationId: string): Promise<DeputyProposalRow | null> {
  const [row] = await db
    .select(deputyProposalColumns)
    .from(deputyProposals)
    .where(and(eq(deputyProposals.invitationId, invitationId), eq(deputyProposals.status, "pending")));
  return row ?? null;
}

/** The latest proposal of an invitation, whatever its status (the invitee page shows it). */
export async function latestProposalOf(db: Db, invitationId: string): Promise<DeputyProposalRow | null> {
  const [row] = await db
    .select(deputyProposalColumns)
    .from(deputyProposals)
    .where(eq(deputyProposals.invitationId, invitationId))
    .orderBy(sql`${deputyProposals.createdAt} desc`, sql`${deputyProposals.id} desc`)
    .limit(1);
  return row ?? null;
}

/** Inserts a pending proposal, or replaces the one pending for that invitation (one pending per invitation). */
export async function upsertPendingProposal(
  db: Db,
  eventId: string,
  invitationId: string,
  values: DeputyValues,
  now: Date,
): Promise<{ id: string; replaced: boolean }> {
  const current = await pendingProposalOf(db, invitationId);
  if (current) {
    await db.update(deputyProposals).set({ ...values, createdAt: now }).where(eq(deputyProposals.id, current.id));
    return { id: current.id, replaced: true };
  }
  const [row] = await db
    .insert(deputyProposals)
    .values({ ...values, eventId, invitationId, createdAt: now })
    .returning(pickColumns(deputyProposalColumns, ["id"]));
  if (!row) throw new Error("insert returned no row");
  return { id: row.id, replaced: false };
}

export async function decideProposal(
  db: Db,
  id: string,
  decision: { status: "accepted" | "refused"; decidedBy: string | null; at: Date; refusalReason?: string | null; deputyInvitationId?: string | null },
): Promise<boolean> {
  const rows = await db
    .update(deputyProposals)
    .set({
      status: decision.status,
      decidedBy: decision.decidedBy,
      decidedAt: decision.at,
      refusalReason: decision.refusalReason ?? null,
      deputyInvitationId: decision.deputyInvitationId ?? null,
    })
    .where(and(eq(deputyProposals.id, id), eq(deputyProposals.status, "pending")))
    .returning(pickColumns(deputyProposalColumns, ["id"]));
  return rows.length > 0;
}

export interface PendingProposalListItem extends DeputyProposalRow {
  principal: { honorific: string | null; fullName: string; organization: string | null; positions: string[] };
}

/** The event's proposals awaiting a decision, oldest first (the queue on the attendee list). */
export function listPendingProposals(db: Db, eventId: string): Promise<PendingProposalListItem[]> {
  return db
    .select({
      ...deputyProposalColumns,
      principal: pickColumns(personColumns, ["honorific", "fullName", "organization", "positions"]),
    })
    .from(deputyProposals)
    .innerJoin(invitations, eq(invitations.id, deputyProposals.invitationId))
    .innerJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(deputyProposals.eventId, eventId), eq(deputyProposals.status, "pending"), isNull(invitations.withdrawnAt)))
    .orderBy(asc(deputyProposals.createdAt), asc(deputyProposals.id));
}

export async function setDeputyFor(
  db: Db,
  deputyInvitationId: string,
  principalInvitationId: string,
  answer: { status: "accepted"; at: Date; companionNames: string[] | null },
): Promise<void> {
  await db
    .update(invitations)
    .set({
      deputyForInvitationId: principalInvitationId,
      status: answer.status,
      respondedAt: answer.at,
      companionNames: answer.companionNames,
      updatedAt: answer.at,
    })
    .where(eq(invitations.id, deputyInvitationId));
}

export interface DeputyLink {
  /** The deputy's invitation. */
  invitationId: string;
  principalInvitationId: string;
  principal: { honorific: string | null; fullName: string };
  deputy: { honorific: string | null; fullName: string };
}

/** Every deputy of the event with whom they stand in for ("Ông A (thay ông B)"). */
export function listDeputies(db: Db, eventId: string): Promise<DeputyLink[]> {
  const principalInvitation = alias(invitations, "principal_invitation");
  const principalPerson = alias(people, "principal_person");
  return db
    .select({
      invitationId: invitationColumns.id,
      principalInvitationId: principalInvitation.id,
      principal: { honorific: principalPerson.honorific, fullName: principalPerson.fullName },
      deputy: pickColumns(personColumns, ["honorific", "fullName"]),
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .innerJoin(principalInvitation, eq(principalInvitation.id, invitations.deputyForInvitationId))
    .innerJoin(principalPerson, eq(principalPerson.id, principalInvitation.personId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
}

/** The deputy takes over the seats the principal held (the seat belongs to the delegation's place in the plan). */
export async function handOverSeats(db: Db, fromInvitationId: string, toInvitationId: string): Promise<number> {
  const rows = await db.update(seats).set({ invitationId: toInvitationId }).where(eq(seats.invitationId, fromInvitationId)).returning({ t: seatColumns.tableId });
  return rows.length;
}

/** The principal's ceremony roles (signatory, speaker, chair …), the head of their side and their agenda slots pass to the deputy. */
export async function handOverCeremony(
  db: Db,
  input: { fromDignitaryId: string | null; toDignitaryId: string | null; fromInvitationId: string; toInvitationId: string },
): Promise<void> {
  if (input.fromDignitaryId && input.toDignitaryId) {
    await db.update(ceremonyRoles).set({ dignitaryId: input.toDignitaryId }).where(eq(ceremonyRoles.dignitaryId, input.fromDignitaryId));
    await db.update(eventSides).set({ headDignitaryId: input.toDignitaryId }).where(eq(eventSides.headDignitaryId, input.fromDignitaryId));
  }
  await db.update(agendaItems).set({ speakerInvitationId: input.toInvitationId }).where(eq(agendaItems.speakerInvitationId, input.fromInvitationId));
}

export interface PrincipalDignitary {
  id: string;
  sideId: string | null;
  delegation: string | null;
  organization: string | null;
}

export async function dignitaryOfInvitation(db: Db, invitationId: string): Promise<PrincipalDignitary | null> {
  const [row] = await db
    .select(pickColumns(dignitaryColumns, ["id", "sideId", "delegation", "organization"]))
    .from(dignitaries)
    .where(eq(dignitaries.invitationId, invitationId));
  return row ?? null;
}

export async function setCompanionNames(db: Db, invitationId: string, names: string[], at: Date): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ companionNames: names, updatedAt: at })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.withdrawnAt)))
    .returning(pickColumns(invitationColumns, ["id"]));
  return rows.length > 0;
}
