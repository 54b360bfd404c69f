/** The JSON shapes of /api/v1/events/{id}/dignitaries (docs/api.md). */
import type { DignitaryJson } from "~/domain/api/resources";
import type { DignitaryApiCreate, DignitaryApiPatch, DignitaryInput } from "~/domain/protocol/dignitary.schema";
import { precedenceReasonIn } from "~/domain/protocol/reason-text";
import type { DignitaryChange, DignitaryView, PrecedenceView } from "~/services/dignitaries.server";
import { apiError } from "~/utils/api.server";
import { isoInZone } from "~/services/api-presenters/iso.server";

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
    arrivalAt: d.arrivalAt ? isoInZone(d.arrivalAt, zone) : null,
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

/** The list's version as an ETag: send it back in If-Match to refuse a change made from an outdated list. */
export function listEtag(version: string): string {
  return `"${version}"`;
}

/** If-Match: "<16 hex digits>" (or W/"…", * = any) → the list version expected; undefined when absent. */
export function expectedListVersion(request: Request): string | undefined {
  const header = request.headers.get("If-Match")?.trim();
  if (!header || header === "*") return undefined;
  const match = /^(?:W\/)?"?([0-9a-f]{16})"?$/.exec(header);
  if (!match?.[1])
    throw apiError(400, 'If-Match must be the version of the dignitary list in quotes, as sent in its ETag, e.g. If-Match: "0123456789abcdef".');
  return match[1];
}

export function createInputFromApi(body: DignitaryApiCreate): DignitaryInput {
  return {
    honorific: body.honorific,
    name: body.name,
    positions: body.positions,
    organization: body.organization,
    delegation: body.delegation,
    side: body.side ?? null,
    arrivalAt: body.arrivalAt ?? null,
    escortUserId: body.escortUserId ?? null,
    notes: body.notes,
    email: body.email,
    fullAddressOverride: body.addressOverrides?.full ?? null,
    shortAddressOverride: body.addressOverrides?.short ?? null,
    englishAddressOverride: body.addressOverrides?.english ?? null,
  };
}

export function changeFromApi(body: DignitaryApiPatch): DignitaryChange {
  const { addressOverrides, ...rest } = body;
  const change: DignitaryChange = { ...rest };
  if (addressOverrides === null) {
    change.fullAddressOverride = null;
    change.shortAddressOverride = null;
    change.englishAddressOverride = null;
  } else if (addressOverrides) {
    if (addressOverrides.full !== undefined) change.fullAddressOverride = addressOverrides.full;
    if (addressOverrides.short !== undefined) change.shortAddressOverride = addressOverrides.short;
    if (addressOverrides.english !== undefined) change.englishAddressOverride = addressOverrides.english;
  }
  return change;
}
