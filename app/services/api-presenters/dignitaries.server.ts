/** A dignitary as the API answers it (docs/api.md, "Dignitaries"; the schema: app/domain/api/resources.ts). */
import type { DignitaryJson } from "~/domain/api/resources";
import { precedenceReasonIn } from "~/domain/protocol/reason-text";
import type { DignitaryView, PrecedenceView } from "~/services/dignitaries.server";
import { isoInZoneOrNull } from "./iso.server";

export function dignitaryToJson(d: DignitaryView, view: Pick<PrecedenceView, "event">): DignitaryJson {
  const zone = view.event.timeZone;
  const r = d.rankReason;
  return {
    id: d.id,
    invitationId: d.invitationId,
    honorific: d.honorific,
    name: d.name,
    positions: d.positions,
    organization: d.organization,
    delegation: d.delegation,
    side: d.side,
    arrivalAt: isoInZoneOrNull(d.arrivalAt, zone),
    escortUserId: d.escortUserId,
    notes: d.notes,
    precedence: d.place,
    proposedPrecedence: d.proposedPlace,
    reason: {
      kind: d.moved ? "manual" : r.kind,
      position: r.kind === "rank" ? r.position : null,
      rank: r.kind === "rank" ? r.rank : null,
      text: precedenceReasonIn("en", d, d.positions.length, view.event.precedenceEqualsFirst),
    },
    fullAddress: d.address.full,
    shortAddress: d.address.short,
    englishAddress: d.address.english,
    addressOverrides: { full: d.fullAddressOverride, short: d.shortAddressOverride, english: d.englishAddressOverride },
  };
}
