/** The dignitaries API's shared steps: the list version (If-Match) and the bodies as the service's input (docs/api.md). */
import type { DignitaryApiCreate, DignitaryApiPatch, DignitaryInput } from "~/domain/protocol/dignitary.schema";
import type { DignitaryChange } from "~/services/dignitaries.server";
import { apiError } from "~/utils/api.server";

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
