/**
 * What a door device decides on its own, without the network (docs/decisions/022-offline-door.md). Pure and
 * client-safe: the signature check happens before (WebCrypto), this takes its result.
 */
import { foldForSearch } from "~/domain/text/search";
import type { LegacyCode, ParsedTicket } from "./ticket";

export interface OfflineGuest {
  invitationId: string;
  honorific: string | null;
  fullName: string;
  search: string;
  positions: string[];
  organization: string | null;
  role: string;
  groupLabel: string | null;
  plusOnes: number;
  status: string;
  withdrawn: boolean;
  seat: { table: string; number: number } | null;
  checkedInAt: string | null;
  checkedInBy: string | null;
}

export interface OfflineList {
  event: { id: string; title: string; timeZone: string; status: string };
  publicKey: string;
  guests: OfflineGuest[];
  revoked: string[];
  asOf: number;
}

/** A scan waiting for the network. */
export interface PendingScan {
  nonce: string;
  eventId: string;
  scannedAt: string;
  code?: string;
  invitationId?: string;
  /** Who it was, as far as the device knew (null: a genuine ticket for someone not yet on the list). */
  guestId: string | null;
  /** An older code the device could not verify: the server checks it on sync. */
  provisional: boolean;
}

export type LocalDecision =
  | { kind: "accept"; guest: OfflineGuest | null; invitationId: string; provisional: boolean; notOnList: boolean }
  | { kind: "already"; guest: OfflineGuest; at: string; by: string | null; pending: boolean }
  | { kind: "refuse"; reason: "unknownCode" | "otherEvent" | "withdrawn" | "eventCancelled"; guest: OfflineGuest | null };

/**
 * The device's answer to a scan: `code` is the parsed QR (null: not ours), `genuine` whether its signature verified
 * (ignored for legacy codes, which only the server can verify). A withdrawn invitation is refused when the device's
 * list already knows it; otherwise the server flags it on sync.
 */
export function decideScan(
  list: OfflineList,
  queue: readonly PendingScan[],
  code: ParsedTicket | LegacyCode | { kind: "byName"; invitationId: string } | null,
  genuine: boolean,
): LocalDecision {
  if (!code) return { kind: "refuse", reason: "unknownCode", guest: null };
  if (code.kind === "signed") {
    if (!genuine) return { kind: "refuse", reason: "unknownCode", guest: null };
    if (code.eventId !== list.event.id) return { kind: "refuse", reason: "otherEvent", guest: null };
  }
  const guest = list.guests.find((g) => g.invitationId === code.invitationId) ?? null;
  // An older code names an invitation; without the server's secret only the list can vouch for it.
  if (code.kind === "legacy" && !guest) return { kind: "refuse", reason: "unknownCode", guest: null };
  if (code.kind === "byName" && !guest) return { kind: "refuse", reason: "unknownCode", guest: null };
  if (list.revoked.includes(code.invitationId) || guest?.withdrawn) return { kind: "refuse", reason: "withdrawn", guest };
  if (list.event.status === "cancelled") return { kind: "refuse", reason: "eventCancelled", guest };
  if (guest?.checkedInAt) return { kind: "already", guest, at: guest.checkedInAt, by: guest.checkedInBy, pending: false };
  const queued = queue.find((s) => s.eventId === list.event.id && (s.guestId ?? s.invitationId) === code.invitationId);
  if (guest && queued) return { kind: "already", guest, at: queued.scannedAt, by: null, pending: true };
  return { kind: "accept", guest, invitationId: code.invitationId, provisional: code.kind === "legacy", notOnList: !guest };
}

/** Diacritic-insensitive search in the device's list ("nguyen van" finds "Nguyễn Văn"). */
export function searchOffline(list: OfflineList, query: string, limit = 20): OfflineGuest[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  return list.guests.filter((g) => g.search.includes(folded)).slice(0, limit);
}

/** The counts the device shows: the list's, with its own scans still waiting counted as arrived. */
export function offlineCounts(
  counts: { invited: number; answered: number; accepted: number; arrived: number },
  list: OfflineList,
  queue: readonly PendingScan[],
): { invited: number; answered: number; accepted: number; arrived: number } {
  const arrived = new Set(list.guests.filter((g) => g.checkedInAt && !g.withdrawn).map((g) => g.invitationId));
  let extra = 0;
  for (const s of queue) {
    const id = s.guestId ?? s.invitationId;
    if (s.eventId === list.event.id && id && !arrived.has(id)) {
      arrived.add(id);
      extra += 1;
    }
  }
  return { ...counts, arrived: counts.arrived + extra };
}
