/** Queries of the offline door: the door list, and the uploaded scans (nonces, duplicates, refusals). */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { checkIns, doorScans, invitations, people } from "#db/schema/index";

export interface DoorGuestRow {
  invitationId: string;
  role: "guest" | "dignitary" | "speaker" | "signatory" | "press" | "staff";
  groupLabel: string | null;
  plusOnes: number;
  companionNames: string[] | null;
  status: "not_sent" | "sent" | "accepted" | "declined" | "tentative";
  withdrawnAt: Date | null;
  honorific: string | null;
  fullName: string;
  nameSearch: string;
  positions: string[];
  organization: string | null;
  checkInAt: Date | null;
  checkInByName: string | null;
}

/** Every invitation of the event (withdrawn ones too: the door must recognise and refuse them), no contact details. */
export function listDoorGuests(db: Db, eventId: string): Promise<DoorGuestRow[]> {
  return db
    .select({
      invitationId: invitations.id,
      role: invitations.role,
      groupLabel: invitations.groupLabel,
      plusOnes: invitations.plusOnes,
      companionNames: invitations.companionNames,
      status: invitations.status,
      withdrawnAt: invitations.withdrawnAt,
      honorific: people.honorific,
      fullName: people.fullName,
      nameSearch: people.nameSearch,
      positions: people.positions,
      organization: people.organization,
      checkInAt: checkIns.at,
      checkInByName: checkIns.byName,
    })
    .from(invitations)
    .innerJoin(people, eq(people.id, invitations.personId))
    .leftJoin(checkIns, eq(checkIns.invitationId, invitations.id))
    .where(eq(invitations.eventId, eventId))
    .orderBy(asc(people.nameSearch), asc(invitations.id));
}

export type DoorScanOutcome = "pending" | "checked_in" | "duplicate" | "refused";

export interface DoorScanRow {
  nonce: string;
  eventId: string;
  invitationId: string | null;
  deviceId: string;
  scannedAt: Date;
  receivedAt: Date;
  byName: string | null;
  outcome: DoorScanOutcome;
  reason: string | null;
  firstAt: Date | null;
  firstByName: string | null;
}

const scanColumns = {
  nonce: doorScans.nonce,
  eventId: doorScans.eventId,
  invitationId: doorScans.invitationId,
  deviceId: doorScans.deviceId,
  scannedAt: doorScans.scannedAt,
  receivedAt: doorScans.receivedAt,
  byName: doorScans.byName,
  outcome: doorScans.outcome,
  reason: doorScans.reason,
  firstAt: doorScans.firstAt,
  firstByName: doorScans.firstByName,
};

/**
 * Claims the nonce for this upload (a `pending` row). The primary key decides between two uploads of the same scan
 * at once: exactly one gets true and applies it; the other reads what the first made of it.
 */
export async function claimScanNonce(
  db: Db,
  row: { nonce: string; eventId: string; invitationId: string | null; deviceId: string; scannedAt: Date; byUserId: string; byName: string },
): Promise<boolean> {
  const inserted = await db
    .insert(doorScans)
    .values({ ...row, outcome: "pending" })
    .onConflictDoNothing({ target: doorScans.nonce })
    .returning({ nonce: doorScans.nonce });
  return inserted.length > 0;
}

export async function finishScan(
  db: Db,
  nonce: string,
  values: { outcome: Exclude<DoorScanOutcome, "pending">; invitationId: string | null; reason?: string | null; firstAt?: Date | null; firstByName?: string | null },
): Promise<void> {
  await db
    .update(doorScans)
    .set({ outcome: values.outcome, invitationId: values.invitationId, reason: values.reason ?? null, firstAt: values.firstAt ?? null, firstByName: values.firstByName ?? null })
    .where(eq(doorScans.nonce, nonce));
}

export async function releaseScanNonce(db: Db, nonce: string): Promise<void> {
  await db.delete(doorScans).where(and(eq(doorScans.nonce, nonce), eq(doorScans.outcome, "pending")));
}

export async function getScan(db: Db, nonce: string): Promise<DoorScanRow | null> {
  const [row] = await db.select(scanColumns).from(doorScans).where(eq(doorScans.nonce, nonce)).limit(1);
  return row ?? null;
}

export interface DoorFlagRow extends DoorScanRow {
  fullName: string | null;
  honorific: string | null;
}

/** The event's duplicates and refused scans, newest first: what staff must look at. */
export function listDoorFlags(db: Db, eventId: string, limit = 100): Promise<DoorFlagRow[]> {
  return db
    .select({ ...scanColumns, fullName: people.fullName, honorific: people.honorific })
    .from(doorScans)
    .leftJoin(invitations, eq(invitations.id, doorScans.invitationId))
    .leftJoin(people, eq(people.id, invitations.personId))
    .where(and(eq(doorScans.eventId, eventId), inArray(doorScans.outcome, ["duplicate", "refused"])))
    .orderBy(desc(doorScans.receivedAt), desc(doorScans.nonce))
    .limit(limit);
}

/** The event's invitations that were checked in (withdrawn ones left out). */
export async function listArrivedInvitationIds(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ id: checkIns.invitationId })
    .from(checkIns)
    .innerJoin(invitations, eq(invitations.id, checkIns.invitationId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
  return rows.map((r) => r.id);
}
