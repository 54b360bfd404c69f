/**
 * The signing arrangements of a signing ceremony, per document: for each party (a side) its signatories (dignitaries
 * of the event, first = the one at the signing table) and the signing order, the number of originals, and the side
 * of the signing table the host takes. The seating proposal reads them (signingPeople).
 */
import type { Db } from "#db/client.server";
import type { SigningPeople } from "~/domain/protocol/seating-plan";
import type { AgreementSigningInput, TableSide } from "~/domain/protocol/seating.schema";
import { recordAudit } from "~/models/audit.server";
import { listDocuments, listRoles, listSides, replacePartySignatories, setDocumentParties, setDocumentSigning } from "~/models/ceremony.server";
import { getProtocolEvent, lockProtocolEvent } from "~/models/dignitaries.server";
import { dignitaryIdsOf } from "~/models/seating.server";
import type { PrecedenceView } from "./dignitaries.server";
import { ServiceError } from "./errors";
import type { Actor } from "./events.server";

export interface SigningParty {
  sideId: string;
  /** The side's organization; null for a side named only by its label. */
  organizationId: string | null;
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  /** The host side (or, when no host side is a party, the first to sign). */
  isHost: boolean;
  /** The first signatory (the one at the signing table). */
  dignitaryId: string | null;
  /** Every signatory, in order. */
  signatoryIds: string[];
  /** 1 = signs first. */
  signingOrder: number;
}

export interface SigningDocument {
  id: string;
  title: string;
  originals: number | null;
  hostSide: TableSide;
  /** In signing order. */
  parties: SigningParty[];
}

export interface SigningView {
  /** The first document (the one the signing form edits); null when the event has none. */
  agreement: { id: string; title: string; originals: number | null; hostSide: TableSide } | null;
  /** The first document's parties, in signing order. */
  parties: SigningParty[];
  /** Every document, in signing order. */
  documents: SigningDocument[];
}

export async function loadSigning(db: Db, eventId: string): Promise<SigningView> {
  const [event, documents, sides, roles] = await Promise.all([
    getProtocolEvent(db, eventId),
    listDocuments(db, [eventId]),
    listSides(db, [eventId]),
    listRoles(db, eventId),
  ]);
  if (!event) throw new ServiceError("not_found", "errors.notFound.body");
  const docs = documents.map((d): SigningDocument => {
    const parties = d.partySideIds.flatMap((sideId, i): SigningParty[] => {
      const side = sides.find((x) => x.id === sideId);
      if (!side) return [];
      const signatoryIds = roles
        .filter((r) => r.role.kind === "signatory" && r.role.documentId === d.id && r.role.sideId === sideId)
        .sort((a, b) => a.position - b.position)
        .map((r) => r.dignitaryId);
      return [
        {
          sideId,
          organizationId: side.organization?.id ?? null,
          nameVi: side.organization?.nameVi ?? side.labelVi ?? "",
          nameEn: side.organization?.nameEn ?? side.labelEn,
          shortName: side.organizationShortName,
          isHost: false,
          dignitaryId: signatoryIds[0] ?? null,
          signatoryIds,
          signingOrder: i + 1,
        },
      ];
    });
    const host =
      parties.find((p) => sides.find((x) => x.id === p.sideId)?.kind === "host") ??
      parties.find((p) => p.organizationId !== null && p.organizationId === event.hostOrganizationId) ??
      parties[0];
    if (host) host.isHost = true;
    return { id: d.id, title: d.title, originals: d.originals, hostSide: d.hostSide, parties };
  });
  const first = docs[0];
  return {
    agreement: first ? { id: first.id, title: first.title, originals: first.originals, hostSide: first.hostSide } : null,
    parties: first?.parties ?? [],
    documents: docs,
  };
}

/**
 * Saves the first document's signatories (the one at the table for each party; others of the party stay behind
 * them), signing order, originals and host side. A party is named by its organization id; a signatory must be a
 * dignitary of the event.
 */
export async function saveSigning(db: Db, actor: Actor, eventId: string, input: AgreementSigningInput): Promise<SigningView> {
  await db.transaction(async (tx) => {
    const event = await lockProtocolEvent(tx, eventId);
    if (!event) throw new ServiceError("not_found", "errors.notFound.body");
    if (event.status === "cancelled") throw new ServiceError("conflict", "protocol.errors.cancelled");
    const view = await loadSigning(tx, eventId);
    const document = view.documents[0];
    if (!document) throw new ServiceError("conflict", "protocol.errors.noAgreement");
    const parties = document.parties;
    const fields: Record<string, string> = {};
    input.parties.forEach((p, i) => {
      if (!parties.some((x) => x.organizationId === p.organizationId)) fields[`parties.${i}.organizationId`] = "protocol.errors.notParty";
    });
    const known = await dignitaryIdsOf(
      tx,
      eventId,
      input.parties.map((p) => p.dignitaryId).filter((x): x is string => !!x),
    );
    input.parties.forEach((p, i) => {
      if (p.dignitaryId && !known.has(p.dignitaryId)) fields[`parties.${i}.dignitaryId`] = "protocol.errors.signatoryUnknown";
    });
    if (Object.keys(fields).length) throw new ServiceError("invalid", "form.fixErrors", fields);
    // Parties the form did not mention keep their place after the others, in their stored order.
    const given = input.parties
      .map((p) => ({ ...p, party: parties.find((x) => x.organizationId === p.organizationId) }))
      .filter((p): p is typeof p & { party: SigningParty } => !!p.party)
      .sort((a, b) => a.signingOrder - b.signingOrder);
    const rest = parties.filter((p) => !given.some((g) => g.party.sideId === p.sideId));
    await setDocumentParties(tx, document.id, [...given.map((g) => g.party.sideId), ...rest.map((p) => p.sideId)]);
    const rows = await listDocuments(tx, [eventId]);
    const partyIds = rows.find((d) => d.id === document.id)?.partyIds ?? {};
    for (const g of given) {
      const partyId = partyIds[g.party.sideId];
      if (!partyId) continue;
      const others = g.party.signatoryIds.slice(1).filter((id) => id !== g.dignitaryId);
      await replacePartySignatories(tx, partyId, g.dignitaryId ? [g.dignitaryId, ...others] : others);
    }
    await setDocumentSigning(tx, document.id, { originals: input.originals, hostSide: input.hostSide });
    await recordAudit(tx, {
      actor,
      action: "agreement.signing",
      entityType: "event",
      entityId: eventId,
      eventId,
      details: { documentId: document.id, originals: input.originals, hostSide: input.hostSide },
    });
  });
  return loadSigning(db, eventId);
}
/**
 * Who sits at the signing table: the host party's signatory and the first other party's (by signing order)
 * side by side, the host on the configured side; behind each, their side's other dignitaries in precedence
 * order. Null when no signatory is chosen. Ids are invitation ids (seats hold invitations).
 */
export function signingPeople(signing: SigningView, precedence: PrecedenceView): SigningPeople | null {
  if (!signing.agreement) return null;
  const byDignitary = new Map(precedence.dignitaries.map((d) => [d.id, d]));
  const host = signing.parties.find((p) => p.isHost);
  const guest = signing.parties.find((p) => !p.isHost && p.dignitaryId && byDignitary.has(p.dignitaryId));
  const hostSigner = host?.dignitaryId ? byDignitary.get(host.dignitaryId) : undefined;
  const guestSigner = guest?.dignitaryId ? byDignitary.get(guest.dignitaryId) : undefined;
  if (!hostSigner && !guestSigner) return null;
  const signers = new Set([hostSigner?.id, guestSigner?.id]);
  const delegation = (side: "host" | "guest") =>
    precedence.dignitaries.filter((d) => d.side === side && !signers.has(d.id)).map((d) => d.invitationId);
  return {
    hostSignatory: hostSigner?.invitationId ?? null,
    guestSignatory: guestSigner?.invitationId ?? null,
    hostDelegation: delegation("host"),
    guestDelegation: delegation("guest"),
    hostSide: signing.agreement.hostSide,
  };
}
