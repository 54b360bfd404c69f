/**
 * Checking guests in at the door: by the signed code in their QR, or by name. At most one check-in per
 * invitation, even from two phones in the same millisecond: the check_ins primary key decides
 * (INSERT … ON CONFLICT DO NOTHING RETURNING), and whoever did not win reads and reports the winner.
 */
import QRCode from "qrcode";
import type { Db } from "#db/client.server";
import { companionsComing } from "~/domain/rsvp/companions";
import type { UserRole } from "~/domain/access/permissions";
import { signCheckInCode, verifyCheckInCode } from "~/domain/check-in/check-in-code";
import type { DoorSyncInput, QueuedScan, SyncedScan } from "~/domain/check-in/door-sync.schema";
import { parseTicket } from "~/domain/check-in/ticket";
import { canUndoCheckIn, checkInRefusal, type CheckInRefusal } from "~/domain/check-in/check-in-rules";
import { capitalizeFirst } from "~/domain/text/capitalize";
import { foldForSearch } from "~/domain/text/search";
import { auditValues, recordAudit } from "~/models/audit.server";
import {
  countAttendance,
  deleteCheckIn,
  type AttendanceCounts,
  getCheckIn,
  getDoorEvent,
  getGuest,
  getGuestWithSeat,
  insertCheckInRecorded,
  listRecentCheckIns,
  searchGuests,
  type GuestRow,
} from "~/models/check-in.server";
import { getEventOwner } from "~/models/events.server";
import { claimScanNonce, finishScan, getScan, listDoorFlags, listDoorGuests, releaseScanNonce, type DoorScanRow } from "~/models/door.server";
import { listSeatsOfInvitations } from "~/models/seating.server";
import { ServiceError } from "~/utils/errors";
import { sha256 } from "~/utils/crypto.server";
import { Lru } from "~/utils/lru";
import { signTicket, ticketKeys, verifySignedTicket } from "./ticket-keys.server";
import { webhookMessageOf } from "./webhooks.server";

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
  // The event, the guest and their seat in one read; then one statement writes the check-in with its audit row and
  // webhook messages, or nothing when someone else's check-in is already there.
  const { event, guest: row, seat } = await getGuestWithSeat(db, eventId, invitationId);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  if (!row) return { outcome: "refused", reason: "notFound", guest: null };
  const seated = (checkIn?: CheckInInfo | null): Guest => ({ ...toGuest(row, checkIn), seat: seat ? { table: seat.tableName, number: seat.seatIndex + 1 } : null });
  const refusal = checkInRefusal(row, event);
  // Another event's guest is not shown: the door of this event has no business with them.
  if (refusal) return { outcome: "refused", reason: refusal, guest: refusal === "otherEvent" ? null : seated() };
  // Checked in before (not at this very moment): the read says by whom, nothing to write.
  if (row.checkInAt) {
    const checkIn = { at: row.checkInAt, byUserId: row.checkInByUserId, byName: row.checkInByName };
    return { outcome: "already", guest: seated(checkIn), checkIn };
  }

  const audit = auditValues({
    actor,
    action: "checkin.create",
    entityType: "invitation",
    entityId: row.invitationId,
    eventId: row.eventId,
    details: { guest: row.fullName },
  });
  const message = webhookMessageOf({
    type: "invitation.checked_in",
    eventId: row.eventId,
    data: { invitationId: row.invitationId, checkedInAt: now.toISOString() },
    personalData: { guest: { name: row.fullName, organization: row.organization } },
    occurredAt: now,
  });
  // A check-in can be undone between our insert attempt and our read: then try again (bounded).
  for (let attempt = 0; attempt < 3; attempt++) {
    const inserted = await insertCheckInRecorded(db, { invitationId: row.invitationId, at: now, byUserId: actor.id, byName: actor.name }, audit, message);
    if (inserted) {
      const checkIn = { at: inserted.at, byUserId: inserted.byUserId, byName: inserted.byName };
      return { outcome: "checkedIn", guest: seated(checkIn), checkIn };
    }
    const winner = await getCheckIn(db, row.invitationId);
    if (winner) {
      const checkIn = { at: winner.at, byUserId: winner.byUserId, byName: winner.byName };
      return { outcome: "already", guest: seated(checkIn), checkIn };
    }
  }
  throw new ServiceError("conflict", "errors.conflict");
}

/** The invitation a scanned code names, when the code is genuine: a signed ticket (any event) or an older HMAC code. */
async function invitationOfCode(db: Db, code: string, secrets: readonly string[]): Promise<{ invitationId: string; eventId: string | null } | null> {
  const parsed = parseTicket(code);
  if (!parsed) return null;
  if (parsed.kind === "legacy") {
    const invitationId = verifyCheckInCode(parsed.code, secrets);
    return invitationId ? { invitationId, eventId: null } : null;
  }
  const ticket = verifySignedTicket(await ticketKeys(db), code);
  return ticket ? { invitationId: ticket.invitationId, eventId: ticket.eventId } : null;
}

/**
 * The same, from the text of a scanned QR code — the signed ticket (`S2:…`) or an older `SIGNET:…` code; a code that
 * is not ours or not genuine is "unknownCode".
 */
export async function checkInByCode(
  db: Db,
  actor: StaffActor,
  eventId: string,
  code: string,
  secrets: readonly string[],
  now: Date = new Date(),
): Promise<CheckInResult> {
  const found = await invitationOfCode(db, code, secrets);
  if (!found) {
    await requireEvent(db, eventId);
    return { outcome: "refused", reason: "unknownCode", guest: null };
  }
  if (found.eventId !== null && found.eventId !== eventId) {
    await requireEvent(db, eventId);
    return { outcome: "refused", reason: "otherEvent", guest: null };
  }
  return checkInGuest(db, actor, eventId, found.invitationId, now);
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

/** The text of an invitation's door QR code: the Ed25519-signed ticket that door devices verify offline. */
export async function doorTicketFor(db: Db, invitationId: string, eventId: string): Promise<string> {
  const keys = await ticketKeys(db);
  // Ed25519 signatures are deterministic: the same key signs the same ticket the same way, so it is signed once.
  let signed = signedTickets.get(keys);
  if (!signed) {
    signed = new Lru<string, string>(TICKET_CACHE_MAX);
    signedTickets.set(keys, signed);
  }
  return signed.getOrSet(`${invitationId}:${eventId}`, () => signTicket(keys, invitationId, eventId));
}

/** Door tickets signed per key (a new key is a new cache), bounded (≈ 250 B an entry). */
const signedTickets = new WeakMap<object, Lru<string, string>>();
const TICKET_CACHE_MAX = 2_000;

/** The older HMAC code (`SIGNET:…`), signed with the first (current) secret: still accepted at the door. */
export function checkInCodeFor(invitationId: string, secrets: readonly string[]): string {
  const [secret] = secrets;
  if (!secret) throw new Error("no cookie secret to sign check-in codes with");
  return signCheckInCode(invitationId, secret);
}

/** The QR code as an SVG data URL, for an <img> in a printed badge or an email. */
export async function checkInQrDataUrl(code: string): Promise<string> {
  return `data:image/svg+xml;base64,${Buffer.from(await checkInQrSvg(code), "utf8").toString("base64")}`;
}

/** The QR code as an SVG document: the invitee's page shows it as an image of its own (/invitation/qr.svg). */
export async function checkInQrSvg(code: string): Promise<string> {
  const cached = qrCache.get(code);
  if (cached !== undefined) return cached;
  const svg = await QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  qrCache.set(code, svg);
  return svg;
}

/**
 * The same signed code always draws the same QR code: an invitee who reloads their page (or many invitees at
 * the door's opening) does not redraw it. Bounded LRU (≈ 3 KB an entry).
 */
const qrCache = new Lru<string, string>(2_000);

/**
 * A short name of a code's picture, for the image's address (/invitation/qr.svg?v=…): a new code (a new key, another
 * invitation) is another address, so the browser may keep the picture. A hash, so the address does not carry the code.
 */
export function checkInQrVersion(code: string): string {
  return sha256(code).slice(0, 16);
}

/** The event as the door page names it: title and time zone (null: no such event). */
export function doorEvent(db: Db, eventId: string) {
  return getDoorEvent(db, eventId);
}

export interface DoorListGuest {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  /** Folded for diacritic-insensitive search on the device. */
  search: string;
  positions: string[];
  organization: string | null;
  role: GuestRow["role"];
  groupLabel: string | null;
  plusOnes: number;
  status: GuestRow["status"];
  withdrawn: boolean;
  seat: GuestSeat | null;
  checkedInAt: string | null;
  checkedInBy: string | null;
}

export interface DoorFlag {
  nonce: string;
  kind: "duplicate" | "refused";
  reason: string | null;
  invitationId: string | null;
  name: string | null;
  deviceId: string;
  scannedAt: string;
  byName: string | null;
  firstAt: string | null;
  firstByName: string | null;
}

export interface DoorList {
  event: { id: string; title: string; timeZone: string; status: string };
  /** The raw Ed25519 public key (base64url) that verifies the event's tickets. */
  publicKey: string;
  guests: DoorListGuest[];
  /** The revocation list: withdrawn invitations, refused at the door. */
  revoked: string[];
  flags: DoorFlag[];
  counts: LiveCounts;
  /** When the server read this list (ms since the epoch): the device shows its age. */
  asOf: number;
}

function toFlag(row: DoorScanRow & { fullName: string | null; honorific: string | null }): DoorFlag {
  return {
    nonce: row.nonce,
    kind: row.outcome === "duplicate" ? "duplicate" : "refused",
    reason: row.reason,
    invitationId: row.invitationId,
    name: row.fullName ? [row.honorific, row.fullName].filter(Boolean).join(" ") : null,
    deviceId: row.deviceId,
    scannedAt: row.scannedAt.toISOString(),
    byName: row.byName,
    firstAt: row.firstAt?.toISOString() ?? null,
    firstByName: row.firstByName,
  };
}

/**
 * What a door device keeps for working offline: every invitee (names, positions, role, table and seat — no contact
 * details), the revocation list, the public key, the duplicates and refusals staff must see, and the counts.
 */
export async function doorList(db: Db, eventId: string, now: Date = new Date()): Promise<DoorList> {
  const event = await getDoorEvent(db, eventId);
  const owner = await getEventOwner(db, eventId);
  if (!event || !owner) throw new ServiceError("not_found", "errors.notFound.body");
  const [rows, keys, flags, counts] = await Promise.all([listDoorGuests(db, eventId), ticketKeys(db), listDoorFlags(db, eventId), attendanceCounts(db, eventId, now)]);
  const seats = await listSeatsOfInvitations(db, rows.map((r) => r.invitationId));
  const seatOf = new Map<string, GuestSeat>();
  for (const s of seats) if (!seatOf.has(s.invitationId)) seatOf.set(s.invitationId, { table: s.tableName, number: s.seatIndex + 1 });
  return {
    event: { ...event, status: owner.status },
    publicKey: keys.publicKeyBase64Url,
    guests: rows.map((r) => ({
      invitationId: r.invitationId,
      honorific: r.honorific,
      fullName: r.fullName,
      search: r.nameSearch,
      positions: r.positions,
      organization: r.organization,
      role: r.role,
      groupLabel: r.groupLabel,
      plusOnes: r.plusOnes,
      status: r.status,
      withdrawn: r.withdrawnAt !== null,
      seat: seatOf.get(r.invitationId) ?? null,
      checkedInAt: r.checkInAt?.toISOString() ?? null,
      checkedInBy: r.checkInByName,
    })),
    revoked: rows.filter((r) => r.withdrawnAt !== null).map((r) => r.invitationId),
    flags: flags.map(toFlag),
    counts,
    asOf: now.getTime(),
  };
}

function storedAnswer(row: DoorScanRow, name: string | null = null): SyncedScan {
  const outcome = row.outcome === "checked_in" ? "checkedIn" : row.outcome;
  return {
    nonce: row.nonce,
    outcome,
    reason: row.reason,
    invitationId: row.invitationId,
    name,
    firstAt: row.firstAt?.toISOString() ?? null,
    firstByName: row.firstByName,
  };
}

/**
 * Applies one queued scan, exactly once per nonce (docs/decisions/022-offline-door.md). The check-in itself goes
 * through `checkInGuest` — the one place a guest is checked in — with the device's scan time (never in the future).
 * A guest already checked in (another device, or online) gives a logged duplicate; a withdrawn invitation, a code
 * that is not genuine or another event's ticket a logged refusal.
 */
async function applyScan(db: Db, actor: StaffActor, eventId: string, deviceId: string, scan: QueuedScan, secrets: readonly string[], now: Date): Promise<SyncedScan> {
  const scannedAt = new Date(Math.min(Date.parse(scan.scannedAt), now.getTime()));
  const found = scan.code ? await invitationOfCode(db, scan.code, secrets) : { invitationId: scan.invitationId!, eventId: null };
  const foreign = !found || (found.eventId !== null && found.eventId !== eventId);
  const guest = found && !foreign ? await getGuest(db, found.invitationId) : null;
  const invitationId = guest && guest.eventId === eventId ? guest.invitationId : null;
  const won = await claimScanNonce(db, { nonce: scan.nonce, eventId, invitationId, deviceId, scannedAt, byUserId: actor.id, byName: actor.name });
  if (!won) {
    const stored = await getScan(db, scan.nonce);
    // A nonce is the device's: another event's or nothing at all means it was never ours to answer.
    if (!stored || stored.eventId !== eventId) return { nonce: scan.nonce, outcome: "refused", reason: "notFound" };
    return storedAnswer(stored, guest ? [guest.honorific, guest.fullName].filter(Boolean).join(" ") : null);
  }
  try {
    const name = guest ? [guest.honorific, guest.fullName].filter(Boolean).join(" ") : null;
    if (!found) {
      await finishScan(db, scan.nonce, { outcome: "refused", invitationId: null, reason: "unknownCode" });
      return { nonce: scan.nonce, outcome: "refused", reason: "unknownCode" };
    }
    if (foreign || !invitationId) {
      await finishScan(db, scan.nonce, { outcome: "refused", invitationId: null, reason: "otherEvent" });
      return { nonce: scan.nonce, outcome: "refused", reason: "otherEvent" };
    }
    const result = await checkInGuest(db, actor, eventId, invitationId, scannedAt);
    if (result.outcome === "checkedIn") {
      await finishScan(db, scan.nonce, { outcome: "checked_in", invitationId });
      return { nonce: scan.nonce, outcome: "checkedIn", invitationId, name };
    }
    if (result.outcome === "already") {
      const first = { firstAt: result.checkIn.at, firstByName: result.checkIn.byName };
      await finishScan(db, scan.nonce, { outcome: "duplicate", invitationId, ...first });
      return { nonce: scan.nonce, outcome: "duplicate", invitationId, name, firstAt: first.firstAt.toISOString(), firstByName: first.firstByName };
    }
    await finishScan(db, scan.nonce, { outcome: "refused", invitationId, reason: result.reason });
    return { nonce: scan.nonce, outcome: "refused", reason: result.reason, invitationId, name };
  } catch (error) {
    // Not applied: free the nonce so that the device's next upload tries again.
    await releaseScanNonce(db, scan.nonce);
    throw error;
  }
}

/** Applies a device's queued scans in the order they were made; the answer for each tells the device to drop it. */
export async function syncDoorScans(
  db: Db,
  actor: StaffActor,
  eventId: string,
  input: DoorSyncInput,
  secrets: readonly string[],
  now: Date = new Date(),
): Promise<SyncedScan[]> {
  await requireEvent(db, eventId);
  const ordered = [...input.scans].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt));
  const answers: SyncedScan[] = [];
  for (const scan of ordered) answers.push(await applyScan(db, actor, eventId, input.deviceId, scan, secrets, now));
  return answers;
}

export interface Badge {
  invitationId: string;
  name: string;
  positions: string[];
  organization: string | null;
  role: GuestRow["role"];
  /** The signed door ticket as a QR code (SVG data URL). */
  qr: string;
  /** A companion's badge: the name of the invitee they come with (their QR is the invitee's: the party checks in together). */
  companionOf?: string;
}

/** Name badges for the event's standing invitations (or one of them, for a reprint at the door), by name. */
export async function eventBadges(db: Db, eventId: string, onlyInvitationId?: string): Promise<Badge[]> {
  const rows = (await listDoorGuests(db, eventId)).filter((r) => !r.withdrawnAt && (!onlyInvitationId || r.invitationId === onlyInvitationId));
  const keys = await ticketKeys(db);
  const badges = await Promise.all(
    rows.map(async (r): Promise<Badge[]> => {
      const name = capitalizeFirst([r.honorific, r.fullName].filter(Boolean).join(" "));
      const qr = await checkInQrDataUrl(signTicket(keys, r.invitationId, eventId));
      // Each named companion of an invitee who comes gets a badge of their own, right after the invitee's.
      const companions = r.status === "declined" ? [] : companionsComing(r);
      return [
        { invitationId: r.invitationId, name, positions: r.positions, organization: r.organization, role: r.role, qr },
        ...companions.map((c) => ({ invitationId: r.invitationId, name: capitalizeFirst(c), positions: [], organization: null, role: "guest" as const, qr, companionOf: name })),
      ];
    }),
  );
  return badges.flat();
}
