/**
 * Checking guests in at the door: by the signed code in their QR, or by name. At most one check-in per
 * invitation, even from two phones in the same millisecond: the check_ins primary key decides
 * (INSERT … ON CONFLICT DO NOTHING RETURNING), and whoever did not win reads and reports the winner.
 */
import QRCode from "qrcode";
import type { Db } from "#db/client.server";
import type { UserRole } from "~/domain/access/permissions";
import { signCheckInCode, verifyCheckInCode } from "~/domain/check-in/check-in-code";
import { canUndoCheckIn, checkInRefusal, type CheckInRefusal } from "~/domain/check-in/check-in-rules";
import { foldForSearch } from "~/domain/text/search";
import { recordAudit } from "~/models/audit.server";
import {
  countAttendance,
  deleteCheckIn,
  type AttendanceCounts,
  getCheckIn,
  getDoorEvent,
  getGuest,
  insertCheckInIfAbsent,
  listRecentCheckIns,
  searchGuests,
  type GuestRow,
} from "~/models/check-in.server";
import { getEventOwner } from "~/models/events.server";
import { listSeatsOfInvitations } from "~/models/seating.server";
import { ServiceError } from "./errors";
import { emitWebhook } from "./webhooks.server";

export interface StaffActor {
  id: string;
  name: string;
  role: UserRole;
}

export interface CheckInInfo {
  at: Date;
  byUserId: string | null;
  byName: string | null;
}

export interface Guest {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  role: GuestRow["role"];
  groupLabel: string | null;
  plusOnes: number;
  status: GuestRow["status"];
  withdrawn: boolean;
  checkIn: CheckInInfo | null;
  /** Where the seating plan puts them (seat numbers count from 1), or null if it does not. */
  seat: GuestSeat | null;
}

export interface GuestSeat {
  table: string;
  number: number;
}

export type CheckInResult =
  | { outcome: "checkedIn"; guest: Guest; checkIn: CheckInInfo }
  | { outcome: "already"; guest: Guest; checkIn: CheckInInfo }
  | { outcome: "refused"; reason: CheckInRefusal | "unknownCode" | "notFound"; guest: Guest | null };

/** `checkIn` overrides what the row says (undefined: take the row's). */
function toGuest(row: GuestRow, checkIn?: CheckInInfo | null): Guest {
  return {
    invitationId: row.invitationId,
    honorific: row.honorific,
    fullName: row.fullName,
    positions: row.positions,
    organization: row.organization,
    role: row.role,
    groupLabel: row.groupLabel,
    plusOnes: row.plusOnes,
    status: row.status,
    withdrawn: row.withdrawnAt !== null,
    checkIn:
      checkIn !== undefined
        ? checkIn
        : row.checkInAt
          ? { at: row.checkInAt, byUserId: row.checkInByUserId, byName: row.checkInByName }
          : null,
    seat: null,
  };
}

/** The guests with their seats from the seating plan (one query for all). */
async function withSeats(db: Db, guests: Guest[]): Promise<Guest[]> {
  const seats = await listSeatsOfInvitations(db, guests.map((g) => g.invitationId));
  const first = new Map<string, GuestSeat>();
  for (const s of seats) if (!first.has(s.invitationId)) first.set(s.invitationId, { table: s.tableName, number: s.seatIndex + 1 });
  return guests.map((g) => ({ ...g, seat: first.get(g.invitationId) ?? null }));
}

async function withSeat(db: Db, guest: Guest): Promise<Guest> {
  const [seated] = await withSeats(db, [guest]);
  return seated ?? guest;
}

async function requireEvent(db: Db, eventId: string) {
  const event = await getEventOwner(db, eventId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  return event;
}

/** Checks the invitation's guest in at this event, or says who already did, or why not. */
export async function checkInGuest(
  db: Db,
  actor: StaffActor,
  eventId: string,
  invitationId: string,
  now: Date = new Date(),
): Promise<CheckInResult> {
  const event = await requireEvent(db, eventId);
  const row = await getGuest(db, invitationId);
  if (!row) return { outcome: "refused", reason: "notFound", guest: null };
  const refusal = checkInRefusal(row, event);
  // Another event's guest is not shown: the door of this event has no business with them.
  if (refusal) return { outcome: "refused", reason: refusal, guest: refusal === "otherEvent" ? null : await withSeat(db, toGuest(row)) };

  // A check-in can be undone between our insert attempt and our read: then try again (bounded).
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await db.transaction(async (tx) => {
      const won = await insertCheckInIfAbsent(tx, { invitationId: row.invitationId, at: now, byUserId: actor.id, byName: actor.name });
      if (won) {
        await recordAudit(tx, {
          actor,
          action: "checkin.create",
          entityType: "invitation",
          entityId: row.invitationId,
          eventId: row.eventId,
          details: { guest: row.fullName },
        });
        await emitWebhook(tx, {
          type: "invitation.checked_in",
          eventId: row.eventId,
          data: { invitationId: row.invitationId, checkedInAt: won.at.toISOString() },
          personalData: { guest: { name: row.fullName, organization: row.organization } },
          occurredAt: won.at,
        });
      }
      return won;
    });
    if (inserted) {
      const checkIn = { at: inserted.at, byUserId: inserted.byUserId, byName: inserted.byName };
      return { outcome: "checkedIn", guest: await withSeat(db, toGuest(row, checkIn)), checkIn };
    }
    const winner = await getCheckIn(db, row.invitationId);
    if (winner) {
      const checkIn = { at: winner.at, byUserId: winner.byUserId, byName: winner.byName };
      return { outcome: "already", guest: await withSeat(db, toGuest(row, checkIn)), checkIn };
    }
  }
  throw new ServiceError("conflict", "errors.conflict");
}

/** The same, from the text of a scanned QR code; a code that is not ours or not genuine is "unknownCode". */
export async function checkInByCode(
  db: Db,
  actor: StaffActor,
  eventId: string,
  code: string,
  secrets: readonly string[],
  now: Date = new Date(),
): Promise<CheckInResult> {
  const invitationId = verifyCheckInCode(code, secrets);
  if (!invitationId) {
    await requireEvent(db, eventId);
    return { outcome: "refused", reason: "unknownCode", guest: null };
  }
  return checkInGuest(db, actor, eventId, invitationId, now);
}

/** Removes a check-in: only the staff member who made it, or an administrator. Returns the guest as now. */
export async function undoCheckIn(db: Db, actor: StaffActor, eventId: string, invitationId: string): Promise<Guest> {
  const row = await getGuest(db, invitationId);
  if (!row || row.eventId !== eventId) throw new ServiceError("not_found", "errors.notFound.body");
  const existing = await getCheckIn(db, invitationId);
  if (!existing) throw new ServiceError("not_found", "checkin.undo.none");
  if (!canUndoCheckIn(actor, existing)) {
    throw new ServiceError("forbidden", `checkin.undo.notYours?name=${encodeURIComponent(existing.byName ?? "?")}`);
  }
  const removed = await db.transaction(async (tx) => {
    const deleted = await deleteCheckIn(tx, invitationId, actor.role === "admin" ? undefined : actor.id);
    if (deleted) {
      await recordAudit(tx, {
        actor,
        action: "checkin.undo",
        entityType: "invitation",
        entityId: invitationId,
        eventId,
        details: { guest: row.fullName, checkedInBy: deleted.byName, checkedInAt: deleted.at.toISOString() },
      });
    }
    return deleted;
  });
  // Someone else's check-in replaced the one we saw (it was undone and redone meanwhile).
  if (!removed) throw new ServiceError("conflict", "errors.conflict");
  return withSeat(db, toGuest(row, null));
}

export const SEARCH_LIMIT = 20;

/** Diacritic-insensitive name search among the event's invitees ("nguyen van" finds "Nguyễn Văn"). */
export async function findGuests(db: Db, eventId: string, query: string): Promise<Guest[]> {
  const folded = foldForSearch(query);
  if (!folded) return [];
  return withSeats(db, (await searchGuests(db, eventId, folded, SEARCH_LIMIT)).map((row) => toGuest(row)));
}

export async function recentCheckIns(db: Db, eventId: string, limit = 10): Promise<Guest[]> {
  return withSeats(db, (await listRecentCheckIns(db, eventId, limit)).map((row) => toGuest(row)));
}

export interface LiveCounts extends AttendanceCounts {
  /** When these counts were read (ms since the epoch): the browser keeps whichever counts are newer. */
  asOf: number;
}

/** Invited, answered, accepted and arrived: the live counts of the event page and the door (one query). */
export async function attendanceCounts(db: Db, eventId: string, now: Date = new Date()): Promise<LiveCounts> {
  return { ...(await countAttendance(db, eventId)), asOf: now.getTime() };
}

/** How long one reading of an event's counts answers every poll for that event. */
export const LIVE_COUNTS_SHARED_MS = 2000;
const shared = new WeakMap<Db, Map<string, { at: number; counts: Promise<LiveCounts> }>>();

/**
 * The counts for the polling endpoint: every open tab of the same event within LIVE_COUNTS_SHARED_MS shares one
 * query (also while it runs), so the database cost grows with the events being watched, not with the tabs
 * (bench/live-counts.ts measured ≈ 0.1–0.25 s per count at 100,000 invitations). Page loaders read fresh counts.
 */
export function sharedAttendanceCounts(db: Db, eventId: string, now: Date = new Date()): Promise<LiveCounts> {
  const perEvent = shared.get(db) ?? new Map<string, { at: number; counts: Promise<LiveCounts> }>();
  shared.set(db, perEvent);
  const hit = perEvent.get(eventId);
  if (hit && now.getTime() - hit.at >= 0 && now.getTime() - hit.at < LIVE_COUNTS_SHARED_MS) return hit.counts;
  for (const [id, entry] of perEvent) if (now.getTime() - entry.at >= LIVE_COUNTS_SHARED_MS) perEvent.delete(id);
  const counts = attendanceCounts(db, eventId, now);
  perEvent.set(eventId, { at: now.getTime(), counts });
  // A failed reading is not shared: the next poll asks again.
  counts.catch(() => {
    if (perEvent.get(eventId)?.counts === counts) perEvent.delete(eventId);
  });
  return counts;
}

/** The text of an invitation's door QR code, signed with the first (current) secret. */
export function checkInCodeFor(invitationId: string, secrets: readonly string[]): string {
  const [secret] = secrets;
  if (!secret) throw new Error("no cookie secret to sign check-in codes with");
  return signCheckInCode(invitationId, secret);
}

/** The QR code as an SVG data URL, for an <img> on the invitee's page (or in an email). */
export async function checkInQrDataUrl(code: string): Promise<string> {
  const svg = await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

/** The event as the door page names it: title and time zone (null: no such event). */
export function doorEvent(db: Db, eventId: string) {
  return getDoorEvent(db, eventId);
}
