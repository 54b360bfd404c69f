/** The seating plan as the API answers it (docs/api.md, "Seating"; the schema: app/domain/api/ceremony-json.ts). */
import type { SeatingJson } from "~/domain/api/ceremony-json";
import { parseHolderKey } from "~/domain/protocol/companion-seats";
import { conflictText } from "~/domain/protocol/conflict-text";
import { translate } from "~/i18n/i18n";
import type { SeatingView } from "~/services/seating.server";

/** A holder key ("<invitation>" or "<invitation>:<n>" for a companion) as the API spells it. */
function holderOf(key: string | null): { invitationId: string | null; companionIndex: number } {
  const holder = key ? parseHolderKey(key) : null;
  return holder ?? { invitationId: null, companionIndex: 0 };
}

/** Tables, seats, conflicts (with their English text) and signing arrangements. */
export function seatingToJson(view: SeatingView): SeatingJson {
  const dignitaryByInvitation = new Map(view.precedence.dignitaries.map((d) => [d.invitationId, d]));
  const t = (key: Parameters<typeof translate>[1], p?: Parameters<typeof translate>[2]) => translate("en", key, p);
  return {
    tables: view.tables.map((table) => ({
      id: table.id,
      name: table.name,
      kind: table.kind,
      seatCount: table.seatCount,
      mode: table.mode,
      secondTo: table.secondTo,
      frontSeats: table.frontSeats,
      documentId: table.document?.id ?? null,
      seats: table.seats.map((s) => ({
        index: s.index,
        rank: s.rank,
        role: s.role,
        party: s.party?.nameVi ?? null,
        reserved: s.reserved,
        ...holderOf(s.invitationId),
        dignitaryId: s.invitationId ? (dignitaryByInvitation.get(s.invitationId)?.id ?? null) : null,
        // A companion: "Đỗ Thư Ký — guest of bà Phạm Thị Phó".
        name: s.invitationId
          ? view.companionOf[s.invitationId]
            ? translate("en", "companions.seatingLabel", view.companionOf[s.invitationId]!)
            : (view.labels[s.invitationId] ?? null)
          : null,
      })),
    })),
    // Invitation ids in `personId(s)`: a companion seated twice is their invitation with its companionIndex; the
    // unseated list names invitees (unseated companions: `unseatedCompanions`).
    conflicts: view.conflicts.map((c) => {
      const message = conflictText(c, view.tables, view.labels, t);
      if (c.kind === "seatedTwice") {
        const h = holderOf(c.personId);
        return { ...c, personId: h.invitationId ?? c.personId, companionIndex: h.companionIndex, message };
      }
      if (c.kind === "unseated") return { ...c, personIds: c.personIds.filter((k) => holderOf(k).companionIndex === 0), message };
      return { ...c, message };
    }),
    signing: view.signing.agreement
      ? {
          originals: view.signing.agreement.originals,
          hostSide: view.signing.agreement.hostSide,
          parties: view.signing.parties.map((p) => ({
            organizationId: p.organizationId,
            name: p.nameVi,
            isHost: p.isHost,
            signatoryId: p.dignitaryId,
            signingOrder: p.signingOrder,
          })),
        }
      : null,
    // Every document's signing: its parties in signing order with their signatories (dignitary ids, in order).
    signings: view.signing.documents.map((d) => ({
      documentId: d.id,
      title: d.title,
      hostSide: d.hostSide,
      parties: d.parties.map((p) => ({ sideId: p.sideId, organizationId: p.organizationId, name: p.nameVi, isHost: p.isHost, signatoryIds: p.signatoryIds })),
    })),
    unseated: view.unseated.filter((k) => holderOf(k).companionIndex === 0),
    unseatedCompanions: view.unseated.flatMap((k) => {
      const h = parseHolderKey(k);
      return h && h.companionIndex > 0 ? [h] : [];
    }),
    unavailableSeated: view.unavailableSeated.map((u) => ({ invitationId: u.invitationId, status: u.status })),
  };
}
