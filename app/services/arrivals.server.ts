/** The arrivals board: the door's check-ins against the precedence list (docs/decisions/022-offline-door.md). */
import type { Db } from "#db/client.server";
import { buildArrivalsBoard, type ArrivalsBoard } from "~/domain/check-in/arrivals";
import { listArrivedInvitationIds, listDoorGuests } from "~/models/door.server";
import { loadPrecedence } from "./dignitaries.server";

export interface ArrivalsView extends ArrivalsBoard {
  event: { id: string; title: string; timeZone: string };
  asOf: number;
}

export async function arrivalsBoard(db: Db, eventId: string, now: Date = new Date()): Promise<ArrivalsView> {
  const [precedence, guests] = await Promise.all([loadPrecedence(db, eventId), listDoorGuests(db, eventId)]);
  const board = buildArrivalsBoard(
    precedence.dignitaries.map((d) => ({ invitationId: d.invitationId, place: d.place, address: d.address.short, positions: d.positions, organization: d.organization })),
    guests.map((g) => ({
      invitationId: g.invitationId,
      honorific: g.honorific,
      fullName: g.fullName,
      positions: g.positions,
      organization: g.organization,
      role: g.role,
      withdrawn: g.withdrawnAt !== null,
      checkedInAt: g.checkInAt,
    })),
  );
  return { ...board, event: { id: precedence.event.id, title: precedence.event.title, timeZone: precedence.event.timeZone }, asOf: now.getTime() };
}

/**
 * The dignitaries still expected: not checked in while the door has checked someone in (before the door opens
 * nobody is "awaited"). The seating page marks their seats.
 */
export async function awaitedDignitaries(db: Db, eventId: string): Promise<string[]> {
  const [precedence, arrived] = await Promise.all([loadPrecedence(db, eventId), listArrivedInvitationIds(db, eventId)]);
  if (arrived.length === 0) return [];
  const present = new Set(arrived);
  return precedence.dignitaries.map((d) => d.invitationId).filter((id) => !present.has(id));
}
