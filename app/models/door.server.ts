/** Queries of the offline door: the door list, and the uploaded scans (nonces, duplicates, refusals). */
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "#db/client.server";
import { checkIns, doorScans, invitations, people } from "#db/schema/index";
import { checkInColumns, invitationColumns, personColumns, pickColumns, doorScanColumns } from "./columns";

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
      invitationId: invitationColumns.id,
      ...pickColumns(invitationColumns, ["role", "groupLabel", "plusOnes", "companionNames", "status", "withdrawnAt"]),
      ...pickColumns(personColumns, ["honorific", "fullName"]),
      nameSearch: people.nameSearch,
      ...pickColumns(personColumns, ["positions", "organization"]),
      checkInAt: checkInColumns.at,
      checkInByName: checkInColumns.byName,
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
    .returning(pickColumns(doorScanColumns, ["nonce"]));
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
  const [row] = await db.select(doorScanColumns).from(doorScans).where(eq(doorScans.nonce, nonce)).limit(1);
  return row ?? null;
}

export interface DoorFlagRow extends DoorScanRow {
  fullName: string | null;
  honorific: string | null;
}

/** The event's duplicates and refused scans, newest first: what staff must look at. */
export function listDoorFlags(db: Db, eventId: string, limit = 100): Promise<DoorFlagRow[]> {
  return db
    .select({ ...doorScanColumns, ...pickColumns(personColumns, ["fullName", "honorific"]) })
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
    .select({ id: checkInColumns.invitationId })
    .from(checkIns)
    .innerJoin(invitations, eq(invitations.id, checkIns.invitationId))
    .where(and(eq(invitations.eventId, eventId), isNull(invitations.withdrawnAt)));
  return rows.map((r) => r.id);
}
